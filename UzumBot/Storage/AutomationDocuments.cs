using LiteDB;
using UzumBot.Security;

namespace UzumBot.Storage;

// Documents of the automation module (alerts, daily summary, paced pushes). New collections only: nothing here
// reshapes the tenant or member documents.

/// <summary>A tenant's automation opt-in: the data key wrapped under the server key, while it is on.</summary>
public sealed class AutomationDocument
{
    [BsonId] public string TenantId { get; set; } = "";
    /// <summary>Null when automation is off: disabling deletes it at once.</summary>
    public WrappedKey? ServerWrap { get; set; }
    /// <summary>Which server key made <see cref="ServerWrap"/> (see ServerKey.CurrentId).</summary>
    public string? ServerKeyId { get; set; }
    public long EnabledBy { get; set; }
    public DateTime? EnabledAt { get; set; }
    /// <summary>The first check after enabling only records the orders that already exist.</summary>
    public bool BaselineTaken { get; set; }
    /// <summary>Days of stock under which a SKU is reported (owner's setting).</summary>
    public int LowStockDays { get; set; } = 7;
    /// <summary>Set when UZUM refused the token (403 forbidden-001): jobs pause until the token is reconnected.</summary>
    public DateTime? TokenRefusedAt { get; set; }
}

/// <summary>One member's automation preferences and reachability, keyed by Telegram user id (= private chat id).</summary>
public sealed class AutomationMemberDocument
{
    [BsonId] public long UserId { get; set; }
    public string TenantId { get; set; } = "";
    public bool Alerts { get; set; } = true;
    public bool Summary { get; set; }
    /// <summary>Local (Asia/Tashkent) time of the daily summary, minutes after midnight.</summary>
    public int SummaryAtMinutes { get; set; } = 9 * 60;
    /// <summary>Quiet hours, local minutes after midnight; equal values mean none.</summary>
    public int QuietFromMinutes { get; set; } = 23 * 60;
    public int QuietToMinutes { get; set; } = 8 * 60;
    /// <summary>Telegram answered 403 (the bot is blocked): nothing is pushed until the member writes again.</summary>
    public DateTime? BlockedAt { get; set; }
}

/// <summary>An order status announced to a tenant's members: stored after a successful send, so a restart repeats nothing.</summary>
public sealed class AnnouncedOrderDocument
{
    /// <summary>"{tenant}:{shop}:{order}:{status}".</summary>
    [BsonId] public string Id { get; set; } = "";
    public string TenantId { get; set; } = "";
    public long ShopId { get; set; }
    public long OrderId { get; set; }
    public string Status { get; set; } = "";
    /// <summary>Members who have it (sent, or held for their digest).</summary>
    public List<long> DeliveredTo { get; set; } = [];
    /// <summary>Members whose send failed (not a block): the next check tries them again.</summary>
    public List<long> Owed { get; set; } = [];
    public DateTime At { get; set; }
}

/// <summary>An alert held during a member's quiet hours, delivered in one digest when they end.</summary>
public sealed class HeldAlertDocument
{
    [BsonId] public ObjectId Id { get; set; } = ObjectId.NewObjectId();
    public long UserId { get; set; }
    public string TenantId { get; set; } = "";
    /// <summary>The alert as one line of the digest (our template, values already HTML-encoded).</summary>
    public string LineHtml { get; set; } = "";
    public DateTime At { get; set; }
}

/// <summary>A notice sent at most once (a low-stock SKU on a day, a refused token): its key is the whole story.</summary>
public sealed class NoticeDocument
{
    [BsonId] public string Id { get; set; } = "";
    public string TenantId { get; set; } = "";
    public DateTime At { get; set; }
}

/// <summary>One scheduled job: what, for whom, when next. Stored, so the schedule survives restarts.</summary>
public sealed class JobDocument
{
    /// <summary>"{kind}:{tenant}" or "{kind}:{tenant}:{user}".</summary>
    [BsonId] public string Id { get; set; } = "";
    public string Kind { get; set; } = "";
    public string TenantId { get; set; } = "";
    public long? UserId { get; set; }
    public DateTime NextRunAt { get; set; }
    public DateTime? LastRunAt { get; set; }
}
