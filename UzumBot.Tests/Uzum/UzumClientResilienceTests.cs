using UzumBot.Uzum;

namespace UzumBot.Tests.Uzum;

/// <summary>
/// Retries, timeouts, Retry-After and the per-token throttle, measured by the server's arrival timestamps.
/// Spacing asserts allow ~50 ms of arrival jitter below the configured interval; without the throttle the gaps are ~0.
/// </summary>
public class UzumClientResilienceTests
{
    private static readonly UzumToken Token = UzumHarness.Token;
    private const string OrderBody = """{"payload":{"id":7,"status":"CANCELED","shopId":70412}}""";

    [Fact]
    public async Task Get_is_retried_on_500_503_429_and_succeeds_on_a_later_attempt()
    {
        var faults = new[] { Reply.Empty(500), Reply.Empty(503), Reply.Empty(429) };
        await using var h = await UzumHarness.StartAsync(r => r.Index < faults.Length ? faults[r.Index] : Reply.Json("""[{"id":1}]"""));

        var shops = await h.Client.GetShopsAsync(Token, CancellationToken.None);

        Assert.Single(shops);
        Assert.Equal(4, h.Server.Requests.Count);
    }

    [Fact]
    public async Task Get_gives_up_after_MaxGetAttempts_with_unavailable()
    {
        await using var h = await UzumHarness.StartAsync(_ => Reply.Empty(503), o => o.MaxGetAttempts = 3);

        var ex = await Assert.ThrowsAsync<UzumUnavailableException>(() => h.Client.GetShopsAsync(Token, CancellationToken.None));

        Assert.Contains("503", ex.Message);
        Assert.Equal(3, h.Server.Requests.Count);
    }

    [Fact]
    public async Task Get_that_times_out_is_retried()
    {
        await using var h = await UzumHarness.StartAsync(
            r => r.Index == 0 ? Reply.Json("[]") with { Delay = TimeSpan.FromSeconds(3) } : Reply.Json("""[{"id":1}]"""),
            o => o.AttemptTimeoutSeconds = 1);

        var shops = await h.Client.GetShopsAsync(Token, CancellationToken.None);

        Assert.Single(shops);
        Assert.Equal(2, h.Server.Requests.Count);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(429)]
    public async Task S3_post_that_fails_transiently_is_sent_exactly_once(int status)
    {
        await using var h = await UzumHarness.StartAsync(_ => Reply.Empty(status, status == 429 ? "0" : null));

        await Assert.ThrowsAsync<UzumUnavailableException>(() => h.Client.CancelOrderAsync(Token, 7, "OUT_OF_STOCK", null, CancellationToken.None));
        await Assert.ThrowsAsync<UzumUnavailableException>(() => h.Client.ConfirmOrderAsync(Token, 8, CancellationToken.None));

        Assert.Equal(["v1/fbs/order/7/cancel", "v1/fbs/order/8/confirm"], h.Server.Sorted.Select(r => r.Path));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task A_5xx_with_an_errors_envelope_is_unavailable_not_an_api_refusal(int status)
    {
        // a gateway/service error wrapped in UZUM's envelope is still "UZUM is down": screens show
        // "temporarily unavailable", and a failed POST is reconciled by reading the order back
        const string body = """{"payload":null,"errors":[{"code":"internal-error","message":"Внутренняя ошибка сервера"}],"trace":"ab","error":"Internal Server Error"}""";
        await using var h = await UzumHarness.StartAsync(_ => Reply.Json(body, status), o => o.MaxGetAttempts = 2);

        var get = await Assert.ThrowsAsync<UzumUnavailableException>(() => h.Client.GetShopsAsync(Token, CancellationToken.None));
        var post = await Assert.ThrowsAsync<UzumUnavailableException>(() => h.Client.CancelOrderAsync(Token, 7, "OUT_OF_STOCK", null, CancellationToken.None));

        Assert.Equal("internal-error", Assert.Single(get.Errors).Code);
        Assert.Contains(status.ToString(), post.Message);
        Assert.Equal(["GET", "GET", "POST"], h.Server.Sorted.Select(r => r.Method));
    }

    [Fact]
    public async Task S3_post_that_times_out_is_sent_once_and_the_order_is_read_back()
    {
        // UZUM cancels, but the answer comes too late; the caller reconciles by reading the order.
        await using var h = await UzumHarness.StartAsync(
            r => r.Method == "POST" ? Reply.Json("""{"payload":null}""") with { Delay = TimeSpan.FromSeconds(3) } : Reply.Json(OrderBody),
            o => o.AttemptTimeoutSeconds = 1);

        var ex = await Assert.ThrowsAsync<UzumUnavailableException>(() => h.Client.CancelOrderAsync(Token, 7, "OUT_OF_STOCK", null, CancellationToken.None));
        var order = await h.Client.TryReadOrderAsync(Token, 7, CancellationToken.None);

        Assert.IsType<TimeoutException>(ex.InnerException);
        Assert.Equal(["POST", "GET"], h.Server.Sorted.Select(r => r.Method));
        Assert.Equal(OrderStatuses.Canceled, order!.Status);
    }

    [Fact]
    public async Task TryReadOrder_is_null_when_the_order_cannot_be_read()
    {
        await using var h = await UzumHarness.StartAsync(_ => Reply.Empty(503), o => o.MaxGetAttempts = 2);
        Assert.Null(await h.Client.TryReadOrderAsync(Token, 7, CancellationToken.None));
    }

    [Fact]
    public async Task Retry_after_in_seconds_is_honoured_before_the_retry()
    {
        await using var h = await UzumHarness.StartAsync(r => r.Index == 0 ? Reply.Empty(429, "1") : Reply.Json("[]"),
            o => o.BackoffBaseMs = 1);

        await h.Client.GetShopsAsync(Token, CancellationToken.None);

        var reqs = h.Server.Sorted;
        Assert.Equal(2, reqs.Count);
        Assert.True(reqs[1].MsSince(reqs[0]) >= 950, $"retried after {reqs[1].MsSince(reqs[0]):0} ms");
    }

    [Fact]
    public async Task Retry_after_pauses_the_token_for_other_callers_too()
    {
        var firstSeen = new TaskCompletionSource();
        await using var h = await UzumHarness.StartAsync(r =>
        {
            if (r.Index == 0) { firstSeen.SetResult(); return Reply.Empty(429, "1") with { Delay = TimeSpan.FromMilliseconds(50) }; }
            return Reply.Json("[]");
        }, o => { o.BackoffBaseMs = 1; o.MaxGetAttempts = 1; });

        var a = h.Client.GetShopsAsync(Token, CancellationToken.None);
        await firstSeen.Task;
        await Assert.ThrowsAsync<UzumUnavailableException>(() => a); // no retries allowed: A fails, the pause stays
        await h.Client.GetShopsAsync(Token, CancellationToken.None);  // B, same token, must wait the pause out

        var reqs = h.Server.Sorted;
        Assert.True(reqs[1].MsSince(reqs[0]) >= 950, $"second request after {reqs[1].MsSince(reqs[0]):0} ms");
    }

    [Fact]
    public async Task Retry_after_longer_than_the_cap_fails_fast_and_says_when()
    {
        await using var h = await UzumHarness.StartAsync(_ => Reply.Empty(429, "120"));

        var ex = await Assert.ThrowsAsync<UzumUnavailableException>(() => h.Client.GetShopsAsync(Token, CancellationToken.None));

        Assert.Equal(TimeSpan.FromSeconds(120), ex.RetryAfter);
        Assert.Single(h.Server.Requests);
    }

    [Fact]
    public async Task Requests_of_one_token_are_spaced_by_the_interval()
    {
        await using var h = await UzumHarness.StartAsync(_ => Reply.Json("[]"), o => o.MinRequestIntervalMs = 200);
        await h.WarmUpAsync();

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => h.Client.GetShopsAsync(Token, CancellationToken.None)));

