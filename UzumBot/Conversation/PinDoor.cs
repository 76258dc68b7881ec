using UzumBot.Localization;
using UzumBot.Rendering;
using UzumBot.Security;
using UzumBot.Storage;
using UzumBot.Uzum;

namespace UzumBot.Conversation;

/// <summary>
/// The PIN door of a returning member (product §2, §4): attempts counted on the member's fresh record, 5 wrong
/// lock for 15 minutes and doubling, typos not counted, the token opened only with the right PIN; the owner also
/// finds "forgot the PIN" here.
/// </summary>
public sealed class PinDoor(Database db, TokenVault vault, UnlockedSessions sessions, AuditLog audit, TimeProvider time)
{
    /// <summary>A returning member's PIN: attempts counted, 5 wrong lock for 15 minutes, doubling.</summary>
    public async Task<Reply> UnlockAsync(ChatDocument chat, Stateless.StateMachine<ChatState, ChatTrigger> machine, MemberDocument member, string pin, Incoming update, Func<Task<Reply>> menu)
    {
        var lang = LangOf(chat);
        var now = time.GetUtcNow();
        var attempts = new PinAttempts(member.PinFailures, member.PinLockoutLevel, Onboarding.Utc(member.PinLockedUntil));
        var decision = PinGuard.Check(attempts, now);
        if (!decision.Allowed) return Secret(LockedOutScreen(chat, member, decision.LockedUntil!.Value));
        pin = PinInput.Normalize(pin);
        if (!PinRules.IsValidFormat(pin)) return Secret(UnlockScreen(chat, member, decision.AttemptsLeft, "onboarding.pin_only_digits"));
        if (member.PinWrap is null) return Secret(UnlockScreen(chat, member, decision.AttemptsLeft, "signin.wrap_gone"));

        UzumToken? token = null;
        DataKey? key = await Task.Run(() => vault.TryUnwrapWithPin(member.PinWrap, pin, member.TenantId, member.UserId));
        // Re-read after the slow derivation: a re-key may have replaced the token (and this wrap) meanwhile.
        var tenant = db.Tenants.FindById(member.TenantId);
        if (key is not null && tenant?.SealedToken is not null)
        {
            try { token = new UzumToken(vault.Open(tenant.SealedToken, key, tenant.Id)); }
            catch (System.Security.Cryptography.CryptographicException) { key.Dispose(); key = null; }
        }
        audit.Record(AuditActions.SignInPin, update.UserId, chat.ChatId, token is not null, member.TenantId);

        if (token is null)
        {
            var after = PinGuard.AfterFailure(attempts, now);
            db.UpdateMember(member.UserId, m =>
            {
                // counted on the fresh record: two chats guessing at once both count
                after = PinGuard.AfterFailure(new PinAttempts(m.PinFailures, m.PinLockoutLevel, Onboarding.Utc(m.PinLockedUntil)), now);
                m.PinFailures = after.Failures;
                m.PinLockoutLevel = after.LockoutLevel;
                m.PinLockedUntil = after.LockedUntil?.UtcDateTime;
            });
            return after.LockedUntil is { } until
                ? Secret(LockedOutScreen(chat, member, until))
                : Secret(UnlockScreen(chat, member, PinGuard.AttemptsLeft(after, now), "signin.pin_wrong"));
        }

        var stillMember = db.UpdateMember(member.UserId, m =>
        {
            m.PinFailures = 0;
            m.PinLockoutLevel = 0;
            m.PinLockedUntil = null;
            m.LastSeenAt = now.UtcDateTime;
        });
        if (!stillMember)
        {
            // removed while the PIN was being checked
            key!.Dispose();
            machine.Fire(ChatTrigger.Begin);
            return new Reply { Screen = OnboardingScreens.Welcome(), AsNewMessage = true, DeleteIncomingMessage = true };
        }
        chat.UserId = member.UserId;
        sessions.Unlock(member.UserId, token.Value, key!);
        machine.Fire(ChatTrigger.Unlocked);
        return (await menu()) with { DeleteIncomingMessage = true };
    }

    public Screen Prompt(ChatDocument chat, MemberDocument member)
    {
        var now = time.GetUtcNow();
        var attempts = new PinAttempts(member.PinFailures, member.PinLockoutLevel, Onboarding.Utc(member.PinLockedUntil));
        var decision = PinGuard.Check(attempts, now);
        if (member.PinWrap is null) return UnlockScreen(chat, member, decision.AttemptsLeft, "signin.wrap_gone");
        return decision.Allowed
            ? UnlockScreen(chat, member, decision.AttemptsLeft, null)
            : LockedOutScreen(chat, member, decision.LockedUntil!.Value);
    }

    private Screen UnlockScreen(ChatDocument chat, MemberDocument member, int attemptsLeft, string? problemKey) =>
        OnboardingScreens.Unlock(LangOf(chat), attemptsLeft, problemKey, IsOwner(member));

    private Screen LockedOutScreen(ChatDocument chat, MemberDocument member, DateTimeOffset until) =>
        OnboardingScreens.LockedOut(LangOf(chat), until, IsOwner(member));

    private bool IsOwner(MemberDocument member) => member.Role == nameof(Role.Owner) && db.Tenants.FindById(member.TenantId)?.OwnerUserId == member.UserId;

    private static Reply Secret(Screen screen) => new() { Screen = screen, DeleteIncomingMessage = true };

    private static Lang LangOf(ChatDocument chat) => Onboarding.LangOf(chat);
}
