using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Telegram.Bot;
using UzumBot.Features.Automation;
using UzumBot.Localization;
using UzumBot.Storage;
using UzumBot.Telegram;

/// <summary>
/// The 09:00 summary to 1 000 owners through the real outbound queue and gate, against a stand-in Bot API that
/// enforces Telegram's limits with 429s: 30 messages a second overall (a bucket of 30) and one a second per chat.
/// </summary>
public static class SummaryLoadBenchmark
{
    private const string Token = "123456:BENCH-token";

    public static async Task RunAsync(int owners)
    {
        var api = new LimitedBotApi();
        var baseUrl = await api.StartAsync();
        var folder = Directory.CreateTempSubdirectory("uzumbot-load-").FullName;
        using var db = new Database(Path.Combine(folder, "data.db"));
        for (var i = 1; i <= owners; i++) db.Members.Insert(new MemberDocument { UserId = i, TenantId = "t" + i, Role = "Owner" });
        var bot = new TelegramBotClient(new TelegramBotClientOptions(Token, baseUrl: baseUrl) { RetryThreshold = 0 });
        var gate = new OutboundGate();
        await using var queue = new OutboundQueue(bot, gate, new MemberPreferences(db, TimeProvider.System), NullLogger<OutboundQueue>.Instance);

        var now = DateTimeOffset.UtcNow;
        var day = new SummaryDay(DateOnly.FromDateTime(now.DateTime), 42, 57, 2, 1, 6_184_000, 1_912_500);
        var skus = Enumerable.Range(0, 6).Select(i => new SkuOutlook(i, "FUTB-1-ЧЕРН-" + i, "Футболка детская", i, i == 0 ? null : 3.5)).ToList();
        var sw = Stopwatch.StartNew();
        var results = await Task.WhenAll(Enumerable.Range(1, owners).Select(id =>
            queue.SendAsync(id, SummaryScreens.Summary(id % 2 == 0 ? Lang.Uz : Lang.Ru,
                new SummaryData("Shop " + id, day, day with { Orders = 35 }, day with { Orders = 40 }, 5, now.AddHours(2), skus, 7), now, "fi"))));
        var elapsed = sw.Elapsed;
        var minimum = owners / 30.0;
        Console.WriteLine($"Daily summary to {owners} owners, gate {gate.MessagesPerSecond}/s, stand-in Bot API enforcing 30/s overall and 1/s per chat");
        Console.WriteLine($"delivered: {results.Count(r => r == Delivery.Sent)} of {owners} (stand-in counted {api.Delivered}), 429 answered: {api.TooMany} (queue saw {queue.TooManyRequests})");
        Console.WriteLine($"elapsed: {elapsed.TotalSeconds:0.0} s; minimum {owners} / 30 = {minimum:0.0} s; ratio {elapsed.TotalSeconds / minimum:0.00}× (target ≤ 1.2×)");
        await api.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>sendMessage only: a global token bucket (30, refilled 30/s) and one a second per chat, else 429 with retry_after.</summary>
    private sealed class LimitedBotApi : IAsyncDisposable
    {
        private readonly Lock _lock = new();
        private readonly Dictionary<long, long> _lastPerChat = [];
        private double _tokens = 30;
        private long _stamp = Stopwatch.GetTimestamp();
        private int _messageId;
        private WebApplication? _app;

        public int Delivered { get; private set; }
        public int TooMany { get; private set; }

        public async Task<string> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
            _app = builder.Build();
            _app.MapPost("/bot{token}/{method}", HandleAsync);
            await _app.StartAsync();
            return _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        }

        private async Task HandleAsync(HttpContext ctx, string token, string method)
        {
            var body = JsonNode.Parse(await new StreamReader(ctx.Request.Body).ReadToEndAsync())!;
            var chatId = body["chat_id"]!.GetValue<long>();
            int? retryAfter = null;
            int id;
            lock (_lock)
            {
                var now = Stopwatch.GetTimestamp();
                _tokens = Math.Min(30, _tokens + Stopwatch.GetElapsedTime(_stamp, now).TotalSeconds * 30);
                _stamp = now;
                var chatFree = !_lastPerChat.TryGetValue(chatId, out var last) || Stopwatch.GetElapsedTime(last, now) >= TimeSpan.FromSeconds(1);
                if (_tokens < 1 || !chatFree)
                {
                    TooMany++;
                    retryAfter = 1;
                }
                else
                {
                    _tokens -= 1;
                    _lastPerChat[chatId] = now;
                    Delivered++;
                }
                id = ++_messageId;
            }
            ctx.Response.ContentType = "application/json";
            if (retryAfter is { } wait)
            {
                ctx.Response.StatusCode = 429;
                await ctx.Response.WriteAsync($"{{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after {wait}\",\"parameters\":{{\"retry_after\":{wait}}}}}");
                return;
            }
            var date = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            await ctx.Response.WriteAsync($"{{\"ok\":true,\"result\":{{\"message_id\":{id},\"date\":{date},\"chat\":{{\"id\":{chatId},\"type\":\"private\"}},\"text\":\"ok\"}}}}");
        }

        public async ValueTask DisposeAsync()
        {
            if (_app is null) return;
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
