using UzumBot.Features.Finance;
using UzumBot.Uzum;

namespace UzumBot.Tests.Features.Finance;

/// <summary>The money rules pinned on the finance lines and expenses of api-reference §5.4 / §5.5; every figure is
/// worked out by hand in the comment beside it.</summary>
public sealed class FinanceRulesTests
{
    private const string GreenM = "BAHOR-ATLASKOYLAK-ЗЕЛЕН-M";
    private const string GreenL = "BAHOR-ATLASKOYLAK-ЗЕЛЕН-L";
    private const string Rishton = "SHIRIN-RISHTONLAGAN-СИНИЙ";

    // §5.4: PROCESSING, TO_WITHDRAW, CANCELED with zeros, returned with amountReturns, PARTIALLY_CANCELLED
    internal static readonly OrderItem[] ReferenceLines =
    [
        Line(240110001, "PROCESSING", 124500101, GreenM, sell: 249000, amount: 1, returns: 0, commission: 62250, profit: 180500, purchase: 120000, fee: 6250),
        Line(240103210, "TO_WITHDRAW", 124498700, GreenM, sell: 249000, amount: 1, returns: 0, commission: 62250, profit: 180500, purchase: 120000, fee: 6250),
        Line(240107555, "CANCELED", 124499801, GreenM, sell: 0, amount: 0, returns: 0, commission: 0, profit: 0, purchase: 0, fee: 0),
        Line(240098120, "PROCESSING", 124497310, Rishton, sell: 0, amount: 0, returns: 1, commission: 0, profit: 0, purchase: 0, fee: 0),
        Line(240095002, "PARTIALLY_CANCELLED", 124496004, GreenL, sell: 249000, amount: 1, returns: 1, commission: 62250, profit: 180250, purchase: 120000, fee: 6500),
    ];

    // §5.5: the delivery fee of line 240103210, the fee refunded for the returned lagan, a promotion of 240103210, a day of storage
    internal static readonly Expense[] ReferenceExpenses =
    [
        Charge("logistics-volume", 6250, externalId: "240103210", source: "Logistika"),
        Refund("return-logistics-volume", 6000, externalId: "51902211:240098120", source: "Logistika"),
        Charge("\u0423000120", 12450, externalId: "AD#240103210-2811045-2026-08-11", source: "Marketing"),
        Charge("\u0421000003", 51840, externalId: "2026-08-10_70412", source: "Ombor"),
    ];

    [Fact]
    public void Reference_period_adds_up_as_the_cabinet_would()
    {
        var s = FinanceRules.Summarize(ReferenceLines, ReferenceExpenses);

        Assert.Equal(747_000, s.Revenue);          // 249 000 × 1 three times; cancelled and returned lines add nothing
        Assert.Equal(3, s.Units);                  // Σ amount, not a count of lines (5)
        Assert.Equal(3, s.Orders);
        Assert.Equal(2, s.ReturnedUnits);          // Σ amountReturns: the returned lagan and one partially cancelled shirt
        Assert.Equal(249_000, s.ReturnsValue);     // 1 × 249 000; the lagan came back with sellPrice 0 and no priced line
        Assert.Equal(1, s.ReturnedUnitsWithoutPrice);
        Assert.Equal(186_750, s.Commission);       // 62 250 × 3
        Assert.Equal(19_000, s.Delivery);          // (249 000 − 62 250 − 180 500) × 2 + (249 000 − 62 250 − 180 250)
        Assert.Equal(541_250, s.SellerProfit);     // 180 500 + 180 500 + 180 250
        Assert.Equal(250, s.LogisticsCharged);     // 6 250 − 6 000, reference only
        Assert.Equal(51_840, s.Storage);
        Assert.Equal(12_450, s.Advertising);
        Assert.Equal(0, s.Fines);
        Assert.Equal(0, s.OtherCharges);
        Assert.Equal(0, s.Refunds);                // the logistics refund reverses a fee sellerProfit never kept
        Assert.Equal(360_000, s.CostOfGoods);      // 120 000 × 3 sold units
        Assert.False(s.CostIncomplete);
        Assert.Equal(116_960, s.NetProfit);        // 541 250 − 51 840 − 12 450 − 360 000
        Assert.Equal(15.7m, s.Margin);             // 116 960 / 747 000 = 15.657 %
    }

