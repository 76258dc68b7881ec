using UzumBot.Conversation;
using UzumBot.Security;
using UzumBot.Storage;

namespace UzumBot.Features.Settings;

public enum PinCheckOutcome { Right, Wrong, LockedOut }

public sealed record PinCheckResult(PinCheckOutcome Outcome, int AttemptsLeft = 0, DateTimeOffset? LockedUntil = null);

/// <summary>
/// Checks a member's current PIN against their stored wrap, counting failures with <see cref="PinGuard"/> exactly as
/// sign-in does (the counter is the member's, so wrong tries here and at the door add up).
/// </summary>
public sealed class CurrentPinCheck(Database db, TokenVault vault, AuditLog audit, TimeProvider time)
{
    /// <summary>Until when the member may not try a PIN; null when they may.</summary>
    public DateTimeOffset? LockedUntil(MemberDocument member) => PinGuard.Check(Attempts(member), time.GetUtcNow()).LockedUntil;

    public async Task<PinCheckResult> CheckAsync(MemberDocument member, string typed, long chatId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var attempts = Attempts(member);
        var decision = PinGuard.Check(attempts, now);
        if (!decision.Allowed) return new PinCheckResult(PinCheckOutcome.LockedOut, LockedUntil: decision.LockedUntil);

        var pin = PinInput.Normalize(typed);
        // letters or a wrong length are a typo, not a guess: not counted (as at the sign-in door)
        if (!PinRules.IsValidFormat(pin)) return new PinCheckResult(PinCheckOutcome.Wrong, decision.AttemptsLeft);
        var right = false;
        if (member.PinWrap is { } wrap && PinRules.IsValidFormat(pin))
        {
            using var key = await Task.Run(() => vault.TryUnwrapWithPin(wrap, pin, member.TenantId, member.UserId), ct);
            right = key is not null;
        }
        audit.Record(AuditActions.SignInPin, member.UserId, chatId, right, member.TenantId, detail: "settings");

        var after = right ? PinGuard.AfterSuccess() : PinGuard.AfterFailure(attempts, now);
        db.UpdateMember(member.UserId, m =>
        {
            if (!right) after = PinGuard.AfterFailure(new PinAttempts(m.PinFailures, m.PinLockoutLevel, m.PinLockedUntil is { } u ? new DateTimeOffset(DateTime.SpecifyKind(u, DateTimeKind.Utc)) : null), now);
            m.PinFailures = after.Failures;
            m.PinLockoutLevel = after.LockoutLevel;
            m.PinLockedUntil = after.LockedUntil?.UtcDateTime;
        });

        if (right) return new PinCheckResult(PinCheckOutcome.Right);
        return after.LockedUntil is { } until
            ? new PinCheckResult(PinCheckOutcome.LockedOut, LockedUntil: until)
            : new PinCheckResult(PinCheckOutcome.Wrong, PinGuard.AttemptsLeft(after, now));
    }

    private static PinAttempts Attempts(MemberDocument member) =>
        new(member.PinFailures, member.PinLockoutLevel,
            member.PinLockedUntil is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null);
}
