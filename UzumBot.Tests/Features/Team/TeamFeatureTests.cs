using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using UzumBot.Conversation;
using UzumBot.Features;
using UzumBot.Features.Team;
using UzumBot.Hosting;
using UzumBot.Localization;
using UzumBot.Rendering;
using UzumBot.Security;
using UzumBot.Storage;
using UzumBot.Tests.Security;
using UzumBot.Tests.Support;
using UzumBot.Uzum;

namespace UzumBot.Tests.Features.Team;

/// <summary>The handler against a real database file, code store and vault (few PBKDF2 iterations).</summary>
public sealed partial class TeamFeatureTests : IDisposable
{
    private const long OwnerId = 42;
    private const long ManagerId = 77;
    private const long StrangerId = 88;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "uzumbot-team-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
    private readonly Database _db;
    private readonly AccessCodeStore _codes;
    private readonly AuditLog _audit;
    private readonly TokenVault _vault = SecurityTestKit.FastVault();
    private readonly UnlockedSessions _sessions;
    private readonly TeamFeature _team;
    private readonly SessionContext _owner;

    public TeamFeatureTests()
    {
        _db = new Database(Path.Combine(_folder, "team.db"));
        _codes = new AccessCodeStore(_db, _time);
        _audit = new AuditLog(_db, _time);
        _sessions = new UnlockedSessions(_time, Options.Create(new SecurityOptions()));
        _team = new TeamFeature(_db, _codes, _audit, _vault, _sessions, new BotIdentity { Username = "uzum_test_bot" }, _time);

        _owner = Sessions.For();
        _owner.Tenant.OwnerUserId = OwnerId;
        _owner.Member.DisplayName = "Ali";
        _owner.Member.CreatedAt = _time.GetUtcNow().UtcDateTime;
        _db.Tenants.Insert(_owner.Tenant);
        _db.Members.Insert(_owner.Member);
        _db.Members.Insert(new MemberDocument { UserId = ManagerId, TenantId = "t1", Role = "Manager", DisplayName = "Bek", CreatedAt = _time.GetUtcNow().UtcDateTime });
        _db.Members.Insert(new MemberDocument { UserId = StrangerId, TenantId = "t2", Role = "Manager", DisplayName = "Other", CreatedAt = _time.GetUtcNow().UtcDateTime });
    }

