using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace UzumBot.Tests.Fakes;

/// <summary>Thrown by the fake's assertion and lookup helpers; the message carries a dump of the chat.</summary>
public sealed class FakeBotApiAssertionException(string message) : Exception(message);

// The test-facing side: users acting, snapshots, waiting, counters and test hooks.
public sealed partial class FakeBotApi
{
    private int _getUpdatesCalls;
    private int _deleteWebhookCalls;
    private DateTimeOffset? _firstGetUpdatesAt;
    private string? _webhookUrl;

    // ---------------------------------------------------------------- counters and state

    /// <summary>How many getUpdates calls arrived (any outcome).</summary>
    public int GetUpdatesCalls { get { lock (_gate) return _getUpdatesCalls; } private set { _getUpdatesCalls = value; } }

    /// <summary>When the first getUpdates arrived (by <see cref="FakeBotApiOptions.TimeProvider"/>), for startup-time checks.</summary>
    public DateTimeOffset? FirstGetUpdatesAt { get { lock (_gate) return _firstGetUpdatesAt; } private set { _firstGetUpdatesAt = value; } }

    public int DeleteWebhookCalls { get { lock (_gate) return _deleteWebhookCalls; } private set { _deleteWebhookCalls = value; } }
    public bool DeleteWebhookCalled => DeleteWebhookCalls > 0;

    /// <summary>Set (as if an old deployment used a webhook) to make getUpdates answer 409 until deleteWebhook.</summary>
    public string? WebhookUrl
    {
        get { lock (_gate) return _webhookUrl; }
        set { lock (_gate) _webhookUrl = value; }
    }

    /// <summary>Updates queued and not yet confirmed by an offset.</summary>
    public int PendingUpdates { get { lock (_gate) return _pending.Count; } }

    /// <summary>Every 4xx/5xx the fake answered, oldest first.</summary>
    public IReadOnlyList<ApiErrorRecord> Errors { get { lock (_gate) return _errors.ToList(); } }

    /// <summary>Every call the fake answered (getUpdates included), oldest first.</summary>
    public IReadOnlyList<ApiCallRecord> Calls { get { lock (_gate) return _calls.ToList(); } }

    /// <summary>Commands set by setMyCommands.</summary>
    public IReadOnlyList<(string Command, string Description)> Commands { get { lock (_gate) return _commands.ToList(); } }

    /// <summary>Every visible text a bot message has shown, oldest first, ending with the current one.</summary>
    public IReadOnlyList<string> TextHistory(long chatId, int messageId)
    {
        lock (_gate)
        {
            if (!_chats.TryGetValue(chatId, out var chat) || chat.Find(messageId) is not { } message) return [];
            return [.. message.PastTexts, message.Content.Text];
        }
    }

    public IReadOnlyList<long> ChatIds { get { lock (_gate) return _chats.Keys.ToList(); } }

    /// <summary>A snapshot of one chat (empty when nothing happened there yet).</summary>
    public ChatView Chat(long chatId)
    {
        lock (_gate) return SnapshotLocked(chatId);
    }

    private ChatView SnapshotLocked(long chatId) =>
        _chats.TryGetValue(chatId, out var chat) ? chat.ToView() : new ChatView(chatId, [], [], [], [], []);

    /// <summary>Throws listing every error the fake answered (429s forced by a test hook are left out unless asked).</summary>
    public void AssertNoErrors(bool includeForced = false, Func<ApiErrorRecord, bool>? ignore = null)
    {
        var errors = Errors.Where(e => (includeForced || !e.Forced) && !(ignore?.Invoke(e) ?? false)).ToList();
        if (errors.Count == 0) return;
        var sb = new StringBuilder($"The fake Bot API answered {errors.Count} error(s):\n");
        foreach (var e in errors) sb.AppendLine("  " + e);
        foreach (var chatId in errors.Select(e => e.ChatId).OfType<long>().Distinct()) sb.Append(Chat(chatId).Dump());
        throw new FakeBotApiAssertionException(sb.ToString());
    }

    // ---------------------------------------------------------------- test hooks

    /// <summary>The next <paramref name="count"/> sends (sendMessage/sendDocument/sendPhoto; to <paramref name="chatId"/> or any chat) get 429 with retry_after.</summary>
    public void ForceTooManyRequests(int count, int retryAfterSeconds = 1, long? chatId = null)
    {
        lock (_gate) _flood.Force(count, retryAfterSeconds, chatId);
    }

    /// <summary>The user blocked the bot: every call for this chat answers 403 "Forbidden: bot was blocked by the user" until the user writes again.</summary>
    public void UserBlocksBot(long chatId)
    {
        lock (_gate)
        {
            GetOrCreateChat(chatId).BlockedBot = true;
            NotifyChanged();
        }
    }

