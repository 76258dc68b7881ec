using Microsoft.Extensions.Logging;
using UzumBot.Conversation;
using UzumBot.Rendering;
using UzumBot.Security;
using UzumBot.Storage;
using UzumBot.Uzum;

namespace UzumBot.Features.Settings;

/// <summary>
/// ⚙️ Settings: shop choice, PIN change, token reconnect, leaving the team and deleting one's data. Owner-only
/// commands declare <see cref="Permission.ManageToken"/>, so the engine refuses a forged tap before it gets here.
/// </summary>
public sealed class SettingsFeature(
    Database db,
    CurrentPinCheck pinCheck,
    TenantRekey rekey,
    DataEraser eraser,
    TokenVault vault,
    AuditLog audit,
    UnlockedSessions sessions,
    TimeProvider time,
    ILogger<SettingsFeature> log) : IFeature, ITextInputFeature
{
    public const string Home = "st";
    public const string Shops = "sts";
    public const string PickShop = "stsp";
    public const string ChangePin = "stp";
    public const string Reconnect = "str";
    public const string ReconnectGo = "strg";
    public const string Leave = "stq";
    public const string LeaveConfirmed = "stqy";
    public const string Delete = "std";
    public const string DeleteMember = "stdm";
    public const string DeleteTenantStep = "stdt";
    public const string DeleteTenant = "stdx";

    public const string AllShops = "a";

    public const string OldPinInput = "settings.pin.old";
    public const string NewPinInput = "settings.pin.new";
    public const string RepeatPinInput = "settings.pin.repeat";
    public const string TokenInput = "settings.token";
    public const string TokenPinInput = "settings.token.pin";

    private static readonly TimeSpan DraftLifetime = TimeSpan.FromMinutes(10);

    /// <summary>Set once the old PIN was right; FirstPin holds the new PIN's first entry until it is repeated.</summary>
    private sealed record PinDraft(string? FirstPin);

    private sealed record TokenDraft(UzumToken Token, IReadOnlyList<Shop> Shops);

    private readonly ExpiringDrafts<PinDraft> _pinDrafts = new(time, DraftLifetime);
    private readonly ExpiringDrafts<TokenDraft> _tokenDrafts = new(time, DraftLifetime);

    public string InputPrefix => "settings.";

    public Permission RequiredFor(string input) => input.StartsWith(TokenInput, StringComparison.Ordinal) ? Permission.ManageToken : Permission.OwnSettings;

    public IReadOnlyDictionary<string, Permission> Commands { get; } = new Dictionary<string, Permission>
    {
        [Home] = Permission.OwnSettings,
        [Shops] = Permission.ManageToken,
        [PickShop] = Permission.ManageToken,
        [ChangePin] = Permission.OwnSettings,
        [Reconnect] = Permission.ManageToken,
        [ReconnectGo] = Permission.ManageToken,
        [Leave] = Permission.OwnSettings,
        [LeaveConfirmed] = Permission.OwnSettings,
        [Delete] = Permission.OwnSettings,
        [DeleteMember] = Permission.OwnSettings,
        [DeleteTenantStep] = Permission.ManageToken,
        [DeleteTenant] = Permission.ManageToken,
    };

    public Task<Reply> HandleAsync(SessionContext session, CallbackCommand command, CancellationToken ct)
    {
        var screens = new SettingsScreens(session);
        var isOwner = session.Role == Role.Owner;
        Reply reply = command.Name switch
        {
            Shops => Reply.Of(screens.ShopChooser()),
            PickShop => ChooseShop(session, command.Arg(0)),
            ChangePin => StartPinChange(session, screens),
            Reconnect => Reply.Of(screens.ExplainReconnect()),
            ReconnectGo => Await(session, TokenInput, screens.AskToken()),
            Leave when !isOwner => Reply.Of(screens.ConfirmLeave()),
            Leave => new Reply { Notice = session.T("settings.leave.owner") },
            LeaveConfirmed when !isOwner => LeaveTeam(session, screens),
            LeaveConfirmed => new Reply { Notice = session.T("settings.leave.owner") },
            Delete when isOwner => Reply.Of(screens.OwnerDeleteWarning(db.Members.Count(m => m.TenantId == session.Tenant.Id && m.UserId != session.Member.UserId))),
            Delete => Reply.Of(screens.ConfirmMemberDelete()),
            DeleteMember when !isOwner => DeleteMemberData(session, screens),
            DeleteMember => new Reply { Notice = session.T("settings.delete.owner_only") },
            DeleteTenantStep => Reply.Of(screens.OwnerDeleteFinal()),
            DeleteTenant => DeleteTenantData(session, screens),
            _ => Reply.Of(screens.Home()),
        };
        return Task.FromResult(reply);
    }

    public Task<Reply> HandleTextAsync(SessionContext session, string input, string text, CancellationToken ct)
    {
        var screens = new SettingsScreens(session);
        return input switch
        {
            OldPinInput => CheckOldPinAsync(session, screens, text, ct),
            NewPinInput => Task.FromResult(AcceptNewPin(session, screens, text)),
            RepeatPinInput => ConfirmNewPinAsync(session, screens, text, ct),
            TokenInput => AcceptTokenAsync(session, screens, text, ct),
            TokenPinInput => ReconnectAsync(session, screens, text, ct),
            _ => Task.FromResult(Secret(screens.Home())),
        };
    }

    private Reply ChooseShop(SessionContext session, string? arg)
    {
        var tenant = session.Tenant;
        if (arg == AllShops) tenant.SelectedShopId = null;
        else if (long.TryParse(arg, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && session.Owns(id)) tenant.SelectedShopId = id;
        else return new Reply { Screen = new SettingsScreens(session).ShopChooser(), Notice = session.T("common.stale") };
        db.Tenants.Update(tenant);
        return new Reply { Screen = new SettingsScreens(session).Home(), Notice = session.F("settings.shops.chosen", session.ShopTitle) };
    }

    // ---------------------------------------------------------------- PIN change

    private Reply StartPinChange(SessionContext session, SettingsScreens screens)
    {
        _pinDrafts.Forget(session.Member.UserId);
        if (pinCheck.LockedUntil(session.Member) is { } until) return LockSession(session, screens, until);
        return Await(session, OldPinInput, screens.AskOldPin());
    }

    private async Task<Reply> CheckOldPinAsync(SessionContext session, SettingsScreens screens, string text, CancellationToken ct)
    {
        var result = await pinCheck.CheckAsync(session.Member, text, session.Chat.ChatId, ct);
        switch (result.Outcome)
        {
            case PinCheckOutcome.Right:
                _pinDrafts.Put(session.Member.UserId, new PinDraft(null));
                return Secret(Await(session, NewPinInput, screens.AskNewPin()));
            case PinCheckOutcome.LockedOut:
                return Secret(LockSession(session, screens, result.LockedUntil!.Value));
            default:
                return Secret(Await(session, OldPinInput, screens.WrongPin(result.AttemptsLeft)));
        }
    }

    private Reply AcceptNewPin(SessionContext session, SettingsScreens screens, string text)
    {
        if (_pinDrafts.Get(session.Member.UserId) is null) return Secret(PinDraftLost(session, screens));
        var pin = PinInput.Normalize(text);
        if (!PinRules.IsValidFormat(pin)) return Secret(Await(session, NewPinInput, screens.AskNewPin("onboarding.pin_format")));
        _pinDrafts.Put(session.Member.UserId, new PinDraft(pin));
        return Secret(Await(session, RepeatPinInput, screens.AskPinRepeat()));
    }

    private async Task<Reply> ConfirmNewPinAsync(SessionContext session, SettingsScreens screens, string text, CancellationToken ct)
    {
        var member = session.Member;
        if (_pinDrafts.Get(member.UserId) is not { FirstPin: { } first }) return Secret(PinDraftLost(session, screens));
        if (first != PinInput.Normalize(text))
        {
            _pinDrafts.Put(member.UserId, new PinDraft(null));
            return Secret(Await(session, NewPinInput, screens.AskNewPin("settings.pin.mismatch")));
        }
        _pinDrafts.Forget(member.UserId);
        var key = session.Unlocked.Key;
        var wrap = await Task.Run(() => vault.WrapWithPin(key, first, member.TenantId, member.UserId), ct);
        member.PinWrap = wrap;
        db.UpdateMember(member.UserId, m => m.PinWrap = wrap);
        audit.Record(AuditActions.PinChanged, member.UserId, session.Chat.ChatId, tenantId: member.TenantId);
        return Secret(screens.Home(session.T("settings.pin.changed")));
    }

    private Reply PinDraftLost(SessionContext session, SettingsScreens screens) =>
        Await(session, OldPinInput, screens.AskOldPin("⚠️ " + session.T("settings.pin.expired")));

    /// <summary>Too many wrong PINs while unlocked: the opened key is forgotten and the chat goes back to the door.</summary>
    private Reply LockSession(SessionContext session, SettingsScreens screens, DateTimeOffset until)
    {
        _pinDrafts.Forget(session.Member.UserId);
        sessions.Lock(session.Member.UserId);
        session.StopAwaitingText();
        session.Chat.State = nameof(ChatState.Locked);
        return Reply.Of(screens.LockedOut(until));
    }

    // ---------------------------------------------------------------- token reconnect

    private async Task<Reply> AcceptTokenAsync(SessionContext session, SettingsScreens screens, string text, CancellationToken ct)
    {
        var problem = UzumToken.Check(text, out var token);
        if (problem != TokenProblem.None)
            return AskTokenAgain(session, screens, TokenMessages.For(problem));
        if (rekey.TakenElsewhere(session.Tenant, token))
        {
            log.LogInformation("User {UserId} tried to reconnect a token connected by another tenant", session.Member.UserId);
            return AskTokenAgain(session, screens, "settings.token.taken");
        }
        IReadOnlyList<Shop> shops;
        try
        {
            shops = await session.Uzum.GetShopsAsync(token, ct);
        }
        catch (UzumApiException ex) when (ex.IsTokenRejected)
        {
            log.LogInformation("UZUM rejected the new token {Token} of user {UserId}", token, session.Member.UserId);
            return AskTokenAgain(session, screens, TokenMessages.Rejected);
        }
        catch (UzumUnavailableException)
        {
            return AskTokenAgain(session, screens, TokenMessages.Unavailable);
        }
        if (shops.Count == 0) return AskTokenAgain(session, screens, TokenMessages.NoShops);
        // The owner is signed in with the PIN, so any token of theirs may replace the old one (a new key, or another
        // UZUM account): the team's wraps go and invites are revoked either way. The forgot-PIN path, where the
        // token is the only proof, requires the same seller (TenantRekey.BelongsTo).
        _tokenDrafts.Put(session.Member.UserId, new TokenDraft(token, shops));
        return Secret(Await(session, TokenPinInput, screens.AskPinForToken(shops)));
    }

    private async Task<Reply> ReconnectAsync(SessionContext session, SettingsScreens screens, string text, CancellationToken ct)
    {
        var owner = session.Member;
        if (_tokenDrafts.Get(owner.UserId) is not { } draft) return AskTokenAgain(session, screens, "settings.token.lost");
        var pin = PinInput.Normalize(text);
        if (!PinRules.IsValidFormat(pin)) return Secret(Await(session, TokenPinInput, screens.AskPinForToken(draft.Shops, "onboarding.pin_format")));
        _tokenDrafts.Forget(owner.UserId);
        var tenant = db.Tenants.FindById(session.Tenant.Id) ?? throw new InvalidOperationException("The tenant is gone.");
        var key = await Task.Run(() => rekey.Rekey(tenant, owner, draft.Token, draft.Shops, pin, session.Chat.ChatId), ct);
        sessions.Unlock(owner.UserId, draft.Token, key);
        return Secret(screens.Reconnected(draft.Shops));
    }

    private static Reply AskTokenAgain(SessionContext session, SettingsScreens screens, string problemKey) =>
        Secret(Await(session, TokenInput, screens.AskToken(problemKey)));

    // ---------------------------------------------------------------- leave and delete

    private Reply LeaveTeam(SessionContext session, SettingsScreens screens)
    {
        eraser.RemoveMember(session.Member, session.Chat);
        audit.Record(AuditActions.MemberLeft, session.Member.UserId, session.Chat.ChatId, tenantId: session.Tenant.Id, detail: session.Member.Role);
        return Reply.Of(screens.Farewell("settings.leave.done"));
    }

    private Reply DeleteMemberData(SessionContext session, SettingsScreens screens)
    {
        eraser.DeleteMember(session.Member, session.Chat);
        audit.Record(AuditActions.DataDeleted, session.Member.UserId, session.Chat.ChatId, tenantId: session.Tenant.Id, detail: "member");
        return Reply.Of(screens.Farewell("settings.delete.done"));
    }

    private Reply DeleteTenantData(SessionContext session, SettingsScreens screens)
    {
        eraser.DeleteTenant(session.Tenant.Id, session.Chat);
        // No tenant id: the tenant's own entries are erased with it, this one stays as proof of the deletion.
        audit.Record(AuditActions.DataDeleted, session.Member.UserId, session.Chat.ChatId, detail: "tenant");
        return Reply.Of(screens.Farewell("settings.delete.done"));
    }

    private static Reply Await(SessionContext session, string input, Screen screen)
    {
        session.AwaitText(input);
        return Reply.Of(screen);
    }

    private static Reply Secret(Reply reply) => reply with { DeleteIncomingMessage = true };

    private static Reply Secret(Screen screen) => new() { Screen = screen, DeleteIncomingMessage = true };
}
