namespace UzumBot.Tests.Fakes;

/// <summary>
/// Telegram-like flood control: a token bucket per chat (burst, then ~1/s), a per-minute window per group and a
/// global per-second bucket; plus 429s forced by tests. Not thread-safe: called under the fake's lock.
/// </summary>
internal sealed class FloodControl(FakeBotApiOptions options)
{
    private sealed class Bucket(double tokens, long stamp)
    {
        public double Tokens = tokens;
        public long Stamp = stamp;
    }

    private sealed class Forced(long? chatId, int remaining, int retryAfter)
    {
        public long? ChatId { get; } = chatId;
        public int Remaining { get; set; } = remaining;
        public int RetryAfter { get; } = retryAfter;
    }

    private readonly Dictionary<long, Bucket> _perChat = [];
    private readonly Dictionary<long, Queue<DateTimeOffset>> _perGroup = [];
    private Bucket? _global;
    private readonly List<Forced> _forced = [];

    public void Force(int count, int retryAfterSeconds, long? chatId) =>
        _forced.Add(new Forced(chatId, count, Math.Max(1, retryAfterSeconds)));

    /// <summary>A forced 429 for this chat, if a test asked for one (consumes it).</summary>
    public int? TakeForced(long chatId)
    {
        var f = _forced.FirstOrDefault(x => x.Remaining > 0 && (x.ChatId is null || x.ChatId == chatId));
        if (f is null) return null;
        f.Remaining--;
        _forced.RemoveAll(x => x.Remaining <= 0);
        return f.RetryAfter;
    }

    /// <summary>Seconds to wait if this send to <paramref name="chatId"/> exceeds a limit; null lets it through (and counts it).</summary>
    public int? Check(long chatId)
    {
        if (!options.RateLimitEnabled) return null;
        var time = options.TimeProvider;
        long now = time.GetTimestamp();

        if (options.GlobalPerSecond > 0)
        {
            _global ??= new Bucket(options.GlobalPerSecond, now);
            if (Wait(_global, options.GlobalPerSecond, options.GlobalPerSecond, now) is { } g) return g;
        }

        if (chatId < 0 && options.PerGroupPerMinute > 0)
        {
            var window = _perGroup.TryGetValue(chatId, out var q) ? q : _perGroup[chatId] = new Queue<DateTimeOffset>();
            var utc = time.GetUtcNow();
            while (window.Count > 0 && utc - window.Peek() >= TimeSpan.FromMinutes(1)) window.Dequeue();
            if (window.Count >= options.PerGroupPerMinute)
                return Math.Max(1, (int)Math.Ceiling((window.Peek() + TimeSpan.FromMinutes(1) - utc).TotalSeconds));
        }

        if (options.PerChatPerSecond > 0)
        {
            var bucket = _perChat.TryGetValue(chatId, out var b) ? b : _perChat[chatId] = new Bucket(Math.Max(1, options.PerChatBurst), now);
            if (Wait(bucket, Math.Max(1, options.PerChatBurst), options.PerChatPerSecond, now) is { } c) return c;
            bucket.Tokens -= 1;
        }

        if (_global is not null) _global.Tokens -= 1;
        if (chatId < 0 && options.PerGroupPerMinute > 0) _perGroup[chatId].Enqueue(time.GetUtcNow());
        return null;
    }

    /// <summary>Refills the bucket; returns the whole seconds until one token is there, or null when one is.</summary>
    private int? Wait(Bucket bucket, double capacity, double perSecond, long now)
    {
        double elapsed = options.TimeProvider.GetElapsedTime(bucket.Stamp, now).TotalSeconds;
        bucket.Tokens = Math.Min(capacity, bucket.Tokens + elapsed * perSecond);
        bucket.Stamp = now;
        if (bucket.Tokens >= 1) return null;
        return Math.Max(1, (int)Math.Ceiling((1 - bucket.Tokens) / perSecond));
    }
}
