namespace UzumBot.Security;

/// <summary>
/// The sliding unlock window (product §2): a member stays unlocked while each activity falls within
/// <c>UnlockHours</c> of the previous one. Record the activity time after every accepted action.
/// </summary>
public static class UnlockWindow
{
    /// <param name="lastActivity">Last PIN entry or activity; null when never unlocked (e.g. after a restart).</param>
    /// <param name="unlockHours"><see cref="Hosting.SecurityOptions.UnlockHours"/>; 0 asks for the PIN every time.</param>
    public static bool IsUnlocked(DateTimeOffset? lastActivity, DateTimeOffset now, double unlockHours) =>
        lastActivity is { } last
        && unlockHours > 0
        && last <= now // a clock that went backwards locks rather than extends
        && now < ExpiresAt(last, unlockHours);

    public static DateTimeOffset ExpiresAt(DateTimeOffset lastActivity, double unlockHours) =>
        lastActivity + TimeSpan.FromHours(Math.Max(0, unlockHours));
}
