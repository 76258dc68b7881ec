using System.Collections.Concurrent;

namespace UzumBot.Uzum.Sandbox;

/// <summary>
/// A token bucket per API token, like UZUM's gateway: <c>burstCapacity</c> tokens, refilled at
/// <c>replenishRate</c> per second, one token per request; plus a daily quota that is only reported.
/// Runs on real time so a fake clock in a test cannot freeze the bucket.
/// </summary>
public sealed class SandboxRateLimiter(int burstCapacity, int replenishRate, TimeProvider? clock = null)
{
    public const int LimitPerDay = 100_000;

    private sealed class Bucket
    {
        public double Tokens;
        public long Stamp;
        public int UsedToday;
    }

    public readonly record struct Decision(bool Allowed, int Remaining, int RemainingPerDay, int RetryAfterSeconds);

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    public int BurstCapacity { get; } = burstCapacity >= 1 ? burstCapacity : throw new ArgumentOutOfRangeException(nameof(burstCapacity));
    public int ReplenishRate { get; } = replenishRate >= 1 ? replenishRate : throw new ArgumentOutOfRangeException(nameof(replenishRate));

    public Decision Take(string key)
    {
        var bucket = _buckets.GetOrAdd(key, _ => new Bucket { Tokens = BurstCapacity, Stamp = _clock.GetTimestamp() });
        lock (bucket)
        {
            var now = _clock.GetTimestamp();
            bucket.Tokens = Math.Min(BurstCapacity, bucket.Tokens + _clock.GetElapsedTime(bucket.Stamp, now).TotalSeconds * ReplenishRate);
            bucket.Stamp = now;
            if (bucket.Tokens < 1)
            {
                var wait = (1 - bucket.Tokens) / ReplenishRate;
                return new Decision(false, 0, LimitPerDay - bucket.UsedToday, Math.Max(1, (int)Math.Ceiling(wait)));
            }
            bucket.Tokens -= 1;
            bucket.UsedToday++;
            return new Decision(true, (int)Math.Floor(bucket.Tokens), Math.Max(0, LimitPerDay - bucket.UsedToday), 0);
        }
    }
}
