using System.Threading.RateLimiting;

namespace UzumBot.Telegram;

/// <summary>Paces every outgoing Bot API call under Telegram's overall limit (about 30 messages a second).</summary>
public sealed class OutboundGate : IDisposable
{
    private readonly TokenBucketRateLimiter _limiter = new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = 30,
        TokensPerPeriod = 30,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 10_000,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    });

    public async ValueTask WaitAsync()
    {
        using var lease = await _limiter.AcquireAsync();
    }

    public void Dispose() => _limiter.Dispose();
}
