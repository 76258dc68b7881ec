using Microsoft.Extensions.Time.Testing;
using UzumBot.Security;

namespace UzumBot.Tests.Security;

public sealed class UnlockWindowTests
{
    [Fact]
    public void Window_slides_with_each_activity()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 12, 9, 0, 0, TimeSpan.Zero));
        DateTimeOffset? last = clock.GetUtcNow(); // PIN entered
        const double hours = 12;

        clock.Advance(TimeSpan.FromHours(11));
        Assert.True(UnlockWindow.IsUnlocked(last, clock.GetUtcNow(), hours));
        last = clock.GetUtcNow(); // activity extends the window

        clock.Advance(TimeSpan.FromHours(11));
        Assert.True(UnlockWindow.IsUnlocked(last, clock.GetUtcNow(), hours)); // 22 h after the PIN
        Assert.Equal(last.Value.AddHours(12), UnlockWindow.ExpiresAt(last.Value, hours));

        clock.Advance(TimeSpan.FromHours(1));
        Assert.False(UnlockWindow.IsUnlocked(last, clock.GetUtcNow(), hours)); // exactly 12 h idle
    }

    [Fact]
    public void Never_unlocked_zero_hours_and_future_activity_are_locked()
    {
        var now = new DateTimeOffset(2026, 3, 12, 9, 0, 0, TimeSpan.Zero);
        Assert.False(UnlockWindow.IsUnlocked(null, now, 12));
        Assert.False(UnlockWindow.IsUnlocked(now, now, 0));
        Assert.False(UnlockWindow.IsUnlocked(now.AddMinutes(5), now, 12));
        Assert.True(UnlockWindow.IsUnlocked(now, now, 12));
    }
}
