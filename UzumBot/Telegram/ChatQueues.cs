using Microsoft.Extensions.Logging;

namespace UzumBot.Telegram;

/// <summary>
/// One ordered queue per chat, chats in parallel (bounded): a chat's updates are handled strictly one after
/// another, while a slow chat never holds up the others (T8).
/// </summary>
public sealed class ChatQueues(ILogger<ChatQueues> log, int maxConcurrentChats = 32)
{
    private readonly Dictionary<long, Queue<Func<Task>>> _queues = [];
    private readonly SemaphoreSlim _gate = new(maxConcurrentChats);
    private int _running;

    /// <summary>Work items queued or running, across chats.</summary>
    public int Pending => Volatile.Read(ref _running);

    public void Enqueue(long chatId, Func<Task> work)
    {
        Interlocked.Increment(ref _running);
        lock (_queues)
        {
            if (_queues.TryGetValue(chatId, out var queue))
            {
                queue.Enqueue(work);
                return;
            }
            _queues[chatId] = new Queue<Func<Task>>([work]);
        }
        _ = Task.Run(() => DrainAsync(chatId));
    }

    /// <summary>Waits until every queued item has run (for shutdown and tests).</summary>
    public async Task DrainAllAsync(TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (Pending > 0 && DateTime.UtcNow < until) await Task.Delay(20);
    }

    private async Task DrainAsync(long chatId)
    {
        while (true)
        {
            Func<Task> work;
            lock (_queues)
            {
                var queue = _queues[chatId];
                work = queue.Peek();
            }
            await _gate.WaitAsync();
            try
            {
                await work();
            }
            catch (Exception ex)
            {
                log.LogError(ex, "Handling an update of chat {ChatId} failed", chatId);
            }
            finally
            {
                _gate.Release();
                Interlocked.Decrement(ref _running);
            }
            lock (_queues)
            {
                var queue = _queues[chatId];
                queue.Dequeue();
                if (queue.Count == 0)
                {
                    _queues.Remove(chatId);
                    return;
                }
            }
        }
    }
}
