using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using UzumBot.Hosting;
using UzumBot.Security;
using UzumBot.Uzum;

namespace UzumBot.Conversation;

/// <summary>An unlocked member: the opened token and the tenant's data key (for wrapping it anew: invites, PIN change).</summary>
public sealed record UnlockedSession(UzumToken Token, DataKey Key);

/// <summary>
/// Members who entered their PIN recently, with their opened token and data key, in memory only. The window
/// slides with every action (Security:UnlockHours); a restart empties it, so the PIN is asked again.
/// </summary>
public sealed class UnlockedSessions(TimeProvider time, IOptions<SecurityOptions> options)
{
    private readonly ConcurrentDictionary<long, Entry> _byUser = new();
    private TimeSpan Window => TimeSpan.FromHours(options.Value.UnlockHours);

    private sealed record Entry(UnlockedSession Session, DateTimeOffset LastActivity);

    /// <summary>Takes ownership of <paramref name="key"/> (pass a clone if you dispose yours).</summary>
    public void Unlock(long userId, UzumToken token, DataKey key)
    {
        var entry = new Entry(new UnlockedSession(token, key), time.GetUtcNow());
        _byUser.AddOrUpdate(userId, entry, (_, old) =>
        {
            if (!ReferenceEquals(old.Session.Key, key)) old.Session.Key.Dispose();
            return entry;
        });
    }

    /// <summary>The member's session when the window is still open; touching it slides the window.</summary>
    public UnlockedSession? Touch(long userId)
    {
        if (!_byUser.TryGetValue(userId, out var entry)) return null;
        var now = time.GetUtcNow();
        if (now - entry.LastActivity > Window)
        {
            Lock(userId);
            return null;
        }
        _byUser.TryUpdate(userId, entry with { LastActivity = now }, entry);
        return entry.Session;
    }

    /// <summary>Forgets the member's opened token and zeroes the data key.</summary>
    public void Lock(long userId)
    {
        if (_byUser.TryRemove(userId, out var entry)) entry.Session.Key.Dispose();
    }

    /// <summary>Locks every member of a tenant (after a token reconnect or the tenant's deletion).</summary>
    public void LockAll(IEnumerable<long> userIds)
    {
        foreach (var id in userIds) Lock(id);
    }
}
