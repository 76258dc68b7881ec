namespace UzumBot.Rendering;

/// <summary>An inline button: its label and its callback data (≤ 64 UTF-8 bytes, built by CallbackData).</summary>
public sealed record Button(string Text, string Data);

/// <summary>
/// What a handler answers with: the menu message's HTML text and inline keyboard. Every value that came from
/// UZUM or a user is HTML-encoded by the handler (Html.Encode); formatting comes only from our templates.
/// </summary>
public sealed record Screen(string Html, IReadOnlyList<IReadOnlyList<Button>> Keyboard)
{
    public static Screen Text(string html) => new(html, []);
}

/// <summary>A file sent as a Telegram document.</summary>
public sealed record OutgoingDocument(string FileName, byte[] Content, string CaptionHtml);

/// <summary>
/// A photo with a caption and buttons (<see cref="Caption"/>: its Html is the caption, ≤ 1024 characters): uploaded
/// from <see cref="Content"/>, or fetched by Telegram from <see cref="Url"/>. When Telegram cannot use it (the URL does not
/// load, the bytes are no image) the caption is shown as a text screen instead, led by <see cref="FallbackHtml"/>.
/// </summary>
public sealed record OutgoingPhoto(Screen Caption, byte[]? Content = null, string? Url = null, string FileName = "photo.png", string? FallbackHtml = null);

/// <summary>
/// The whole answer to one update: an optional screen (edited in place over the chat's menu message, or sent
/// anew), documents to send after it, a short notice for the callback query, and whether the user's own message
/// must be deleted (it held a secret).
/// </summary>
public sealed record Reply
{
    public Screen? Screen { get; init; }
    public IReadOnlyList<OutgoingDocument> Documents { get; init; } = [];
    /// <summary>A photo shown in place of the menu message (its media edited when that message is a photo already).</summary>
    public OutgoingPhoto? Photo { get; init; }
    /// <summary>Text of the callback answer (a toast); null answers silently.</summary>
    public string? Notice { get; init; }
    /// <summary>Send the screen as a new message instead of editing the menu message.</summary>
    public bool AsNewMessage { get; init; }
    public bool DeleteIncomingMessage { get; init; }
    /// <summary>Shown as a chat action ("uploading document…") while slow work runs.</summary>
    public bool ShowsUploadAction { get; init; }

    public static Reply Of(Screen screen) => new() { Screen = screen };
    public static readonly Reply Nothing = new();
}
