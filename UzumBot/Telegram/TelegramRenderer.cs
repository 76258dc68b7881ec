using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;
using UzumBot.Conversation;
using UzumBot.Localization;
using UzumBot.Rendering;
using UzumBot.Storage;

namespace UzumBot.Telegram;

/// <summary>
/// The one place that turns a <see cref="Reply"/> into Bot API calls: one menu message edited in place, "message is
/// not modified" taken as success, a vanished message replaced by a new one, 429 waited out for that chat and
/// tried once more, documents sent with a chat action first.
/// </summary>
public sealed class TelegramRenderer(ITelegramBotClient bot, Database db, OutboundGate gate, TimeProvider time, ILogger<TelegramRenderer> log)
{
    /// <summary>Progress edits of one message are at least this far apart (Telegram allows about one edit a second a chat).</summary>
    public static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(2);

    public async Task RenderAsync(Incoming update, Reply reply, CancellationToken ct)
    {
        var chatId = update.ChatId;
        if (reply.DeleteIncomingMessage && update.MessageId is { } incoming)
            await TryAsync(() => bot.DeleteMessage(chatId, incoming, ct), "deleteMessage");

        // Typed text has no callback to answer: a notice without a screen becomes a message of its own.
        var shown = reply.Screen ?? (!update.IsTap && reply.Notice is { Length: > 0 } alone ? Screen.Text("ℹ️ " + Html.Encode(alone)) : null);
        if (shown is { } screen)
        {
            // The callback was answered before the work began; a notice that came out of the work leads the screen.
            if (reply.Screen is not null && reply.Notice is { Length: > 0 } notice)
                screen = screen with { Html = "ℹ️ " + Html.Encode(notice) + "\n\n" + screen.Html };
            var chat = db.Chats.FindById(chatId);
            var target = reply.AsNewMessage ? null
                : update.IsTap ? update.CallbackMessageId
                : reply.DeleteIncomingMessage ? chat?.MenuMessageId
                : null;
            var shownId = await ShowAsync(chatId, target, screen, ct);
            if (chat is not null && shownId is { } id && chat.MenuMessageId != id)
            {
                chat.MenuMessageId = id;
                db.Chats.Update(chat);
            }
        }

        if (reply.Photo is { } photo) await SendPhotoAsync(chatId, photo, ct);

        foreach (var document in reply.Documents)
        {
            await TryAsync(() => bot.SendChatAction(chatId, ChatAction.UploadDocument, cancellationToken: ct), "sendChatAction");
            using var stream = new MemoryStream(document.Content, writable: false);
            await SendAsync(chatId, () => bot.SendDocument(chatId, InputFile.FromStream(stream, document.FileName),
                caption: TelegramText.Fit(document.CaptionHtml, TelegramText.MaxCaptionLength), parseMode: ParseMode.Html, cancellationToken: ct));
        }
    }

    /// <summary>A photo Telegram cannot fetch or decode (400) becomes its fallback text, so the user still gets the content.</summary>
    private async Task SendPhotoAsync(long chatId, OutgoingPhoto photo, CancellationToken ct)
    {
        await TryAsync(() => bot.SendChatAction(chatId, ChatAction.UploadPhoto, cancellationToken: ct), "sendChatAction");
        var caption = TelegramText.Fit(photo.CaptionHtml, TelegramText.MaxCaptionLength);
        try
        {
            if (photo.Url is { } url)
                await SendAsync(chatId, () => bot.SendPhoto(chatId, InputFile.FromUri(url), caption: caption, parseMode: ParseMode.Html, cancellationToken: ct));
            else
            {
                using var stream = new MemoryStream(photo.Content ?? [], writable: false);
                await SendAsync(chatId, () => bot.SendPhoto(chatId, InputFile.FromStream(stream, photo.FileName), caption: caption, parseMode: ParseMode.Html, cancellationToken: ct));
            }
        }
        catch (ApiRequestException ex) when (ex.ErrorCode == 400)
        {
            log.LogInformation("Telegram refused a photo for chat {ChatId} ({Reason}); sending text instead", chatId, ex.Message);
            await SendAsync(chatId, () => bot.SendMessage(chatId, TelegramText.Fit(photo.FallbackHtml ?? photo.CaptionHtml), ParseMode.Html,
                linkPreviewOptions: LinkPreviewOptions.Disabled, cancellationToken: ct));
        }
    }

