using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using UzumBot.Uzum;
using UzumBot.Uzum.Sandbox;

namespace UzumBot.Tests.Sandbox;

public class SandboxDataTests
{
    private static readonly DateTimeOffset Now = new(2026, 8, 12, 9, 0, 0, TimeSpan.Zero);

    private static SandboxSellerData Seller(string token = SandboxSeller.DemoToken) =>
        new SandboxData(new FakeTimeProvider(Now)).For(token);

    private static string Snapshot(SandboxSellerData s) => JsonSerializer.Serialize(new
    {
        shops = s.Shops,
        products = s.Products.Select(p => new { p.ProductId, p.Title, skus = p.Skus.Select(k => new { k.SkuId, k.SkuFullTitle, k.Barcode, k.Price, k.QuantityFbs }) }),
        orders = s.Orders.Select(o => new { o.Id, o.Status, o.Scheme, o.DateCreated, o.AcceptUntil, items = o.Items.Select(i => i.Sku.SkuId) }),
        lines = s.FinanceLines.Select(l => new { l.Id, l.Status, l.SellPrice, l.Commission, l.Date }),
        expenses = s.Expenses.Select(e => e.Id + e.Code + e.PaymentPrice),
    });

    [Fact]
    public void A_large_seller_has_over_500_SKUs_with_unique_codes_and_others_keep_their_catalogue()
    {
        var large = Seller("sandbox-large-bench");
        Assert.True(large.Skus.Count() >= 500, $"{large.Skus.Count()} SKUs");
        Assert.Equal(large.Products.Count, large.Products.Select(p => p.Code).Distinct().Count());
        Assert.Equal(large.Skus.Count(), large.Skus.Select(s => s.SkuId).Distinct().Count());
        Assert.Equal(2 * SandboxCatalogGenerator.ProductsPerShop, Seller("sandbox-ordinary").Products.Count);
    }

    [Fact]
    public void Same_token_gives_the_same_data_and_other_tokens_differ()
    {
        // two separate generations from the same token (not one object compared with itself)
        var first = Snapshot(Seller());
        var second = Snapshot(Seller());
        Assert.Equal(first, second);
        Assert.NotEqual(Snapshot(Seller()), Snapshot(Seller("sandbox-other-seller")));
        Assert.NotEqual(Seller().Shops[0].Id, Seller("sandbox-other-seller").Shops[0].Id);
    }

    [Fact]
    public void Seed_is_stable_across_processes()
    {
        // SHA-256 based, so this value never changes between runs or machines
        Assert.Equal(783917371, SandboxSeller.Seed(SandboxSeller.DemoToken));
    }

    [Theory]
    [InlineData("sandbox-demo-shop", true)]
    [InlineData("sandbox-x", true)]
    [InlineData("sandbox-", false)]
    [InlineData("Bearer sandbox-demo-shop", false)]
    [InlineData("real-token", false)]
    [InlineData(null, false)]
    public void Sandbox_tokens_are_recognised(string? token, bool expected) => Assert.Equal(expected, SandboxSeller.IsSandboxToken(token));

    [Fact]
    public void Catalogue_is_large_and_realistic()
    {
        var s = Seller();
        Assert.Equal(2, s.Shops.Count);
        Assert.True(s.Products.Count >= 120);
        Assert.All(s.Products, p => Assert.InRange(p.Skus.Count, 1, 4));
        Assert.All(s.Skus, k => Assert.Matches("^[0-9]{13}$", k.Barcode.ToString()));
        Assert.All(s.Skus, k => Assert.Equal(0, k.Price % 1000));
        Assert.Equal(s.Skus.Count(), s.Skus.Select(k => k.Barcode).Distinct().Count());
        Assert.Contains(s.Products, p => p.Title == "Футболка *NEW* [XL] <хлопок> & 100% cotton_kids.");
        Assert.Contains(s.Products, p => p.Title.Contains('ʻ'));
        Assert.Contains(s.Products, p => p.Title.Any(c => c is >= 'А' and <= 'я'));
        Assert.Contains(s.Skus, k => k.SkuFullTitle.Any(c => c is >= 'А' and <= 'Я') && k.SkuFullTitle.Any(char.IsAsciiLetterUpper));
    }

