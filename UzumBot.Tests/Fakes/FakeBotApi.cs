using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace UzumBot.Tests.Fakes;

/// <summary>
/// A strict, in-process fake of the Telegram Bot API (ASP.NET Core minimal API on 127.0.0.1, random port).
/// Point the bot under test at it with <c>Telegram:ApiBaseUrl = BaseUrl</c> and <c>Telegram:BotToken = Token</c>,
/// drive users with <c>UserSendsText</c> / <c>UserTaps*</c>, observe with <c>Chat</c> / <c>WaitFor*</c>, and
/// finish with <c>AssertNoErrors()</c>. All members are thread-safe.
/// </summary>
/// <remarks>
/// Server plumbing lives here; the Bot API methods in FakeBotApi.Methods.cs; the test-facing driving and
/// observation API in FakeBotApi.Driving.cs; HTML checking in TelegramHtml.cs; reply_markup in ChatState.cs.
/// </remarks>
public sealed partial class FakeBotApi : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly Dictionary<long, ChatState> _chats = [];
    private readonly Dictionary<string, CallbackState> _callbacks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoredFile> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<long, (string FirstName, string? LanguageCode)> _users = [];
    private readonly List<PendingUpdate> _pending = [];
    private readonly List<ApiErrorRecord> _errors = [];
    private readonly List<ApiCallRecord> _calls = [];
    private readonly FloodControl _flood;
    private TaskCompletionSource _changed = NewSignal();
    private TaskCompletionSource _updatesArrived = NewSignal();
    private long _nextUpdateId = 100_001;
    private long _nextQueryId = 1;
    private long _nextFileId = 1;
    private int _pollGeneration;
    private HashSet<string>? _allowedUpdates;
    private int _inFlight;
    private long _lastActivityStamp = Stopwatch.GetTimestamp();
    private bool _stopping;
    private WebApplication? _app;
    private string? _baseUrl;

    private sealed record PendingUpdate(long Id, string Type, JsonObject Payload);

    public FakeBotApi(FakeBotApiOptions? options = null)
    {
        Options = options ?? new FakeBotApiOptions();
        _flood = new FloodControl(Options);
        var idPart = Options.Token.Split(':')[0];
        BotId = long.TryParse(idPart, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 123456;
    }

    /// <summary>Creates and starts a fake.</summary>
    public static async Task<FakeBotApi> StartNewAsync(FakeBotApiOptions? options = null, CancellationToken ct = default)
    {
        var fake = new FakeBotApi(options);
        await fake.StartAsync(ct);
        return fake;
    }

    public FakeBotApiOptions Options { get; }

    /// <summary>The token the fake accepts; any other token in the path is 401 Unauthorized.</summary>
    public string Token => Options.Token;

    /// <summary>The bot's own user id (the number before ':' in the token).</summary>
    public long BotId { get; }

    /// <summary>e.g. <c>http://127.0.0.1:41234</c>; valid after <see cref="StartAsync"/>.</summary>
    public string BaseUrl => _baseUrl ?? throw new InvalidOperationException("FakeBotApi is not started: call StartAsync first.");

    public async Task<string> StartAsync(CancellationToken ct = default)
    {
        if (_app is not null) return BaseUrl;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = typeof(FakeBotApi).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.Sources.Clear(); // ignore appsettings.json / ASPNETCORE_* of the test run
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0);
            k.Limits.MaxRequestBodySize = 60 * 1024 * 1024;
        });

        var app = builder.Build();
        app.MapMethods("/bot{token}/{method}", ["GET", "POST"], HandleAsync);
        app.MapFallback(ctx => WriteAsync(ctx, Outcome.Error(404, "Not Found")));
        await app.StartAsync(ct);

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        _baseUrl = addresses.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        _app = app;
        return _baseUrl;
    }

    public async ValueTask DisposeAsync()
    {
        var app = _app;
        _app = null;
        if (app is null) return;
        lock (_gate)
        {
            _stopping = true; // waiting long polls return empty
            Signal(ref _updatesArrived);
        }
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await app.StopAsync(stopping.Token);
        await app.DisposeAsync();
    }

    // ---------------------------------------------------------------- plumbing

    /// <summary>The answer to one call: a result, or an error with Telegram's code and description.</summary>
    internal readonly record struct Outcome(int Status, JsonNode? Result, string? Description, int? RetryAfter = null, bool Forced = false)
    {
        public static Outcome Ok(JsonNode? result) => new(200, result, null);
        public static Outcome True => Ok(JsonValue.Create(true));
        public static Outcome Bad(string description) => new(400, null, description.StartsWith("Bad Request: ", StringComparison.Ordinal) ? description : "Bad Request: " + description);
        public static Outcome Error(int code, string description) => new(code, null, description);
        public static Outcome TooMany(int retryAfter, bool forced) => new(429, null, $"Too Many Requests: retry after {retryAfter}", retryAfter, forced);
    }

    private async Task HandleAsync(HttpContext ctx, string token, string method)
    {
        var aborted = ctx.RequestAborted;
        var arrivedAt = Now;
        bool isPoll = string.Equals(method, "getUpdates", StringComparison.OrdinalIgnoreCase);
        if (!isPoll) Interlocked.Increment(ref _inFlight);
        long? chatId = null;
        Outcome outcome;
        try
        {
            var request = await BotRequest.ReadAsync(ctx.Request, aborted);
            chatId = request.Long("chat_id");
            if (token != Options.Token) outcome = Outcome.Error(401, "Unauthorized");
            else if (request.MalformedJson) outcome = Outcome.Bad("can't parse JSON");
            else outcome = await DispatchAsync(method, request, aborted);
            chatId ??= ChatOfCallbackQuery(method, request);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            return; // the client went away (e.g. a long poll cancelled on shutdown)
        }
        catch (Exception ex)
        {
            outcome = Outcome.Error(500, "Internal Server Error: fake threw " + ex.GetType().Name + ": " + ex.Message);
        }
        finally
        {
            if (!isPoll)
            {
                Interlocked.Decrement(ref _inFlight);
                Interlocked.Exchange(ref _lastActivityStamp, Stopwatch.GetTimestamp());
            }
        }

        if (aborted.IsCancellationRequested) return;
        Record(method, chatId, outcome, arrivedAt);
        await WriteAsync(ctx, outcome);
    }

    private long? ChatOfCallbackQuery(string method, BotRequest request)
    {
        if (!string.Equals(method, "answerCallbackQuery", StringComparison.OrdinalIgnoreCase)) return null;
        lock (_gate)
            return request.String("callback_query_id") is { } id && _callbacks.TryGetValue(id, out var cb) ? cb.ChatId : null;
    }

    private void Record(string method, long? chatId, Outcome outcome, DateTimeOffset arrivedAt)
    {
        lock (_gate)
        {
            var now = Now;
            _calls.Add(new ApiCallRecord(now, method, chatId, outcome.Status) { ArrivedAt = arrivedAt });
            if (outcome.Status >= 400)
            {
                var error = new ApiErrorRecord(now, method, chatId, outcome.Status, outcome.Description ?? "", outcome.RetryAfter, outcome.Forced);
                _errors.Add(error);
                if (chatId is { } c && _chats.TryGetValue(c, out var chat)) chat.Errors.Add(error);
            }
            NotifyChanged();
        }
    }

    private static Task WriteAsync(HttpContext ctx, Outcome outcome)
    {
        var body = new JsonObject { ["ok"] = outcome.Status == 200 };
        if (outcome.Status == 200) body["result"] = outcome.Result;
        else
        {
            body["error_code"] = outcome.Status;
            body["description"] = outcome.Description;
            if (outcome.RetryAfter is { } retry) body["parameters"] = new JsonObject { ["retry_after"] = retry };
        }
        ctx.Response.StatusCode = outcome.Status;
        ctx.Response.ContentType = "application/json; charset=utf-8";
        return ctx.Response.WriteAsync(body.ToJsonString());
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static void Signal(ref TaskCompletionSource signal)
    {
        var old = signal;
        signal = NewSignal();
        old.TrySetResult();
    }

    /// <summary>Wakes WaitFor* callers. Call under the lock after any change.</summary>
    private void NotifyChanged() => Signal(ref _changed);

    private DateTimeOffset Now => Options.TimeProvider.GetUtcNow();

    private static long Unix(DateTimeOffset t) => t.ToUnixTimeSeconds();
}