        var at = h.Server.Requests.OrderBy(r => r.At).ToList();
        Assert.Equal(3, at.Count);
        for (var i = 1; i < at.Count; i++)
            Assert.True(at[i].MsSince(at[i - 1]) >= 150, $"gap {i}: {at[i].MsSince(at[i - 1]):0} ms");
    }

    [Fact]
    public async Task Different_tokens_are_not_serialized_behind_each_other()
    {
        var other = new UzumToken("OtherSellerToken0002xyz");
        await using var h = await UzumHarness.StartAsync(_ => Reply.Json("[]"), o => o.MinRequestIntervalMs = 400);
        await h.WarmUpAsync();

        await Task.WhenAll(
            h.Client.GetShopsAsync(Token, CancellationToken.None),
            h.Client.GetShopsAsync(Token, CancellationToken.None),
            h.Client.GetShopsAsync(other, CancellationToken.None));

        var mine = h.Server.Requests.Where(r => r.Authorization == Token.Value).OrderBy(r => r.At).ToList();
        var theirs = Assert.Single(h.Server.Requests, r => r.Authorization == other.Value);
        Assert.True(mine[1].MsSince(mine[0]) >= 340, $"same-token gap {mine[1].MsSince(mine[0]):0} ms");
        Assert.True(theirs.At < mine[1].At, "the other token's request waited for this token's slot");
    }

    [Fact]
    public async Task Two_clients_from_the_same_container_share_the_token_throttle()
    {
        await using var h = await UzumHarness.StartAsync(_ => Reply.Json("[]"), o => o.MinRequestIntervalMs = 200);
        var one = h.Client;
        var two = h.Client; // typed clients are transient: two instances, one registry
        await h.WarmUpAsync();

        Assert.NotSame(one, two);
        await Task.WhenAll(one.GetShopsAsync(Token, CancellationToken.None), two.GetShopsAsync(Token, CancellationToken.None));

        var at = h.Server.Requests.OrderBy(r => r.At).ToList();
        Assert.True(at[1].MsSince(at[0]) >= 150, $"gap {at[1].MsSince(at[0]):0} ms");
    }
}
