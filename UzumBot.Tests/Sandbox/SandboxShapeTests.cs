using System.Text.Json;

namespace UzumBot.Tests.Sandbox;

/// <summary>Every endpoint with a shared fixture answers with the same keys (top level and first item).</summary>
public class SandboxShapeTests(SandboxHarness h) : IClassFixture<SandboxHarness>
{
    private static void SameKeys(JsonElement? expected, JsonElement actual, string what)
    {
        if (expected is null) return; // fixture file absent (e.g. on CI without /work/shared)
        Assert.True(Fixtures.Keys(expected.Value).SetEquals(Fixtures.Keys(actual)),
            $"{what}: expected [{string.Join(",", Fixtures.Keys(expected.Value))}] got [{string.Join(",", Fixtures.Keys(actual))}]");
    }

    private static void SameItemKeys(JsonElement? expected, JsonElement actual, string what)
    {
        if (expected is null) return;
        Assert.Equal(JsonValueKind.Array, actual.ValueKind);
        Assert.NotEqual(0, actual.GetArrayLength());
        SameKeys(Fixtures.First(expected.Value), actual[0], what);
    }

    [Fact]
    public async Task Shops_are_a_bare_array()
    {
        var reply = await h.Get("v1/shops");
        SameItemKeys(Fixtures.Get("GET /v1/shops"), reply.Json, "shop");
        Assert.Equal(2, reply.Json.GetArrayLength());
    }

    [Fact]
    public async Task Products_page_matches()
    {
        var shop = (await h.ShopIds())[0];
        var reply = await h.Get($"v1/product/shop/{shop}?page=0&size=100");
        var fx = Fixtures.Get("GET /v1/product/shop/");
        SameKeys(fx, reply.Json, "products");
        SameItemKeys(fx?.GetProperty("productList"), reply.Json.GetProperty("productList"), "product");
        SameItemKeys(fx?.GetProperty("productList")[0].GetProperty("skuList"), reply.Json.GetProperty("productList")[0].GetProperty("skuList"), "sku");
        Assert.Equal(JsonValueKind.Number, reply.Json.GetProperty("productList")[0].GetProperty("skuList")[0].GetProperty("barcode").ValueKind);
    }

    [Fact]
    public async Task Orders_page_matches()
    {
        var shop = (await h.ShopIds())[0];
        var reply = await h.Get($"v2/fbs/orders?shopIds={shop}&status=DELIVERING&page=0&size=50");
        var fx = Fixtures.Get("GET /v2/fbs/orders?");
        SameKeys(fx, reply.Json, "orders envelope");
        SameKeys(fx?.GetProperty("payload"), reply.Payload, "orders payload");
        var orders = reply.Payload.GetProperty("orders");
        SameItemKeys(fx?.GetProperty("payload").GetProperty("orders"), orders, "order");
        SameItemKeys(fx?.GetProperty("payload").GetProperty("orders")[0].GetProperty("orderItems"), orders[0].GetProperty("orderItems"), "order item");
        Assert.Equal(JsonValueKind.Number, orders[0].GetProperty("dateCreated").ValueKind);
    }

    [Fact]
    public async Task Count_return_reasons_and_label_match()
    {
        var shop = (await h.ShopIds())[0];
        var count = await h.Get($"v2/fbs/orders/count?shopIds={shop}&status=CREATED");
        SameKeys(Fixtures.Get("GET /v2/fbs/orders/count"), count.Json, "count");
        Assert.Equal(JsonValueKind.Number, count.Payload.ValueKind);

        var reasons = await h.Get("v1/fbs/order/return-reasons");
        var fx = Fixtures.Get("GET /v1/fbs/order/return-reasons");
        SameKeys(fx, reasons.Json, "reasons");
        SameItemKeys(fx?.GetProperty("payload").GetProperty("reasons"), reasons.Payload.GetProperty("reasons"), "reason");
        Assert.Equal(["OUT_OF_STOCK", "OUT_OF_PACKAGE", "OUT_OF_TIME", "OTHER"],
            reasons.Payload.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("reason").GetString()));

