using System.Text.Json;
using UzumBot.Uzum;

namespace UzumBot.Tests.Sandbox;

/// <summary>The bot's own DTO records read what the sandbox sends (the same JSON the real API sends).</summary>
public class SandboxDtoCompatibilityTests(SandboxHarness h) : IClassFixture<SandboxHarness>
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static T Read<T>(JsonElement json) => json.Deserialize<T>(Web) ?? throw new InvalidOperationException("null");

    [Fact]
    public async Task Catalogue_orders_and_stocks_deserialize()
    {
        var shops = Read<List<Shop>>((await h.Get("v1/shops")).Json);
        var products = Read<ProductsPage>((await h.Get($"v1/product/shop/{shops[0].Id}?page=0&size=100")).Json);
        Assert.All(products.Products, p => Assert.Matches("^[0-9]{13}$", p.SkuList![0].Barcode!));

        var orders = Read<OrdersPage>((await h.Get($"v2/fbs/orders?shopIds={shops[0].Id}&status=COMPLETED&size=50")).Payload);
        Assert.All(orders.Items, o => Assert.NotNull(o.CompletedDate));
        Assert.All(orders.Items, o => Assert.Equal(o.Price, o.Items.Sum(i => i.UnitPrice * i.Amount)));

        var order = Read<SellerOrder>((await h.Get($"v1/fbs/order/{orders.Items[0].Id}")).Payload);
        Assert.Equal(orders.Items[0].DateCreated, order.DateCreated);

        var reasons = Read<ReturnReasonsPayload>((await h.Get("v1/fbs/order/return-reasons")).Payload);
        Assert.Equal(4, reasons.Reasons!.Count);

        var stocks = Read<SkuStocksPayload>((await h.Get("v3/fbs/sku/stocks?size=100")).Payload);
        Assert.Equal(100, stocks.SkuAmountList!.Count);
    }

    [Fact]
    public async Task Finance_and_returns_deserialize()
    {
        var shop = (await h.ShopIds())[0];
        var (from, to) = (DateTimeOffset.UtcNow.AddDays(-130).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddDays(1).ToUnixTimeSeconds());
        var finance = Read<FinanceOrdersPage>((await h.Get($"v1/finance/orders?shopIds={shop}&dateFrom={from}&dateTo={to}&size=100")).Json);
        Assert.All(finance.Items, l => Assert.Equal(l.SellPrice * l.Amount - l.Commission - l.LogisticDeliveryFee, l.SellerProfit));

        var expenses = Read<ExpensesPayload>((await h.Get($"v1/finance/expenses?shopIds={shop}&dateFrom={from}&dateTo={to}&size=100")).Payload);
        Assert.Equal(100, expenses.Items.Count);

        var returns = Read<List<SellerReturn>>((await h.Get($"v1/shop/{shop}/return")).Json);
        var one = Read<SellerReturn>((await h.Get($"v1/shop/{shop}/return/{returns[0].Id}")).Payload);
        Assert.Equal(returns[0].TotalAmount, one.ReturnItems!.Sum(i => i.Amount));

        var lines = Read<List<InvoiceLine>>((await h.Get($"v1/shop/{shop}/invoice/products?invoiceId={(await h.Get($"v1/shop/{shop}/invoice")).Json[0].GetProperty("id").GetInt64()}")).Json);
        Assert.NotEmpty(lines);
    }

    // UZUM (and the shared fixture) send invoiceNumber as a number; SupplyInvoice.InvoiceNumber is a plain string.
    [Fact]
    public async Task Supply_invoices_deserialize()
    {
        var shop = (await h.ShopIds())[0];
        var invoices = Read<List<SupplyInvoice>>((await h.Get($"v1/shop/{shop}/invoice")).Json);
        Assert.NotEmpty(invoices);
    }
}
