using System.Text;
using System.Text.Json.Nodes;

namespace UzumBot.Tests.Fakes;

/// <summary>A file kept by the fake: what the bot uploaded, addressable later by its file_id.</summary>
internal sealed record StoredFile(string Kind, string FileId, string FileUniqueId, string FileName, string MimeType, byte[] Content);

/// <summary>A message in a chat, the bot's or the user's. Mutable; guarded by the fake's lock.</summary>
internal sealed class StoredMessage
{
    public required int Id { get; init; }
    public required bool FromBot { get; init; }
    public required long FromUserId { get; init; }
    public required DateTimeOffset Date { get; init; }
    public string RawText { get; set; } = "";
    public string? ParseMode { get; set; }
    public ParsedText Content { get; set; } = ParsedText.Plain("");
    public IReadOnlyList<IReadOnlyList<ButtonView>> Keyboard { get; set; } = [];
    public StoredFile? File { get; set; }
    public int EditCount { get; set; }
    /// <summary>The visible texts the message showed before each edit, oldest first.</summary>
    public List<string> PastTexts { get; } = [];
    public DateTimeOffset? EditDate { get; set; }
    public bool Deleted { get; set; }

    public bool IsCaptioned => File is not null;

    public BotMessageView ToView() => new(
        Id, File?.Kind ?? "text", Content.Text, RawText, ParseMode, Content.Entities, Keyboard, EditCount, Deleted, Date, EditDate,
        File is null ? null : new SentFileView(Id, File.Kind, File.FileName, File.MimeType, File.Content, File.FileId,
            Content.Text.Length > 0 ? Content.Text : null, RawText.Length > 0 ? RawText : null));
}

internal sealed class CallbackState
{
    public required string QueryId { get; init; }
    public required long ChatId { get; init; }
    public required int MessageId { get; init; }
    public required string Data { get; init; }
    public required DateTimeOffset TappedAt { get; init; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public string? AnswerText { get; set; }
    public bool ShowAlert { get; set; }

    public CallbackView ToView() => new(QueryId, MessageId, Data, TappedAt, AnsweredAt, AnswerText, ShowAlert);
}

/// <summary>Everything the fake knows about one chat. Guarded by the fake's lock.</summary>
internal sealed class ChatState(long id)
{
    private int _nextMessageId = 1;

    public long Id { get; } = id;
    public string FirstName { get; set; } = "Ali";
    public string? Username { get; set; }
    public bool BlockedBot { get; set; }
    public List<StoredMessage> Messages { get; } = [];
    public List<CallbackState> Callbacks { get; } = [];
    public List<ChatActionView> Actions { get; } = [];
    public List<ApiErrorRecord> Errors { get; } = [];

    public string Type => Id > 0 ? "private" : Id <= -1_000_000_000_000 ? "supergroup" : "group";

    public int NextMessageId() => _nextMessageId++;

    public StoredMessage? Find(int messageId) => Messages.FirstOrDefault(m => m.Id == messageId);

    public JsonObject ToJson()
    {
        var chat = new JsonObject { ["id"] = Id, ["type"] = Type };
        if (Type == "private")
        {
            chat["first_name"] = FirstName;
            if (Username is not null) chat["username"] = Username;
        }
        else chat["title"] = "Test group " + Id;
        return chat;
    }

    public ChatView ToView() => new(
        Id,
        Messages.Where(m => m.FromBot).Select(m => m.ToView()).ToList(),
        Messages.Where(m => !m.FromBot).Select(m => new UserMessageView(m.Id, m.FromUserId, m.RawText, m.Date, m.Deleted)).ToList(),
        Callbacks.Select(c => c.ToView()).ToList(),
        Actions.ToList(),
        Errors.ToList());
}

/// <summary>Reads and checks reply_markup the way Telegram does.</summary>
internal static class ReplyMarkup
{
    public const int MaxCallbackDataBytes = 64;
    public const int MaxButtons = 100;

