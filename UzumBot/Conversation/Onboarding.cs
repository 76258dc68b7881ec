using Microsoft.Extensions.Logging;
using UzumBot.Features;
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
    AuditLog audit,
    PendingSecrets pending,
    UnlockedSessions sessions,
    TokenVault vault,
    TokenFingerprint fingerprints,
    TenantRekey rekey,
    UzumClients uzum,
    TimeProvider time,
    ILogger<Onboarding> log)
{
    /// <summary>Set while an owner who forgot the PIN reconnects the token: the tenant's id.</summary>
    private const string ReconnectKey = "reconnect";

    public static bool IsReconnecting(ChatDocument chat) => chat.Bag.ContainsKey(ReconnectKey);

    private static Strings S => Strings.Instance;

    public Reply Begin(ChatDocument chat, Stateless.StateMachine<ChatState, ChatTrigger> machine, string? startCode)
    {
        pending.Forget(chat.ChatId);
        chat.Bag.Remove(ReconnectKey);
        // A deep-link code is a secret: it waits for the language choice in memory, never in the database.
        pending.PutStartCode(chat.ChatId, string.IsNullOrWhiteSpace(startCode) ? null : startCode.Trim());
        machine.Fire(ChatTrigger.Begin);
        return new Reply { Screen = OnboardingScreens.Welcome(), AsNewMessage = true, DeleteIncomingMessage = startCode is not null };
    }

    public async Task<Reply> ChooseLanguageAsync(ChatDocument chat, Stateless.StateMachine<ChatState, ChatTrigger> machine, Lang lang, Incoming update, CancellationToken ct)
    {
        chat.Language = lang.Code();
        chat.LanguageChosen = true;
        machine.Fire(ChatTrigger.LanguageChosen);
        if (pending.TakeStartCode(chat.ChatId) is { } code) return await RedeemCodeAsync(chat, machine, code, update, ct, deleteMessage: false);
        return Reply.Of(OnboardingScreens.AskCode(lang));
    }

    public async Task<Reply> RedeemCodeAsync(ChatDocument chat, Stateless.StateMachine<ChatState, ChatTrigger> machine, string typed, Incoming update, CancellationToken ct, bool deleteMessage = true)
    {
        var lang = LangOf(chat);
        var now = time.GetUtcNow();
        var attemptsDoc = db.CodeAttempts.FindById(chat.ChatId) ?? new CodeAttemptsDocument { ChatId = chat.ChatId };
        var attempts = new CodeAttempts(attemptsDoc.Failures, attemptsDoc.LockoutLevel, Utc(attemptsDoc.PausedUntil));
        var decision = AccessCodeGuard.Check(attempts, now);
        if (!decision.Allowed)
            return Screen(OnboardingScreens.AskCode(lang, "onboarding.code_paused", Formats.DateTime(decision.LockedUntil!.Value)), deleteMessage);

        var (verdict, code) = codes.Check(typed);
        if (code is null)
        {
            audit.Record(AuditActions.SignInCode, update.UserId, chat.ChatId, success: false, detail: verdict.ToString());
            var after = AccessCodeGuard.AfterFailure(attempts, now);
            attemptsDoc.Failures = after.Failures;
            attemptsDoc.LockoutLevel = after.LockoutLevel;
            attemptsDoc.PausedUntil = after.LockedUntil?.UtcDateTime;
            db.CodeAttempts.Upsert(attemptsDoc);
            if (after.LockedUntil is { } pausedUntil)
                return Screen(OnboardingScreens.AskCode(lang, "onboarding.code_paused", Formats.DateTime(pausedUntil)), deleteMessage);
            var key = verdict switch
            {
                CodeVerdict.Expired => "onboarding.code_expired",
                CodeVerdict.UsedUp => "onboarding.code_used_up",
                CodeVerdict.Revoked => "onboarding.code_revoked",
                _ => "onboarding.code_unknown",
            };
            return Screen(OnboardingScreens.AskCode(lang, key), deleteMessage);
        }

        // The wrong-code count is reset only when a code is used up by finishing onboarding: a valid code that is
        // shown and abandoned must not wipe the count of the guesses around it.
        audit.Record(AuditActions.SignInCode, update.UserId, chat.ChatId, tenantId: code.TenantId, detail: code.Role);
        if (code.TenantId is null)
        {
            chat.PendingCodeHash = code.Hash;
            machine.Fire(ChatTrigger.OwnerCodeAccepted);
            return Screen(OnboardingScreens.ChooseMarketScreen(lang), deleteMessage);
        }
        return await AcceptInviteAsync(chat, machine, code, typed, update, ct);
    }

    /// <summary>A team invite: the code opens the tenant's data key, which the new member's PIN will wrap.</summary>
    private async Task<Reply> AcceptInviteAsync(ChatDocument chat, Stateless.StateMachine<ChatState, ChatTrigger> machine, AccessCodeDocument code, string typed, Incoming update, CancellationToken ct)
    {
        var lang = LangOf(chat);
        var tenant = db.Tenants.FindById(code.TenantId);
        if (tenant?.SealedToken is null || code.KeyWrap is null)
            return Secret(OnboardingScreens.AskCode(lang, "onboarding.code_revoked"));
        // A member elsewhere must leave first — unless a re-key already took their access there.
        if (db.Members.FindById(update.UserId) is { } existing && existing.TenantId != tenant.Id && existing.PinWrap is not null)
            return Secret(OnboardingScreens.AskCode(lang, "onboarding.already_member"));

        var key = await Task.Run(() => vault.TryUnwrapWithCode(code.KeyWrap, typed, tenant.Id), ct);
        if (key is null) return Secret(OnboardingScreens.AskCode(lang, "onboarding.code_unknown"));
        var token = new UzumToken(vault.Open(tenant.SealedToken, key, tenant.Id));
        var shops = tenant.Shops.Select(s => new Shop(s.Id, s.Name)).ToArray();
        var role = Enum.Parse<Role>(code.Role);
        pending.PutInvite(chat.ChatId, token, shops, tenant.IsDemo, new PendingSecrets.PendingInvite(tenant.Id, role, code.Hash, key));
        machine.Fire(ChatTrigger.MemberCodeAccepted);
        return Secret(OnboardingScreens.AskPinAsMember(lang, shops, role));
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
        return Reply.Of(OnboardingScreens.AskPin(lang, shops, demo: true));
    }

    /// <summary>U1: the pasted token is cleaned, checked with the shops call, and kept only in memory until the PIN seals it.</summary>
    public async Task<Reply> AcceptTokenAsync(ChatDocument chat, Stateless.StateMachine<ChatState, ChatTrigger> machine, string pasted, CancellationToken ct)
    {
        var lang = LangOf(chat);
        var problem = UzumToken.Check(pasted, out var token);
        if (problem != TokenProblem.None)
            return Secret(OnboardingScreens.AskToken(lang, TokenMessages.For(problem)));

        if (chat.Bag.TryGetValue(ReconnectKey, out var reconnectTenantId))
            return await AcceptReconnectTokenAsync(chat, machine, token, reconnectTenantId, ct);

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

    /// <summary>The owner who forgot the PIN: from the lock screen to the token step.</summary>
    public Reply BeginReconnect(ChatDocument chat, Stateless.StateMachine<ChatState, ChatTrigger> machine, MemberDocument owner)
    {
        chat.Bag[ReconnectKey] = owner.TenantId;
        machine.Fire(ChatTrigger.Reconnect);
        return Reply.Of(OnboardingScreens.AskToken(LangOf(chat), null, "onboarding.reconnect_ask_token"));
    }

    public void CancelReconnect(ChatDocument chat)
    {
        chat.Bag.Remove(ReconnectKey);
        pending.Forget(chat.ChatId);
    }

    private async Task<Reply> AcceptReconnectTokenAsync(ChatDocument chat, Stateless.StateMachine<ChatState, ChatTrigger> machine, UzumToken token, string tenantId, CancellationToken ct)
    {
        var lang = LangOf(chat);
        var tenant = db.Tenants.FindById(tenantId);
        if (tenant is null) return Begin(chat, machine, null);
        IReadOnlyList<Shop> shops;
        try
        {
            shops = await uzum.For(tenant.IsDemo).GetShopsAsync(token, ct);
        }
        catch (UzumApiException ex) when (ex.IsTokenRejected)
        {
            return Secret(OnboardingScreens.AskToken(lang, "onboarding.token_rejected", "onboarding.reconnect_ask_token"));
        }
        catch (UzumUnavailableException)
        {
            return Secret(OnboardingScreens.AskToken(lang, "onboarding.token_unavailable", "onboarding.reconnect_ask_token"));
        }
        if (!rekey.BelongsTo(tenant, token, shops) || rekey.TakenElsewhere(tenant, token))
            return Secret(OnboardingScreens.AskToken(lang, "onboarding.reconnect_wrong_token", "onboarding.reconnect_ask_token"));
        pending.PutToken(chat.ChatId, token, shops, tenant.IsDemo);
        machine.Fire(ChatTrigger.TokenAccepted);
        return Secret(OnboardingScreens.AskPin(lang, shops));
    }

    public Reply AcceptFirstPin(ChatDocument chat, Stateless.StateMachine<ChatState, ChatTrigger> machine, string pin)
    {
        var lang = LangOf(chat);
        if (!pending.TryGet(chat.ChatId, out _)) return TokenLost(chat, machine);
        pin = PinInput.Normalize(pin);
        if (!PinRules.IsValidFormat(pin)) return Secret(OnboardingScreens.AskPin(lang, null, "onboarding.pin_format"));
        pending.PutFirstPin(chat.ChatId, pin);
        machine.Fire(ChatTrigger.PinEntered);
        return Secret(OnboardingScreens.AskPinRepeat(lang));
    }

    /// <summary>The PIN repeated: the tenant and member are created, the token sealed, the data key wrapped under the PIN.</summary>
    public async Task<Reply> ConfirmPinAsync(ChatDocument chat, Stateless.StateMachine<ChatState, ChatTrigger> machine, string pin, Incoming update, Func<Task<Reply>> menu)
    {
        var lang = LangOf(chat);
        if (!pending.TryGet(chat.ChatId, out var entry) || entry.FirstPin is null) return TokenLost(chat, machine);
        pin = PinInput.Normalize(pin);
        if (entry.FirstPin != pin)
        {
            pending.PutFirstPin(chat.ChatId, null);
            machine.Fire(ChatTrigger.PinMismatch);
            return Secret(OnboardingScreens.AskPin(lang, null, "onboarding.pin_mismatch"));
        }
        if (entry.Invite is { } invite) return await JoinTeamAsync(chat, machine, entry, invite, pin.Trim(), update, menu);
        if (chat.Bag.TryGetValue(ReconnectKey, out var reconnectTenantId)) return await FinishReconnectAsync(chat, machine, entry, reconnectTenantId, pin.Trim(), update, menu);
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
            var now = time.GetUtcNow();
            if (!TryInsertTenant(new TenantDocument
            {
                Id = tenantId,
                OwnerUserId = update.UserId,
                IsDemo = entry.IsDemo,
                TokenFingerprint = entry.IsDemo ? "demo:" + tenantId : fingerprints.Compute(entry.Token),
                SealedToken = sealedToken,
                Shops = entry.Shops.Select(s => new ShopDocument { Id = s.Id, Name = s.Name ?? s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }).ToList(),
                Plan = Plans.Business,
                TrialEndsAt = (now + Plans.TrialLength).UtcDateTime,
                CreatedAt = now.UtcDateTime,
            }))
            {
                pending.Forget(chat.ChatId);
                machine.Fire(ChatTrigger.TokenLost);
                return Secret(OnboardingScreens.AskToken(lang, "onboarding.token_taken"));
            }
            SaveMember(update, tenantId, Role.Owner, wrap);
            sessions.Unlock(update.UserId, entry.Token, key.Clone());
            audit.Record(AuditActions.TenantCreated, update.UserId, chat.ChatId, tenantId: tenantId, detail: entry.IsDemo ? "demo" : null);
        }
        return await FinishAsync(chat, machine, update, menu);
    }

    private async Task<Reply> JoinTeamAsync(ChatDocument chat, Stateless.StateMachine<ChatState, ChatTrigger> machine, PendingSecrets.Entry entry, PendingSecrets.PendingInvite invite, string pin, Incoming update, Func<Task<Reply>> menu)
    {
        if (!codes.TryConsume(invite.CodeHash))
        {
            pending.Forget(chat.ChatId);
            machine.Fire(ChatTrigger.InviteLost);
            return Secret(OnboardingScreens.AskCode(LangOf(chat), "onboarding.code_used_up"));
        }
        var wrap = await Task.Run(() => vault.WrapWithPin(invite.Key, pin, invite.TenantId, update.UserId));
        SaveMember(update, invite.TenantId, invite.Role, wrap);
        sessions.Unlock(update.UserId, entry.Token, invite.Key.Clone());
        audit.Record(AuditActions.InviteRedeemed, update.UserId, chat.ChatId, tenantId: invite.TenantId, detail: invite.Role.ToString());
        return await FinishAsync(chat, machine, update, menu);
    }

    private async Task<Reply> FinishReconnectAsync(ChatDocument chat, Stateless.StateMachine<ChatState, ChatTrigger> machine, PendingSecrets.Entry entry, string tenantId, string pin, Incoming update, Func<Task<Reply>> menu)
    {
        var tenant = db.Tenants.FindById(tenantId);
        var owner = db.Members.FindById(update.UserId);
        if (tenant is null || owner is null || owner.TenantId != tenant.Id || tenant.OwnerUserId != owner.UserId)
            return Begin(chat, machine, null);
        var key = await Task.Run(() => rekey.Rekey(tenant, owner, entry.Token, entry.Shops, pin, chat.ChatId));
        sessions.Unlock(owner.UserId, entry.Token, key);
        chat.Bag.Remove(ReconnectKey);
        return await FinishAsync(chat, machine, update, menu);
    }

    /// <summary>The fingerprint index is unique: of two owners racing with one token, the second is refused here.</summary>
    private bool TryInsertTenant(TenantDocument tenant)
    {
        try
        {
            db.Tenants.Insert(tenant);
            return true;
        }
        catch (LiteDB.LiteException ex) when (ex.ErrorCode == LiteDB.LiteException.INDEX_DUPLICATE_KEY)
        {
            return false;
        }
    }

    private void SaveMember(Incoming update, string tenantId, Role role, WrappedKey wrap)
    {
        var now = time.GetUtcNow().UtcDateTime;
        db.Members.Upsert(new MemberDocument
        {
            UserId = update.UserId,
            TenantId = tenantId,
            Role = role.ToString(),
            DisplayName = update.FirstName,
            PinWrap = wrap,
            CreatedAt = now,
            LastSeenAt = now,
        });
    }

    private async Task<Reply> FinishAsync(ChatDocument chat, Stateless.StateMachine<ChatState, ChatTrigger> machine, Incoming update, Func<Task<Reply>> menu)
    {
        db.CodeAttempts.Delete(chat.ChatId);
        chat.PendingCodeHash = null;
        chat.UserId = update.UserId;
        pending.Forget(chat.ChatId);
        machine.Fire(ChatTrigger.PinConfirmed);
        return (await menu()) with { DeleteIncomingMessage = true };
    }

    /// <summary>S2: the in-memory token is gone (expired, or the bot restarted): ask for it again.</summary>
    private Reply TokenLost(ChatDocument chat, Stateless.StateMachine<ChatState, ChatTrigger> machine)
    {
        if (IsReconnecting(chat))
        {
            machine.Fire(ChatTrigger.TokenLost);
            return Secret(OnboardingScreens.AskToken(LangOf(chat), "onboarding.token_lost", "onboarding.reconnect_ask_token"));
        }
        if (chat.PendingCodeHash is null)
        {
            // an invitee: their opened key is gone with the restart; the invite code opens it again
            machine.Fire(ChatTrigger.InviteLost);
            return Secret(OnboardingScreens.AskCode(LangOf(chat), "onboarding.invite_lost"));
        }
        machine.Fire(ChatTrigger.TokenLost);
        return Secret(OnboardingScreens.AskToken(LangOf(chat), "onboarding.token_lost"));
    }

    private static Reply Secret(Screen screen) => new() { Screen = screen, DeleteIncomingMessage = true };

    private static Reply Screen(Screen screen, bool deleteMessage) => new() { Screen = screen, DeleteIncomingMessage = deleteMessage };

    public static Lang LangOf(ChatDocument chat) => Langs.Parse(chat.Language) ?? Lang.Ru;

    internal static DateTimeOffset? Utc(DateTime? value) =>
        value is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null;
}
