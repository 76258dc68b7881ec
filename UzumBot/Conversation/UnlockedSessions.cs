using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using UzumBot.Hosting;
using UzumBot.Uzum;

namespace UzumBot.Conversation;

/// <summary>
/// Members who entered their PIN recently, with their opened token, in memory only. The window slides with
/// every action (Security:UnlockHours); a restart empties it, so the PIN is asked again.
/// </summary>
public sealed class UnlockedSessions(TimeProvider time, IOptions<SecurityOptions> options)
{
    private readonly ConcurrentDictionary<long, Session> _byUser = new();
    private TimeSpan Window => TimeSpan.FromHours(options.Value.UnlockHours);

    private sealed record Session(UzumToken Token, DateTimeOffset LastActivity);

    public void Unlock(long userId, UzumToken token) => _byUser[userId] = new Session(token, time.GetUtcNow());

    /// <summary>The member's token when the window is still open; touching it slides the window.</summary>
    public UzumToken? Touch(long userId)
    {
        if (!_byUser.TryGetValue(userId, out var session)) return null;
        var now = time.GetUtcNow();
        if (now - session.LastActivity > Window)
        {
            _byUser.TryRemove(userId, out _);
            return null;
        }
        _byUser[userId] = session with { LastActivity = now };
        return session.Token;
    }

    public void Lock(long userId) => _byUser.TryRemove(userId, out _);
}
