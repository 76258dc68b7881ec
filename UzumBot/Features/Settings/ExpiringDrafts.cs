using System.Collections.Concurrent;

namespace UzumBot.Features.Settings;

/// <summary>
/// A half-finished settings step per user (a new PIN's first entry, a checked new token), in memory only and for a
/// few minutes: such values must never reach LiteDB. A restart loses them, and the user is asked again.
/// </summary>
public sealed class ExpiringDrafts<T>(TimeProvider time, TimeSpan lifetime) where T : class
{
    private readonly ConcurrentDictionary<long, (T Value, DateTimeOffset ExpiresAt)> _byUser = new();

    public void Put(long userId, T value) => _byUser[userId] = (value, time.GetUtcNow() + lifetime);

    public T? Get(long userId)
    {
        if (_byUser.TryGetValue(userId, out var entry) && entry.ExpiresAt > time.GetUtcNow()) return entry.Value;
        Forget(userId);
        return null;
    }

    public void Forget(long userId) => _byUser.TryRemove(userId, out _);
}