    public void Dispose()
    {
        _db.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public void Every_team_command_is_owner_only()
    {
        Assert.Equal(9, _team.Commands.Count);
        Assert.All(_team.Commands, c =>
        {
            Assert.StartsWith("tm", c.Key, StringComparison.Ordinal);
            Assert.Equal(Permission.ManageTeam, c.Value);
        });
        Assert.False(Permissions.Allows(Role.Manager, Permission.ManageTeam));
        Assert.False(Permissions.Allows(Role.Viewer, Permission.ManageTeam));
    }

    [Fact]
    public async Task An_invite_is_chosen_step_by_step_and_its_code_opens_the_tenants_key()
    {
        var role = await TapAsync("tmi");
        Assert.Contains(Buttons(role), b => b.Data == "1:tmi:m");
        var expiry = await TapAsync("tmi", "m");
        Assert.Equal(["1:tmi:m:1", "1:tmi:m:24", "1:tmi:m:168", "1:tmi:m:720"], Buttons(expiry).Select(b => b.Data).Where(d => d.StartsWith("1:tmi", StringComparison.Ordinal)));
        var uses = await TapAsync("tmi", "m", "168");
        Assert.Equal(["1:tmi:m:168:1", "1:tmi:m:168:3", "1:tmi:m:168:10"], Buttons(uses).Select(b => b.Data).Where(d => d.StartsWith("1:tmi", StringComparison.Ordinal)));

        var created = await TapAsync("tmi", "m", "168", "3");
        var code = CodeIn(created.Html);
        Assert.Contains($"https://t.me/uzum_test_bot?start={code}", created.Html);
        Assert.Contains("10.12.2026 14:00", created.Html); // 7 days, in Tashkent time

        var (verdict, doc) = _codes.Check(code);
        Assert.Equal(CodeVerdict.Valid, verdict);
        Assert.Equal("t1", doc!.TenantId);
        Assert.Equal("Manager", doc.Role);
        Assert.Equal(3, doc.UsesLeft);
        Assert.Equal(OwnerId, doc.CreatedBy);
        using var opened = _vault.TryUnwrapWithCode(doc.KeyWrap!, code, "t1");
        Assert.NotNull(opened);
        Assert.True(opened.Bytes.SequenceEqual(_owner.Unlocked.Key.Bytes));
        Assert.Null(_vault.TryUnwrapWithCode(doc.KeyWrap!, code, "t2"));

        var entry = Assert.Single(_audit.Latest("t1"));
        Assert.Equal(AuditActions.InviteCreated, entry.Action);
        Assert.Equal("Manager", entry.Detail);

        // The code is never shown again: the team screen lists the invite without it.
        var home = await TapAsync("tm");
        Assert.DoesNotContain(code, home.Html);
        Assert.Contains("осталось 3 из 3", home.Html);
    }

    [Theory]
    [InlineData("o")]
    [InlineData("m", "5")]
    [InlineData("v", "24", "2")]
    [InlineData("v", "x", "1")]
    public async Task Forged_invite_choices_create_nothing(params string[] args)
    {
        var reply = await _team.HandleAsync(_owner, new CallbackCommand("tmi", args), default);
        Assert.Null(reply.Screen);
        Assert.Equal(Strings.Instance[Lang.Ru, "common.stale"], reply.Notice);
        Assert.Empty(_db.AccessCodes.FindAll());
        Assert.Empty(_audit.Latest("t1"));
    }

    [Fact]
    public async Task The_owner_changes_a_members_role_and_it_is_audited()
    {
        var card = await TapAsync("tmm", "77");
        Assert.Contains("Bek", card.Html);
        var reply = await _team.HandleAsync(_owner, new CallbackCommand("tmr", ["77", "v"]), default);
        Assert.Equal("Viewer", _db.Members.FindById(ManagerId).Role);
        Assert.Equal("Новая роль: Наблюдатель", reply.Notice);
        Assert.Contains(Buttons(reply.Screen!), b => b.Data == "1:tmr:77:m");
        var entry = Assert.Single(_audit.Latest("t1"));
        Assert.Equal((AuditActions.RoleChanged, "77 Viewer", OwnerId), (entry.Action, entry.Detail, entry.UserId));
    }

    [Theory]
    [InlineData("tmr", "42", "v")]
    [InlineData("tmr", "42", "m")]
    [InlineData("tmd", "42")]
    [InlineData("tmx", "42")]
    public async Task The_owner_cannot_demote_or_remove_themself(params string[] parts)
    {
        var reply = await _team.HandleAsync(_owner, new CallbackCommand(parts[0], parts[1..]), default);
        Assert.Null(reply.Screen);
        Assert.Equal(Strings.Instance[Lang.Ru, "team.owner_fixed"], reply.Notice);
        Assert.Equal("Owner", _db.Members.FindById(OwnerId).Role);
        Assert.Empty(_audit.Latest("t1"));
    }

    [Theory]
    [InlineData("tmm", "88")]
    [InlineData("tmr", "88", "v")]
    [InlineData("tmd", "88")]
    [InlineData("tmx", "88")]
    [InlineData("tmx", "123456")]
    [InlineData("tmx", "abc")]
    public async Task A_member_of_another_tenant_is_not_found(params string[] parts)
    {
        var reply = await _team.HandleAsync(_owner, new CallbackCommand(parts[0], parts[1..]), default);
        Assert.Contains(Strings.Instance[Lang.Ru, "team.member.not_found"], reply.Screen!.Html);
        var other = _db.Members.FindById(StrangerId);
        Assert.Equal(("t2", "Manager"), (other.TenantId, other.Role));
        Assert.Empty(_audit.Latest("t1"));
    }

    [Fact]
    public async Task Removing_asks_once_more_then_deletes_the_member_and_locks_their_session()
    {
        _sessions.Unlock(ManagerId, new UzumToken("sandbox-x"), DataKey.Generate());

        var confirm = await TapAsync("tmd", "77");
        Assert.Contains("Bek", confirm.Html);
        Assert.NotNull(_db.Members.FindById(ManagerId));
        Assert.Contains(Buttons(confirm), b => b.Data == "1:tmx:77");

        var reply = await _team.HandleAsync(_owner, new CallbackCommand("tmx", ["77"]), default);
        Assert.Equal(Strings.Instance[Lang.Ru, "team.member.removed"], reply.Notice);
        Assert.Null(_db.Members.FindById(ManagerId));
        Assert.Null(_sessions.Touch(ManagerId));
        Assert.DoesNotContain("Bek", reply.Screen!.Html);
        var entry = Assert.Single(_audit.Latest("t1"));
        Assert.Equal((AuditActions.MemberRemoved, "77 Manager"), (entry.Action, entry.Detail));
    }

    [Fact]
    public async Task An_invite_is_revoked_by_its_short_reference_after_a_confirmation()
    {
        var code = CodeIn((await TapAsync("tmi", "v", "24", "1")).Html);
        var home = await TapAsync("tm");
        var revoke = Buttons(home).Single(b => b.Data.StartsWith("1:tmv:", StringComparison.Ordinal));
        var reference = CallbackData.Decode(revoke.Data)!.Arg(0)!;
        Assert.Equal(TeamFeature.InviteRefLength, reference.Length);
        Assert.StartsWith(reference, AccessCodeHasher.Hash(code), StringComparison.Ordinal);

        var confirm = await TapAsync("tmv", reference);
        Assert.Equal(CodeVerdict.Valid, _codes.Check(code).Verdict);
        Assert.Contains(Buttons(confirm), b => b.Data == "1:tmy:" + reference);

        var done = await _team.HandleAsync(_owner, new CallbackCommand("tmy", [reference]), default);
        Assert.Equal(Strings.Instance[Lang.Ru, "team.invite.revoked"], done.Notice);
        Assert.Equal(CodeVerdict.Revoked, _codes.Check(code).Verdict);
        Assert.DoesNotContain(Buttons(done.Screen!), b => b.Data.StartsWith("1:tmv:", StringComparison.Ordinal));
        Assert.Equal([AuditActions.InviteRevoked, AuditActions.InviteCreated], _audit.Latest("t1").Select(a => a.Action));

        // A revoked (or unknown) reference is not found the second time.
        Assert.Contains(Strings.Instance[Lang.Ru, "team.invite.not_found"], (await TapAsync("tmy", reference)).Html);
    }

    [Fact]
    public async Task Another_tenants_invite_cannot_be_revoked()
    {
        var theirs = _codes.CreateInvite("t2", Role.Viewer, 1, TimeSpan.FromDays(1), StrangerId, c => _vault.WrapWithCode(DataKey.Generate(), c, "t2"));
        var reference = AccessCodeHasher.Hash(theirs)[..TeamFeature.InviteRefLength];
        Assert.Contains(Strings.Instance[Lang.Ru, "team.invite.not_found"], (await TapAsync("tmy", reference)).Html);
        Assert.Equal(CodeVerdict.Valid, _codes.Check(theirs).Verdict);
    }

    [Fact]
    public async Task The_audit_screen_shows_only_this_tenants_last_fifty_entries()
    {
        for (var i = 0; i < 60; i++)
        {
            _time.Advance(TimeSpan.FromMinutes(1));
            _audit.Record(AuditActions.SignInPin, ManagerId, ManagerId, success: i % 2 == 0, tenantId: "t1");
        }
        _audit.Record(AuditActions.SignInPin, StrangerId, StrangerId, tenantId: "t2");

        var first = await TapAsync("tma", "0");
        Assert.Contains("стр. 1/5", first.Html);
        Assert.Contains("вход по PIN · Bek", first.Html);
        Assert.DoesNotContain("Other", first.Html);
        var last = await TapAsync("tma", "4");
        Assert.Contains("стр. 5/5", last.Html);
    }

    private async Task<Screen> TapAsync(string name, params string[] args)
    {
        var reply = await _team.HandleAsync(_owner, new CallbackCommand(name, args), default);
        Assert.NotNull(reply.Screen);
        return reply.Screen;
    }

    private static IEnumerable<Button> Buttons(Screen screen) => screen.Keyboard.SelectMany(r => r);

    private static string CodeIn(string html) => CodeTag().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No code in:\n" + html);

    [GeneratedRegex("<code>([^<]+)</code>")]
    private static partial Regex CodeTag();
}
