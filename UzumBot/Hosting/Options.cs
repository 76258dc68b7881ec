using System.ComponentModel.DataAnnotations;

namespace UzumBot.Hosting;

// Option classes bound from configuration (sections named as in appsettings.json; environment variables use
// "__", e.g. Telegram__BotToken). Validated at start: a missing or malformed value stops the process with a
// message that names the key.

public sealed class TelegramOptions
{
    public const string Section = "Telegram";
    public const string DefaultApiBaseUrl = "https://api.telegram.org";

    public string? BotToken { get; set; }
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>Messages a second over all chats (Telegram allows about 30); interactive replies are served first.</summary>
    [Range(1, 1000)]
    public double MessagesPerSecond { get; set; } = Telegram.OutboundGate.DefaultMessagesPerSecond;
}

public sealed class UzumOptions
{
    public const string Section = "Uzum";
    public const string DefaultBaseUrl = "https://api-seller.uzum.uz/api/seller-openapi";

    public string BaseUrl { get; set; } = DefaultBaseUrl;

    [Range(0, 60_000)]
    public int MinRequestIntervalMs { get; set; } = 200;

    /// <summary>Attempts for one GET including the first (retries on 429 / 5xx / timeouts).</summary>
    [Range(1, 10)]
    public int MaxGetAttempts { get; set; } = 4;

    /// <summary>Per-attempt timeout.</summary>
    [Range(1, 300)]
    public int AttemptTimeoutSeconds { get; set; } = 20;

    /// <summary>First backoff delay; doubles with jitter each retry.</summary>
    [Range(0, 60_000)]
    public int BackoffBaseMs { get; set; } = 500;
}

public sealed class StorageOptions
{
    public const string Section = "Storage";
    public string Path { get; set; } = "data/uzumbot.db";
}

public sealed class SecurityOptions
{
    public const string Section = "Security";
    public string PepperPath { get; set; } = "data/pepper.key";

    /// <summary>Base64 pepper; when set it overrides the file.</summary>
    public string? Pepper { get; set; }

    /// <summary>The automation server key file (apart from the pepper), created on first run with owner-only permissions.</summary>
    public string ServerKeyPath { get; set; } = "data/server.key";

    /// <summary>Base64 server key (32 bytes); when set it overrides the file (and rotation is done by changing it).</summary>
    public string? ServerKey { get; set; }

    [Range(0, 24 * 90)]
    public double UnlockHours { get; set; } = 12;
}

public sealed class BotOptions
{
    public const string Section = "Bot";
    public long[] AdminIds { get; set; } = [];
}

public sealed class SandboxOptions
{
    public const string Section = "Sandbox";

    /// <summary>Share of requests (0..1) answered with a 500 or 429 fault, for tests.</summary>
    [Range(0.0, 1.0)]
    public double FaultRate { get; set; }

    /// <summary>Added latency per request, for tests.</summary>
    [Range(0, 120_000)]
    public int LatencyMs { get; set; }

    /// <summary>Token bucket per seller token: capacity and refill per second.</summary>
    [Range(1, 10_000)]
    public int BurstCapacity { get; set; } = 10;

    [Range(1, 10_000)]
    public int ReplenishRate { get; set; } = 5;
}
