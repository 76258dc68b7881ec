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
    IPushRecipients recipients,
    IHostApplicationLifetime lifetime,
    ILogger<UpdatePump> log) : BackgroundService
{
    private const string OffsetKey = "telegram.offset";
    private static readonly UpdateType[] Wanted = [UpdateType.Message, UpdateType.CallbackQuery];

    /// <summary>Taps being handled, so a second identical tap on the same message does nothing (T5).</summary>
    private readonly ConcurrentDictionary<string, byte> _tapsInFlight = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await ConnectAsync(stoppingToken)) return;
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

    /// <summary>
    /// getMe and deleteWebhook before polling. A refused bot token stops the process with exit code 1 and a clear
    /// line (a supervisor then shows the failure); an unreachable server is retried with backoff.
    /// </summary>
    private async Task<bool> ConnectAsync(CancellationToken ct)
    {
        var backoff = TimeSpan.Zero;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                identity.Username = (await bot.GetMe(ct)).Username;
                await bot.DeleteWebhook(dropPendingUpdates: false, cancellationToken: ct);
                return true;
            }
            catch (ApiRequestException ex) when (ex.ErrorCode is 401 or 404)
            {
                log.LogCritical("Telegram refused the bot token ({Code}: {Reason}). Check Telegram:BotToken and Telegram:ApiBaseUrl.", ex.ErrorCode, ex.Message);
                Environment.ExitCode = 1;
                lifetime.StopApplication();
                return false;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return false;
            }
            catch (Exception ex)
            {
                backoff = NextBackoff(backoff);
                log.LogWarning("Cannot reach Telegram ({Reason}); retrying in {Seconds}s", ex.Message, backoff.TotalSeconds);
                await Delay(backoff, ct);
            }
        }
        return false;
    }

    private void Dispatch(Update update, CancellationToken ct)
    {
        if (ToIncoming(update) is not { } incoming) return;
        // A user who blocked the bot cannot write or tap: anything from them (the "Restart" button sends /start) means pushes may go again.
        recipients.Heard(incoming.ChatId);
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
            // Answered at once, not behind the chat's earlier work, so the spinner stops right away (T5).
            _ = renderer.AnswerCallbackAsync(query.Id, engine.Acknowledge(incoming), ct);
            queues.Enqueue(incoming.ChatId, async () =>
            {
                try
                {
                    await HandleAsync(incoming, Done, ct);
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
        var reply = await engine.HandleAsync(incoming with { Progress = renderer.ProgressFor(incoming) }, ct);
        handled?.Invoke();
        await renderer.RenderAsync(incoming, reply, ct);
    }

    /// <summary>Private chats only: the bot holds secrets and is not meant for groups.</summary>
    private static Incoming? ToIncoming(Update update)
    {
        if (update.Message is { From: { } from, Text: { } text } message && message.Chat.Type == ChatType.Private)
            return new Incoming { ChatId = message.Chat.Id, UserId = from.Id, FirstName = from.FirstName, Text = text, MessageId = message.MessageId };
        if (update.CallbackQuery is { Message: { } tapped } query && tapped.Chat.Type == ChatType.Private)
            return new Incoming
            {
                ChatId = tapped.Chat.Id, UserId = query.From.Id, FirstName = query.From.FirstName,
                CallbackData = query.Data ?? "", CallbackMessageId = tapped.MessageId, CallbackMessageIsPhoto = tapped.Photo is { Length: > 0 },
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