    /// <summary>A tap's progress line edits the tapped message; text has no message to edit and shows none.</summary>
    public IProgressLine ProgressFor(Incoming update) =>
        update.CallbackMessageId is { } messageId ? new TappedMessageProgress(this, update.ChatId, messageId, time) : SilentProgressLine.Instance;

    /// <summary>Best effort: a progress edit that fails (429, message gone) is skipped, never retried — the final reply follows anyway.</summary>
    private async Task ShowProgressAsync(long chatId, int messageId, string html, CancellationToken ct)
    {
        await TryAsync(() => bot.SendChatAction(chatId, ChatAction.UploadDocument, cancellationToken: ct), "sendChatAction");
        await gate.WaitAsync();
        await TryAsync(() => bot.EditMessageText(chatId, messageId, TelegramText.Fit(html), ParseMode.Html, cancellationToken: ct), "editMessageText (progress)");
    }

    private sealed class TappedMessageProgress(TelegramRenderer renderer, long chatId, int messageId, TimeProvider time) : IProgressLine
    {
        private DateTimeOffset? _shownAt;

        public Task ShowAsync(string html, CancellationToken ct)
        {
            var now = time.GetUtcNow();
            if (_shownAt is { } last && now - last < ProgressInterval) return Task.CompletedTask;
            _shownAt = now;
            return renderer.ShowProgressAsync(chatId, messageId, html, ct);
        }
    }

    public Task AnswerCallbackAsync(string callbackQueryId, string? notice, CancellationToken ct) =>
        TryAsync(() => bot.AnswerCallbackQuery(callbackQueryId, notice, cancellationToken: ct), "answerCallbackQuery");

    private async Task<int?> ShowAsync(long chatId, int? messageId, Screen screen, CancellationToken ct)
    {
        var text = TelegramText.Fit(screen.Html);
        var markup = Markup(screen);
        if (messageId is { } id)
        {
            try
            {
                await SendAsync(chatId, () => bot.EditMessageText(chatId, id, text, ParseMode.Html, replyMarkup: markup, linkPreviewOptions: LinkPreviewOptions.Disabled, cancellationToken: ct));
                return id;
            }
            catch (ApiRequestException ex) when (ex.Message.Contains("message is not modified", StringComparison.OrdinalIgnoreCase))
            {
                return id;
            }
            catch (ApiRequestException ex) when (ex.ErrorCode == 400)
            {
                log.LogInformation("Editing message {MessageId} in chat {ChatId} failed ({Reason}); sending a new one", id, chatId, ex.Message);
            }
        }
        var sent = await SendAsync(chatId, () => bot.SendMessage(chatId, text, ParseMode.Html, replyMarkup: markup, linkPreviewOptions: LinkPreviewOptions.Disabled, cancellationToken: ct));
        return sent?.MessageId;
    }

    private static InlineKeyboardMarkup? Markup(Screen screen) =>
        screen.Keyboard.Count == 0
            ? null
            : new InlineKeyboardMarkup(screen.Keyboard.Select(row => row.Select(b => InlineKeyboardButton.WithCallbackData(b.Text, b.Data))));

    /// <summary>Paced under Telegram's global limit; a 429 is waited out (for this chat only) and the call made once more.</summary>
    private async Task<T?> SendAsync<T>(long chatId, Func<Task<T>> call) where T : class
    {
        await gate.WaitAsync();
        try
        {
            return await call();
        }
        catch (ApiRequestException ex) when (ex.ErrorCode == 429)
        {
            var wait = TimeSpan.FromSeconds(Math.Clamp(ex.Parameters?.RetryAfter ?? 1, 1, 60));
            log.LogWarning("Telegram 429 for chat {ChatId}; retrying after {Seconds}s", chatId, wait.TotalSeconds);
            await Task.Delay(wait);
            await gate.WaitAsync();
            return await call();
        }
    }

    private async Task TryAsync(Func<Task> call, string what)
    {
        try
        {
            await call();
        }
        catch (ApiRequestException ex)
        {
            // "query is too old", "message to delete not found": nothing to repair, nothing to show the user.
            log.LogDebug("{Method} failed: {Reason}", what, ex.Message);
        }
    }
}
