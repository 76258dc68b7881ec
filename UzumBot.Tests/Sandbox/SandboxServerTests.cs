using System.Net;
using System.Text.Json;
using UzumBot.Uzum.Sandbox;

namespace UzumBot.Tests.Sandbox;

public class SandboxServerTests(SandboxHarness h) : IClassFixture<SandboxHarness>
{
    private static long Seconds(DateTimeOffset at) => at.ToUnixTimeSeconds();

    private async Task<long> FirstOrder(string status, string scheme = "FBS", int shopIndex = 0, Func<JsonElement, bool>? where = null)
    {
        var shop = (await h.ShopIds())[shopIndex];
        var orders = (await h.Get($"v2/fbs/orders?shopIds={shop}&status={status}&scheme={scheme}&size=50")).Payload.GetProperty("orders");
        return orders.EnumerateArray().First(o => where?.Invoke(o) ?? true).GetProperty("id").GetInt64();
    }

    [Theory]
    [InlineData("Bearer " + SandboxSeller.DemoToken)]
    [InlineData("some-real-looking-token")]
    [InlineData(null)]
    public async Task Bad_tokens_get_403_token_not_found(string? token)
    {
        var reply = await h.Get("v1/shops", token);
        Assert.Equal(HttpStatusCode.Forbidden, reply.Status);
        Assert.Equal("forbidden-001", reply.ErrorCode);
        Assert.Equal("Token not found", reply.Json.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Both_base_paths_work_and_unknown_routes_are_403()
    {
        Assert.Equal(HttpStatusCode.OK, (await h.Get("v1/shops")).Status);
        Assert.Equal(HttpStatusCode.OK, (await h.Get("api/seller-openapi/v1/shops")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await h.Get("v1/finance/payments")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await h.Get("api/seller-openapi/payouts")).Status);
    }

    [Fact]
    public async Task Other_sellers_shop_is_forbidden()
    {
        var foreign = (await h.ShopIds("sandbox-someone-else"))[0];
        Assert.Equal(HttpStatusCode.Forbidden, (await h.Get($"v1/product/shop/{foreign}?page=0&size=10")).Status);
        var orders = await h.Get($"v2/fbs/orders?shopIds={foreign}");
        Assert.Equal("fbs-2-seller-access-denied", orders.ErrorCode);
    }

    [Fact]
    public async Task Orders_list_validates_like_uzum()
    {
        var shop = (await h.ShopIds())[0];
        Assert.Equal("bad-request-001", (await h.Get($"v2/fbs/orders?shopIds={shop}&size=51")).ErrorCode);
        Assert.Equal("bad-request-001", (await h.Get($"v2/fbs/orders?shopIds={shop}&status=NEW")).ErrorCode);
        Assert.Equal("bad-request-001", (await h.Get($"v2/fbs/orders?shopIds={shop}&status=CREATED,PACKING")).ErrorCode);
        Assert.Equal("bad-request-001", (await h.Get("v2/fbs/orders?status=CREATED")).ErrorCode);
        var now = DateTimeOffset.UtcNow;
        Assert.Equal("seller-order-12", (await h.Get($"v2/fbs/orders?shopIds={shop}&dateFrom={Seconds(now)}&dateTo={Seconds(now.AddDays(-1))}")).ErrorCode);
    }

    [Fact]
    public async Task Created_orders_page_past_fifty_newest_first()
    {
        var shop = (await h.ShopIds())[0];
        var first = (await h.Get($"v2/fbs/orders?shopIds={shop}&page=0&size=50")).Payload;
        var second = (await h.Get($"v2/fbs/orders?shopIds={shop}&page=1&size=50")).Payload;
        var total = first.GetProperty("totalAmount").GetInt64();
        Assert.True(total >= 60);
        Assert.Equal(50, first.GetProperty("orders").GetArrayLength());
        Assert.Equal(total - 50, second.GetProperty("orders").GetArrayLength());
        var dates = first.GetProperty("orders").EnumerateArray().Concat(second.GetProperty("orders").EnumerateArray())
            .Select(o => o.GetProperty("dateCreated").GetInt64()).ToList();
        Assert.Equal(dates.OrderByDescending(d => d), dates);
        Assert.All(first.GetProperty("orders").EnumerateArray(), o => Assert.Equal("CREATED", o.GetProperty("status").GetString()));
        // default page size is 20
        Assert.Equal(20, (await h.Get($"v2/fbs/orders?shopIds={shop}")).Payload.GetProperty("orders").GetArrayLength());
    }

    [Fact]
    public async Task Dates_on_orders_accept_seconds_and_milliseconds()
    {
        var shop = (await h.ShopIds())[0];
        var from = DateTimeOffset.UtcNow.AddDays(-130);
        var to = DateTimeOffset.UtcNow.AddDays(1);
        var inSeconds = await h.Get($"v2/fbs/orders?shopIds={shop}&status=COMPLETED&dateFrom={Seconds(from)}&dateTo={Seconds(to)}");
        var inMs = await h.Get($"v2/fbs/orders?shopIds={shop}&status=COMPLETED&dateFrom={from.ToUnixTimeMilliseconds()}&dateTo={to.ToUnixTimeMilliseconds()}");
        Assert.True(inSeconds.Payload.GetProperty("totalAmount").GetInt64() > 0);
        Assert.Equal(inSeconds.Payload.GetProperty("totalAmount").GetInt64(), inMs.Payload.GetProperty("totalAmount").GetInt64());
    }

    [Fact]
    public async Task Both_shops_in_one_call_with_repeated_keys()
    {
        var shops = await h.ShopIds();
        var both = (await h.Get($"v2/fbs/orders?shopIds={shops[0]}&shopIds={shops[1]}&status=COMPLETED")).Payload.GetProperty("totalAmount").GetInt64();
        var one = (await h.Get($"v2/fbs/orders?shopIds={shops[0]}&status=COMPLETED")).Payload.GetProperty("totalAmount").GetInt64();
        Assert.True(both > one);
        var logged = h.Server.RequestLog.Matching("GET", "/v2/fbs/orders").Last(r => r.QueryValues("shopIds").Count == 2);
        Assert.Equal([shops[0].ToString(), shops[1].ToString()], logged.QueryValues("shopIds"));
    }

    [Fact]
    public async Task Count_is_fbs_only()
    {
        var shop = (await h.ShopIds())[0];
        var count = (await h.Get($"v2/fbs/orders/count?shopIds={shop}&status=CREATED")).Payload.GetInt64();
        var fbs = (await h.Get($"v2/fbs/orders?shopIds={shop}&status=CREATED&scheme=FBS")).Payload.GetProperty("totalAmount").GetInt64();
        var all = (await h.Get($"v2/fbs/orders?shopIds={shop}&status=CREATED")).Payload.GetProperty("totalAmount").GetInt64();
        Assert.Equal(fbs, count);
        Assert.True(all > fbs);
    }

    [Fact]
    public async Task Single_order_and_unknown_order()
    {
        var id = await FirstOrder("DELIVERING");
        var reply = await h.Get($"v1/fbs/order/{id}");
        Assert.Equal(id, reply.Payload.GetProperty("id").GetInt64());
        Assert.Equal("seller-order-01", (await h.Get("v1/fbs/order/1")).ErrorCode);
        Assert.Equal("seller-order-01", (await h.Get($"v1/fbs/order/{id}", "sandbox-someone-else")).ErrorCode);
    }

    [Fact]
    public async Task Confirm_twice_fails_the_second_time()
    {
        var id = await FirstOrder("CREATED", where: o => o.GetProperty("acceptUntil").GetInt64() > DateTimeOffset.UtcNow.AddHours(3).ToUnixTimeMilliseconds());
        var first = await h.Post($"v1/fbs/order/{id}/confirm");
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal("PACKING", first.Payload.GetProperty("status").GetString());
        var second = await h.Post($"v1/fbs/order/{id}/confirm");
        Assert.Equal(HttpStatusCode.BadRequest, second.Status);
        Assert.Equal("seller-order-02", second.ErrorCode);
    }

    [Fact]
    public async Task Cancel_rules()
    {
        var id = await FirstOrder("CREATED", shopIndex: 1);
        Assert.Equal("seller-order-12", (await h.Post($"v1/fbs/order/{id}/cancel", new { reason = "MARKET_REASON" })).ErrorCode);
        var ok = await h.Post($"v1/fbs/order/{id}/cancel", new { reason = "OUT_OF_STOCK", comment = "Omborda qolmadi" });
        Assert.Equal(HttpStatusCode.OK, ok.Status);
        Assert.Equal("CANCELED", (await h.Get($"v1/fbs/order/{id}")).Payload.GetProperty("status").GetString());
        Assert.Equal("seller-order-13", (await h.Post($"v1/fbs/order/{id}/cancel", new { reason = "OUT_OF_STOCK" })).ErrorCode);
        var completed = await FirstOrder("COMPLETED");
        Assert.Equal("seller-order-02", (await h.Post($"v1/fbs/order/{completed}/cancel", new { reason = "OTHER" })).ErrorCode);
    }

    [Fact]
    public async Task Label_rules_and_multi_parcel_array()
    {
        var single = await FirstOrder("PACKING", where: o => o.GetProperty("place").ValueKind == JsonValueKind.Null);
        Assert.Equal("bad-request-001", (await h.Get($"v1/fbs/order/{single}/labels/print")).ErrorCode);
        Assert.Equal("bad-request-001", (await h.Get($"v1/fbs/order/{single}/labels/print?size=SMALL")).ErrorCode);
        var dbs = await FirstOrder("PACKING", scheme: "DBS");
        Assert.Equal("seller-order-02", (await h.Get($"v1/fbs/order/{dbs}/labels/print?size=LARGE")).ErrorCode);
        var canceled = await FirstOrder("CANCELED");
        Assert.Equal("seller-order-02", (await h.Get($"v1/fbs/order/{canceled}/labels/print?size=LARGE")).ErrorCode);

        var multi = await FirstOrder("CREATED", where: o => o.GetProperty("place").ValueKind == JsonValueKind.String);
        var document = (await h.Get($"v1/fbs/order/{multi}/labels/print?size=BIG")).Payload.GetProperty("document");
        Assert.Equal(JsonValueKind.Array, document.ValueKind);
        Assert.True(document.GetArrayLength() >= 2);
        foreach (var pdf in document.EnumerateArray())
            Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(Convert.FromBase64String(pdf.GetString()!)[..4]));
    }

    [Fact]
    public async Task Products_need_page_and_size_and_search_finds_by_barcode_and_code()
    {
        var shop = (await h.ShopIds())[0];
        Assert.Equal("bad-request-001", (await h.Get($"v1/product/shop/{shop}")).ErrorCode);
        Assert.Equal("bad-request-001", (await h.Get($"v1/product/shop/{shop}?page=0")).ErrorCode);
        var all = (await h.Get($"v1/product/shop/{shop}?page=0&size=100")).Json;
        Assert.True(all.GetProperty("totalProductsAmount").GetInt32() >= 60);
        var sku = all.GetProperty("productList")[3].GetProperty("skuList")[0];
        var byBarcode = (await h.Get($"v1/product/shop/{shop}?page=0&size=10&searchQuery={sku.GetProperty("barcode").GetInt64()}")).Json;
        Assert.Equal(1, byBarcode.GetProperty("totalProductsAmount").GetInt32());
        var code = sku.GetProperty("skuFullTitle").GetString()!.ToLowerInvariant();
        var byCode = (await h.Get($"v1/product/shop/{shop}?page=0&size=10&searchQuery={Uri.EscapeDataString(code)}")).Json;
        Assert.True(byCode.GetProperty("totalProductsAmount").GetInt32() >= 1);
    }

    [Fact]
    public async Task Finance_wants_seconds_and_gives_empty_for_milliseconds()
    {
        var shop = (await h.ShopIds())[0];
        var from = DateTimeOffset.UtcNow.AddDays(-130);
        var to = DateTimeOffset.UtcNow.AddDays(1);
        var ms = await h.Get($"v1/finance/orders?shopIds={shop}&dateFrom={from.ToUnixTimeMilliseconds()}&dateTo={to.ToUnixTimeMilliseconds()}&group=false&page=0&size=50");
        Assert.Equal(HttpStatusCode.OK, ms.Status);
        Assert.Equal(0, ms.Json.GetProperty("orderItems").GetArrayLength());
        Assert.Equal(0, ms.Json.GetProperty("totalElements").GetInt32());

        var s = await h.Get($"v1/finance/orders?shopIds={shop}&dateFrom={Seconds(from)}&dateTo={Seconds(to)}&group=false&page=0&size=50");
        Assert.Equal(50, s.Json.GetProperty("orderItems").GetArrayLength());
        Assert.True(s.Json.GetProperty("totalElements").GetInt32() > 50);
        foreach (var line in s.Json.GetProperty("orderItems").EnumerateArray())
            Assert.Equal(line.GetProperty("sellPrice").GetInt64() * line.GetProperty("amount").GetInt64() - line.GetProperty("commission").GetInt64()
                         - line.GetProperty("logisticDeliveryFee").GetInt64(), line.GetProperty("sellerProfit").GetInt64());

        var expensesMs = await h.Get($"v1/finance/expenses?shopIds={shop}&dateFrom={from.ToUnixTimeMilliseconds()}&dateTo={to.ToUnixTimeMilliseconds()}");
        Assert.Equal(0, expensesMs.Payload.GetProperty("payments").GetArrayLength());
        var expensesShopId = await h.Get($"v1/finance/expenses?shopId={shop}&dateFrom={Seconds(from)}&dateTo={Seconds(to)}&size=5");
        Assert.Equal(5, expensesShopId.Payload.GetProperty("payments").GetArrayLength());
    }

    [Fact]
    public async Task Stocks_page_validate_and_updates_stick()
    {
        Assert.Equal("illegal-argument", (await h.Get("v3/fbs/sku/stocks?size=101")).ErrorCode);
        var page = (await h.Get("v3/fbs/sku/stocks?page=0&size=100")).Payload.GetProperty("skuAmountList");
        Assert.Equal(100, page.GetArrayLength());
        var last = page[99].GetProperty("skuId").GetInt64();
        var next = (await h.Get($"v3/fbs/sku/stocks?size=5&skuIdFrom={last}")).Payload.GetProperty("skuAmountList");
        Assert.True(next[0].GetProperty("skuId").GetInt64() > last);
        var everything = (await h.Get("v2/fbs/sku/stocks")).Payload.GetProperty("skuAmountList");
        Assert.True(everything.GetArrayLength() > 100);

        var row = page[7];
        var barcode = row.GetProperty("barcode").GetString()!;
        var update = new { skuAmountList = new[] { new { skuId = row.GetProperty("skuId").GetInt64(), barcode, amount = 42 } } };
        Assert.Equal(HttpStatusCode.OK, (await h.Post("v2/fbs/sku/stocks", update)).Status);
        var bad = new { skuAmountList = new object[] { new { barcode, amount = 1 }, new { barcode = "0000000000000", amount = 1 } } };
        Assert.Equal("storage-service-05", (await h.Post("v2/fbs/sku/stocks", bad)).ErrorCode);
        Assert.Equal("storage-service-05", (await h.Post("v2/fbs/sku/stocks", new { skuAmountList = new[] { new { barcode, amount = -1 } } })).ErrorCode);
        var tooMany = new { skuAmountList = Enumerable.Range(0, 101).Select(_ => new { barcode, amount = 1 }).ToArray() };
        Assert.Equal(HttpStatusCode.BadRequest, (await h.Post("v2/fbs/sku/stocks", tooMany)).Status);

        var after = (await h.Get("v3/fbs/sku/stocks?page=0&size=100")).Payload.GetProperty("skuAmountList")[7];
        Assert.Equal(42, after.GetProperty("amount").GetInt32());
    }

    [Fact]
    public async Task Price_updates_stick()
    {
        var shop = (await h.ShopIds())[1];
        var product = (await h.Get($"v1/product/shop/{shop}?page=0&size=5")).Json.GetProperty("productList")[2];
        var sku = product.GetProperty("skuList")[0];
        var body = new
        {
            productId = product.GetProperty("productId").GetInt64(),
            skuList = new[] { new { skuId = sku.GetProperty("skuId").GetInt64(), fullPrice = 999_000L, sellPrice = 777_000L, skuTitle = sku.GetProperty("skuTitle").GetString() } },
        };
        var reply = await h.Post($"v1/product/{shop}/sendPriceData", body);
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("", reply.Text);
        var after = (await h.Get($"v1/product/shop/{shop}?page=0&size=5")).Json.GetProperty("productList")[2].GetProperty("skuList")[0];
        Assert.Equal(777_000, after.GetProperty("price").GetInt64());
        Assert.Equal(HttpStatusCode.BadRequest, (await h.Post($"v1/product/{shop}/sendPriceData", new { productId = 1, skuList = body.skuList })).Status);
    }

    [Fact]
    public async Task Every_response_carries_rate_limit_headers()
    {
        foreach (var reply in new[] { await h.Get("v1/shops"), await h.Get("v1/shops", "Bearer x"), await h.Get("v9/nothing") })
            foreach (var header in new[] { "X-RateLimit-Remaining", "X-RateLimit-Replenish-Rate", "X-RateLimit-Burst-Capacity",
                         "X-RateLimit-Requested-Tokens", "X-RateLimit-Limit-Per-Day", "X-RateLimit-Remaining-Per-Day" })
                Assert.True(reply.Headers.Contains(header), header);
    }
}
