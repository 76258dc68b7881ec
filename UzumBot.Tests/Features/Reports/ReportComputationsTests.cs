using UzumBot.Features.Reports;

namespace UzumBot.Tests.Features.Reports;

/// <summary>Each report computed on the hand-made shop of <see cref="ReportFixture"/>, with the numbers worked out by hand.</summary>
public sealed class ReportComputationsTests
{
    private static readonly ReportInput Input = ReportFixture.Input();

    [Fact]
    public void Sales_and_stock_gives_units_revenue_returns_stock_and_days_of_stock()
    {
        var rows = SalesStock.Compute(Input).ToDictionary(r => r.SkuCode);

        Assert.Equal(["A-1", "B-1", "E-1", "C-1", "D-1"], SalesStock.Compute(Input).Select(r => r.SkuCode));
        Assert.Equal((40, 4_000_000L, 2, 10, 5), (rows["A-1"].Units, rows["A-1"].Revenue, rows["A-1"].ReturnedUnits, rows["A-1"].Fbo, rows["A-1"].Fbs));
        // 15 in stock ÷ (40 sold ÷ 28 days) = 10.5 days; 3 ÷ (5 ÷ 28) = 16.8
        Assert.Equal(10.5, rows["A-1"].DaysOfStock);
        Assert.Equal(16.8, rows["C-1"].DaysOfStock);
        Assert.Equal(0, rows["B-1"].DaysOfStock);
        Assert.Null(rows["D-1"].DaysOfStock); // nothing sold: no rate to divide by
        Assert.Equal(20, rows["B-1"].Units); // the cancelled line adds no unit
    }

    [Fact]
    public void Inventory_values_stock_at_cost_and_leaves_unknown_cost_unknown()
    {
        var rows = Inventory.Compute(Input);
        // 15 × 1 000, 3 × 2 000, 8 × 500; B-1 and E-1 have no stock and are not listed
        Assert.Equal([("A-1", 15_000L), ("C-1", 6_000L), ("D-1", 4_000L)], rows.Select(r => (r.SkuCode, r.Value!.Value)));
        var unknown = Inventory.Compute(new ReportInput(Input.Period, [new StockSku(1, "X", null, 2, 0, null)], [], []));
        Assert.Null(Assert.Single(unknown).Value);
    }

    [Fact]
    public void A_cost_price_the_owner_typed_values_stock_UZUM_has_no_purchase_price_for_but_never_overrides_UZUMs()
    {
        var skus = new[] { new StockSku(1, "X", null, 2, 1, null), new StockSku(1, "Y", null, 4, 0, 300) };
        var typed = new Dictionary<string, long> { ["X"] = 1_250, ["Y"] = 999 };
        var rows = Inventory.Compute(new ReportInput(Input.Period, skus, [], [], typed));
        // X: 3 × 1 250 typed; Y: 4 × 300 from UZUM, the typed 999 ignored
        Assert.Equal([("X", 3_750L), ("Y", 1_200L)], rows.OrderBy(r => r.SkuCode).Select(r => (r.SkuCode, r.Value!.Value)));
    }

    [Fact]
    public void Dead_stock_is_stock_without_a_sale_and_its_frozen_value()
    {
        var dead = Assert.Single(DeadStock.Compute(Input));
        Assert.Equal("D-1", dead.SkuCode);
        Assert.Equal((7, 1, 4_000L), (dead.Fbo, dead.Fbs, dead.FrozenValue!.Value)); // 8 × 500
    }

