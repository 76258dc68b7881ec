using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using UzumBot.Rendering;

namespace UzumBot.Telegram;

/// <summary>What became of one pushed message.</summary>
public enum Delivery
{
    Sent,
    /// <summary>The user blocked the bot (403): the chat is marked and skipped until they write again.</summary>
    Blocked,
    /// <summary>Telegram refused it, or a second 429 came after the retry: the caller may try again later.</summary>
    Failed,
}

/// <summary>Who may be pushed to: a chat that answered 403 is skipped until its user writes to the bot again.</summary>
public interface IPushRecipients
{
    bool IsBlocked(long chatId);

    void MarkBlocked(long chatId);

    /// <summary>The user wrote or tapped: they have not blocked the bot (any more).</summary>
    void Heard(long chatId);
}

/// <summary>
/// The one queue for bot-initiated messages (alerts, summaries, digests): FIFO across chats, at most one message
/// in flight per chat and one a second per chat, paced through the <see cref="OutboundGate"/>'s broadcast lane
/// (interactive replies go first). A 429 pauses only that chat for <c>retry_after</c> and the message is sent once
/// more; a 403 marks the chat blocked and drops what was queued for it. Each push's task ends with its
/// <see cref="Delivery"/>, so callers record what was really sent.
/// </summary>
public sealed class OutboundQueue : IAsyncDisposable
{
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMinutes(5);

    private readonly ITelegramBotClient _bot;
    private readonly OutboundGate _gate;
    private readonly IPushRecipients _recipients;
    private readonly ILogger<OutboundQueue> _log;
    private readonly TimeProvider _clock = TimeProvider.System;
    private readonly Lock _lock = new();
    private readonly Dictionary<long, ChatLane> _lanes = [];
    private readonly SemaphoreSlim _inFlight;
    private readonly CancellationTokenSource _stop = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _worker;
    private long _sequence;

    private sealed class Item(long sequence, long chatId, Screen screen)
    {
        public long Sequence { get; } = sequence;
        public long ChatId { get; } = chatId;
        public Screen Screen { get; } = screen;
        public bool Retried { get; set; }
        public TaskCompletionSource<Delivery> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class ChatLane
    {
        public Queue<Item> Items { get; } = new();
        public bool Busy { get; set; }
        public long PausedUntil { get; set; }
    }

    public OutboundQueue(ITelegramBotClient bot, OutboundGate gate, IPushRecipients recipients, ILogger<OutboundQueue> log, int maxInFlight = 16)
    {
        _bot = bot;
        _gate = gate;
        _recipients = recipients;
        _log = log;
        _inFlight = new SemaphoreSlim(maxInFlight);
    }

    /// <summary>429 answers seen (each was waited out for its chat only).</summary>
    public int TooManyRequests => Volatile.Read(ref _tooMany);
    private int _tooMany;

    /// <summary>Messages queued or in flight.</summary>
    public int Pending
    {
        get { lock (_lock) return _lanes.Values.Sum(l => l.Items.Count); }
    }

    public Task<Delivery> SendAsync(long chatId, Screen screen)
    {
        if (_recipients.IsBlocked(chatId)) return Task.FromResult(Delivery.Blocked);
        Item item;
        lock (_lock)
        {
            item = new Item(++_sequence, chatId, screen);
            if (!_lanes.TryGetValue(chatId, out var lane)) _lanes[chatId] = lane = new ChatLane();
            lane.Items.Enqueue(item);
            _worker ??= Task.Run(RunAsync);
            Wake();
        }
        return item.Done.Task;
    }

    private void Wake()
    {
        var old = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        old.TrySetResult();
    }