    // ---------------------------------------------------------------- users acting

    /// <summary>The user writes <paramref name="text"/>; queues a "message" update and returns the message's id.</summary>
    /// <param name="userId">defaults to the chat id (a private chat), or 1 in a group</param>
    public int UserSendsText(long chatId, string text, long? userId = null, string firstName = "Ali", string? languageCode = null)
    {
        lock (_gate)
        {
            var chat = GetOrCreateChat(chatId);
            chat.BlockedBot = false;
            long uid = userId ?? (chatId > 0 ? chatId : 1);
            _users[uid] = (firstName, languageCode);
            if (chat.Type == "private") chat.FirstName = firstName;

            var entities = new List<ParsedEntity>();
            if (text.StartsWith('/'))
            {
                int end = text.IndexOfAny([' ', '\n', '\t']);
                entities.Add(new ParsedEntity("bot_command", 0, end < 0 ? text.Length : end));
            }
            var message = new StoredMessage
            {
                Id = chat.NextMessageId(), FromBot = false, FromUserId = uid, Date = Now,
                RawText = text, Content = new ParsedText(text, entities),
            };
            chat.Messages.Add(message);
            EnqueueUpdate("message", MessageJson(chat, message));
            return message.Id;
        }
    }

    /// <summary>
    /// The user taps the inline button carrying <paramref name="callbackData"/> on bot message <paramref name="messageId"/>;
    /// queues a "callback_query" update (its message is the bot's message as it is now) and returns the query id.
    /// Throws when there is no such message or button, unless <paramref name="requireButton"/> is false (a stale client).
    /// </summary>
    public string UserTaps(long chatId, int messageId, string callbackData, long? userId = null, bool requireButton = true)
    {
        lock (_gate)
        {
            var chat = GetOrCreateChat(chatId);
            var message = chat.Find(messageId);
            if (requireButton)
            {
                if (message is null || !message.FromBot || message.Deleted)
                    throw new FakeBotApiAssertionException($"No bot message #{messageId} to tap in chat {chatId}.\n{chat.ToView().Dump()}");
                if (!message.Keyboard.SelectMany(row => row).Any(b => b.CallbackData == callbackData))
                    throw new FakeBotApiAssertionException($"Message #{messageId} has no button with data \"{callbackData}\".\n{chat.ToView().Dump()}");
            }
            return TapLocked(chat, messageId, message, callbackData, userId);
        }
    }

    /// <summary>
    /// Taps the button whose text equals (else contains, ignoring case) <paramref name="buttonTextContains"/> on the
    /// chat's newest bot message that has an inline keyboard. Returns the query id. Throws with a dump of the chat
    /// when there is no such button.
    /// </summary>
    public string UserTapsButton(long chatId, string buttonTextContains, long? userId = null)
    {
        lock (_gate)
        {
            var chat = GetOrCreateChat(chatId);
            var view = chat.ToView();
            var message = view.LatestWithKeyboard
                ?? throw new FakeBotApiAssertionException($"No bot message with an inline keyboard in chat {chatId}.\n{view.Dump()}");
            return TapButtonLocked(chat, view, message, buttonTextContains, userId);
        }
    }

    /// <summary>Taps a button, found by its text, on a given bot message.</summary>
    public string UserTapsButton(long chatId, int messageId, string buttonTextContains, long? userId = null)
    {
        lock (_gate)
        {
            var chat = GetOrCreateChat(chatId);
            var view = chat.ToView();
            var message = view.Message(messageId) is { Deleted: false } m ? m
                : throw new FakeBotApiAssertionException($"No bot message #{messageId} in chat {chatId}.\n{view.Dump()}");
            return TapButtonLocked(chat, view, message, buttonTextContains, userId);
        }
    }

    private string TapButtonLocked(ChatState chat, ChatView view, BotMessageView message, string text, long? userId)
    {
        var button = message.FindButton(text);
        if (button?.CallbackData is null)
            throw new FakeBotApiAssertionException(
                $"No callback button matching \"{text}\" on message #{message.MessageId} in chat {chat.Id}.\n{view.Dump()}");
        return TapLocked(chat, message.MessageId, chat.Find(message.MessageId), button.CallbackData, userId);
    }

