using System.Net;
using UzumBot.Uzum.Sandbox;

namespace UzumBot.Tests.Sandbox;

public class SandboxConcurrencyTests(SandboxHarness h) : IClassFixture<SandboxHarness>
{
    [Fact]
    public async Task Parallel_confirms_of_one_order_succeed_exactly_once()
    {
        var shop = (await h.ShopIds("sandbox-parallel"))[0];
        var orders = (await h.Get($"v2/fbs/orders?shopIds={shop}&status=CREATED&size=50", "sandbox-parallel")).Payload.GetProperty("orders");
        var id = orders.EnumerateArray()
            .First(o => o.GetProperty("acceptUntil").GetInt64() > DateTimeOffset.UtcNow.AddHours(3).ToUnixTimeMilliseconds())
            .GetProperty("id").GetInt64();
        var replies = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => h.Post($"v1/fbs/order/{id}/confirm", token: "sandbox-parallel")));
        Assert.Single(replies, r => r.Status == HttpStatusCode.OK);
        Assert.All(replies.Where(r => r.Status != HttpStatusCode.OK), r => Assert.Equal("seller-order-02", r.ErrorCode));
        Assert.Equal(16, h.Server.RequestLog.Count("POST", $"/v1/fbs/order/{id}/confirm"));
    }

    [Fact]
    public async Task First_requests_of_a_new_seller_in_parallel_see_one_data_set()
    {
        var replies = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => h.Get("v1/shops", "sandbox-race")));
        Assert.Single(replies.Select(r => r.Text).Distinct());
    }

    [Theory]
    [InlineData("/v1/fbs/order/*/cancel", "/v1/fbs/order/123/cancel", true)]
    [InlineData("/v1/fbs/order/.../cancel", "/v1/fbs/order/123/cancel", true)]
    [InlineData("/v1/fbs/order/*/cancel", "/v1/fbs/order/123/confirm", false)]
    [InlineData("/v2/fbs/orders", "/v2/fbs/orders/count", true)]
    [InlineData("/v2/fbs/orders/count", "/v2/fbs/orders", false)]
    [InlineData("/v1/shops", "/v1/shops", true)]
    public void Fault_patterns_match_by_segments(string pattern, string path, bool expected) =>
        Assert.Equal(expected, SandboxPath.Matches(pattern, path));
}
