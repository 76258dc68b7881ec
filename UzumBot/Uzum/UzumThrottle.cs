using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using UzumBot.Hosting;

namespace UzumBot.Uzum;

/// <summary>
/// Spaces the starts of requests made with one UZUM token by a fixed interval, whoever makes them. Each caller
/// reserves the next free slot and waits for it; a 429 pauses the whole token (every waiting and later caller).
/// </summary>
public sealed class UzumThrottle(TimeSpan interval, TimeProvider time)
{
    private readonly Lock _gate = new();
    private DateTimeOffset _nextSlot = DateTimeOffset.MinValue;

    public TimeSpan Interval => interval;

    /// <summary>Waits until this caller may start its request.</summary>
    public Task WaitAsync(CancellationToken ct)
    {
        var delay = Reserve();
        return delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, time, ct);
    }

    /// <summary>Reserves the next slot and returns how long to wait for it.</summary>
    internal TimeSpan Reserve()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var start = _nextSlot > now ? _nextSlot : now;
            _nextSlot = start + interval;
            return start - now;
        }
    }

    /// <summary>No request of this token starts before now + <paramref name="pause"/> (e.g. UZUM's Retry-After).</summary>
    public void Pause(TimeSpan pause)
    {
        if (pause <= TimeSpan.Zero) return;
        lock (_gate)
        {
            var until = time.GetUtcNow() + pause;
            if (until > _nextSlot) _nextSlot = until;
        }
    }
}

/// <summary>
/// One <see cref="UzumThrottle"/> per token for the whole process (register as a singleton). Keyed by a SHA-256
/// fingerprint of the token, so the raw token is never a dictionary key that could end up in a dump or a log.
/// </summary>
public sealed class UzumThrottleRegistry(IOptions<UzumOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, UzumThrottle> _throttles = new(StringComparer.Ordinal);
    private readonly TimeSpan _interval = TimeSpan.FromMilliseconds(options.Value.MinRequestIntervalMs);
    private readonly TimeProvider _time = time;

    public UzumThrottle For(UzumToken token) =>
        _throttles.GetOrAdd(Fingerprint(token), static (_, s) => new UzumThrottle(s._interval, s._time), this);

    public static string Fingerprint(UzumToken token) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token.Value)), 0, 12);
}

public static class RetryAfter
{
    /// <summary>The wait a <c>Retry-After</c> header asks for (delta seconds or an HTTP date), never negative; null when absent.</summary>
    public static TimeSpan? From(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        if (header is null) return null;
        if (header.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (header.Date is { } date) return date > now ? date - now : TimeSpan.Zero;
        return null;
    }
}
