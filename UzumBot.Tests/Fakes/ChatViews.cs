using System.Text;

namespace UzumBot.Tests.Fakes;

/// <summary>An inline button as the bot sent it.</summary>
public sealed record ButtonView(string Text, string? CallbackData, string? Url)
{
    public override string ToString() => CallbackData is not null ? $"[{Text} | {CallbackData}]" : $"[{Text} -> {Url}]";
}

/// <summary>A file the bot sent (sendDocument or sendPhoto).</summary>
public sealed record SentFileView(
    int MessageId, string Kind, string FileName, string MimeType, byte[] Content, string FileId,
    string? Caption, string? CaptionRaw)
{
    public override string ToString() => $"{Kind} {FileName} ({Content.Length} bytes, {MimeType})";
}

/// <summary>The current state of one message the bot sent.</summary>
public sealed record BotMessageView(
    int MessageId,
    string Kind,     // "text", "document" or "photo"
    string Text,     // visible text (tags stripped, entities decoded); the caption for files
    string RawText,  // the text exactly as the bot sent it (HTML source in HTML parse mode)
    string? ParseMode,
    IReadOnlyList<ParsedEntity> Entities,
    IReadOnlyList<IReadOnlyList<ButtonView>> Keyboard,
    int EditCount,
    bool Deleted,
    DateTimeOffset SentAt,
    DateTimeOffset? EditedAt,
    SentFileView? File)
{
    public IEnumerable<ButtonView> Buttons => Keyboard.SelectMany(row => row);
    public bool HasKeyboard => Keyboard.Count > 0;

    /// <summary>The first button whose text equals <paramref name="textContains"/>, else the first containing it (ignoring case).</summary>
    public ButtonView? FindButton(string textContains) =>
        Buttons.FirstOrDefault(b => string.Equals(b.Text, textContains, StringComparison.OrdinalIgnoreCase))
        ?? Buttons.FirstOrDefault(b => b.Text.Contains(textContains, StringComparison.OrdinalIgnoreCase));
}

public sealed record UserMessageView(int MessageId, long UserId, string Text, DateTimeOffset SentAt, bool DeletedByBot);

/// <summary>A tap on an inline button and how the bot answered it (null AnsweredAt: not answered yet).</summary>
public sealed record CallbackView(
    string QueryId, int MessageId, string Data, DateTimeOffset TappedAt,
    DateTimeOffset? AnsweredAt, string? AnswerText, bool ShowAlert)
{
    public bool Answered => AnsweredAt is not null;
}

public sealed record ChatActionView(string Action, DateTimeOffset At);

/// <summary>A 4xx the fake answered. Forced: produced by a test hook (e.g. <see cref="FakeBotApi.ForceTooManyRequests"/>).</summary>
public sealed record ApiErrorRecord(
    DateTimeOffset At, string Method, long? ChatId, int ErrorCode, string Description, int? RetryAfter, bool Forced)
{
    public override string ToString() =>
        $"{Method}{(ChatId is { } c ? $" chat {c}" : "")}: {ErrorCode} {Description}{(Forced ? " (forced by test)" : "")}";
}

/// <summary>One request the fake received (every method, every outcome).</summary>
/// <summary>One call: <see cref="At"/> when it was answered, <see cref="ArrivedAt"/> when its request came in.</summary>
public sealed record ApiCallRecord(DateTimeOffset At, string Method, long? ChatId, int StatusCode)
{
    public DateTimeOffset ArrivedAt { get; init; } = At;
}

/// <summary>An immutable snapshot of one chat: what the user would see plus what the bot did.</summary>
public sealed record ChatView(
    long ChatId,
    IReadOnlyList<BotMessageView> BotMessages,
    IReadOnlyList<UserMessageView> UserMessages,
    IReadOnlyList<CallbackView> Callbacks,
    IReadOnlyList<ChatActionView> ChatActions,
    IReadOnlyList<ApiErrorRecord> Errors)
{
    /// <summary>Bot messages not deleted, oldest first.</summary>
    public IReadOnlyList<BotMessageView> Visible => BotMessages.Where(m => !m.Deleted).ToList();

    /// <summary>The newest bot message still in the chat, or null.</summary>
    public BotMessageView? Latest => BotMessages.LastOrDefault(m => !m.Deleted);

    /// <summary>The newest bot message still in the chat that has an inline keyboard, or null.</summary>
    public BotMessageView? LatestWithKeyboard => BotMessages.LastOrDefault(m => !m.Deleted && m.HasKeyboard);

    public BotMessageView? Message(int messageId) => BotMessages.FirstOrDefault(m => m.MessageId == messageId);

    public IReadOnlyList<SentFileView> Files => BotMessages.Where(m => m.File is not null).Select(m => m.File!).ToList();
    public IReadOnlyList<SentFileView> Documents => Files.Where(f => f.Kind == "document").ToList();
    public IReadOnlyList<int> DeletedUserMessageIds => UserMessages.Where(m => m.DeletedByBot).Select(m => m.MessageId).ToList();
    public IReadOnlyList<CallbackView> AnsweredCallbacks => Callbacks.Where(c => c.Answered).ToList();

    /// <summary>Human-readable transcript, for assertion messages.</summary>
    public string Dump()
    {
        var sb = new StringBuilder();
        sb.AppendLine($"--- chat {ChatId} ---");
        var lines = new List<(int Id, string Line)>();
        foreach (var u in UserMessages)
            lines.Add((u.MessageId, $"#{u.MessageId} user {u.UserId}: {Quote(u.Text)}{(u.DeletedByBot ? "  (deleted by bot)" : "")}"));
        foreach (var m in BotMessages)
        {
            var head = new StringBuilder($"#{m.MessageId} bot");
            if (m.File is not null) head.Append($" {m.File}");
            if (m.EditCount > 0) head.Append($" (edited {m.EditCount}x)");
            if (m.Deleted) head.Append(" (DELETED)");
            head.Append(": ").Append(Quote(m.Text));
            foreach (var row in m.Keyboard) head.Append("\n      ").Append(string.Join(" ", row));
            lines.Add((m.MessageId, head.ToString()));
        }
        foreach (var (_, line) in lines.OrderBy(l => l.Id)) sb.AppendLine("  " + line);
        foreach (var c in Callbacks)
            sb.AppendLine($"  tap {c.QueryId} on #{c.MessageId} data={Quote(c.Data)} " +
                          (c.Answered ? $"answered {Quote(c.AnswerText ?? "")}{(c.ShowAlert ? " (alert)" : "")}" : "NOT ANSWERED"));
        if (ChatActions.Count > 0) sb.AppendLine("  actions: " + string.Join(", ", ChatActions.Select(a => a.Action)));
        foreach (var e in Errors) sb.AppendLine("  ERROR " + e);
        return sb.ToString();
    }

    private static string Quote(string s) => "\"" + (s.Length > 300 ? s[..300] + "…" : s).Replace("\n", "\\n") + "\"";
}