    private async Task RunAsync()
    {
        var ct = _stop.Token;
        while (!ct.IsCancellationRequested)
        {
            Item? next;
            Task changed;
            TimeSpan wait;
            lock (_lock)
            {
                (next, wait) = PickLocked();
                if (next is not null) _lanes[next.ChatId].Busy = true;
                changed = _changed.Task;
            }
            try
            {
                if (next is null)
                {
                    await (wait == Timeout.InfiniteTimeSpan ? changed : Task.WhenAny(changed, Task.Delay(wait, ct))).WaitAsync(ct);
                    continue;
                }
                await _gate.WaitAsync(next.ChatId, Lane.Broadcast, ct);
                await _inFlight.WaitAsync(ct);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            _ = SendOneAsync(next, ct);
        }
        lock (_lock)
            foreach (var item in _lanes.Values.SelectMany(l => l.Items)) item.Done.TrySetResult(Delivery.Failed);
    }

    /// <summary>The oldest head of a chat that is free and not paused; else how long until one may be.</summary>
    private (Item? Item, TimeSpan Wait) PickLocked()
    {
        Item? best = null;
        var wait = Timeout.InfiniteTimeSpan;
        var now = _clock.GetTimestamp();
        foreach (var (chatId, lane) in _lanes)
        {
            if (lane.Busy || lane.Items.Count == 0) continue;
            var paused = lane.PausedUntil > now ? _clock.GetElapsedTime(now, lane.PausedUntil) : TimeSpan.Zero;
            var ready = Max(paused, _gate.UntilChatReady(chatId));
            if (ready > TimeSpan.Zero)
            {
                if (wait == Timeout.InfiniteTimeSpan || ready < wait) wait = ready;
                continue;
            }
            var head = lane.Items.Peek();
            if (best is null || head.Sequence < best.Sequence) best = head;
        }
        return (best, wait);
    }

    private async Task SendOneAsync(Item item, CancellationToken ct)
    {
        Delivery? outcome = null;
        var dropChat = false;
        try
        {
            await _bot.SendMessage(item.ChatId, TelegramText.Fit(item.Screen.Html), ParseMode.Html,
                replyMarkup: TelegramRenderer.Markup(item.Screen), linkPreviewOptions: LinkPreviewOptions.Disabled, cancellationToken: ct);
            outcome = Delivery.Sent;
        }
        catch (ApiRequestException ex) when (ex.ErrorCode == 429)
        {
            Interlocked.Increment(ref _tooMany);
            var retryAfter = TimeSpan.FromSeconds(Math.Max(1, ex.Parameters?.RetryAfter ?? 1));
            if (retryAfter > MaxRetryAfter) retryAfter = MaxRetryAfter;
            _log.LogWarning("Telegram 429 for chat {ChatId}; pausing that chat for {Seconds}s", item.ChatId, retryAfter.TotalSeconds);
            lock (_lock) _lanes[item.ChatId].PausedUntil = _clock.GetTimestamp() + (long)(retryAfter.TotalSeconds * _clock.TimestampFrequency);
            if (item.Retried) outcome = Delivery.Failed;
            else item.Retried = true;
        }
        catch (ApiRequestException ex) when (ex.ErrorCode == 403)
        {
            _log.LogInformation("Chat {ChatId} blocked the bot; pushes to it stop until the user writes again", item.ChatId);
            _recipients.MarkBlocked(item.ChatId);
            outcome = Delivery.Blocked;
            dropChat = true;
        }
        catch (Exception ex) when (ex is ApiRequestException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            _log.LogWarning("Pushing to chat {ChatId} failed: {Reason}", item.ChatId, ex.Message);
            outcome = Delivery.Failed;
        }
        catch (OperationCanceledException)
        {
            outcome = Delivery.Failed;
        }
        finally
        {
            _inFlight.Release();
            var finished = new List<Item>();
            lock (_lock)
            {
                var lane = _lanes[item.ChatId];
                lane.Busy = false;
                if (outcome is not null) finished.Add(lane.Items.Dequeue());
                if (dropChat) while (lane.Items.Count > 0) finished.Add(lane.Items.Dequeue());
                if (lane.Items.Count == 0 && lane.PausedUntil <= _clock.GetTimestamp()) _lanes.Remove(item.ChatId);
                Wake();
            }
            foreach (var done in finished) done.Done.TrySetResult(done == item ? outcome!.Value : Delivery.Blocked);
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_worker is not null) await _worker.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }
}
