namespace UzumBot.Tests.Fakes;

/// <summary>Knobs of <see cref="FakeBotApi"/>. Settable while the fake runs (e.g. turn flood control off).</summary>
public sealed class FakeBotApiOptions
{
    /// <summary>Deliberately not shaped like a real token (digits:35 chars), so it can never be mistaken for one.</summary>
    public string Token { get; init; } = "123456:TEST-fake-token";
    public string BotUsername { get; init; } = "uzum_test_bot";
    public string BotFirstName { get; init; } = "UzumBot Test";

    /// <summary>Clock for message dates, flood control and callback expiry.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    // --- flood control (429 "Too Many Requests: retry after N") ---

    public bool RateLimitEnabled { get; set; } = true;

    /// <summary>Sends to one chat allowed back to back before the sustained rate applies.</summary>
    public int PerChatBurst { get; set; } = 3;

    /// <summary>Sustained sends per second to one chat (Telegram: about one).</summary>
    public double PerChatPerSecond { get; set; } = 1;

    /// <summary>Sends per minute to one group (negative chat id); 0 disables.</summary>
    public int PerGroupPerMinute { get; set; } = 20;

    /// <summary>Sends per second over all chats; 0 disables.</summary>
    public int GlobalPerSecond { get; set; } = 30;

    /// <summary>Also count editMessageText / editMessageReplyMarkup against the per-chat limit.</summary>
    public bool RateLimitEdits { get; set; }

    // --- strictness ---

    /// <summary>
    /// In HTML mode, an <c>&amp;</c> that does not start <c>&amp;amp; &amp;lt; &amp;gt; &amp;quot;</c> or a numeric
    /// entity (with its ';') is a 400. Stricter than Telegram, which keeps it as text; the Bot API documentation
    /// asks for it to be escaped.
    /// </summary>
    public bool StrictAmpersand { get; set; } = true;

    /// <summary>A callback query older than this can no longer be answered ("query is too old"); null: never expires.</summary>
    public TimeSpan? CallbackQueryLifetime { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A second getUpdates while one is waiting ends the older with 409 Conflict, as Telegram does.</summary>
    public bool DetectConcurrentPolling { get; set; } = true;

    /// <summary>Sending to a chat no user has written from yet is 400 "chat not found" (as in Telegram). Off by default.</summary>
    public bool RejectUnknownChats { get; set; }

    /// <summary>Upper bound for a getUpdates long poll, whatever the bot asks for (Telegram caps at 50 s).</summary>
    public TimeSpan MaxLongPoll { get; set; } = TimeSpan.FromSeconds(50);

    /// <summary>
    /// What Telegram would download for a photo or document sent by HTTP URL: the bytes, or null when the URL cannot be
    /// fetched (400 "failed to get HTTP URL content"). By default nothing can be fetched.
    /// </summary>
    public Func<string, byte[]?> FetchUrl { get; set; } = _ => null;

    /// <summary>Default timeout of the WaitFor* helpers.</summary>
    public TimeSpan DefaultWaitTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
