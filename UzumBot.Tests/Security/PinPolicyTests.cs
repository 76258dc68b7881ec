using UzumBot.Security;

namespace UzumBot.Tests.Security;

public sealed class PinPolicyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 12, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("1234", true)]
    [InlineData("12345", true)]
    [InlineData("000000", true)]
    [InlineData("123", false)]
    [InlineData("1234567", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("12 34", false)]
    [InlineData(" 1234", false)]
    [InlineData("1234\n", false)]
    [InlineData("12a4", false)]
    [InlineData("-1234", false)]
    [InlineData("１２３４", false)] // full-width
    [InlineData("١٢٣٤", false)] // Arabic-Indic
    [InlineData("12³4", false)]
    public void Pin_format(string? pin, bool valid) => Assert.Equal(valid, PinRules.IsValidFormat(pin));

    [Fact]
    public void Five_failures_lock_for_15_minutes_then_doubling_then_reset()
    {
        var state = PinAttempts.None;
        var now = T0;
        for (var i = 0; i < 4; i++)
        {
            Assert.True(PinGuard.Check(state, now).Allowed);
            Assert.Equal(5 - i, PinGuard.AttemptsLeft(state, now));
            state = PinGuard.AfterFailure(state, now);
            Assert.Null(state.LockedUntil);
        }
        Assert.Equal(1, PinGuard.AttemptsLeft(state, now));

        state = PinGuard.AfterFailure(state, now); // 5th
        Assert.Equal(now.AddMinutes(15), state.LockedUntil);
        var decision = PinGuard.Check(state, now.AddMinutes(14));
        Assert.False(decision.Allowed);
        Assert.Equal(now.AddMinutes(15), decision.LockedUntil);
        Assert.Equal(0, PinGuard.AttemptsLeft(state, now.AddMinutes(14)));

        // A try that races in during the lockout changes nothing.
        Assert.Equal(state, PinGuard.AfterFailure(state, now.AddMinutes(1)));

        // After the lockout: five fresh tries, and the next lockout is 30 min.
        now = now.AddMinutes(15);
        Assert.True(PinGuard.Check(state, now).Allowed);
        Assert.Equal(5, PinGuard.AttemptsLeft(state, now));
        state = FailTimes(state, now, 5);
        Assert.Equal(now.AddMinutes(30), state.LockedUntil);

        now = now.AddMinutes(30);
        state = FailTimes(state, now, 5);
        Assert.Equal(now.AddMinutes(60), state.LockedUntil);

        // Success resets everything: the next lockout is 15 min again.
        now = now.AddMinutes(60);
        state = PinGuard.AfterFailure(state, now);
        state = PinGuard.AfterSuccess();
        Assert.Equal(PinAttempts.None, state);
        state = FailTimes(state, now, 5);
        Assert.Equal(now.AddMinutes(15), state.LockedUntil);
    }

    [Fact]
    public void Lockout_is_capped_at_a_day()
    {
        var policy = LockoutPolicy.Pin;
        Assert.Equal(TimeSpan.FromMinutes(15), policy.LockoutFor(0));
        Assert.Equal(TimeSpan.FromMinutes(30), policy.LockoutFor(1));
        Assert.Equal(TimeSpan.FromHours(16), policy.LockoutFor(6));
        Assert.Equal(TimeSpan.FromHours(24), policy.LockoutFor(7));
        Assert.Equal(TimeSpan.FromHours(24), policy.LockoutFor(int.MaxValue));

        var state = new PinAttempts(4, 40, null);
        state = PinGuard.AfterFailure(state, T0);
        Assert.Equal(T0.AddHours(24), state.LockedUntil);
    }

    [Fact]
    public void Access_code_limiter_pauses_a_chat_after_five_wrong_codes()
    {
        var state = CodeAttempts.None;
        for (var i = 0; i < 4; i++) state = AccessCodeGuard.AfterFailure(state, T0);
        Assert.True(AccessCodeGuard.Check(state, T0).Allowed);
        state = AccessCodeGuard.AfterFailure(state, T0);
        Assert.False(AccessCodeGuard.Check(state, T0.AddMinutes(10)).Allowed);
        Assert.Equal(T0.AddMinutes(15), AccessCodeGuard.Check(state, T0).LockedUntil);
        Assert.True(AccessCodeGuard.Check(state, T0.AddMinutes(15)).Allowed);
        Assert.Equal(CodeAttempts.None, AccessCodeGuard.AfterSuccess());
    }

    private static PinAttempts FailTimes(PinAttempts state, DateTimeOffset now, int times)
    {
        for (var i = 0; i < times; i++) state = PinGuard.AfterFailure(state, now);
        return state;
    }
}
