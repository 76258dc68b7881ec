using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using UzumBot.Hosting;
using UzumBot.Uzum;

namespace UzumBot.Tests.Uzum;

/// <summary>One request as the server saw it. <see cref="At"/> is a Stopwatch timestamp taken on arrival.</summary>
public sealed record Recorded(int Index, string Method, string Path, string RawQuery, string? Authorization,
    string? Accept, string Body, long At)
{
    public Dictionary<string, StringValues> Query => QueryHelpers.ParseQuery(RawQuery);
    public string? Q(string key) => Query.TryGetValue(key, out var v) ? v.ToString() : null;
    public string[] All(string key) => Query.TryGetValue(key, out var v) ? v.Select(x => x ?? "").ToArray() : [];
    public double MsSince(Recorded earlier) => Stopwatch.GetElapsedTime(earlier.At, At).TotalMilliseconds;
}

public sealed record Reply(int Status = 200, string? Body = null, string? RetryAfter = null, TimeSpan Delay = default)
{
    public static Reply Json(string body, int status = 200) => new(status, body);
    public static Reply Empty(int status, string? retryAfter = null) => new(status, null, retryAfter);
}

/// <summary>A throwaway HTTP server on 127.0.0.1:0 under /api/seller-openapi/ that answers with a per-test script.</summary>
public sealed class ScriptedUzumServer : IAsyncDisposable
{
    public const string Prefix = "/api/seller-openapi/";
    private readonly WebApplication _app;
    private int _count;

    public ConcurrentQueue<Recorded> Requests { get; } = new();
    public Func<Recorded, Reply> Script { get; set; } = _ => Reply.Empty(404);
    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<Recorded> Sorted => Requests.OrderBy(r => r.Index).ToList();

    private ScriptedUzumServer()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Map(Prefix + "{**rest}", Handle);
    }

    public static async Task<ScriptedUzumServer> StartAsync(Func<Recorded, Reply>? script = null)
    {
        var server = new ScriptedUzumServer();
        if (script is not null) server.Script = script;
        await server._app.StartAsync();
        var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address.TrimEnd('/') + Prefix.TrimEnd('/'));
        return server;
    }

    private async Task Handle(HttpContext ctx)
    {
        var at = Stopwatch.GetTimestamp();
        var body = await new StreamReader(ctx.Request.Body).ReadToEndAsync();
        var path = ctx.Request.Path.Value![Prefix.Length..];
        var rec = new Recorded(Interlocked.Increment(ref _count) - 1, ctx.Request.Method, path,
            ctx.Request.QueryString.Value?.TrimStart('?') ?? "", ctx.Request.Headers.Authorization.FirstOrDefault(),
            ctx.Request.Headers.Accept.FirstOrDefault(), body, at);
        Requests.Enqueue(rec);
        var reply = Script(rec);
        if (reply.Delay > TimeSpan.Zero)
        {
            try { await Task.Delay(reply.Delay, ctx.RequestAborted); }
            catch (OperationCanceledException) { return; }
        }
        ctx.Response.StatusCode = reply.Status;
        if (reply.RetryAfter is not null) ctx.Response.Headers.RetryAfter = reply.RetryAfter;
        if (reply.Body is not null)
        {
            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync(reply.Body);
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>A server plus an <see cref="IUzumClient"/> wired by <c>AddUzumClient</c>, with fast test timings.</summary>
public sealed class UzumHarness : IAsyncDisposable
{
    public const string RawToken = "Ab3xYzTestToken0001Zq9=";
    public static readonly UzumToken Token = new(RawToken);

    public required ScriptedUzumServer Server { get; init; }
    public required ServiceProvider Services { get; init; }
    public IUzumClient Client => Services.GetRequiredService<IUzumClient>();

    public static async Task<UzumHarness> StartAsync(Func<Recorded, Reply> script, Action<UzumOptions>? configure = null,
        Action<IServiceCollection>? register = null)
    {
        var server = await ScriptedUzumServer.StartAsync(script);
        var services = new ServiceCollection();
        services.AddLogging();
        register?.Invoke(services);
        services.Configure<UzumOptions>(o =>
        {
            o.BaseUrl = server.BaseUrl.ToString();
            o.MinRequestIntervalMs = 0;
            o.BackoffBaseMs = 5;
            o.MaxGetAttempts = 4;
            o.AttemptTimeoutSeconds = 5;
            configure?.Invoke(o);
        });
        services.AddUzumClient();
        return new UzumHarness { Server = server, Services = services.BuildServiceProvider() };
    }

    /// <summary>
    /// One request with a throwaway token, then forgets it: the first request of a cold server pays for JIT and a
    /// connection, which would squeeze the arrival gaps a timing test measures.
    /// </summary>
    public async Task WarmUpAsync()
    {
        await Client.GetShopsAsync(new UzumToken("WarmUpToken-" + Guid.NewGuid().ToString("N")), CancellationToken.None);
        Server.Requests.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
