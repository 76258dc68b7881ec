using UzumBot.Features.Invoices;
using UzumBot.Localization;
using UzumBot.Security;
using UzumBot.Tests.Support;
using UzumBot.Uzum;

namespace UzumBot.Tests.Features.Invoices;

public sealed class InvoicesScreensTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
    private const string Nasty = "Atlas koʻylak <b>&</b> \"milliy\" naqsh, juda uzun nom bilan";

    private static SupplyInvoice Invoice(long id, string status = "ACCEPTED", string? text = null) => new()
    {
        Id = id, ShopId = 70412, InvoiceNumber = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        DateCreated = Now.AddDays(-id % 30), DateAccepted = Now, InvoiceStatus = new InvoiceStatus(text, "#fff", status),
        FullPrice = 987_654_321, TotalToStock = 1200, TotalAccepted = 1190, Stock = new OrderStock(3, "Sergeli <склад>"),
    };

    private static IReadOnlyList<InvoiceLine> Lines(int products, int skus) => Enumerable.Range(0, products).Select(p => new InvoiceLine
    {
        Id = p, ProductTitle = Nasty + p, SkuTitle = "BAHOR-" + p, QuantityToStock = skus * 10, QuantityAccepted = skus * 10 - 1, PurchasePrice = 120_000,
        SkuForInvoiceDtoList = Enumerable.Range(0, skus).Select(s => new InvoiceSkuLine
        {
            Id = p * 100 + s, SkuTitle = $"BAHOR-ATLASKOYLAK-ЗЕЛЕН-{p}-{s}", QuantityToStock = 10, QuantityAccepted = s == 0 ? 9 : 10,
            PurchasePrice = 120_000, Issue = s == 0 ? "Kam keldi <1>" : null,
        }).ToList(),
    }).ToList();

    private static SellerReturn Return(long id) => new()
    {
        Id = id, ShopId = 70412, Status = "ASSEMBLED", Type = "DEFECTED", DateCreated = Now, AssembledDate = Now, TotalAmount = 30, TotalPackedAmount = 29,
        ReturnItems = Enumerable.Range(0, 30).Select(i => new ReturnLine(i, i, 1, i == 0 ? 0 : 1, "SKU-" + i, Nasty, 99_000)).ToList(),
    };

    public static IEnumerable<object[]> Languages() => [[Lang.Ru], [Lang.Uz]];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_invoice_screen_is_sendable(Lang lang)
    {
        var screens = new InvoicesScreens(Sessions.For(lang), Now);
        var many = new CappedList<SupplyInvoice>(Enumerable.Range(0, 35).Select(i => Invoice(long.MaxValue - i)).ToList(), true);
        var returns = new CappedList<SellerReturn>(Enumerable.Range(0, 35).Select(i => Return(long.MaxValue - i)).ToList(), true);
        var rows = InvoiceComposition.Of(Lines(20, 4));
        Sendable.Assert("home", screens.Home(123_456, null));
        Sendable.Assert("supplies", screens.Supplies(many, 3));
        Sendable.Assert("returns", screens.Returns(returns, 1));
        Sendable.Assert("empty", screens.Supplies(new CappedList<SupplyInvoice>([], false), 0));
        for (var page = 0; page < 8; page++)
        {
            Sendable.Assert("supply card", screens.SupplyCard(Invoice(long.MaxValue), rows, 999, page));
            Sendable.Assert("return card", screens.ReturnCard(Return(long.MaxValue), 999, page));
        }
        Sendable.Assert("empty card", screens.SupplyCard(Invoice(1), [], 0, 0));
        Sendable.Assert("not found", screens.NotFound());
    }

    [Fact]
    public void A_card_pages_its_composition_and_flags_what_UZUM_flagged()
    {
        var screens = new InvoicesScreens(Sessions.For(), Now);
        var rows = InvoiceComposition.Of(Lines(5, 4));
        var first = Sendable.Assert("card", screens.SupplyCard(Invoice(7), rows, 0, 0));
        var second = Sendable.Assert("card p2", screens.SupplyCard(Invoice(7), rows, 0, 1));

        Assert.Contains("Состав · 20 SKU · стр. 1/2", first);
        Assert.Contains("BAHOR-ATLASKOYLAK-ЗЕЛЕН-0-0 · 10 → 9 ⚠️", first);
        Assert.Contains("Kam keldi <1>", first);
        Assert.Contains("Замечания UZUM: 5 SKU", first);
        Assert.Contains("Склад: Sergeli <склад>", first);
        Assert.DoesNotContain("ЗЕЛЕН-3-0", first);
        Assert.Contains("ЗЕЛЕН-3-0", second);
        Assert.Contains(Nasty + "3", second); // the product is named again at the top of its page
    }

    [Fact]
    public void A_manager_sees_quantities_but_no_money()
    {
        var owner = Sendable.Assert("owner", new InvoicesScreens(Sessions.For(), Now).SupplyCard(Invoice(7), InvoiceComposition.Of(Lines(1, 2)), 0, 0));
        var manager = new InvoicesScreens(Sessions.For(role: Role.Manager), Now);
        var card = Sendable.Assert("manager", manager.SupplyCard(Invoice(7), InvoiceComposition.Of(Lines(1, 2)), 0, 0));
        var line = manager.SupplyLine(Invoice(7));

        Assert.Contains("сум", owner);
        Assert.DoesNotContain("сум", card);
        Assert.DoesNotContain("сум", line);
        Assert.Contains("1\u00A0200 шт", card);
        var workbook = Documents.ReportDocuments.Xlsx(manager.SupplyWorkbook(Invoice(7), InvoiceComposition.Of(Lines(1, 2))).Content);
        Assert.DoesNotContain(workbook[0].Cells.Values, c => c.Text.Contains("сум"));
    }

    [Fact]
    public void An_unknown_status_shows_UZUMs_own_words_encoded()
    {
        var line = new InvoicesScreens(Sessions.For(), Now).SupplyLine(Invoice(7, "NEW_THING", "Yangi <holat>"));
        Assert.Contains("Yangi &lt;holat&gt;", line);
        Assert.StartsWith("⚪", line);
    }

    [Fact]
    public void A_product_line_without_SKUs_is_one_row_and_a_SKU_without_price_takes_the_products()
    {
        var rows = InvoiceComposition.Of([
            new InvoiceLine { ProductTitle = "A", SkuTitle = "A-1", QuantityToStock = 5, QuantityAccepted = 3, PurchasePrice = 10 },
            new InvoiceLine { ProductTitle = "B", PurchasePrice = 20, SkuForInvoiceDtoList = [new InvoiceSkuLine { SkuTitle = "B-1", QuantityToStock = 2, QuantityAccepted = 2, Issue = " " }] },
        ]);
        Assert.Equal([("A-1", 2, 10L, (string?)null), ("B-1", 0, 20L, null)], rows.Select(r => (r.Sku, r.Shortfall, r.PurchasePrice, r.Issue)));
    }
}
