using System.Collections.Concurrent;

namespace UzumBot.Telegram;

/// <summary>Who asks for a send slot: a user waiting for an answer, or the bot pushing on its own.</summary>
public enum Lane
{
    Interactive,
    Broadcast,
}

/// <summary>
/// Paces every outgoing Bot API message under Telegram's limits: one slot every 1/<c>Telegram:MessagesPerSecond</c>
/// over all chats, and it remembers the last send to each chat so pushes keep one a second per chat.
/// <para>
/// An interactive call books the next free slot at once; a broadcast only takes a slot that is free right now, so
/// it never holds a slot in the future and a user's reply waits at most for the one send already going out.
/// </para>
/// <para>Telegram's limits are wall-clock limits: this runs on the system clock even when the host's
/// <see cref="TimeProvider"/> is a fake.</para>
/// </summary>
public sealed class OutboundGate
{
    public const double DefaultMessagesPerSecond = 30;
    public static readonly TimeSpan PerChatInterval = TimeSpan.FromSeconds(1);

    private readonly TimeProvider _clock = TimeProvider.System;
    private readonly long _interval;
    private readonly Lock _lock = new();
    private readonly ConcurrentDictionary<long, long> _lastPerChat = new();
    private long _next;

    public OutboundGate() : this(DefaultMessagesPerSecond) { }

    public OutboundGate(double messagesPerSecond)
    {
        if (messagesPerSecond is <= 0 or > 1000) throw new ArgumentOutOfRangeException(nameof(messagesPerSecond));
        _interval = (long)(_clock.TimestampFrequency / messagesPerSecond);
        MessagesPerSecond = messagesPerSecond;
    }

    public double MessagesPerSecond { get; }

    /// <summary>Waits for a send slot for a message to <paramref name="chatId"/>, and counts it for that chat.</summary>
    public async ValueTask WaitAsync(long chatId, Lane lane = Lane.Interactive, CancellationToken ct = default)
    {
        while (true)
        {
            TimeSpan wait;
            bool booked;
            lock (_lock)
            {
                var now = _clock.GetTimestamp();
                var slot = Math.Max(now, _next);
                booked = lane == Lane.Interactive || slot == now;
                if (booked)
                {
                    _next = slot + _interval;
                    _lastPerChat[chatId] = slot;
                }
                wait = _clock.GetElapsedTime(now, slot);
            }
            if (wait > TimeSpan.Zero) await Task.Delay(wait, ct);
            if (booked) return;
        }
    }

    /// <summary>How long until a push to <paramref name="chatId"/> keeps one a second for that chat (zero: now).</summary>
    public TimeSpan UntilChatReady(long chatId)
    {
        if (!_lastPerChat.TryGetValue(chatId, out var last)) return TimeSpan.Zero;
        var since = _clock.GetElapsedTime(last);
        return since >= PerChatInterval ? TimeSpan.Zero : PerChatInterval - since;
    }
}
