using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace UzumBot.Tests.Fakes;

// The Bot API methods. Each runs under the lock except getUpdates, which waits outside it.
public sealed partial class FakeBotApi
{
    private const int MaxTextLength = 4096;
    private const int MaxCaptionLength = 1024;
    private const int MaxCallbackAnswerLength = 200;

    private const string NotModified =
        "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";
    private const string QueryTooOld = "Bad Request: query is too old and response timeout expired or query ID is invalid";

    private static readonly HashSet<string> ChatActions =
    [
        "typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice", "upload_document",
        "choose_sticker", "find_location", "record_video_note", "upload_video_note",
    ];

    private List<(string Command, string Description)> _commands = [];

    private Task<Outcome> DispatchAsync(string method, BotRequest r, CancellationToken aborted)
    {
        if (method.Equals("getUpdates", StringComparison.OrdinalIgnoreCase)) return GetUpdatesAsync(r, aborted);
        lock (_gate)
        {
            var outcome = method.ToLowerInvariant() switch
            {
                "getme" => Outcome.Ok(BotUserJson(full: true)),
                "deletewebhook" => DeleteWebhook(r),
                "setwebhook" => SetWebhookMethod(r),
                "getwebhookinfo" => Outcome.Ok(new JsonObject
                {
                    ["url"] = WebhookUrl ?? "", ["has_custom_certificate"] = false, ["pending_update_count"] = _pending.Count,
                }),
                "sendmessage" => SendMessage(r),
                "editmessagetext" => EditMessageText(r),
                "editmessagecaption" => EditMessageCaption(r),
                "editmessagereplymarkup" => EditMessageReplyMarkup(r),
                "editmessagemedia" => EditMessageMedia(r),
                "deletemessage" => DeleteMessage(r),
                "deletemessages" => DeleteMessages(r),
                "answercallbackquery" => AnswerCallbackQuery(r),
                "senddocument" => SendFile(r, "document"),
                "sendphoto" => SendFile(r, "photo"),
                "sendchataction" => SendChatAction(r),
                "setmycommands" => SetMyCommands(r),
                "getmycommands" => Outcome.Ok(new JsonArray(_commands
                    .Select(c => (JsonNode)new JsonObject { ["command"] = c.Command, ["description"] = c.Description }).ToArray())),
                "deletemycommands" => DeleteMyCommands(),
                "getchat" => GetChat(r),
                _ => Outcome.Error(404, "Not Found: method not found"),
            };
            NotifyChanged();
            return Task.FromResult(outcome);
        }
    }

    // ---------------------------------------------------------------- updates

    private Outcome DeleteWebhook(BotRequest r)
    {
        DeleteWebhookCalls++;
        WebhookUrl = null;
        if (r.Bool("drop_pending_updates")) _pending.Clear();
        return Outcome.True;
    }

    private Outcome SetWebhookMethod(BotRequest r)
    {
        if (r.String("url") is not { } url) return DeleteWebhook(r);
        WebhookUrl = url;
        return Outcome.True;
    }

