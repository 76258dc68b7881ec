using UzumBot.Conversation;
using UzumBot.Localization;
using UzumBot.Rendering;
using UzumBot.Storage;
using UzumBot.Telegram;

namespace UzumBot.Features.Automation;

/// <summary>What became of one alert for one member.</summary>
public enum Outcome
{
    Sent,
    /// <summary>Quiet hours: kept for the member's digest.</summary>
    Held,
    Blocked,
    Failed,
}

/// <summary>
/// Hands automation messages to the <see cref="OutboundQueue"/>, honouring each member's quiet hours: an alert
/// inside them is held (stored) and the held ones go out as one digest once they end.
/// </summary>
public sealed class Pushes(Database db, OutboundQueue queue, MemberPreferences preferences)
{
    public const int DigestLines = 30;

    public static Lang LangOf(Database db, long userId) =>
        db.Chats.FindById(userId) is { } chat ? Onboarding.LangOf(chat) : Lang.Ru;

    public Lang LangOf(long userId) => LangOf(db, userId);

    public async Task<Outcome> SendAsync(long userId, Screen screen) =>
        await queue.SendAsync(userId, screen) switch
        {
            Delivery.Sent => Outcome.Sent,
            Delivery.Blocked => Outcome.Blocked,
            _ => Outcome.Failed,
        };

    /// <summary>Sends now, or holds <paramref name="heldLines"/> when the member is in quiet hours.</summary>
    public async Task<Outcome> AlertAsync(MemberDocument member, DateTimeOffset now, Func<Screen> screen, IEnumerable<string> heldLines)
    {
        var prefs = preferences.For(member);
        if (prefs.BlockedAt is not null) return Outcome.Blocked;
        if (!MemberPreferences.Quiet(prefs).Contains(now)) return await SendAsync(member.UserId, screen());
        db.HeldAlerts.InsertBulk(heldLines.Select(line => new HeldAlertDocument
        {
            UserId = member.UserId, TenantId = member.TenantId, LineHtml = line, At = now.UtcDateTime,
        }));
        return Outcome.Held;
    }

    /// <summary>The held alerts of a member whose quiet hours are over, as one message; removed once it is sent.</summary>
    public async Task DigestAsync(MemberDocument member, DateTimeOffset now)
    {
        var prefs = preferences.For(member);
        if (MemberPreferences.Quiet(prefs).Contains(now)) return;
        var held = db.HeldAlerts.Find(h => h.UserId == member.UserId).OrderBy(h => h.At).ThenBy(h => h.Id).ToList();
        if (held.Count == 0) return;
        if (prefs.BlockedAt is null)
        {
            var outcome = await SendAsync(member.UserId, PushScreens.Digest(LangOf(member.UserId), held.Select(h => h.LineHtml).ToList()));
            if (outcome == Outcome.Failed) return;
        }
        foreach (var h in held) db.HeldAlerts.Delete(h.Id);
    }
}