    [Fact]
    public void ABC_by_revenue_share_and_XYZ_by_weekly_variation()
    {
        var rows = AbcXyz.Compute(Input).ToDictionary(r => r.SkuCode);

        // revenue 4 000 000 / 1 000 000 / 500 000 / 50 000 of 5 550 000: shares above each 0 %, 72.1 %, 90.1 %, 99.1 %
        Assert.Equal('A', rows["A-1"].Abc);
        Assert.Equal('A', rows["B-1"].Abc);
        Assert.Equal('B', rows["E-1"].Abc);
        Assert.Equal('C', rows["C-1"].Abc);
        Assert.Equal('C', rows["D-1"].Abc);
        Assert.Equal(4_000_000 / 5_550_000d, rows["A-1"].RevenueShare, 9);

        // weekly units: A 10,10,10,10 → 0; B 4,6,4,6 → σ 1 / mean 5 = 0.2; E 2,3,2,3 → 0.5/2.5 = 0.2; C 5,0,0,0 → √3
        Assert.Equal(('X', 0d), (rows["A-1"].Xyz, rows["A-1"].Variation!.Value));
        Assert.Equal('Y', rows["B-1"].Xyz);
        Assert.Equal(0.2, rows["B-1"].Variation!.Value, 9);
        Assert.Equal('Y', rows["E-1"].Xyz);
        Assert.Equal('Z', rows["C-1"].Xyz);
        Assert.Equal(Math.Sqrt(3), rows["C-1"].Variation!.Value, 9);
        Assert.Equal('Z', rows["D-1"].Xyz);
        Assert.Null(rows["D-1"].Variation);

        var matrix = AbcXyz.Matrix(AbcXyz.Compute(Input));
        Assert.Equal(1, matrix[0, 0]); // AX: A-1
        Assert.Equal(1, matrix[0, 1]); // AY: B-1
        Assert.Equal(1, matrix[1, 1]); // BY: E-1
        Assert.Equal(2, matrix[2, 2]); // CZ: C-1, D-1
        Assert.Equal(5, matrix.Cast<int>().Sum());
    }

    [Fact]
    public void Under_two_whole_weeks_there_is_no_XYZ()
    {
        var short13 = new ReportInput(new UzumBot.Features.Finance.FinancePeriod(new DateOnly(2026, 11, 20), new DateOnly(2026, 12, 2)), Input.Skus, Input.Lines, []);
        Assert.All(AbcXyz.Compute(short13), r => Assert.Null(r.Xyz));
        Assert.Equal(0, AbcXyz.Matrix(AbcXyz.Compute(short13)).Cast<int>().Sum());
    }

    [Fact]
    public void Top_products_rank_by_revenue_units_and_profit_from_the_finance_rules()
    {
        Assert.Equal(["A-1", "B-1", "E-1", "C-1"], TopProducts.ByRevenue(Input).Select(r => r.SkuCode));
        Assert.Equal(["A-1", "B-1", "E-1", "C-1"], TopProducts.ByUnits(Input).Select(r => r.SkuCode));
        // profit needs a cost price: B-1 and E-1 have none and are not ranked.
        // sellerProfit 3 000 000 − cost 40 × 1 000 = 2 960 000; C-1: 37 500 − 5 × 2 000 = 27 500
        Assert.Equal([("A-1", 2_960_000L), ("C-1", 27_500L)], TopProducts.ByProfit(Input).Select(r => (r.SkuCode, r.Profit!.Value)));
    }

    [Fact]
    public void Cancellations_and_returns_by_reason_and_by_SKU_with_rates()
    {
        Assert.Equal([("WRONG_SIZE", 2), (CancelReturns.CancelledReason, 1)], CancelReturns.ByReason(Input).Select(r => (r.Reason, r.Units)));
        var bySku = CancelReturns.BySku(Input).ToDictionary(r => r.SkuCode);
        Assert.Equal(["A-1", "B-1"], CancelReturns.BySku(Input).Select(r => r.SkuCode).Order());
        Assert.Equal((5, 1, 0.2), (bySku["B-1"].Lines, bySku["B-1"].CancelledLines, bySku["B-1"].CancelRate));
        Assert.Equal(2 / 42d, bySku["A-1"].ReturnRate, 9);
        var (cancelRate, returnRate) = CancelReturns.Rates(Input);
        Assert.Equal(1 / 15d, cancelRate, 9); // 15 lines, one cancelled
        Assert.Equal(2 / 77d, returnRate, 9); // 75 sold + 2 returned
    }
}
