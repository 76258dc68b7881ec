using Microsoft.Extensions.Logging.Abstractions;
using Telegram.Bot;
using UzumBot.Features.Automation;
using UzumBot.Rendering;
using UzumBot.Storage;
using UzumBot.Telegram;
using UzumBot.Tests.Fakes;

namespace UzumBot.Tests.Automation;

/// <summary>The one queue for pushes against the strict fake Bot API (T4, T7).</summary>
public sealed class OutboundQueueTests : IAsyncLifetime
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "uzumbot-outbound-" + Guid.NewGuid().ToString("N"), "data.db");
    private FakeBotApi _fake = null!;
    private Database _db = null!;
    private MemberPreferences _members = null!;
    private OutboundQueue _queue = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeBotApi.StartNewAsync();
        _db = new Database(_path);
        _members = new MemberPreferences(_db, TimeProvider.System);
        foreach (var id in new long[] { 1, 2, 3 }) _db.Members.Insert(new MemberDocument { UserId = id, TenantId = "t", Role = "Owner" });
        var bot = new TelegramBotClient(new TelegramBotClientOptions(_fake.Token, baseUrl: _fake.BaseUrl) { RetryThreshold = 0 });
        _queue = new OutboundQueue(bot, new OutboundGate(), _members, NullLogger<OutboundQueue>.Instance);
    }

    private static Screen Text(string text) => Screen.Text(text);

    [Fact]
    public async Task A_429_pauses_only_that_chat_and_the_message_is_sent_once_more()
    {
        _fake.ForceTooManyRequests(1, retryAfterSeconds: 2, chatId: 1);
        var paused = _queue.SendAsync(1, Text("to one"));
        await _fake.WaitForAsync(1, c => c.Errors.Count == 1);
        var other = await _queue.SendAsync(2, Text("to two"));
        Assert.Equal(Delivery.Sent, other);
        Assert.Equal(Delivery.Sent, await paused);

        var sends = _fake.Calls.Where(c => c.Method == "sendMessage").ToList();
        Assert.Equal([1L, 2L, 1L], sends.Select(c => c.ChatId!.Value));
        Assert.Equal(429, sends[0].StatusCode);
        Assert.True(sends[2].At - sends[0].At >= TimeSpan.FromSeconds(2), "the retry came before retry_after");
        Assert.Single(_fake.Chat(1).BotMessages);
        Assert.Equal(1, _queue.TooManyRequests);
    }

    [Fact]
    public async Task A_second_429_after_the_retry_fails_the_message_without_a_third_try()
    {
        _fake.ForceTooManyRequests(2, retryAfterSeconds: 1, chatId: 1);
        Assert.Equal(Delivery.Failed, await _queue.SendAsync(1, Text("x")));
        Assert.Equal(2, _fake.Calls.Count(c => c.Method == "sendMessage"));
    }

    [Fact]
    public async Task A_blocked_chat_is_marked_and_skipped_while_the_others_get_theirs_T7()
    {
        _fake.UserBlocksBot(2);
        var results = await Task.WhenAll(new long[] { 1, 2, 3 }.Select(id => _queue.SendAsync(id, Text("summary " + id))));
        Assert.Equal([Delivery.Sent, Delivery.Blocked, Delivery.Sent], results);
        Assert.True(_members.IsBlocked(2));
        Assert.Equal(Delivery.Blocked, await _queue.SendAsync(2, Text("again")));
        Assert.Single(_fake.Calls, c => c.ChatId == 2 && c.Method == "sendMessage");

        _members.Heard(2);
        _fake.UserSendsText(2, "/start");
        Assert.Equal(Delivery.Sent, await _queue.SendAsync(2, Text("welcome back")));
    }

    [Fact]
    public async Task One_chat_gets_one_message_a_second_in_order()
    {
        await _queue.SendAsync(3, Text("warm-up")); // the fake records a call when it ends: keep first-request latency out
        var deliveries = await Task.WhenAll(Enumerable.Range(1, 3).Select(i => _queue.SendAsync(1, Text("n" + i))));
        Assert.All(deliveries, d => Assert.Equal(Delivery.Sent, d));
        Assert.Equal(["n1", "n2", "n3"], _fake.Chat(1).BotMessages.Select(m => m.Text));
        // when each request reached Telegram (not when it was answered: a slow answer would blur the pacing)
        var at = _fake.Calls.Where(c => c.Method == "sendMessage" && c.ChatId == 1).Select(c => c.ArrivedAt).ToList();
        Assert.True(at[2] - at[0] >= TimeSpan.FromSeconds(1.9), "sent faster than one a second: " + string.Join(", ", at.Select(a => a.ToString("HH:mm:ss.fff"))));
        _fake.AssertNoErrors();
    }

    [Fact]
    public async Task An_interactive_reply_is_served_before_a_waiting_broadcast()
    {
        var gate = new OutboundGate(5);
        var order = new List<string>();
        var broadcasts = Task.Run(async () =>
        {
            for (var i = 0; i < 6; i++)
            {
                await gate.WaitAsync(100 + i, Lane.Broadcast);
                lock (order) order.Add("b" + i);
            }
        });
        while (true) { lock (order) if (order.Count >= 2) break; await Task.Delay(5); }
        await gate.WaitAsync(7, Lane.Interactive);
        lock (order) order.Add("i");
        await broadcasts;
        Assert.InRange(order.IndexOf("i"), 2, 3);
    }

    public async Task DisposeAsync()
    {
        await _queue.DisposeAsync();
        await _fake.DisposeAsync();
        _db.Dispose();
        try { Directory.Delete(Path.GetDirectoryName(_path)!, recursive: true); } catch (IOException) { }
    }
}