    [Fact]
    public void The_chart_days_count_the_same_orders_and_revenue_as_the_summary()
    {
        var last = FinancePeriod.DayOf(ReferenceLines.Max(l => l.Date!.Value));
        var days = FinanceRules.ByDay(ReferenceLines, new FinancePeriod(last.AddDays(-365), last));
        var summary = FinanceRules.Summarize(ReferenceLines, []);
        Assert.Equal(summary.Orders, days.Sum(d => d.Orders));
        Assert.Equal(summary.Revenue, days.Sum(d => d.Revenue));
    }

    [Fact]
    public void Delivery_inside_sellerProfit_is_not_taken_again_as_a_logistics_expense()
    {
        var without = FinanceRules.Summarize(ReferenceLines, []);
        var with = FinanceRules.Summarize(ReferenceLines, [Charge("logistics-volume", 6250, "240110001"), Charge("logistics-volume", 6500, "240095002")]);

        Assert.Equal(541_250 - 360_000, without.NetProfit);
        Assert.Equal(without.NetProfit, with.NetProfit);
        Assert.Equal(12_750, with.LogisticsCharged);
        Assert.Equal(19_000, with.Delivery);
    }

    [Fact]
    public void A_zero_logisticDeliveryFee_does_not_hide_the_fee_UZUM_took()
    {
        // sellerProfit 180 500 = 249 000 − 62 250 − 6 250 although the line says logisticDeliveryFee 0
        var line = Line(1, "PROCESSING", 10, GreenM, sell: 249000, amount: 1, returns: 0, commission: 62250, profit: 180500, purchase: 0, fee: 0);
        Assert.Equal(6_250, FinanceRules.Delivery(line));
    }

    [Fact]
    public void Refunds_of_charges_come_back_into_profit_but_a_logistics_refund_does_not()
    {
        Expense[] expenses =
        [
            Charge("\u0421000003", 51840),
            Refund("\u0421000003", 20000),            // storage charged by mistake, refunded
            Refund("return-logistics-volume", 6000),  // pairs with a fee inside sellerProfit
        ];
        var s = FinanceRules.Summarize([], expenses);

        Assert.Equal(51_840, s.Storage);
        Assert.Equal(20_000, s.Refunds);
        Assert.Equal(-6_000, s.LogisticsCharged);
        Assert.Equal(-31_840, s.NetProfit);        // −51 840 + 20 000; the 6 000 is not income
        Assert.Null(s.Margin);
    }

    [Fact]
    public void Unknown_codes_go_to_other_listed_by_name_and_the_source_text_is_ignored()
    {
        Expense[] expenses =
        [
            Charge("late-shipment-x1", 30000, name: "Jarima: kech joʻnatish", source: "Ombor"), // source says storage; code decides
            Charge("late-shipment-x1", 15000, name: "Jarima: kech joʻnatish"),
            Charge("photo-studio", 9000, name: "Fotostudiya"),
            Charge("C000003", 720, source: "Marketing"),                                    // Latin look-alike of С000003
            Charge("\u0421000003", 1000, status: "CANCELED"),                               // moved no money
        ];
        var s = FinanceRules.Summarize([], expenses);

        Assert.Equal(54_000, s.OtherCharges);      // 30 000 + 15 000 + 9 000
        Assert.Equal(720, s.Storage);
        Assert.Equal(0, s.Advertising);
        Assert.Collection(s.OtherItems,
            o => Assert.Equal(("Jarima: kech joʻnatish", 45_000L, 2), (o.Name, o.Amount, o.Count)),
            o => Assert.Equal(("Fotostudiya", 9_000L, 1), (o.Name, o.Amount, o.Count)));
        Assert.Equal(-54_720, s.NetProfit);
    }

