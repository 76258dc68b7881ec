using Microsoft.Extensions.Logging;
using UzumBot.Localization;
using UzumBot.Rendering;
using UzumBot.Security;
using UzumBot.Storage;
using UzumBot.Uzum;
using UzumBot.Uzum.Sandbox;

namespace UzumBot.Conversation;

/// <summary>
/// The steps from /start to the menu (product §2), and the PIN at the door for a returning member. Each method
/// does the work of one step and fires the machine's trigger; the caller saves the chat once.
/// </summary>
public sealed class Onboarding(
    Database db,
    AccessCodeStore codes,
    SignInLog signIns,
    PendingSecrets pending,
    UnlockedSessions sessions,
    TokenVault vault,
    TokenFingerprint fingerprints,
    UzumClients uzum,
    TimeProvider time,
    ILogger<Onboarding> log)
{
    private const string StartCodeKey = "start_code";

    private static Strings S => Strings.Instance;

    public Reply Begin(ChatDocument chat, Stateless.StateMachine<ChatState, ChatTrigger> machine, string? startCode)
    {
        pending.Forget(chat.ChatId);
        chat.Bag.Remove(StartCodeKey);
        if (!string.IsNullOrWhiteSpace(startCode)) chat.Bag[StartCodeKey] = startCode.Trim();
        machine.Fire(ChatTrigger.Begin);
        return new Reply { Screen = OnboardingScreens.Welcome(), AsNewMessage = true };
    }

    public async Task<Reply> ChooseLanguageAsync(ChatDocument chat, Stateless.StateMachine<ChatState, ChatTrigger> machine, Lang lang, Incoming update, CancellationToken ct)
    {
        chat.Language = lang.Code();
        chat.LanguageChosen = true;
        machine.Fire(ChatTrigger.LanguageChosen);
        if (chat.Bag.Remove(StartCodeKey, out var code)) return await RedeemCodeAsync(chat, machine, code, update, ct, deleteMessage: false);
        return Reply.Of(OnboardingScreens.AskCode(lang));
    }

    public Task<Reply> RedeemCodeAsync(ChatDocument chat, Stateless.StateMachine<ChatState, ChatTrigger> machine, string typed, Incoming update, CancellationToken ct, bool deleteMessage = true)
    {
        var lang = LangOf(chat);
        var now = time.GetUtcNow();
        var attemptsDoc = db.CodeAttempts.FindById(chat.ChatId) ?? new CodeAttemptsDocument { ChatId = chat.ChatId };
        var attempts = new CodeAttempts(attemptsDoc.Failures, 0, Utc(attemptsDoc.PausedUntil));
        var decision = AccessCodeGuard.Check(attempts, now);
        if (!decision.Allowed)
            return Task.FromResult(Screen(OnboardingScreens.AskCode(lang, "onboarding.code_paused", Formats.DateTime(decision.LockedUntil!.Value)), deleteMessage));

        var (status, grant) = codes.Check(typed);
        signIns.Record(update.UserId, chat.ChatId, "code", status == AccessCodeStatus.Valid);
        if (grant is null)
        {
            var after = AccessCodeGuard.AfterFailure(attempts, now);
            attemptsDoc.Failures = after.Failures;
            attemptsDoc.PausedUntil = after.LockedUntil?.UtcDateTime;
            db.CodeAttempts.Upsert(attemptsDoc);
            var key = status switch
            {
                AccessCodeStatus.Expired => "onboarding.code_expired",
                AccessCodeStatus.UsedUp => "onboarding.code_used_up",
                _ => "onboarding.code_unknown",
            };
            return Task.FromResult(Screen(OnboardingScreens.AskCode(lang, key), deleteMessage));
        }

        db.CodeAttempts.Delete(chat.ChatId);
        if (grant.Role != Role.Owner || grant.TenantId is not null)
            return Task.FromResult(Screen(OnboardingScreens.AskCode(lang, "onboarding.team_code_not_yet"), deleteMessage));

        chat.PendingCodeHash = grant.Hash;
        machine.Fire(ChatTrigger.OwnerCodeAccepted);
        return Task.FromResult(Screen(OnboardingScreens.ChooseMarketScreen(lang), deleteMessage));
    }

    public async Task<Reply> ChooseMarketAsync(ChatDocument chat, Stateless.StateMachine<ChatState, ChatTrigger> machine, bool demo, CancellationToken ct)
    {
        var lang = LangOf(chat);
        if (!demo)
        {
            machine.Fire(ChatTrigger.UzumChosen);
            return Reply.Of(OnboardingScreens.AskToken(lang));
        }
        var token = new UzumToken(SandboxSeller.DemoToken);
        var shops = await uzum.Demo.GetShopsAsync(token, ct);
        pending.PutToken(chat.ChatId, token, shops, isDemo: true);
        machine.Fire(ChatTrigger.DemoChosen);
        return Reply.Of(OnboardingScreens.AskPin(lang, shops));
    }

    /// <summary>U1: the pasted token is cleaned, checked with the shops call, and kept only in memory until the PIN seals it.</summary>
    public async Task<Reply> AcceptTokenAsync(ChatDocument chat, Stateless.StateMachine<ChatState, ChatTrigger> machine, string pasted, CancellationToken ct)
    {
        var lang = LangOf(chat);
        if (UzumToken.TryNormalize(pasted) is not { } token)
            return Secret(OnboardingScreens.AskToken(lang, "onboarding.token_malformed"));

        var fingerprint = fingerprints.Compute(token);
        if (db.Tenants.FindOne(t => t.TokenFingerprint == fingerprint) is { } existing && !existing.IsDemo)
        {
            log.LogInformation("Chat {ChatId} tried a token already connected by another owner", chat.ChatId);
            return Secret(OnboardingScreens.AskToken(lang, "onboarding.token_taken"));
        }

        IReadOnlyList<Shop> shops;
        try
        {
            shops = await uzum.Live.GetShopsAsync(token, ct);
        }
        catch (UzumApiException ex) when (ex.IsTokenRejected)
        {
            log.LogInformation("UZUM rejected the token {Token} for chat {ChatId}", token, chat.ChatId);
            return Secret(OnboardingScreens.AskToken(lang, "onboarding.token_rejected"));
        }
        catch (UzumUnavailableException)
        {
            return Secret(OnboardingScreens.AskToken(lang, "onboarding.token_unavailable"));
        }
        if (shops.Count == 0) return Secret(OnboardingScreens.AskToken(lang, "onboarding.token_no_shops"));

        pending.PutToken(chat.ChatId, token, shops, isDemo: false);
        machine.Fire(ChatTrigger.TokenAccepted);
        return Secret(OnboardingScreens.AskPin(lang, shops));
    }

    public Reply AcceptFirstPin(ChatDocument chat, Stateless.StateMachine<ChatState, ChatTrigger> machine, string pin)
    {
        var lang = LangOf(chat);
        if (!pending.TryGet(chat.ChatId, out _)) return TokenLost(chat, machine);
        if (!PinRules.IsValidFormat(pin.Trim())) return Secret(OnboardingScreens.AskPin(lang, null, "onboarding.pin_format"));
        pending.PutFirstPin(chat.ChatId, pin.Trim());
        machine.Fire(ChatTrigger.PinEntered);
        return Secret(OnboardingScreens.AskPinRepeat(lang));
    }

    /// <summary>The PIN repeated: the tenant and member are created, the token sealed, the data key wrapped under the PIN.</summary>
    public async Task<Reply> ConfirmPinAsync(ChatDocument chat, Stateless.StateMachine<ChatState, ChatTrigger> machine, string pin, Incoming update, Func<Task<Reply>> menu)
    {
        var lang = LangOf(chat);
        if (!pending.TryGet(chat.ChatId, out var entry) || entry.FirstPin is null) return TokenLost(chat, machine);
        if (entry.FirstPin != pin.Trim())
        {
            pending.PutFirstPin(chat.ChatId, null);
            machine.Fire(ChatTrigger.PinMismatch);
            return Secret(OnboardingScreens.AskPin(lang, null, "onboarding.pin_mismatch"));
        }
        if (chat.PendingCodeHash is null || !codes.TryConsume(chat.PendingCodeHash))
        {
            pending.Forget(chat.ChatId);
            machine.Fire(ChatTrigger.Begin);
            machine.Fire(ChatTrigger.LanguageChosen);
            return Secret(OnboardingScreens.AskCode(lang, "onboarding.code_used_up"));
        }

        var tenantId = Guid.NewGuid().ToString("N");
        var (sealedToken, key) = vault.Seal(entry.Token.Value, tenantId);
        using (key)
        {
            var wrap = await Task.Run(() => vault.WrapWithPin(key, pin.Trim(), tenantId, update.UserId));
            var now = time.GetUtcNow().UtcDateTime;
            db.Tenants.Insert(new TenantDocument
            {
                Id = tenantId,
                OwnerUserId = update.UserId,
                IsDemo = entry.IsDemo,
                TokenFingerprint = entry.IsDemo ? "demo:" + tenantId : fingerprints.Compute(entry.Token),
                SealedToken = sealedToken,
                Shops = entry.Shops.Select(s => new ShopDocument { Id = s.Id, Name = s.Name ?? s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }).ToList(),
                CreatedAt = now,
            });
            db.Members.Upsert(new MemberDocument
            {
                UserId = update.UserId,
                TenantId = tenantId,
                Role = Role.Owner.ToString(),
                DisplayName = update.FirstName,
                PinWrap = wrap,
                CreatedAt = now,
            });
        }
        chat.PendingCodeHash = null;
        chat.UserId = update.UserId;
        pending.Forget(chat.ChatId);
        sessions.Unlock(update.UserId, entry.Token);
        signIns.Record(update.UserId, chat.ChatId, "onboarding", true);
        machine.Fire(ChatTrigger.PinConfirmed);
        return (await menu()) with { DeleteIncomingMessage = true };
    }

    /// <summary>A returning member's PIN: attempts counted, 5 wrong lock for 15 minutes, doubling.</summary>
    public async Task<Reply> UnlockAsync(ChatDocument chat, Stateless.StateMachine<ChatState, ChatTrigger> machine, MemberDocument member, string pin, Incoming update, Func<Task<Reply>> menu)
    {
        var lang = LangOf(chat);
        var now = time.GetUtcNow();
        var attempts = new PinAttempts(member.PinFailures, member.PinLockoutLevel, Utc(member.PinLockedUntil));
        var decision = PinGuard.Check(attempts, now);
        if (!decision.Allowed) return Secret(OnboardingScreens.LockedOut(lang, decision.LockedUntil!.Value));

        var tenant = db.Tenants.FindById(member.TenantId);
        UzumToken? token = null;
        if (tenant?.SealedToken is not null && member.PinWrap is not null && PinRules.IsValidFormat(pin.Trim()))
        {
            using var key = await Task.Run(() => vault.TryUnwrapWithPin(member.PinWrap, pin.Trim(), member.TenantId, member.UserId));
            if (key is not null) token = new UzumToken(vault.Open(tenant.SealedToken, key, tenant.Id));
        }
        signIns.Record(update.UserId, chat.ChatId, "pin", token is not null);

        if (token is null)
        {
            var after = PinGuard.AfterFailure(attempts, now);
            member.PinFailures = after.Failures;
            member.PinLockoutLevel = after.LockoutLevel;
            member.PinLockedUntil = after.LockedUntil?.UtcDateTime;
            db.Members.Update(member);
            return after.LockedUntil is { } until
                ? Secret(OnboardingScreens.LockedOut(lang, until))
                : Secret(OnboardingScreens.Unlock(lang, PinGuard.AttemptsLeft(after, now), "signin.pin_wrong"));
        }

        member.PinFailures = 0;
        member.PinLockoutLevel = 0;
        member.PinLockedUntil = null;
        db.Members.Update(member);
        chat.UserId = member.UserId;
        sessions.Unlock(member.UserId, token.Value);
        machine.Fire(ChatTrigger.Unlocked);
        return (await menu()) with { DeleteIncomingMessage = true };
    }

    public Screen UnlockPrompt(ChatDocument chat, MemberDocument member)
    {
        var now = time.GetUtcNow();
        var attempts = new PinAttempts(member.PinFailures, member.PinLockoutLevel, Utc(member.PinLockedUntil));
        var decision = PinGuard.Check(attempts, now);
        return decision.Allowed
            ? OnboardingScreens.Unlock(LangOf(chat), decision.AttemptsLeft)
            : OnboardingScreens.LockedOut(LangOf(chat), decision.LockedUntil!.Value);
    }

    /// <summary>S2: the in-memory token is gone (expired, or the bot restarted): ask for it again.</summary>
    private Reply TokenLost(ChatDocument chat, Stateless.StateMachine<ChatState, ChatTrigger> machine)
    {
        machine.Fire(ChatTrigger.TokenLost);
        return Secret(OnboardingScreens.AskToken(LangOf(chat), "onboarding.token_lost"));
    }

    private static Reply Secret(Screen screen) => new() { Screen = screen, DeleteIncomingMessage = true };

    private static Reply Screen(Screen screen, bool deleteMessage) => new() { Screen = screen, DeleteIncomingMessage = deleteMessage };

    public static Lang LangOf(ChatDocument chat) => Langs.Parse(chat.Language) ?? Lang.Ru;

    private static DateTimeOffset? Utc(DateTime? value) =>
        value is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;
}
