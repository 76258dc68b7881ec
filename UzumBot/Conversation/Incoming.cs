namespace UzumBot.Conversation;

/// <summary>One user action, independent of the transport (Telegram or the terminal demo).</summary>
public sealed record Incoming
{
    public required long ChatId { get; init; }
    public required long UserId { get; init; }
    public string? FirstName { get; init; }
    /// <summary>Text the user typed (null for a button tap).</summary>
    public string? Text { get; init; }
    /// <summary>The id of the user's own message (to delete it when it held a secret).</summary>
    public int? MessageId { get; init; }
    /// <summary>Callback data of the tapped button.</summary>
    public string? CallbackData { get; init; }
    /// <summary>The bot message whose button was tapped.</summary>
    public int? CallbackMessageId { get; init; }
    /// <summary>The tapped message is a photo (its caption and media can be edited, not its text).</summary>
    public bool CallbackMessageIsPhoto { get; init; }

    /// <summary>Where a long handler reports progress; the transport supplies it for taps.</summary>
    public Rendering.IProgressLine Progress { get; init; } = Rendering.SilentProgressLine.Instance;

    public bool IsTap => CallbackData is not null;
}