    private async Task<Outcome> GetUpdatesAsync(BotRequest r, CancellationToken aborted)
    {
        int generation;
        lock (_gate)
        {
            GetUpdatesCalls++;
            FirstGetUpdatesAt ??= Now;
            if (WebhookUrl is not null)
                return Outcome.Error(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");

            generation = ++_pollGeneration;
            Signal(ref _updatesArrived); // an older poll still waiting sees it was superseded

            if (r.Json("allowed_updates") is JsonArray allowed)
                _allowedUpdates = allowed.Count == 0 ? null : allowed.Select(a => a?.ToString() ?? "").ToHashSet(StringComparer.Ordinal);

            switch (r.Long("offset"))
            {
                case > 0 and var offset:
                    _pending.RemoveAll(u => u.Id < offset);
                    break;
                case < 0 and var fromEnd:
                    int keep = (int)Math.Min(-fromEnd, _pending.Count);
                    _pending.RemoveRange(0, _pending.Count - keep);
                    break;
            }
            NotifyChanged();
        }

        int limit = Math.Clamp(r.Int("limit") ?? 100, 1, 100);
        var timeout = TimeSpan.FromSeconds(Math.Max(0, r.Int("timeout") ?? 0));
        if (timeout > Options.MaxLongPoll) timeout = Options.MaxLongPoll;
        long started = Stopwatch.GetTimestamp();

        while (true)
        {
            Task arrived;
            lock (_gate)
            {
                if (_stopping) return Outcome.Ok(new JsonArray());
                if (generation != _pollGeneration && Options.DetectConcurrentPolling) break;
                if (_allowedUpdates is { } allowed) _pending.RemoveAll(u => !allowed.Contains(u.Type)); // Telegram never stores those
                var remaining = timeout - Stopwatch.GetElapsedTime(started);
                if (_pending.Count > 0 || remaining <= TimeSpan.Zero)
                    return Outcome.Ok(new JsonArray(_pending.Take(limit).Select(u => (JsonNode)u.Payload.DeepClone()).ToArray()));
                arrived = _updatesArrived.Task;
            }
            try
            {
                await arrived.WaitAsync(timeout - Stopwatch.GetElapsedTime(started), aborted);
            }
            catch (TimeoutException)
            {
            }
        }

        // Superseded by a newer getUpdates. When the client of this one already gave up (a restart, a cancelled
        // poll) its connection closes in a moment and nobody sees the answer; otherwise two pollers really run.
        await Task.Delay(TimeSpan.FromMilliseconds(250), aborted);
        return Outcome.Error(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
    }

    /// <summary>Queues an update. Under the lock.</summary>
    private long EnqueueUpdate(string type, JsonObject payload)
    {
        long id = _nextUpdateId++;
        var update = new JsonObject { ["update_id"] = id, [type] = payload };
        _pending.Add(new PendingUpdate(id, type, update));
        Signal(ref _updatesArrived);
        NotifyChanged();
        return id;
    }

    // ---------------------------------------------------------------- sending

    private Outcome SendMessage(BotRequest r)
    {
        if (!TryChat(r, out var chat, out var error)) return error;
        if (!TryText(r.String("text"), r.String("parse_mode"), caption: false, out var content, out error)) return error;
        if (!TryMarkup(r, out var keyboard, out error)) return error;
        if (Throttle(chat) is { } tooMany) return tooMany;

        var message = new StoredMessage
        {
            Id = chat.NextMessageId(), FromBot = true, FromUserId = BotId, Date = Now,
            RawText = r.String("text") ?? "", ParseMode = r.String("parse_mode"), Content = content, Keyboard = keyboard,
        };
        chat.Messages.Add(message);
        return Outcome.Ok(MessageJson(chat, message));
    }

    private Outcome SendFile(BotRequest r, string kind)
    {
        if (!TryChat(r, out var chat, out var error)) return error;

        StoredFile file;
        if (r.File(kind) is { } upload)
        {
            if (Store(chat, kind, upload, out file) is { } bad) return bad;
        }
        else if (r.String(kind) is { } reference)
        {
            if (_files.TryGetValue(reference, out var known)) file = known;
            else if (reference.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            {
                if (Options.FetchUrl(reference) is not { Length: > 0 } fetched || (kind == "photo" && !LooksLikeImage(fetched)))
                    return Outcome.Bad("failed to get HTTP URL content");
                long n = _nextFileId++;
                var name = reference[(reference.LastIndexOf('/') + 1)..];
                file = new StoredFile(kind, $"{(kind == "photo" ? "AgAC" : "BQAC")}FAKE{n:D6}{chat.Id}", $"AQADFAKE{n:D6}", name,
                    MimeOf(name, null), fetched);
                _files[file.FileId] = file;
            }
            else return Outcome.Bad("wrong file identifier/HTTP URL specified");
        }
        else return Outcome.Bad($"there is no {kind} in the request");

        if (!TryText(r.String("caption"), r.String("parse_mode"), caption: true, out var caption, out error)) return error;
        if (!TryMarkup(r, out var keyboard, out error)) return error;
        if (Throttle(chat) is { } tooMany) return tooMany;

        var message = new StoredMessage
        {
            Id = chat.NextMessageId(), FromBot = true, FromUserId = BotId, Date = Now, File = file,
            RawText = r.String("caption") ?? "", ParseMode = r.String("parse_mode"), Content = caption, Keyboard = keyboard,
        };
        chat.Messages.Add(message);
        return Outcome.Ok(MessageJson(chat, message));
    }

    /// <summary>Keeps an uploaded file under a new file_id; an error when Telegram would refuse it.</summary>
    private Outcome? Store(ChatState chat, string kind, UploadedFile upload, out StoredFile file)
    {
        file = null!;
        if (upload.Content.Length == 0) return Outcome.Bad("file must be non-empty");
        if (kind == "photo" && !LooksLikeImage(upload.Content)) return Outcome.Bad("IMAGE_PROCESS_FAILED");
        long n = _nextFileId++;
        var name = string.IsNullOrEmpty(upload.FileName) ? kind : upload.FileName;
        file = new StoredFile(kind, $"{(kind == "photo" ? "AgAC" : "BQAC")}FAKE{n:D6}{chat.Id}", $"AQADFAKE{n:D6}", name,
            MimeOf(name, upload.ContentType), upload.Content);
        _files[file.FileId] = file;
        return null;
    }

    private Outcome SendChatAction(BotRequest r)
    {
        if (!TryChat(r, out var chat, out var error)) return error;
        var action = r.String("action");
        if (action is null) return Outcome.Bad("action is empty");
        if (!ChatActions.Contains(action)) return Outcome.Bad("wrong parameter action in request");
        chat.Actions.Add(new ChatActionView(action, Now));
        return Outcome.True;
    }

    // ---------------------------------------------------------------- editing

    private Outcome EditMessageText(BotRequest r)
    {
        if (!TryEditable(r, out var chat, out var message, out var error)) return error;
        if (message.IsCaptioned) return Outcome.Bad("there is no text in the message to edit");
        if (!TryText(r.String("text"), r.String("parse_mode"), caption: false, out var content, out error)) return error;
        if (!TryMarkup(r, out var keyboard, out error)) return error; // no reply_markup: the keyboard goes away
        if (content.SameContentAs(message.Content) && ReplyMarkup.SameKeyboard(keyboard, message.Keyboard)) return Outcome.Bad(NotModified);
        if (Options.RateLimitEdits && Throttle(chat) is { } tooMany) return tooMany;

        message.PastTexts.Add(message.Content.Text);
        message.RawText = r.String("text") ?? "";
        message.ParseMode = r.String("parse_mode");
        message.Content = content;
        message.Keyboard = keyboard;
        return Edited(chat, message);
    }

    private Outcome EditMessageCaption(BotRequest r)
    {
        if (!TryEditable(r, out var chat, out var message, out var error)) return error;
        if (!message.IsCaptioned) return Outcome.Bad("there is no caption in the message to edit");
        if (!TryText(r.String("caption"), r.String("parse_mode"), caption: true, out var content, out error)) return error;
        if (!TryMarkup(r, out var keyboard, out error)) return error;
        if (content.SameContentAs(message.Content) && ReplyMarkup.SameKeyboard(keyboard, message.Keyboard)) return Outcome.Bad(NotModified);
        if (Options.RateLimitEdits && Throttle(chat) is { } tooMany) return tooMany;

        message.RawText = r.String("caption") ?? "";
        message.ParseMode = r.String("parse_mode");
        message.Content = content;
        message.Keyboard = keyboard;
        return Edited(chat, message);
    }

    /// <summary>Replaces a photo or document of a message (as Telegram: a text message has no media to edit).</summary>
    private Outcome EditMessageMedia(BotRequest r)
    {
        if (!TryEditable(r, out var chat, out var message, out var error)) return error;
        if (!message.IsCaptioned) return Outcome.Bad("there is no media in the message to edit");
        if (r.Json("media") is not JsonObject media || media["type"]?.ToString() is not ("photo" or "document") || media["media"]?.ToString() is not { } reference)
            return Outcome.Bad("can't parse InputMedia: media not found");
        var kind = media["type"]!.ToString();
        StoredFile file;
        if (reference.StartsWith("attach://", StringComparison.Ordinal) && r.File(reference["attach://".Length..]) is { } upload)
        {
            if (Store(chat, kind, upload, out file) is { } bad) return bad;
        }
        else if (_files.TryGetValue(reference, out var known)) file = known;
        else return Outcome.Bad("wrong file identifier/HTTP URL specified");

        var captionText = media["caption"]?.ToString();
        var parseMode = media["parse_mode"]?.ToString();
        if (!TryText(captionText, parseMode, caption: true, out var caption, out error)) return error;
        if (!TryMarkup(r, out var keyboard, out error)) return error;
        if (file.FileId == message.File!.FileId && caption.SameContentAs(message.Content) && ReplyMarkup.SameKeyboard(keyboard, message.Keyboard))
            return Outcome.Bad(NotModified);
        if (Options.RateLimitEdits && Throttle(chat) is { } tooMany) return tooMany;

        message.File = file;
        message.RawText = captionText ?? "";
        message.ParseMode = parseMode;
        message.Content = caption;
        message.Keyboard = keyboard;
        return Edited(chat, message);
    }

    private Outcome EditMessageReplyMarkup(BotRequest r)
    {
        if (!TryEditable(r, out var chat, out var message, out var error)) return error;
        if (!TryMarkup(r, out var keyboard, out error)) return error;
        if (ReplyMarkup.SameKeyboard(keyboard, message.Keyboard)) return Outcome.Bad(NotModified);
        if (Options.RateLimitEdits && Throttle(chat) is { } tooMany) return tooMany;
        message.Keyboard = keyboard;
        return Edited(chat, message);
    }

    private Outcome Edited(ChatState chat, StoredMessage message)
    {
        message.EditCount++;
        message.EditDate = Now;
        return Outcome.Ok(MessageJson(chat, message));
    }

    private bool TryEditable(BotRequest r, out ChatState chat, out StoredMessage message, out Outcome error)
    {
        message = null!;
        if (r.String("inline_message_id") is not null)
        {
            chat = null!;
            error = Outcome.Bad("MESSAGE_ID_INVALID"); // the fake has no inline messages
            return false;
        }
        if (!TryChat(r, out chat, out error)) return false;
        if (r.Int("message_id") is not { } id) { error = Outcome.Bad("message identifier is not specified"); return false; }
        var found = chat.Find(id);
        if (found is null || found.Deleted) { error = Outcome.Bad("message to edit not found"); return false; }
        if (!found.FromBot) { error = Outcome.Bad("message can't be edited"); return false; }
        message = found;
        return true;
    }

    // ---------------------------------------------------------------- deleting, callbacks, commands, chats

    private Outcome DeleteMessage(BotRequest r)
    {
        if (!TryChat(r, out var chat, out var error)) return error;
        if (r.Int("message_id") is not { } id) return Outcome.Bad("message identifier is not specified");
        var message = chat.Find(id);
        if (message is null || message.Deleted) return Outcome.Bad("message to delete not found");
        message.Deleted = true;
        return Outcome.True;
    }

    private Outcome DeleteMessages(BotRequest r)
    {
        if (!TryChat(r, out var chat, out var error)) return error;
        if (r.Json("message_ids") is not JsonArray ids || ids.Count is 0 or > 100) return Outcome.Bad("message identifiers are not specified");
        int deleted = 0;
        foreach (var node in ids)
            if (node is JsonValue v && v.TryGetValue<int>(out var id) && chat.Find(id) is { Deleted: false } m)
            {
                m.Deleted = true;
                deleted++;
            }
        return deleted > 0 ? Outcome.True : Outcome.Bad("message to delete not found");
    }

    private Outcome AnswerCallbackQuery(BotRequest r)
    {
        var id = r.String("callback_query_id");
        if (id is null) return Outcome.Bad("query_id is empty"); // wording approximates Telegram's
        if (!_callbacks.TryGetValue(id, out var query) || query.AnsweredAt is not null) return Outcome.Bad(QueryTooOld);
        if (Options.CallbackQueryLifetime is { } lifetime && Now - query.TappedAt > lifetime) return Outcome.Bad(QueryTooOld);
        var text = r.String("text");
        if (text is not null && text.Length > MaxCallbackAnswerLength) return Outcome.Bad("MESSAGE_TOO_LONG");
        query.AnsweredAt = Now;
        query.AnswerText = text;
        query.ShowAlert = r.Bool("show_alert");
        return Outcome.True;
    }

    private static readonly Regex CommandName = new("^[a-z0-9_]{1,32}$", RegexOptions.CultureInvariant);

    private Outcome SetMyCommands(BotRequest r)
    {
        if (r.Json("commands") is not JsonArray commands) return Outcome.Bad("parameter \"commands\" is required");
        if (commands.Count > 100) return Outcome.Bad("BOT_COMMANDS_TOO_MUCH");
        var parsed = new List<(string, string)>();
        foreach (var c in commands)
        {
            var command = c?["command"]?.GetValue<string>() ?? "";
            var description = c?["description"]?.GetValue<string>() ?? "";
            if (!CommandName.IsMatch(command)) return Outcome.Bad("BOT_COMMAND_INVALID");
            if (description.Trim().Length is 0 or > 256) return Outcome.Bad("BOT_COMMAND_DESCRIPTION_INVALID");
            parsed.Add((command, description));
        }
        _commands = parsed;
        return Outcome.True;
    }

    private Outcome DeleteMyCommands()
    {
        _commands = [];
        return Outcome.True;
    }

    private Outcome GetChat(BotRequest r)
    {
        if (!TryChat(r, out var chat, out var error)) return error;
        var json = chat.ToJson();
        json["accent_color_id"] = 0;
        json["max_reaction_count"] = 11;
        json["accepted_gift_types"] = new JsonObject
        {
            ["unlimited_gifts"] = false, ["limited_gifts"] = false, ["unique_gifts"] = false, ["premium_subscription"] = false,
            ["gifts_from_channels"] = false,
        };
        return Outcome.Ok(json);
    }

    // ---------------------------------------------------------------- shared checks

    private bool TryChat(BotRequest r, out ChatState chat, out Outcome error)
    {
        chat = null!;
        error = default;
        var raw = r.String("chat_id");
        if (raw is null) { error = Outcome.Bad("chat_id is empty"); return false; }
        if (r.Long("chat_id") is not { } id || id == 0) { error = Outcome.Bad("chat not found"); return false; }
        if (!_chats.TryGetValue(id, out var found))
        {
            if (Options.RejectUnknownChats) { error = Outcome.Bad("chat not found"); return false; }
            found = _chats[id] = new ChatState(id);
        }
        if (found.BlockedBot) { error = Outcome.Error(403, "Forbidden: bot was blocked by the user"); return false; }
        chat = found;
        return true;
    }

    private bool TryText(string? raw, string? parseMode, bool caption, out ParsedText content, out Outcome error)
    {
        content = ParsedText.Plain("");
        error = default;
        if (raw is null)
        {
            if (caption) return true;
            error = Outcome.Bad("message text is empty");
            return false;
        }

        switch (parseMode?.ToUpperInvariant())
        {
            case null:
                content = ParsedText.Plain(raw);
                break;
            case "HTML":
                if (!TelegramHtml.TryParse(raw, Options.StrictAmpersand, out content, out var parseError))
                {
                    error = Outcome.Bad(parseError);
                    return false;
                }
                break;
            case "MARKDOWN" or "MARKDOWNV2":
                content = ParsedText.Plain(raw); // not checked by the fake: the bot renders HTML only
                break;
            default:
                error = Outcome.Bad("unsupported parse_mode");
                return false;
        }

        if (caption)
        {
            if (content.Length > MaxCaptionLength) { error = Outcome.Bad("message caption is too long"); return false; }
            return true;
        }
        if (content.Length == 0) { error = Outcome.Bad("message text is empty"); return false; }
        if (content.Length > MaxTextLength) { error = Outcome.Bad("message is too long"); return false; }
        return true;
    }

    private static bool TryMarkup(BotRequest r, out IReadOnlyList<IReadOnlyList<ButtonView>> keyboard, out Outcome error)
    {
        error = default;
        if (ReplyMarkup.TryParse(r.Json("reply_markup"), out keyboard, out var description)) return true;
        error = Outcome.Bad(description);
        return false;
    }

    private Outcome? Throttle(ChatState chat)
    {
        if (_flood.TakeForced(chat.Id) is { } forced) return Outcome.TooMany(forced, forced: true);
        if (_flood.Check(chat.Id) is { } wait) return Outcome.TooMany(wait, forced: false);
        return null;
    }

    private static bool LooksLikeImage(byte[] b) =>
        b is [0xFF, 0xD8, ..] or [0x89, 0x50, 0x4E, 0x47, ..] or [0x47, 0x49, 0x46, ..] or [0x42, 0x4D, ..] or [0x52, 0x49, 0x46, 0x46, ..];

    private static string MimeOf(string fileName, string? partType)
    {
        if (!string.IsNullOrEmpty(partType) && partType != "application/octet-stream") return partType;
        return Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".pdf" => "application/pdf",
            ".png" => "image/png",
            ".jpg" or ".jpeg" => "image/jpeg",
            ".txt" => "text/plain",
            ".csv" => "text/csv",
            ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ".zip" => "application/zip",
            ".json" => "application/json",
            _ => "application/octet-stream",
        };
    }

    // ---------------------------------------------------------------- JSON of Bot API objects

    private JsonObject BotUserJson(bool full = false)
    {
        var user = new JsonObject
        {
            ["id"] = BotId, ["is_bot"] = true, ["first_name"] = Options.BotFirstName, ["username"] = Options.BotUsername,
        };
        if (full)
        {
            user["can_join_groups"] = true;
            user["can_read_all_group_messages"] = false;
            user["supports_inline_queries"] = false;
        }
        return user;
    }

    private JsonObject UserJson(long userId)
    {
        var (firstName, language) = _users.TryGetValue(userId, out var u) ? u : ("Ali", null);
        var user = new JsonObject { ["id"] = userId, ["is_bot"] = false, ["first_name"] = firstName };
        if (language is not null) user["language_code"] = language;
        return user;
    }

    private JsonObject MessageJson(ChatState chat, StoredMessage m)
    {
        var json = new JsonObject
        {
            ["message_id"] = m.Id,
            ["from"] = m.FromBot ? BotUserJson() : UserJson(m.FromUserId),
            ["chat"] = chat.ToJson(),
            ["date"] = Unix(m.Date),
        };
        if (m.EditDate is { } edited) json["edit_date"] = Unix(edited);

        if (m.File is { } file)
        {
            if (file.Kind == "photo")
                json["photo"] = new JsonArray(new JsonObject
                {
                    ["file_id"] = file.FileId, ["file_unique_id"] = file.FileUniqueId, ["width"] = 90, ["height"] = 90,
                    ["file_size"] = file.Content.Length,
                });
            else
                json["document"] = new JsonObject
                {
                    ["file_id"] = file.FileId, ["file_unique_id"] = file.FileUniqueId, ["file_name"] = file.FileName,
                    ["mime_type"] = file.MimeType, ["file_size"] = file.Content.Length,
                };
            if (m.Content.Text.Length > 0)
            {
                json["caption"] = m.Content.Text;
                if (EntitiesJson(m.Content) is { } ce) json["caption_entities"] = ce;
            }
        }
        else
        {
            json["text"] = m.Content.Text;
            if (EntitiesJson(m.Content) is { } e) json["entities"] = e;
        }

        if (ReplyMarkup.ToJson(m.Keyboard) is { } markup) json["reply_markup"] = markup;
        return json;
    }

    private static JsonArray? EntitiesJson(ParsedText content)
    {
        if (content.Entities.Count == 0) return null;
        var array = new JsonArray();
        foreach (var e in content.Entities)
        {
            var o = new JsonObject { ["type"] = e.Type, ["offset"] = e.Offset, ["length"] = e.Length };
            switch (e.Type)
            {
                case "text_link": o["url"] = e.Argument; break;
                case "pre" when e.Argument is not null: o["language"] = e.Argument; break;
                case "custom_emoji": o["custom_emoji_id"] = e.Argument; break;
            }
            array.Add(o);
        }
        return array;
    }
}
