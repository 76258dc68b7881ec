using UzumBot.Features.Finance;
using UzumBot.Features.Reports;
using UzumBot.Uzum;

namespace UzumBot.Tests.Features.Reports;

/// <summary>
/// A hand-made shop over four whole Tashkent weeks (05.11–02.12.2026):
/// A-1 sells 10 a week at 100 000 (stock 10 FBO + 5 FBS, cost 1 000) and has 2 returned;
/// B-1 sells 4, 6, 4, 6 at 50 000 (no stock) and one of its orders was cancelled;
/// E-1 sells 2, 3, 2, 3 at 50 000 (no stock); C-1 sells 5 in the first week only at 10 000 (stock 3, cost 2 000);
/// D-1 never sells (stock 7 + 1, cost 500).
/// </summary>
internal static class ReportFixture
{
    public static readonly FinancePeriod Period = new(new DateOnly(2026, 11, 5), new DateOnly(2026, 12, 2));

    private static long _id;

    public static OrderItem Line(string sku, int week, int units, long price, string status = "TO_WITHDRAW", int returned = 0, string? cause = null, long cost = 0) => new()
    {
        Id = Interlocked.Increment(ref _id),
        OrderId = 9_000 + _id,
        SkuTitle = sku,
        ProductTitle = "Product " + sku,
        Status = status,
        // noon in Tashkent on the third day of the week
        Date = FinancePeriod.StartOf(Period.First.AddDays(week * 7 + 2)).AddHours(12),
        SellPrice = price,
        Amount = units,
        AmountReturns = returned,
        ReturnCause = cause,
        Commission = price * units / 4,
        SellerProfit = price * units - price * units / 4,
        PurchasePrice = cost,
    };

    public static ReportInput Input()
    {
        var lines = new List<OrderItem>();
        for (var w = 0; w < 4; w++) lines.Add(Line("A-1", w, 10, 100_000, cost: 1_000));
        lines.Add(Line("A-1", 1, 0, 0, returned: 2, cause: "WRONG_SIZE"));
        foreach (var (w, n) in new[] { (0, 4), (1, 6), (2, 4), (3, 6) }) lines.Add(Line("B-1", w, n, 50_000));
        lines.Add(Line("B-1", 2, 0, 0, status: "CANCELED"));
        foreach (var (w, n) in new[] { (0, 2), (1, 3), (2, 2), (3, 3) }) lines.Add(Line("E-1", w, n, 50_000));
        lines.Add(Line("C-1", 0, 5, 10_000, cost: 2_000));
        var skus = new[]
        {
            new StockSku(1, "A-1", "Product A-1", 10, 5, 1_000),
            new StockSku(1, "B-1", "Product B-1", 0, 0, null),
            new StockSku(1, "C-1", "Product C-1", 3, 0, 2_000),
            new StockSku(1, "D-1", "Product D-1", 7, 1, 500),
            new StockSku(1, "E-1", "Product E-1", 0, 0, null),
        };
        return new ReportInput(Period, skus, lines, []);
    }
}
