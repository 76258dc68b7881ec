using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using UzumBot.Conversation;
using UzumBot.Features;
using UzumBot.Features.Settings;
using UzumBot.Hosting;
using UzumBot.Localization;
using UzumBot.Rendering;
using UzumBot.Security;
using UzumBot.Storage;
using UzumBot.Tests.Support;
using UzumBot.Uzum;

namespace UzumBot.Tests.Features.Settings;

/// <summary>The settings handlers on a real temp-file database and the real vault (with few iterations).</summary>
public sealed class SettingsFeatureTests : IDisposable
{
    private const string TenantId = "t-settings";
    private const long OwnerId = 501;
    private const long ManagerId = 502;
    private const string Pin = "246810";

    private readonly string _path = Path.Combine(Path.GetTempPath(), "uzumbot-settings-" + Guid.NewGuid().ToString("N"), "data.db");
    private readonly Database _db;
    private readonly TokenVault _vault = new(ServerPepper.FromBytes(RandomNumberGenerator.GetBytes(ServerPepper.Length)), 1000, allowBelowMinimum: true);
    private readonly TokenFingerprint _fingerprints = new(ServerPepper.FromBytes(RandomNumberGenerator.GetBytes(ServerPepper.Length)));
    private readonly UnlockedSessions _sessions = new(TimeProvider.System, Options.Create(new SecurityOptions()));
    private readonly AccessCodeStore _codes;
    private readonly SettingsFeature _feature;
    private readonly DataKey _key;

    public SettingsFeatureTests()
    {
        _db = new Database(_path);
        _codes = new AccessCodeStore(_db, TimeProvider.System);
        var audit = new AuditLog(_db, TimeProvider.System);
        _feature = new SettingsFeature(_db, new CurrentPinCheck(_db, _vault, audit, TimeProvider.System),
            new TenantRekey(_db, _vault, _fingerprints, _codes, _sessions, audit,
                new UzumBot.Features.Automation.AutomationAccess(_db, _vault, ServerKey.FromBytes(RandomNumberGenerator.GetBytes(ServerKey.Length)), TimeProvider.System)), new DataEraser(_db, _codes, _sessions),
            _vault, audit, _sessions, TimeProvider.System, NullLogger<SettingsFeature>.Instance);

        var (sealedToken, key) = _vault.Seal("sandbox-unit-old", TenantId);
        _key = key;
        _db.Tenants.Insert(new TenantDocument
        {
            Id = TenantId, OwnerUserId = OwnerId, SealedToken = sealedToken, TokenFingerprint = _fingerprints.Compute("sandbox-unit-old"),
            Shops = [new ShopDocument { Id = 1, Name = "One" }, new ShopDocument { Id = 2, Name = "Two" }],
        });
        foreach (var (id, role) in new[] { (OwnerId, Role.Owner), (ManagerId, Role.Manager) })
        {
            _db.Members.Insert(new MemberDocument { UserId = id, TenantId = TenantId, Role = role.ToString(), PinWrap = _vault.WrapWithPin(key, Pin, TenantId, id) });
            _db.Chats.Insert(new ChatDocument { ChatId = id, UserId = id, State = nameof(ChatState.Ready) });
            _sessions.Unlock(id, new UzumToken("sandbox-unit-old"), key.Clone());
        }
    }

    [Fact]
    public async Task Changing_the_PIN_rewraps_the_key_and_keeps_the_first_entry_out_of_the_database()
    {
        var session = SessionOf(OwnerId);
        await TapAsync(session, SettingsFeature.ChangePin);
        Assert.Equal(SettingsFeature.OldPinInput, session.Chat.Awaiting);

        var reply = await TypeAsync(session, Pin);
        Assert.True(reply.DeleteIncomingMessage);
        Assert.Equal(SettingsFeature.NewPinInput, session.Chat.Awaiting);

        await TypeAsync(session, "1357");
        Assert.Equal(SettingsFeature.RepeatPinInput, session.Chat.Awaiting);
        _db.Checkpoint();
        Assert.Equal(-1, File.ReadAllBytes(_path).AsSpan().IndexOf("1357"u8));

        reply = await TypeAsync(session, "1357");
        Assert.True(reply.DeleteIncomingMessage);
        Assert.Contains("PIN изменён", reply.Screen!.Html);
        var member = _db.Members.FindById(OwnerId);
        Assert.Null(_vault.TryUnwrapWithPin(member.PinWrap!, Pin, TenantId, OwnerId));
        using var opened = _vault.TryUnwrapWithPin(member.PinWrap!, "1357", TenantId, OwnerId);
        Assert.NotNull(opened);
        Assert.Equal("sandbox-unit-old", _vault.Open(_db.Tenants.FindById(TenantId).SealedToken!, opened, TenantId));
        Assert.Contains(_db.Audit.FindAll(), a => a.Action == AuditActions.PinChanged && a.UserId == OwnerId);
    }

