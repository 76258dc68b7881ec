using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using UzumBot.Conversation;
using UzumBot.Features;
using UzumBot.Storage;

namespace UzumBot.Telegram;

/// <summary>
/// Long polling, kept thin: deleteWebhook once (pending updates kept), then getUpdates with the offset persisted,
/// each update handed to its chat's ordered queue. A 409 (another poller) is logged once and backed off (T6).
/// </summary>
public sealed class UpdatePump(
    ITelegramBotClient bot,
    ChatQueues queues,
    ChatEngine engine,
    TelegramRenderer renderer,
    Database db,
    BotIdentity identity,
    ILogger<UpdatePump> log) : BackgroundService
{
    private const string OffsetKey = "telegram.offset";
    private static readonly UpdateType[] Wanted = [UpdateType.Message, UpdateType.CallbackQuery];

    /// <summary>Taps being handled, so a second identical tap on the same message does nothing (T5).</summary>
    private readonly ConcurrentDictionary<string, byte> _tapsInFlight = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await bot.DeleteWebhook(dropPendingUpdates: false, cancellationToken: stoppingToken);
        identity.Username = (await bot.GetMe(stoppingToken)).Username;
        var offset = int.TryParse(db.GetSetting(OffsetKey), CultureInfo.InvariantCulture, out var stored) ? stored : 0;
        var backoff = TimeSpan.Zero;
        var conflictLogged = false;
        log.LogInformation("Polling Telegram for updates");

        while (!stoppingToken.IsCancellationRequested)
        {
            Update[] updates;
            try
            {
                updates = await bot.GetUpdates(offset, limit: 100, timeout: 25, allowedUpdates: Wanted, cancellationToken: stoppingToken);
                backoff = TimeSpan.Zero;
                conflictLogged = false;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (ApiRequestException ex) when (ex.ErrorCode == 409)
            {
                if (!conflictLogged) log.LogError("Another process is polling this bot (409 Conflict); backing off");
                conflictLogged = true;
                backoff = NextBackoff(backoff);
                await Delay(backoff, stoppingToken);
                continue;
            }
            catch (Exception ex)
            {
                backoff = NextBackoff(backoff);
                log.LogWarning("getUpdates failed ({Reason}); retrying in {Seconds}s", ex.Message, backoff.TotalSeconds);
                await Delay(backoff, stoppingToken);
                continue;
            }

            foreach (var update in updates)
            {
                Dispatch(update, stoppingToken);
                offset = update.Id + 1;
            }
            if (updates.Length > 0) db.SetSetting(OffsetKey, offset.ToString(CultureInfo.InvariantCulture));
        }
    }

    private void Dispatch(Update update, CancellationToken ct)
    {
        if (ToIncoming(update) is not { } incoming) return;
        if (update.CallbackQuery is { } query)
        {
            var tapKey = $"{incoming.ChatId}:{incoming.CallbackMessageId}:{incoming.CallbackData}";
            if (!_tapsInFlight.TryAdd(tapKey, 0))
            {
                _ = renderer.AnswerCallbackAsync(query.Id, null, ct);
                return;
            }
            // The tap stops counting as "in flight" once its reply is computed, before it is shown: a user who
            // taps the same button again after seeing the result (↻ retry carries the same data) is heard.
            void Done() => _tapsInFlight.TryRemove(tapKey, out _);
            queues.Enqueue(incoming.ChatId, async () =>
            {
                try
                {
                    if (ChatEngine.QuickNotice(engine.Peek(incoming.ChatId), incoming.CallbackData) is { } quick)
                    {
                        await renderer.AnswerCallbackAsync(query.Id, quick, ct);
                        await HandleAsync(incoming, Done, ct);
                    }
                    else
                    {
                        await HandleTapAsync(incoming, query.Id, Done, ct);
                    }
                }
                finally
                {
                    Done();
                }
            });
            return;
        }
        queues.Enqueue(incoming.ChatId, () => HandleAsync(incoming, null, ct));
    }

    private async Task HandleAsync(Incoming incoming, Action? handled, CancellationToken ct)
    {
        var reply = await engine.HandleAsync(incoming, ct);
        handled?.Invoke();
        await renderer.RenderAsync(incoming, reply, ct);
    }

    /// <summary>
    /// A tap without a quick notice is answered with the reply's own notice ("not allowed", "access removed") when
    /// the reply is ready within <see cref="AnswerGrace"/>; slower work gets a silent answer first (T5).
    /// </summary>
    private async Task HandleTapAsync(Incoming incoming, string queryId, Action handled, CancellationToken ct)
    {
        var work = engine.HandleAsync(incoming, ct);
        var answered = false;
        if (await Task.WhenAny(work, Task.Delay(AnswerGrace, ct)) != work)
        {
            await renderer.AnswerCallbackAsync(queryId, null, ct);
            answered = true;
        }
        var reply = await work;
        handled();
        if (!answered) await renderer.AnswerCallbackAsync(queryId, reply.Notice, ct);
        await renderer.RenderAsync(incoming, reply, ct);
    }

    private static readonly TimeSpan AnswerGrace = TimeSpan.FromMilliseconds(700);

    /// <summary>Private chats only: the bot holds secrets and is not meant for groups.</summary>
    private static Incoming? ToIncoming(Update update)
    {
        if (update.Message is { From: { } from, Text: { } text } message && message.Chat.Type == ChatType.Private)
            return new Incoming { ChatId = message.Chat.Id, UserId = from.Id, FirstName = from.FirstName, Text = text, MessageId = message.MessageId };
        if (update.CallbackQuery is { Message: { } tapped } query && tapped.Chat.Type == ChatType.Private)
            return new Incoming
            {
                ChatId = tapped.Chat.Id, UserId = query.From.Id, FirstName = query.From.FirstName,
                CallbackData = query.Data ?? "", CallbackMessageId = tapped.MessageId,
            };
        return null;
    }

    private static TimeSpan NextBackoff(TimeSpan current) =>
        current == TimeSpan.Zero ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(Math.Min(60, current.TotalSeconds * 2));

    private static async Task Delay(TimeSpan delay, CancellationToken ct)
    {
        try { await Task.Delay(delay, ct); }
        catch (OperationCanceledException) { }
    }
}
