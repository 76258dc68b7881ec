using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using UzumBot.Hosting;

namespace UzumBot.Uzum.Sandbox;

/// <summary>
/// The built-in marketplace: a real HTTP server speaking the UZUM Seller API for any <c>sandbox-…</c> token.
/// Routes are served both at the root and under <see cref="BasePath"/>, so either form of Uzum:BaseUrl works.
/// Tests script faults through <see cref="Faults"/> and read what was asked from <see cref="RequestLog"/>.
/// </summary>
public sealed class SandboxServer : IAsyncDisposable
{
    public const string BasePath = "/api/seller-openapi";

    private readonly SandboxOptions _options;
    private readonly TimeProvider _time;
    private readonly SandboxResponses _responses;
    private WebApplication? _app;

    public SandboxServer(SandboxOptions? options = null, TimeProvider? time = null)
    {
        _options = options ?? new SandboxOptions();
        _time = time ?? TimeProvider.System;
        _responses = new SandboxResponses(_time);
        Data = new SandboxData(_time);
        Faults = new SandboxFaults(_options.FaultRate);
        RateLimiter = new SandboxRateLimiter(_options.BurstCapacity, _options.ReplenishRate);
    }

    public SandboxData Data { get; }
    public SandboxFaults Faults { get; }
    public SandboxRequestLog RequestLog { get; } = new();
    public SandboxRateLimiter RateLimiter { get; }

    /// <summary>The bound root address, e.g. http://127.0.0.1:41234 (available after <see cref="StartAsync"/>).</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The root address plus <see cref="BasePath"/>, as the real API is addressed.</summary>
    public string ApiBaseUrl => BaseUrl + BasePath;

    /// <summary>Builds a sandbox app without starting it (for hosting it next to the bot).</summary>
    public static WebApplication Build(SandboxOptions options, string[] urls, TimeProvider? time = null) =>
        new SandboxServer(options, time).CreateApp(urls);

    /// <summary>Starts listening (port 0 picks a free port) and returns the actual root address.</summary>
    public async Task<string> StartAsync(string url = "http://127.0.0.1:0", CancellationToken ct = default)
    {
        if (_app is not null) throw new InvalidOperationException("The sandbox server is already started.");
        _app = CreateApp([url]);
        await _app.StartAsync(ct);
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().TrimEnd('/');
        return BaseUrl;
    }

    public async Task StopAsync()
    {
        if (_app is null) return;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _app = null;
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    public WebApplication CreateApp(string[] urls)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseUrls(urls);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();

        app.Use(Gateway);
        var api = new SandboxApi(_responses, _time);
        api.Map(app);
        api.Map(app.MapGroup(BasePath));
        // the real API answers 403, not 404, for routes it does not have
        app.MapFallback(() => _responses.Error(403, "access-denied"));
        return app;
    }

    private static string RelativePath(PathString path) =>
        path.StartsWithSegments(BasePath, StringComparison.OrdinalIgnoreCase, out var rest) ? (rest.HasValue ? rest.Value! : "/") : path.Value ?? "/";

    /// <summary>What UZUM's gateway does before a request reaches the service: rate limit, auth, then the test's faults.</summary>
    private async Task Gateway(HttpContext c, RequestDelegate next)
    {
        var arrivedAt = System.Diagnostics.Stopwatch.GetTimestamp();
        var method = c.Request.Method;
        var path = RelativePath(c.Request.Path);
        var abandoned = false;
        try
        {
            var token = c.Request.Headers.Authorization.ToString();
            var decision = RateLimiter.Take(token);
            AddRateHeaders(c.Response, decision);
            if (!decision.Allowed)
            {
                // like Spring Cloud Gateway: 429 with an empty body; Retry-After is the sandbox's courtesy
                c.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                c.Response.Headers.RetryAfter = decision.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return;
            }
            if (!SandboxSeller.IsSandboxToken(token))
            {
                await WriteError(c, 403, UzumErrorCodes.TokenNotFound);
                return;
            }
            c.Items[SandboxApi.SellerKey] = Data.For(token);

            if (_options.LatencyMs > 0) await Task.Delay(_options.LatencyMs, c.RequestAborted);
            var delay = Faults.TakeDelay(method, path);
            if (delay > TimeSpan.Zero) await Task.Delay(delay, c.RequestAborted);
            if ((Faults.TakeFailure(method, path) ?? Faults.RandomFailure()) is { } failure)
            {
                if (failure.Status == StatusCodes.Status429TooManyRequests)
                {
                    c.Response.StatusCode = failure.Status;
                    c.Response.Headers.RetryAfter = "1";
                }
                else await WriteError(c, failure.Status, failure.Code ?? "internal-error");
                return;
            }
            if (Faults.TakeFailureAfterApplying(method, path) is { } lost)
            {
                await RunThenLoseResponse(c, next, lost, decision);
                return;
            }
            await next(c);
        }
        catch (OperationCanceledException) when (c.RequestAborted.IsCancellationRequested)
        {
            // the client gave up (a timeout test): nothing to answer; logged as 499 like nginx does
            abandoned = true;
        }
        finally
        {
            RequestLog.Add(new SandboxRequest(method, path, c.Request.QueryString.Value ?? "", abandoned ? 499 : c.Response.StatusCode, arrivedAt));
        }
    }

    private async Task RunThenLoseResponse(HttpContext c, RequestDelegate next, int status, SandboxRateLimiter.Decision decision)
    {
        var original = c.Response.Body;
        using (var discarded = new MemoryStream())
        {
            c.Response.Body = discarded;
            try
            {
                await next(c);
            }
            finally
            {
                c.Response.Body = original;
            }
        }
        c.Response.Clear();
        AddRateHeaders(c.Response, decision);
        await WriteError(c, status, "internal-error", "Gateway Timeout");
    }

    private void AddRateHeaders(HttpResponse response, SandboxRateLimiter.Decision d)
    {
        var h = response.Headers;
        h["X-RateLimit-Remaining"] = d.Remaining.ToString(System.Globalization.CultureInfo.InvariantCulture);
        h["X-RateLimit-Replenish-Rate"] = RateLimiter.ReplenishRate.ToString(System.Globalization.CultureInfo.InvariantCulture);
        h["X-RateLimit-Burst-Capacity"] = RateLimiter.BurstCapacity.ToString(System.Globalization.CultureInfo.InvariantCulture);
        h["X-RateLimit-Requested-Tokens"] = "1";
        h["X-RateLimit-Limit-Per-Day"] = SandboxRateLimiter.LimitPerDay.ToString(System.Globalization.CultureInfo.InvariantCulture);
        h["X-RateLimit-Remaining-Per-Day"] = d.RemainingPerDay.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private Task WriteError(HttpContext c, int status, string code, string? message = null)
    {
        c.Response.StatusCode = status;
        c.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(c.Response.Body, _responses.ErrorBody(status, code, message), SandboxJson.Options, c.RequestAborted);
    }
}