        var order = (await h.Get($"v2/fbs/orders?shopIds={shop}&status=PACKING&scheme=FBS&size=50")).Payload.GetProperty("orders")
            .EnumerateArray().First(o => o.GetProperty("place").ValueKind == JsonValueKind.Null).GetProperty("id").GetInt64();
        var label = await h.Get($"v1/fbs/order/{order}/labels/print?size=LARGE");
        SameKeys(Fixtures.Get("GET /v1/fbs/order/{orderId}/labels/print"), label.Json, "label");
        Assert.Equal(JsonValueKind.String, label.Payload.GetProperty("document").ValueKind);
    }

    [Fact]
    public async Task Finance_expenses_and_stocks_match()
    {
        var shop = (await h.ShopIds())[0];
        var to = DateTimeOffset.UtcNow.AddDays(1).ToUnixTimeSeconds();
        var from = DateTimeOffset.UtcNow.AddDays(-130).ToUnixTimeSeconds();
        var finance = await h.Get($"v1/finance/orders?shopIds={shop}&dateFrom={from}&dateTo={to}&group=false&page=0&size=50");
        var fx = Fixtures.Get("GET /v1/finance/orders?shopIds");
        SameKeys(fx, finance.Json, "finance");
        SameItemKeys(fx?.GetProperty("orderItems"), finance.Json.GetProperty("orderItems"), "finance line");

        var grouped = await h.Get($"v1/finance/orders?shopIds={shop}&dateFrom={from}&dateTo={to}&group=true&page=0&size=50");
        var gfx = Fixtures.Get("GET /v1/finance/orders?...&group=true");
        SameItemKeys(gfx?.GetProperty("orderItems"), grouped.Json.GetProperty("orderItems"), "finance group");
        SameItemKeys(gfx?.GetProperty("orderItems")[0].GetProperty("items"), grouped.Json.GetProperty("orderItems")[0].GetProperty("items"), "finance group item");

        var expenses = await h.Get($"v1/finance/expenses?shopIds={shop}&dateFrom={from}&dateTo={to}&page=0&size=50");
        var efx = Fixtures.Get("GET /v1/finance/expenses");
        SameKeys(efx, expenses.Json, "expenses");
        SameKeys(efx?.GetProperty("payload"), expenses.Payload, "expenses payload");
        SameItemKeys(efx?.GetProperty("payload").GetProperty("payments"), expenses.Payload.GetProperty("payments"), "payment");
        Assert.Equal(50, expenses.Payload.GetProperty("payments").GetArrayLength());
        Assert.Equal(0, expenses.Payload.GetProperty("totalElements").GetInt32());

        var stocks = await h.Get("v3/fbs/sku/stocks?page=0&size=100");
        var sfx = Fixtures.Get("GET /v3/fbs/sku/stocks");
        SameKeys(sfx, stocks.Json, "stocks");
        SameItemKeys(sfx?.GetProperty("payload").GetProperty("skuAmountList"), stocks.Payload.GetProperty("skuAmountList"), "stock row");
        Assert.Equal(JsonValueKind.String, stocks.Payload.GetProperty("skuAmountList")[0].GetProperty("barcode").ValueKind);
    }

    [Fact]
    public async Task Returns_and_invoices_match()
    {
        var shop = (await h.ShopIds())[0];
        var returns = await h.Get($"v1/shop/{shop}/return?page=0&size=20");
        var rfx = Fixtures.Get("GET /v1/shop/70412/return");
        SameItemKeys(rfx, returns.Json, "return");
        SameItemKeys(rfx?[0].GetProperty("returnItems"), returns.Json[0].GetProperty("returnItems"), "return item");

        var one = await h.Get($"v1/shop/{shop}/return/{returns.Json[0].GetProperty("id").GetInt64()}");
        SameKeys(rfx?[0], one.Payload, "single return (enveloped)");

        var invoices = await h.Get($"v1/shop/{shop}/invoice?page=0&size=20");
        SameItemKeys(Fixtures.Get("GET /v1/shop/70412/invoice"), invoices.Json, "invoice");
        var lines = await h.Get($"v1/shop/{shop}/invoice/products?invoiceId={invoices.Json[0].GetProperty("id").GetInt64()}");
        Assert.NotEqual(0, lines.Json.GetArrayLength());
        Assert.True(lines.Json[0].TryGetProperty("skuForInvoiceDtoList", out _));

        var all = await h.Get("v1/invoice?page=0&size=50");
        Assert.True(all.Json[0].TryGetProperty("productForInvoiceDto", out _));
        Assert.True(all.Json[0].TryGetProperty("shopTitle", out _));
        Assert.NotEqual(0, (await h.Get("v1/return")).Json.GetArrayLength());
    }

    [Fact]
    public async Task Errors_match_the_error_fixtures()
    {
        var bearer = await h.Get("v1/shops", "Bearer " + global::UzumBot.Uzum.Sandbox.SandboxSeller.DemoToken);
        SameKeys(Fixtures.Get("ERROR 403"), bearer.Json, "403");
        Assert.Matches("^[0-9a-f]{32}$", bearer.Json.GetProperty("trace").GetString());

        var shop = (await h.ShopIds())[0];
        var completed = (await h.Get($"v2/fbs/orders?shopIds={shop}&status=COMPLETED")).Payload.GetProperty("orders")[0].GetProperty("id").GetInt64();
        var confirm = await h.Post($"v1/fbs/order/{completed}/confirm");
        SameKeys(Fixtures.Get("ERROR 400 POST"), confirm.Json, "400");
        Assert.Equal("seller-order-02", confirm.ErrorCode);
        Assert.Equal("Bad request", confirm.Json.GetProperty("error").GetString());
    }
}

public class FixtureLocatorTests
{
    [Fact]
    public void Fixture_file_is_found_when_it_exists_beside_the_repo()
    {
        var exists = false;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            exists |= File.Exists(Path.Combine(dir.FullName, "shared", "uzum", "sandbox-fixtures.json"));
        Assert.Equal(exists, Fixtures.Get("GET /v1/shops") is not null);
    }
}
