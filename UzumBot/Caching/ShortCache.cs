using System.Collections.Concurrent;

namespace UzumBot.Caching;

/// <summary>
/// A brief cache for UZUM reads (counts, order lists, catalogue pages) so one screen and its quick neighbours
/// do not fetch the same thing twice. Concurrent callers of one key share one fetch.
/// </summary>
public sealed class ShortCache(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new();

    private sealed record Entry(Lazy<Task<object>> Value, DateTimeOffset ExpiresAt);

    public async Task<T> GetOrFetchAsync<T>(string key, TimeSpan ttl, Func<Task<T>> fetch) where T : notnull
    {
        var now = time.GetUtcNow();
        var entry = _entries.AddOrUpdate(key,
            _ => NewEntry(fetch, now + ttl),
            (_, existing) => existing.ExpiresAt > now && !existing.Value.Value.IsFaulted && !existing.Value.Value.IsCanceled
                ? existing
                : NewEntry(fetch, now + ttl));
        try
        {
            return (T)await entry.Value.Value.ConfigureAwait(false);
        }
        catch
        {
            _entries.TryRemove(KeyValuePair.Create(key, entry));
            throw;
        }
    }

    /// <summary>A value already fetched and still fresh, without fetching.</summary>
    public bool TryGet<T>(string key, out T value)
    {
        if (_entries.TryGetValue(key, out var entry) && entry.ExpiresAt > time.GetUtcNow()
            && entry.Value.IsValueCreated && entry.Value.Value.IsCompletedSuccessfully && entry.Value.Value.Result is T found)
        {
            value = found;
            return true;
        }
        value = default!;
        return false;
    }

    /// <summary>Drops every entry whose key starts with the prefix (after a change such as a confirm).</summary>
    public void Invalidate(string prefix)
    {
        foreach (var key in _entries.Keys)
            if (key.StartsWith(prefix, StringComparison.Ordinal)) _entries.TryRemove(key, out _);
    }

    private static Entry NewEntry<T>(Func<Task<T>> fetch, DateTimeOffset expiresAt) where T : notnull =>
        new(new Lazy<Task<object>>(async () => await fetch().ConfigureAwait(false)), expiresAt);
}
