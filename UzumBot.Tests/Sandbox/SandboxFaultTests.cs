using System.Net;
using UzumBot.Hosting;
using UzumBot.Uzum.Sandbox;

namespace UzumBot.Tests.Sandbox;

public class SandboxFaultTests
{
    private static async Task<SandboxHarness> Start(SandboxOptions? options = null)
    {
        var harness = new SandboxHarness(options ?? new SandboxOptions { BurstCapacity = 10_000, ReplenishRate = 10_000 });
        await harness.InitializeAsync();
        return harness;
    }

    [Fact]
    public async Task Bucket_answers_429_with_empty_body_and_retry_after()
    {
        var h = await Start(new SandboxOptions { BurstCapacity = 3, ReplenishRate = 1 });
        try
        {
            // a slow machine may refill a token between calls, so call until the bucket is empty
            var ok = 0;
            Reply limited;
            while ((limited = await h.Get("v1/shops")).Status == HttpStatusCode.OK && ok < 20) ok++;
            Assert.InRange(ok, 3, 19);
            Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
            Assert.Equal("", limited.Text);
            Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
            Assert.Equal("0", limited.Headers.GetValues("X-RateLimit-Remaining").Single());
            Assert.Equal("3", limited.Headers.GetValues("X-RateLimit-Burst-Capacity").Single());
            // the bucket is per token: another seller is not affected
            Assert.Equal(HttpStatusCode.OK, (await h.Get("v1/shops", "sandbox-another")).Status);
            await Task.Delay(1100);
            Assert.Equal(HttpStatusCode.OK, (await h.Get("v1/shops")).Status);
        }
        finally
        {
            await h.DisposeAsync();
        }
    }

    [Fact]
    public async Task Fail_next_scripts_errors_for_one_route()
    {
        var h = await Start();
        try
        {
            h.Server.Faults.FailNext("GET", "/v1/shops", count: 2, statusCode: 503);
            var first = await h.Get("v1/shops");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, first.Status);
            Assert.Equal(JsonValueKindNull, first.Json.GetProperty("payload").ValueKind);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await h.Get("api/seller-openapi/v1/shops")).Status);
            Assert.Equal(HttpStatusCode.OK, (await h.Get("v1/shops")).Status);
            Assert.Equal(3, h.Server.RequestLog.Count("GET", "/v1/shops"));
        }
        finally
        {
            await h.DisposeAsync();
        }
    }

    [Fact]
    public async Task Fail_next_can_script_a_429_or_an_uzum_error_code()
    {
        var h = await Start();
        try
        {
            h.Server.Faults.FailNext("GET", "/v1/shops", statusCode: 429);
            var limited = await h.Get("v1/shops");
            Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
            Assert.Equal("", limited.Text);
            Assert.Equal(TimeSpan.FromSeconds(1), limited.Headers.RetryAfter?.Delta);

            h.Server.Faults.FailNext("GET", "/v1/fbs/order/*/labels/print", statusCode: 400, errorCode: "seller-order-14");
            Assert.Equal("seller-order-14", (await h.Get("v1/fbs/order/1/labels/print?size=LARGE")).ErrorCode);
        }
        finally
        {
            await h.DisposeAsync();
        }
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    [Fact]
    public async Task Fail_after_applying_cancels_but_loses_the_response()
    {
        var h = await Start();
        try
        {
            var shop = (await h.ShopIds())[0];
            var id = (await h.Get($"v2/fbs/orders?shopIds={shop}&status=CREATED&scheme=FBS")).Payload.GetProperty("orders")[0].GetProperty("id").GetInt64();
            h.Server.Faults.FailAfterApplying("POST", "/v1/fbs/order/*/cancel");
            var lost = await h.Post($"v1/fbs/order/{id}/cancel", new { reason = "OUT_OF_TIME" });
            Assert.Equal(HttpStatusCode.GatewayTimeout, lost.Status);
            Assert.True(lost.Headers.Contains("X-RateLimit-Remaining"));
            Assert.Equal("CANCELED", (await h.Get($"v1/fbs/order/{id}")).Payload.GetProperty("status").GetString());
            Assert.Equal(1, h.Server.RequestLog.Count("POST", $"/v1/fbs/order/{id}/cancel"));
        }
        finally
        {
            await h.DisposeAsync();
        }
    }

    [Fact]
    public async Task Delay_next_lets_a_client_time_out()
    {
        var h = await Start();
        try
        {
            h.Server.Faults.DelayNext("GET", "/v1/shops", TimeSpan.FromSeconds(5));
            using var impatient = new HttpClient { BaseAddress = h.Http.BaseAddress, Timeout = TimeSpan.FromMilliseconds(300) };
            impatient.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", SandboxSeller.DemoToken);
            await Assert.ThrowsAnyAsync<TaskCanceledException>(() => impatient.GetAsync("v1/shops"));
            Assert.Equal(HttpStatusCode.OK, (await h.Get("v1/shops")).Status);
            for (var i = 0; i < 50 && h.Server.RequestLog.Count("GET", "/v1/shops") < 2; i++) await Task.Delay(20);
            Assert.Contains(h.Server.RequestLog.Entries, e => e.Status == 499);
        }
        finally
        {
            await h.DisposeAsync();
        }
    }

    [Fact]
    public async Task Fault_rate_fails_an_exact_share()
    {
        var h = await Start(new SandboxOptions { BurstCapacity = 10_000, ReplenishRate = 10_000, FaultRate = 0.25 });
        try
        {
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 20; i++) statuses.Add((await h.Get("v1/shops")).Status);
            Assert.Equal(5, statuses.Count(s => (int)s >= 500));
            Assert.Equal(15, statuses.Count(s => s == HttpStatusCode.OK));
        }
        finally
        {
            await h.DisposeAsync();
        }
    }

    [Fact]
    public async Task Latency_option_slows_every_request()
    {
        var h = await Start(new SandboxOptions { BurstCapacity = 10_000, ReplenishRate = 10_000, LatencyMs = 150 });
        try
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await h.Get("v1/shops");
            Assert.True(watch.ElapsedMilliseconds >= 140);
        }
        finally
        {
            await h.DisposeAsync();
        }
    }
}