    [Fact]
    public async Task A_new_PIN_step_without_the_old_PIN_checked_goes_back_to_the_old_PIN()
    {
        var session = SessionOf(OwnerId);
        session.AwaitText(SettingsFeature.NewPinInput);
        var reply = await TypeAsync(session, "1357");
        Assert.Equal(SettingsFeature.OldPinInput, session.Chat.Awaiting);
        Assert.Contains("Время вышло", reply.Screen!.Html);
    }

    [Fact]
    public async Task Five_wrong_old_PINs_lock_the_session()
    {
        var session = SessionOf(ManagerId);
        await TapAsync(session, SettingsFeature.ChangePin);
        for (var i = 0; i < 4; i++)
        {
            var wrong = await TypeAsync(session, "000000");
            Assert.Contains($"Осталось попыток: {4 - i}", wrong.Screen!.Html);
        }
        var locked = await TypeAsync(session, "000000");
        Assert.Contains("Сессия заблокирована", locked.Screen!.Html);
        Assert.Null(_sessions.Touch(ManagerId));
        Assert.Equal(nameof(ChatState.Locked), session.Chat.State);
        Assert.NotNull(_db.Members.FindById(ManagerId).PinLockedUntil);
    }

    [Fact]
    public async Task Reconnecting_reseals_under_a_new_key_and_strips_the_team_of_its_wraps()
    {
        var invite = _codes.CreateInvite(TenantId, Role.Viewer, 1, TimeSpan.FromDays(1), OwnerId, code => _vault.WrapWithCode(_key, code, TenantId));
        var session = SessionOf(OwnerId, new ShopsClient([new Shop(9, "Nine")]));
        await TapAsync(session, SettingsFeature.ReconnectGo);
        await TypeAsync(session, "sandbox-unit-new");
        Assert.Equal(SettingsFeature.TokenPinInput, session.Chat.Awaiting);
        var reply = await TypeAsync(session, "9999");
        Assert.Contains("Токен переподключён", reply.Screen!.Html);

        var tenant = _db.Tenants.FindById(TenantId);
        Assert.Equal([9L], tenant.Shops.Select(s => s.Id));
        Assert.Equal(_fingerprints.Compute("sandbox-unit-new"), tenant.TokenFingerprint);
        Assert.Throws<AuthenticationTagMismatchException>(() => _vault.Open(tenant.SealedToken!, _key, TenantId));
        using var ownerKey = _vault.TryUnwrapWithPin(_db.Members.FindById(OwnerId).PinWrap!, "9999", TenantId, OwnerId);
        Assert.Equal("sandbox-unit-new", _vault.Open(tenant.SealedToken!, ownerKey!, TenantId));
        Assert.Null(_db.Members.FindById(ManagerId).PinWrap);
        Assert.Null(_sessions.Touch(ManagerId));
        Assert.Equal("sandbox-unit-new", _sessions.Touch(OwnerId)!.Token.Value);
        Assert.Equal(CodeVerdict.Revoked, _codes.Check(invite).Verdict);
    }

    [Fact]
    public async Task A_token_of_another_tenant_is_refused()
    {
        _db.Tenants.Insert(new TenantDocument { Id = "other", TokenFingerprint = _fingerprints.Compute("sandbox-unit-theirs") });
        var session = SessionOf(OwnerId, new ShopsClient([new Shop(9, "Nine")]));
        await TapAsync(session, SettingsFeature.ReconnectGo);
        var reply = await TypeAsync(session, "sandbox-unit-theirs");
        Assert.Contains("другому аккаунту", reply.Screen!.Html);
        Assert.Equal(SettingsFeature.TokenInput, session.Chat.Awaiting);
        Assert.Equal(_fingerprints.Compute("sandbox-unit-old"), _db.Tenants.FindById(TenantId).TokenFingerprint);
    }

    [Fact]
    public async Task A_manager_leaving_loses_their_record_and_the_chat_starts_over()
    {
        var session = SessionOf(ManagerId);
        var reply = await TapAsync(session, SettingsFeature.LeaveConfirmed);
        Assert.Contains("покинули команду", reply.Screen!.Html);
        Assert.Null(_db.Members.FindById(ManagerId));
        Assert.Null(_sessions.Touch(ManagerId));
        Assert.Null(session.Chat.UserId);
        Assert.Equal(nameof(ChatState.New), session.Chat.State);
        Assert.Contains(_db.Audit.FindAll(), a => a.Action == AuditActions.MemberLeft && a.UserId == ManagerId);
    }

