namespace UzumBot.Security;

public static class PinRules
{
    public const int MinLength = 4;
    public const int MaxLength = 6;

    /// <summary>4–6 ASCII digits and nothing else (no spaces, no full-width or other Unicode digits).</summary>
    public static bool IsValidFormat(string? pin) =>
        pin is { Length: >= MinLength and <= MaxLength } && pin.All(char.IsAsciiDigit);
}

/// <summary>Whether an attempt may be made now; when not, until when it is locked.</summary>
public readonly record struct AttemptDecision(bool Allowed, DateTimeOffset? LockedUntil, int AttemptsLeft);

/// <summary>
/// Failure counting with doubling lockouts: <see cref="MaxFailures"/> wrong tries lock for <see cref="FirstLockout"/>,
/// each further lockout doubles, capped at <see cref="MaxLockout"/>. Failures restart at zero after each lockout; the
/// level stays until a success.
/// </summary>
public sealed record LockoutPolicy(int MaxFailures, TimeSpan FirstLockout, TimeSpan MaxLockout)
{
    public static readonly LockoutPolicy Pin = new(5, TimeSpan.FromMinutes(15), TimeSpan.FromHours(24));
    public static readonly LockoutPolicy AccessCode = new(5, TimeSpan.FromMinutes(15), TimeSpan.FromHours(24));

    internal AttemptDecision Decide(int failures, DateTimeOffset? lockedUntil, DateTimeOffset now) =>
        lockedUntil is { } until && now < until
            ? new AttemptDecision(false, until, 0)
            : new AttemptDecision(true, null, Math.Max(0, MaxFailures - failures));

    internal (int Failures, int Level, DateTimeOffset? LockedUntil) AfterFailure(int failures, int level, DateTimeOffset? lockedUntil, DateTimeOffset now)
    {
        if (lockedUntil is { } until && now < until)
            return (failures, level, lockedUntil); // a racing try during a lockout changes nothing
        failures++;
        if (failures < MaxFailures)
            return (failures, level, null);
        return (0, level + 1, now + LockoutFor(level));
    }

    /// <summary>Length of the lockout at the given level (0 = first).</summary>
    public TimeSpan LockoutFor(int level)
    {
        var lockout = FirstLockout;
        for (var i = 0; i < level && lockout < MaxLockout; i++) lockout *= 2;
        return lockout < MaxLockout ? lockout : MaxLockout;
    }
}

/// <summary>A member's PIN attempt state, stored with the member.</summary>
public sealed record PinAttempts(int Failures, int LockoutLevel, DateTimeOffset? LockedUntil)
{
    public static readonly PinAttempts None = new(0, 0, null);
}

/// <summary>Pure PIN attempt limiter (product §4: 5 wrong → 15 min, doubling).</summary>
public static class PinGuard
{
    public static AttemptDecision Check(PinAttempts attempts, DateTimeOffset now) =>
        LockoutPolicy.Pin.Decide(attempts.Failures, attempts.LockedUntil, now);

    public static int AttemptsLeft(PinAttempts attempts, DateTimeOffset now) => Check(attempts, now).AttemptsLeft;

    public static PinAttempts AfterFailure(PinAttempts attempts, DateTimeOffset now)
    {
        var (failures, level, until) = LockoutPolicy.Pin.AfterFailure(attempts.Failures, attempts.LockoutLevel, attempts.LockedUntil, now);
        return new PinAttempts(failures, level, until);
    }

    public static PinAttempts AfterSuccess() => PinAttempts.None;
}

/// <summary>A chat's access-code attempt state.</summary>
public sealed record CodeAttempts(int Failures, int LockoutLevel, DateTimeOffset? LockedUntil)
{
    public static readonly CodeAttempts None = new(0, 0, null);
}

/// <summary>Pure per-chat limiter for access-code attempts (5 wrong → 15 min pause, doubling).</summary>
public static class AccessCodeGuard
{
    public static AttemptDecision Check(CodeAttempts attempts, DateTimeOffset now) =>
        LockoutPolicy.AccessCode.Decide(attempts.Failures, attempts.LockedUntil, now);

    public static CodeAttempts AfterFailure(CodeAttempts attempts, DateTimeOffset now)
    {
        var (failures, level, until) = LockoutPolicy.AccessCode.AfterFailure(attempts.Failures, attempts.LockoutLevel, attempts.LockedUntil, now);
        return new CodeAttempts(failures, level, until);
    }

    public static CodeAttempts AfterSuccess() => CodeAttempts.None;
}