    /// <summary>
    /// Parses reply_markup (a JSON object, or a JSON string as in multipart and form bodies). Returns the inline
    /// keyboard (empty for none or for reply keyboards, which Telegram does not echo), or an error description.
    /// </summary>
    public static bool TryParse(JsonNode? markup, out IReadOnlyList<IReadOnlyList<ButtonView>> keyboard, out string error)
    {
        keyboard = [];
        error = "";
        if (markup is null) return true;
        if (markup is JsonValue v && v.TryGetValue<string>(out var json))
        {
            if (string.IsNullOrWhiteSpace(json)) return true;
            try { markup = JsonNode.Parse(json); }
            catch (System.Text.Json.JsonException) { error = "Bad Request: can't parse reply keyboard markup JSON object"; return false; }
        }
        if (markup is not JsonObject obj) { error = "Bad Request: can't parse reply keyboard markup JSON object"; return false; }

        if (obj["inline_keyboard"] is not { } inline)
        {
            if (obj.ContainsKey("keyboard") || obj.ContainsKey("remove_keyboard") || obj.ContainsKey("force_reply")) return true;
            error = "Bad Request: can't parse reply keyboard markup JSON object";
            return false;
        }
        if (inline is not JsonArray rows) { error = "Bad Request: field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array"; return false; }

        var result = new List<IReadOnlyList<ButtonView>>();
        int total = 0;
        foreach (var rowNode in rows)
        {
            if (rowNode is not JsonArray row) { error = "Bad Request: field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array of Arrays"; return false; }
            var buttons = new List<ButtonView>();
            foreach (var buttonNode in row)
            {
                if (!TryParseButton(buttonNode, out var button, out error)) return false;
                buttons.Add(button);
                if (++total > MaxButtons) { error = "Bad Request: reply markup is too long"; return false; }
            }
            if (buttons.Count > 0) result.Add(buttons);
        }
        keyboard = result;
        return true;
    }

    private static bool TryParseButton(JsonNode? node, out ButtonView button, out string error)
    {
        button = new ButtonView("", null, null);
        error = "";
        if (node is not JsonObject b) { error = "Bad Request: can't parse inline keyboard button: InlineKeyboardButton must be an Object"; return false; }
        if (b["text"] is not JsonValue t || !t.TryGetValue<string>(out var text))
        {
            error = "Bad Request: can't parse inline keyboard button: Field \"text\" must be of type String";
            return false;
        }
        if (string.IsNullOrWhiteSpace(text)) { error = "Bad Request: inline keyboard button text must be non-empty"; return false; }

        string? data = b["callback_data"] is JsonValue d && d.TryGetValue<string>(out var ds) ? ds : null;
        string? url = b["url"] is JsonValue u && u.TryGetValue<string>(out var us) ? us : null;
        bool otherAction = new[] { "login_url", "switch_inline_query", "switch_inline_query_current_chat", "switch_inline_query_chosen_chat",
            "callback_game", "pay", "web_app", "copy_text" }.Any(b.ContainsKey);

        if (data is not null)
        {
            int bytes = Encoding.UTF8.GetByteCount(data);
            if (bytes is < 1 or > MaxCallbackDataBytes) { error = "Bad Request: BUTTON_DATA_INVALID"; return false; }
        }
        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "tg"))
        {
            error = $"Bad Request: inline keyboard button URL '{url}' is invalid: Wrong HTTP URL";
            return false;
        }
        if (data is null && url is null && !otherAction) { error = "Bad Request: text buttons are unallowed in the inline keyboard"; return false; }

        button = new ButtonView(text, data, url);
        return true;
    }

    public static bool SameKeyboard(IReadOnlyList<IReadOnlyList<ButtonView>> a, IReadOnlyList<IReadOnlyList<ButtonView>> b) =>
        a.Count == b.Count && a.Zip(b).All(pair => pair.First.SequenceEqual(pair.Second));

    public static JsonObject? ToJson(IReadOnlyList<IReadOnlyList<ButtonView>> keyboard)
    {
        if (keyboard.Count == 0) return null;
        var rows = new JsonArray();
        foreach (var row in keyboard)
        {
            var r = new JsonArray();
            foreach (var button in row)
            {
                var o = new JsonObject { ["text"] = button.Text };
                if (button.CallbackData is not null) o["callback_data"] = button.CallbackData;
                if (button.Url is not null) o["url"] = button.Url;
                r.Add(o);
            }
            rows.Add(r);
        }
        return new JsonObject { ["inline_keyboard"] = rows };
    }
}