    [Fact]
    public async Task The_owner_cannot_leave_or_delete_only_their_membership()
    {
        var session = SessionOf(OwnerId);
        Assert.NotNull((await TapAsync(session, SettingsFeature.LeaveConfirmed)).Notice);
        Assert.NotNull((await TapAsync(session, SettingsFeature.DeleteMember)).Notice);
        Assert.NotNull(_db.Members.FindById(OwnerId));
    }

    [Fact]
    public async Task A_manager_deleting_their_data_removes_their_records_only()
    {
        _db.Chats.Insert(new ChatDocument { ChatId = 9_999, UserId = ManagerId, State = nameof(ChatState.Ready) });
        _db.CodeAttempts.Insert(new CodeAttemptsDocument { ChatId = ManagerId, Failures = 2 });
        var session = SessionOf(ManagerId);
        await TapAsync(session, SettingsFeature.DeleteMember);
        Assert.Null(_db.Members.FindById(ManagerId));
        Assert.Null(_db.Chats.FindById(9_999L));
        Assert.Null(_db.CodeAttempts.FindById(ManagerId));
        Assert.NotNull(_db.Tenants.FindById(TenantId));
        Assert.NotNull(_db.Members.FindById(OwnerId));
        Assert.Contains(_db.Audit.FindAll(), a => a.Action == AuditActions.DataDeleted && a.TenantId == TenantId);
    }

    [Fact]
    public async Task The_owner_deleting_their_data_erases_the_tenant_and_resets_the_team_chats()
    {
        _codes.CreateInvite(TenantId, Role.Viewer, 1, TimeSpan.FromDays(1), OwnerId, code => _vault.WrapWithCode(_key, code, TenantId));
        new AuditLog(_db, TimeProvider.System).Record(AuditActions.InviteCreated, OwnerId, OwnerId, tenantId: TenantId);
        var session = SessionOf(OwnerId);
        Assert.Contains("Удалить все данные", (await TapAsync(session, SettingsFeature.Delete)).Screen!.Html);
        Assert.NotNull(_db.Tenants.FindById(TenantId));
        await TapAsync(session, SettingsFeature.DeleteTenant);

        Assert.Null(_db.Tenants.FindById(TenantId));
        Assert.Empty(_db.Members.FindAll());
        Assert.Empty(_db.AccessCodes.FindAll());
        Assert.Empty(_db.Audit.Find(a => a.TenantId == TenantId));
        Assert.Null(_sessions.Touch(ManagerId));
        var managerChat = _db.Chats.FindById(ManagerId);
        Assert.Null(managerChat.UserId);
        Assert.Equal(nameof(ChatState.New), managerChat.State);
    }

    [Fact]
    public async Task A_shop_of_another_tenant_cannot_be_chosen()
    {
        var session = SessionOf(OwnerId);
        await TapAsync(session, SettingsFeature.PickShop, "777");
        Assert.Null(_db.Tenants.FindById(TenantId).SelectedShopId);
        await TapAsync(session, SettingsFeature.PickShop, "2");
        Assert.Equal(2, _db.Tenants.FindById(TenantId).SelectedShopId);
        await TapAsync(session, SettingsFeature.PickShop, SettingsFeature.AllShops);
        Assert.Null(_db.Tenants.FindById(TenantId).SelectedShopId);
    }

    private SessionContext SessionOf(long userId, IUzumClient? uzum = null)
    {
        var member = _db.Members.FindById(userId);
        var role = Enum.Parse<Role>(member.Role);
        return new SessionContext(new Incoming { ChatId = userId, UserId = userId }, _db.Chats.FindById(userId), Lang.Ru, member,
            _db.Tenants.FindById(TenantId), role, _sessions.Touch(userId)!, uzum ?? new ThrowingUzumClient());
    }

    private Task<Reply> TapAsync(SessionContext session, string command, params string[] args)
    {
        session.StopAwaitingText();
        return _feature.HandleAsync(session, new CallbackCommand(command, args), CancellationToken.None);
    }

    /// <summary>What the engine does with typed text: the awaited input goes to the feature, the wait is cleared first.</summary>
    private Task<Reply> TypeAsync(SessionContext session, string text)
    {
        var input = session.Chat.Awaiting ?? throw new InvalidOperationException("Nothing is awaited.");
        Assert.StartsWith(_feature.InputPrefix, input);
        session.StopAwaitingText();
        return _feature.HandleTextAsync(session, input, text, CancellationToken.None);
    }

    public void Dispose()
    {
        _key.Dispose();
        _db.Dispose();
        try { Directory.Delete(Path.GetDirectoryName(_path)!, recursive: true); } catch (IOException) { }
    }

    private sealed class ShopsClient(IReadOnlyList<Shop> shops) : ThrowingUzumClient, IUzumClient
    {
        public new Task<IReadOnlyList<Shop>> GetShopsAsync(UzumToken token, CancellationToken ct) => Task.FromResult(shops);
    }
}