    [Fact]
    public void A_shop_with_no_sales_has_zero_revenue_no_margin_and_its_charges_as_loss()
    {
        var s = FinanceRules.Summarize([], [Charge("\u0421000003", 51840)]);

        Assert.Equal((0L, 0, 0, 0L), (s.Revenue, s.Units, s.Orders, s.Commission));
        Assert.Equal(-51_840, s.NetProfit);
        Assert.Null(s.Margin);
        Assert.Empty(FinanceRules.BySku([], []));

        var empty = FinanceRules.Summarize([], []);
        Assert.Equal(0, empty.NetProfit);
        Assert.Null(empty.Margin);
    }

    [Fact]
    public void Per_SKU_profit_takes_cost_and_the_promotion_pinned_to_its_line()
    {
        var skus = FinanceRules.BySku(ReferenceLines, ReferenceExpenses).ToDictionary(s => s.SkuCode);

        var m = skus[GreenM];
        Assert.Equal((2, 498_000L, 361_000L, 240_000L, 12_450L), (m.Units, m.Revenue, m.SellerProfit, m.CostOfGoods!.Value, m.Advertising));
        Assert.Equal(108_550, m.Profit);           // 361 000 − 240 000 − 12 450
        Assert.Equal(21.8m, m.Margin);             // 108 550 / 498 000 = 21.797 %

        var l = skus[GreenL];
        Assert.Equal((1, 1, 249_000L), (l.Units, l.ReturnedUnits, l.Revenue));
        Assert.Equal(60_250, l.Profit);            // 180 250 − 120 000
        Assert.Equal(24.2m, l.Margin);             // 60 250 / 249 000 = 24.196 %

        var r = skus[Rishton];
        Assert.Equal((0, 1, 0L), (r.Units, r.ReturnedUnits, r.Revenue));
        Assert.Null(r.Margin);
    }

    [Fact]
    public void Without_a_cost_price_a_SKU_has_no_profit_until_the_owner_types_one()
    {
        OrderItem[] lines =
        [
            Line(1, "PROCESSING", 10, "KRUJKA-1", sell: 50000, amount: 2, returns: 0, commission: 10000, profit: 82000, purchase: 0, fee: 8000),
            Line(2, "PROCESSING", 11, GreenM, sell: 249000, amount: 1, returns: 0, commission: 62250, profit: 180500, purchase: 120000, fee: 6250),
        ];

        var unknown = FinanceRules.Summarize(lines, []);
        Assert.True(unknown.CostIncomplete);
        Assert.Equal((1, 2), (unknown.SkusWithoutCost, unknown.UnitsWithoutCost));
        Assert.Equal(120_000, unknown.CostOfGoods);
        Assert.Equal(82_000 + 180_500 - 120_000, unknown.NetProfit);
        var krujka = FinanceRules.BySku(lines, []).Single(s => s.SkuCode == "KRUJKA-1");
        Assert.Null(krujka.CostOfGoods);
        Assert.Null(krujka.Profit);
        Assert.Null(krujka.Margin);

        var typed = new Dictionary<string, long> { ["KRUJKA-1"] = 45000, [GreenM] = 1 }; // UZUM's purchasePrice wins over a typed one
        var known = FinanceRules.Summarize(lines, [], typed);
        Assert.False(known.CostIncomplete);
        Assert.Equal(90_000 + 120_000, known.CostOfGoods);
        var priced = FinanceRules.BySku(lines, [], typed).Single(s => s.SkuCode == "KRUJKA-1");
        Assert.Equal(-8_000, priced.Profit);       // 82 000 − 45 000 × 2
        Assert.Equal(-8.0m, priced.Margin);        // −8 000 / 100 000
    }

