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
            // a photo's text cannot become a text message: the screen comes anew and the photo goes
            var replacedPhoto = update.IsTap && update.CallbackMessageIsPhoto ? target : null;
            if (replacedPhoto is not null) target = null;
            var shownId = await ShowAsync(chatId, target, screen, ct);
            if (replacedPhoto is { } photoId && shownId is not null) await TryAsync(() => bot.DeleteMessage(chatId, photoId, ct), "deleteMessage");
            if (chat is not null && shownId is { } id && chat.MenuMessageId != id)
            {
                chat.MenuMessageId = id;
                db.Chats.Update(chat);
            }
        }

        if (reply.Photo is { } photo) await ShowPhotoAsync(update, reply, photo, ct);

        foreach (var document in reply.Documents)
        {
            await TryAsync(() => bot.SendChatAction(chatId, ChatAction.UploadDocument, cancellationToken: ct), "sendChatAction");
            // A fresh stream for each attempt: the first upload consumes (and closes) its stream, so a retry after a 429 needs its own.
            await SendAsync(chatId, () => bot.SendDocument(chatId, InputFile.FromStream(new MemoryStream(document.Content, writable: false), document.FileName),
                caption: TelegramText.Fit(document.CaptionHtml, TelegramText.MaxCaptionLength), parseMode: ParseMode.Html, cancellationToken: ct));
        }
    }

    /// <summary>
    /// A photo becomes the menu message: on a tap its media is edited in place when the tapped message is a photo;
    /// otherwise (a text menu, or the edit failed) it is sent anew and the tapped message deleted, so the chat keeps one menu.
    /// </summary>
    private async Task ShowPhotoAsync(Incoming update, Reply reply, OutgoingPhoto photo, CancellationToken ct)
    {
        var chatId = update.ChatId;
        var caption = photo.Caption.Html;
        if (update.IsTap && reply.Notice is { Length: > 0 } notice && reply.Screen is null) caption = "ℹ️ " + Html.Encode(notice) + "\n\n" + caption;
        caption = TelegramText.Fit(caption, TelegramText.MaxCaptionLength);
        var markup = Markup(photo.Caption);
        var target = reply.AsNewMessage || reply.Screen is not null ? null : update.IsTap ? update.CallbackMessageId : null;
        int? shownId = null;
        if (target is { } id && update.CallbackMessageIsPhoto)
        {
            try
            {
                // a fresh upload for each attempt: a retry after a 429 cannot reuse a stream the first attempt consumed
                await SendAsync(chatId, () => bot.EditMessageMedia(chatId, id,
                    new InputMediaPhoto(PhotoFile(photo)) { Caption = caption, ParseMode = ParseMode.Html }, markup, cancellationToken: ct));
                shownId = id;
            }
            catch (ApiRequestException ex) when (ex.Message.Contains("message is not modified", StringComparison.OrdinalIgnoreCase))
            {
                shownId = id;
            }
            catch (ApiRequestException ex) when (ex.ErrorCode == 400)
            {
                log.LogDebug("Editing media of message {MessageId} in chat {ChatId} failed ({Reason}); sending a new photo", id, chatId, ex.Message);
            }
        }
        if (shownId is null)
        {
            await TryAsync(() => bot.SendChatAction(chatId, ChatAction.UploadPhoto, cancellationToken: ct), "sendChatAction");
            try
            {
                var sent = await SendAsync(chatId, () => bot.SendPhoto(chatId, PhotoFile(photo), caption, ParseMode.Html, replyMarkup: markup, cancellationToken: ct));
                shownId = sent?.MessageId;
                if (shownId is not null && target is { } old) await TryAsync(() => bot.DeleteMessage(chatId, old, ct), "deleteMessage");
            }
            catch (ApiRequestException ex) when (ex.ErrorCode == 400)
            {
                // Telegram could not fetch or read the picture: the same screen as text, so nothing the user needs is lost
                log.LogInformation("Telegram refused a photo for chat {ChatId} ({Reason}); showing its text instead", chatId, ex.Message);
                var text = photo.FallbackHtml is { Length: > 0 } lead ? lead + "\n\n" + photo.Caption.Html : photo.Caption.Html;
                shownId = await ShowAsync(chatId, target, photo.Caption with { Html = text }, ct);
            }
        }
        var chat = db.Chats.FindById(chatId);
        if (chat is not null && shownId is { } shown && chat.MenuMessageId != shown)
        {
            chat.MenuMessageId = shown;
            db.Chats.Update(chat);
        }
    }

    private static InputFile PhotoFile(OutgoingPhoto photo) =>
        photo.Content is { } bytes ? InputFile.FromStream(new MemoryStream(bytes, writable: false), photo.FileName)
        : InputFile.FromUri(photo.Url ?? throw new InvalidOperationException("A photo needs bytes or a URL."));

    /// <summary>A tap's progress line edits the tapped message; text has no message to edit and shows none.</summary>
    public IProgressLine ProgressFor(Incoming update) =>
        update.CallbackMessageId is { } messageId ? new TappedMessageProgress(this, update.ChatId, messageId, time) : SilentProgressLine.Instance;

    /// <summary>Best effort: a progress edit that fails (429, message gone) is skipped, never retried — the final reply follows anyway.</summary>
    private async Task ShowProgressAsync(long chatId, int messageId, string html, CancellationToken ct)
    {
        await TryAsync(() => bot.SendChatAction(chatId, ChatAction.UploadDocument, cancellationToken: ct), "sendChatAction");
        await gate.WaitAsync(chatId);
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

    internal static InlineKeyboardMarkup? Markup(Screen screen) =>
        screen.Keyboard.Count == 0
            ? null
            : new InlineKeyboardMarkup(screen.Keyboard.Select(row => row.Select(b => InlineKeyboardButton.WithCallbackData(b.Text, b.Data))));

    /// <summary>Paced under Telegram's global limit; a 429 is waited out (for this chat only) and the call made once more.</summary>
    private async Task<T?> SendAsync<T>(long chatId, Func<Task<T>> call) where T : class
    {
        await gate.WaitAsync(chatId);
        try
        {
            return await call();
        }
        catch (ApiRequestException ex) when (ex.ErrorCode == 429)
        {
            var wait = TimeSpan.FromSeconds(Math.Clamp(ex.Parameters?.RetryAfter ?? 1, 1, 60));
            log.LogWarning("Telegram 429 for chat {ChatId}; retrying after {Seconds}s", chatId, wait.TotalSeconds);
            await Task.Delay(wait);
            await gate.WaitAsync(chatId);
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