    private string TapLocked(ChatState chat, int messageId, StoredMessage? message, string data, long? userId)
    {
        long uid = userId ?? (chat.Id > 0 ? chat.Id : 1);
        string id = (4_000_000_000_000_000L + _nextQueryId++ * 7919).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var state = new CallbackState { QueryId = id, ChatId = chat.Id, MessageId = messageId, Data = data, TappedAt = Now };
        chat.Callbacks.Add(state);
        _callbacks[id] = state;

        var query = new JsonObject
        {
            ["id"] = id,
            ["from"] = UserJson(uid),
            ["message"] = message is not null && !message.Deleted
                ? MessageJson(chat, message)
                : new JsonObject { ["message_id"] = messageId, ["chat"] = chat.ToJson(), ["date"] = 0 }, // inaccessible message
            ["chat_instance"] = "-" + (chat.Id * 31 + BotId).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["data"] = data,
        };
        EnqueueUpdate("callback_query", query);
        return id;
    }

    private ChatState GetOrCreateChat(long chatId) =>
        _chats.TryGetValue(chatId, out var chat) ? chat : _chats[chatId] = new ChatState(chatId);

    // ---------------------------------------------------------------- waiting

    /// <summary>Waits until <paramref name="condition"/> holds for the chat; throws TimeoutException with a dump of the chat otherwise.</summary>
    public async Task<ChatView> WaitForAsync(long chatId, Func<ChatView, bool> condition, TimeSpan? timeout = null)
    {
        var limit = timeout ?? Options.DefaultWaitTimeout;
        long started = Stopwatch.GetTimestamp();
        while (true)
        {
            ChatView view;
            Task changed;
            lock (_gate)
            {
                view = SnapshotLocked(chatId);
                changed = _changed.Task;
            }
            if (condition(view)) return view;

            var remaining = limit - Stopwatch.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                var errors = Errors.Where(e => e.ChatId != chatId).ToList();
                throw new TimeoutException($"The condition on chat {chatId} did not hold within {limit.TotalSeconds:0.##} s.\n{view.Dump()}" +
                    (errors.Count > 0 ? "other errors:\n  " + string.Join("\n  ", errors) : ""));
            }
            try { await changed.WaitAsync(remaining); }
            catch (TimeoutException) { }
        }
    }

    /// <summary>Waits for a bot message still in the chat matching <paramref name="predicate"/>; returns the newest such.</summary>
    public async Task<BotMessageView> WaitForMessageAsync(long chatId, Func<BotMessageView, bool> predicate, TimeSpan? timeout = null)
    {
        var view = await WaitForAsync(chatId, v => v.Visible.Any(predicate), timeout);
        return view.Visible.Last(predicate);
    }

    /// <summary>Waits for a bot message whose visible text contains <paramref name="textContains"/> (ordinal).</summary>
    public Task<BotMessageView> WaitForMessageAsync(long chatId, string textContains, TimeSpan? timeout = null) =>
        WaitForMessageAsync(chatId, m => m.Text.Contains(textContains, StringComparison.Ordinal), timeout);

    /// <summary>Waits until the bot answered callback query <paramref name="queryId"/>.</summary>
    public async Task<CallbackView> WaitForCallbackAnswerAsync(long chatId, string queryId, TimeSpan? timeout = null)
    {
        var view = await WaitForAsync(chatId, v => v.Callbacks.Any(c => c.QueryId == queryId && c.Answered), timeout);
        return view.Callbacks.First(c => c.QueryId == queryId);
    }

    /// <summary>Waits until the bot has called getUpdates at least <paramref name="calls"/> times (it is polling).</summary>
    public async Task WaitForPollingAsync(int calls = 1, TimeSpan? timeout = null)
    {
        var limit = timeout ?? Options.DefaultWaitTimeout;
        long started = Stopwatch.GetTimestamp();
        while (GetUpdatesCalls < calls)
        {
            Task changed;
            lock (_gate) changed = _changed.Task;
            if (GetUpdatesCalls >= calls) return;
            var remaining = limit - Stopwatch.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero) throw new TimeoutException($"The bot did not call getUpdates {calls} time(s) within {limit.TotalSeconds:0.##} s.");
            try { await changed.WaitAsync(remaining); }
            catch (TimeoutException) { }
        }
    }

    /// <summary>
    /// Waits until no call other than getUpdates has been in progress or arrived for <paramref name="quiet"/>
    /// (e.g. to assert afterwards that a second tap did nothing).
    /// </summary>
    public async Task WaitForQuietAsync(TimeSpan quiet, TimeSpan? timeout = null)
    {
        var limit = timeout ?? Options.DefaultWaitTimeout;
        long started = Stopwatch.GetTimestamp();
        while (true)
        {
            bool idle = Volatile.Read(ref _inFlight) == 0 &&
                        Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastActivityStamp)) >= quiet;
            if (idle) return;
            if (Stopwatch.GetElapsedTime(started) > limit)
                throw new TimeoutException($"The bot kept calling the API for {limit.TotalSeconds:0.##} s (wanted {quiet.TotalMilliseconds:0} ms of quiet).");
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }
}