    [Fact]
    public void Orders_cover_every_status_and_paging()
    {
        var s = Seller();
        foreach (var status in OrderStatuses.All)
            Assert.Contains(s.Orders, o => o.Status == status && o.Scheme == "FBS");
        Assert.Contains(s.Orders, o => o.IsDbs);
        Assert.True(s.Orders.Count(o => o.Status == OrderStatuses.Created && o.ShopId == s.Shops[0].Id) >= 60);
        var created = s.Orders.Where(o => o.Status == OrderStatuses.Created).ToList();
        Assert.All(created, o => Assert.True(o.AcceptUntil > Now));
        Assert.Contains(created, o => o.AcceptUntil < Now.AddHours(2));
        Assert.Contains(s.Orders, o => o.ParcelCount > 1);
        Assert.All(s.Orders, o => Assert.InRange(o.DateCreated, Now.AddDays(-120), Now));
        Assert.Equal(s.Orders.OrderByDescending(o => o.DateCreated).Select(o => o.Id), s.Orders.Select(o => o.Id));
    }

    [Fact]
    public void Finance_lines_keep_uzum_identities()
    {
        var s = Seller();
        foreach (var status in new[] { "TO_WITHDRAW", "PROCESSING", "CANCELED", "PARTIALLY_CANCELLED" })
            Assert.Contains(s.FinanceLines, l => l.Status == status);
        Assert.All(s.FinanceLines, l => Assert.Equal(l.SellPrice * l.Amount - l.Commission - l.LogisticDeliveryFee, l.SellerProfit));
        Assert.All(s.FinanceLines.Where(l => l.Status == "CANCELED"), l => Assert.Equal(0, l.SellPrice + l.Amount + l.Commission + l.SellerProfit));
        Assert.Contains(s.FinanceLines, l => l.Amount == 0 && l.AmountReturns > 0);
        // FBO sales exist only in finance
        Assert.Contains(s.FinanceLines, l => s.FindOrder(l.OrderId) is null);

        foreach (var code in new[] { "logistics-volume", "return-logistics-volume", "У000120", "С000003" })
            Assert.Contains(s.Expenses, e => e.Code == code);
        Assert.Contains(s.Expenses, e => e.Type == "INCOME");
        Assert.Contains(s.Expenses, e => e.Type == "OUTCOME");
        Assert.NotEmpty(s.Invoices);
        Assert.All(s.Invoices, i => Assert.NotEmpty(i.Lines));
        Assert.NotEmpty(s.Returns);
        Assert.All(s.Returns, r => Assert.NotEmpty(r.Items));
    }

    [Fact]
    public void Confirm_and_cancel_change_state()
    {
        var s = Seller();
        var order = s.Orders.First(o => o.Status == OrderStatuses.Created && o.AcceptUntil > Now.AddHours(3));
        Assert.Null(s.Confirm(order.Id, Now));
        Assert.Equal(OrderStatuses.Packing, order.Status);
        Assert.Equal(UzumErrorCodes.WrongOrderStatus, s.Confirm(order.Id, Now));
        Assert.Equal(UzumErrorCodes.ReasonNotAllowed, s.Cancel(order.Id, "MARKET_REASON", Now));
        Assert.Null(s.Cancel(order.Id, "OUT_OF_STOCK", Now));
        Assert.Equal(UzumErrorCodes.AlreadyCancelled, s.Cancel(order.Id, "OUT_OF_STOCK", Now));
        Assert.Equal(UzumErrorCodes.OrderNotFound, s.Cancel(1, "OUT_OF_STOCK", Now));
        var completed = s.Orders.First(o => o.Status == OrderStatuses.Completed);
        Assert.Equal(UzumErrorCodes.WrongOrderStatus, s.Cancel(completed.Id, "OTHER", Now));
    }

    [Fact]
    public void Confirm_after_the_deadline_is_refused()
    {
        var s = Seller();
        var order = s.Orders.First(o => o.Status == OrderStatuses.Created);
        Assert.Equal(UzumErrorCodes.DeadlinePassed, s.Confirm(order.Id, order.AcceptUntil.AddMinutes(1)));
    }
}