    [Fact]
    public void Top_and_loss_making_lists_rank_by_profit_and_skip_unknown_cost()
    {
        var typed = new Dictionary<string, long> { ["KRUJKA-1"] = 45000 };
        OrderItem[] lines =
        [
            .. ReferenceLines,
            Line(1, "PROCESSING", 10, "KRUJKA-1", sell: 50000, amount: 2, returns: 0, commission: 10000, profit: 82000, purchase: 0, fee: 8000),
            Line(2, "PROCESSING", 12, "NO-COST", sell: 10000, amount: 1, returns: 0, commission: 2000, profit: 4000, purchase: 0, fee: 4000),
        ];
        var skus = FinanceRules.BySku(lines, ReferenceExpenses, typed);

        Assert.Equal([GreenM, GreenL], FinanceRules.TopByProfit(skus).Select(s => s.SkuCode));
        Assert.Equal(["KRUJKA-1"], FinanceRules.LossMaking(skus).Select(s => s.SkuCode));
        Assert.Equal([GreenM], FinanceRules.TopByProfit(skus, 1).Select(s => s.SkuCode));
    }

    [Fact]
    public void A_partially_cancelled_line_counts_its_remaining_units_only()
    {
        var line = ReferenceLines[4];
        Assert.True(FinanceRules.IsSold(line));
        Assert.Equal((249_000L, 1, 1), (FinanceRules.Revenue(line), FinanceRules.Units(line), FinanceRules.ReturnedUnits(line)));

        var cancelled = ReferenceLines[2];
        Assert.False(FinanceRules.IsSold(cancelled));
        // even if UZUM left numbers on a CANCELED line it adds nothing
        var odd = cancelled with { SellPrice = 100, Amount = 1, Commission = 10, SellerProfit = 90 };
        Assert.Equal((0L, 0, 0L), (FinanceRules.Revenue(odd), FinanceRules.Units(odd), FinanceRules.SellerProfit(odd)));
    }

    [Fact]
    public void The_spec_field_sellerPrice_is_read_when_sellPrice_is_missing()
    {
        var line = ReferenceLines[0] with { SellPrice = 0, SellerPrice = 249000 };
        Assert.Equal(249_000, FinanceRules.Revenue(line));
    }

    [Fact]
    public void Margin_has_one_decimal_and_needs_revenue()
    {
        Assert.Equal(49.6m, FinanceRules.Margin(6_120_000, 12_345_000)); // 49.574 %
        Assert.Equal(-100m, FinanceRules.Margin(-500, 500));
        Assert.Null(FinanceRules.Margin(100, 0));
    }

    internal static OrderItem Line(long id, string status, long orderId, string sku, long sell, int amount, int returns, long commission, long profit, long purchase, long fee,
        DateTimeOffset? date = null) => new()
    {
        Id = id, Status = status, OrderId = orderId, SkuTitle = sku, ProductId = sku.Length, ShopId = 70412, ProductTitle = sku,
        Date = date ?? new DateTimeOffset(2026, 8, 10, 7, 0, 0, TimeSpan.Zero),
        SellPrice = sell, Amount = amount, AmountReturns = returns, Commission = commission, SellerProfit = profit,
        PurchasePrice = purchase, LogisticDeliveryFee = fee,
    };

    internal static Expense Charge(string code, long price, string? externalId = null, string? name = null, string? source = null, string status = "CONFIRMED",
        DateTimeOffset? date = null) => new()
    {
        Id = price, Code = code, PaymentPrice = price, Amount = 1, Status = status, Type = "OUTCOME", ExternalId = externalId,
        Name = name ?? code, Source = source, ShopId = 70412,
        DateCreated = date ?? new DateTimeOffset(2026, 8, 11, 7, 0, 0, TimeSpan.Zero), DateService = date ?? new DateTimeOffset(2026, 8, 11, 7, 0, 0, TimeSpan.Zero),
    };

    internal static Expense Refund(string code, long price, string? externalId = null, string? source = null) =>
        Charge(code, price, externalId, source: source) with { Type = "INCOME" };
}
