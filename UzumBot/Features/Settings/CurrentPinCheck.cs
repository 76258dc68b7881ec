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

        var pin = typed.Trim();
        var right = false;
        if (member.PinWrap is { } wrap && PinRules.IsValidFormat(pin))
        {
            using var key = await Task.Run(() => vault.TryUnwrapWithPin(wrap, pin, member.TenantId, member.UserId), ct);
            right = key is not null;
        }
        audit.Record(AuditActions.SignInPin, member.UserId, chatId, right, member.TenantId, detail: "settings");

        var after = right ? PinGuard.AfterSuccess() : PinGuard.AfterFailure(attempts, now);
        member.PinFailures = after.Failures;
        member.PinLockoutLevel = after.LockoutLevel;
        member.PinLockedUntil = after.LockedUntil?.UtcDateTime;
        db.Members.Update(member);

        if (right) return new PinCheckResult(PinCheckOutcome.Right);
        return after.LockedUntil is { } until
            ? new PinCheckResult(PinCheckOutcome.LockedOut, LockedUntil: until)
            : new PinCheckResult(PinCheckOutcome.Wrong, PinGuard.AttemptsLeft(after, now));
    }

    private static PinAttempts Attempts(MemberDocument member) =>
        new(member.PinFailures, member.PinLockoutLevel,
            member.PinLockedUntil is { } v ? new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)) : null);
}
