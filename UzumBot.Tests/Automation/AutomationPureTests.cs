using UzumBot.Features.Automation;
using UzumBot.Hosting;
using UzumBot.Localization;
using UzumBot.Tests.Support;
using UzumBot.Uzum;

namespace UzumBot.Tests.Automation;

public sealed class AutomationPureTests
{
    private static DateTimeOffset Tashkent(int day, int hour, int minute = 0) =>
        new DateTimeOffset(2026, 12, day, hour, minute, 0, TimeSpan.FromHours(5));

    [Fact]
    public void Quiet_hours_cross_midnight_and_end_at_their_local_end()
    {
        var quiet = new QuietHours(23 * 60, 8 * 60);
        Assert.False(quiet.Contains(Tashkent(3, 22, 59)));
        Assert.True(quiet.Contains(Tashkent(3, 23, 0)));
        Assert.True(quiet.Contains(Tashkent(4, 7, 59)));
        Assert.False(quiet.Contains(Tashkent(4, 8, 0)));
        Assert.Equal(Tashkent(4, 8), quiet.NextOutside(Tashkent(3, 23, 30)));
        Assert.Equal(Tashkent(4, 8), quiet.NextOutside(Tashkent(4, 2)));
        Assert.Equal(Tashkent(4, 12), quiet.NextOutside(Tashkent(4, 12)));
        Assert.False(new QuietHours(0, 0).Contains(Tashkent(4, 3)));
        Assert.Equal(new QuietHours(22 * 60, 7 * 60), quiet.NextPreset());
    }

    [Fact]
    public void The_summary_time_is_the_next_local_nine_out_of_quiet_hours()
    {
        var prefs = new UzumBot.Storage.AutomationMemberDocument();
        Assert.Equal(Tashkent(3, 9), AutomationScheduler.NextSummary(prefs, Tashkent(3, 8, 59)));
        Assert.Equal(Tashkent(4, 9), AutomationScheduler.NextSummary(prefs, Tashkent(3, 9)));
        // 07:00 falls inside 23–08: it goes at 08:00.
        prefs.SummaryAtMinutes = 7 * 60;
        Assert.Equal(Tashkent(4, 8), AutomationScheduler.NextSummary(prefs, Tashkent(3, 12)));
        // Tashkent is UTC+5 all year: 09:00 local is 04:00 UTC.
        Assert.Equal(4, AutomationScheduler.NextSummary(new UzumBot.Storage.AutomationMemberDocument(), Tashkent(3, 1)).UtcDateTime.Hour);
    }

    [Theory]
    [InlineData(12, 10, "+20\u00A0%")]
    [InlineData(9, 12, "−25\u00A0%")]
    [InlineData(5, 5, "0\u00A0%")]
    [InlineData(3, 0, "—")]
    [InlineData(1, 8, "−88\u00A0%")] // −87.5 rounds away from zero
    public void Changes_are_whole_percent_against_the_earlier_day(long current, long previous, string expected) =>
        Assert.Equal(expected, SummaryScreens.Delta(current, previous));

    [Fact]
    public void Day_counts_follow_the_finance_lines_and_Tashkent_days()
    {
        var day = new DateOnly(2026, 12, 2);
        var lines = new[]
        {
            Line(1, Tashkent(2, 0, 5), amount: 2, returns: 0, "PROCESSING"),
            Line(1, Tashkent(2, 10), amount: 1, returns: 1, "PROCESSING"),
            Line(2, Tashkent(2, 23, 59), amount: 0, returns: 0, "CANCELED"),
            Line(3, Tashkent(1, 23, 59), amount: 5, returns: 0, "PROCESSING"), // 1 Dec in Tashkent
            Line(4, Tashkent(3, 0, 0), amount: 5, returns: 0, "PROCESSING"),
        };
        var figures = SummaryDays.Of(day, lines, [], new Dictionary<string, long>());
        Assert.Equal(day, figures.Day);
        Assert.Equal(1, figures.Orders);
        Assert.Equal(3, figures.Units);
        Assert.Equal(1, figures.Cancelled);
        Assert.Equal(1, figures.Returns);
        Assert.Equal(3 * 1000, figures.Revenue);
    }

    private static OrderItem Line(long order, DateTimeOffset at, int amount, int returns, string status) =>
        new() { OrderId = order, Date = at, Amount = amount, AmountReturns = returns, Status = status, SkuTitle = "A-1", SellPrice = 1000 };

    [Fact]
    public void Days_of_stock_divide_stock_by_the_recent_daily_sales()
    {
        var products = new[]
        {
            new ProductCard
            {
                ProductId = 1, Title = "Shirt",
                SkuList =
                [
                    new ProductSku { SkuId = 11, SkuFullTitle = "A-1", QuantityActive = 4, QuantityFbs = 3 },  // 7 units, 14 sold: 7 days
                    new ProductSku { SkuId = 12, SkuFullTitle = "A-2", QuantityActive = 0, QuantityFbs = 0 },  // sold out
                    new ProductSku { SkuId = 13, SkuFullTitle = "A-3", QuantityActive = 50 },                   // no sales: not short
                    new ProductSku { SkuId = 14, SkuFullTitle = "A-4" },                                        // dormant
                    new ProductSku { SkuId = 15, SkuFullTitle = "A-5", QuantityFbs = 6, Archived = true },
                ],
            },
        };
        var lines = Enumerable.Range(0, 14).Select(_ => new OrderItem { SkuTitle = "A-1", Amount = 1 })
            .Append(new OrderItem { SkuTitle = "A-2", Amount = 3 })
            .Append(new OrderItem { SkuTitle = "A-1", Amount = 0, Status = "CANCELED" });
        var outlook = StockOutlook.Compute(products, lines);
        Assert.Equal(7.0, outlook.Single(s => s.Sku == "A-1").DaysLeft);
        Assert.Equal(["A-2"], StockOutlook.Short(outlook, 7).Select(s => s.Sku));
        Assert.Equal(["A-2", "A-1"], StockOutlook.Short(outlook, 8).Select(s => s.Sku));
        Assert.DoesNotContain(outlook, s => s.Sku is "A-4" or "A-5");
    }

    [Fact]
    public void Every_pushed_message_is_sendable_and_encodes_titles_T3()
    {
        var now = DateTimeOffset.UtcNow;
        var order = new SellerOrder
        {
            Id = 124_500_012, ShopId = 1, Status = OrderStatuses.Created, Scheme = "FBS", AcceptUntil = now.AddHours(3), Price = 149_000,
            OrderItems = [new OrderItem { ProductTitle = "Футболка *NEW* [XL] <хлопок> & 100% cotton_kids.", SkuTitle = "FUTB-1-ЧЕРН-S", Amount = 1, SellPrice = 149_000 }],
        };
        foreach (var lang in new[] { Lang.Ru, Lang.Uz })
        {
            var alert = Sendable.Assert("alert", PushScreens.Alert(lang, order, "Ali_<3", now));
            Assert.Contains("<хлопок> & 100%", alert);
            Assert.Contains("Ali_<3", alert);
            Assert.Equal(["oa", "ox", "lb", "lb"], PushScreens.Alert(lang, order, "s", now).Keyboard.SelectMany(r => r).Select(b => UzumBot.Rendering.CallbackData.Decode(b.Data)!.Name));
            Sendable.Assert("folded", PushScreens.Folded(lang, Enumerable.Range(0, 60).Select(i => order with { Id = order.Id + i }).ToList(), now));
            Sendable.Assert("digest", PushScreens.Digest(lang, Enumerable.Range(0, 200).Select(i => "🆕 " + PushScreens.OrderLine(lang, order)).ToList()));
            var skus = Enumerable.Range(0, 40).Select(i => new SkuOutlook(i, "S-" + i, "Футболка <b>", i % 3, i % 3 == 0 ? null : 2.5)).ToList();
            Sendable.Assert("low stock", PushScreens.LowStock(lang, skus, 7));
            Sendable.Assert("token", PushScreens.TokenRefused(lang));
            var day = new SummaryDay(new DateOnly(2026, 12, 2), 12, 15, 1, 2, 1_234_000, 300_000);
            var text = Sendable.Assert("summary", SummaryScreens.Summary(lang,
                new SummaryData("Ali_<3 & Co", day, day with { Orders = 10, Revenue = 1_000_000, Profit = 310_000 }, day with { Orders = 0 }, 3, now.AddHours(1), skus, 7), now, "fi"));
            Assert.Contains("+20\u00A0%", text);
            Assert.Contains("+23\u00A0%", text); // revenue 1 234 000 against 1 000 000
            Assert.Contains("−3\u00A0%", text);  // profit 300 000 against 310 000
        }
    }

    [Fact]
    public void The_rotation_command_parses()
    {
        Assert.Equal(RunMode.RotateServerKey, CommandLine.Parse(["automation", "rotate-key"]).Mode);
        Assert.NotNull(CommandLine.Parse(["automation", "rotate"]).Error);
        Assert.Equal(["--Storage:Path=x"], CommandLine.Parse(["automation", "rotate-key", "--Storage:Path=x"]).ConfigArgs);
        Assert.Contains("automation rotate-key", CommandLine.Usage);
    }

    [Fact]
    public void Alert_intervals_are_per_plan_with_three_minutes_by_default()
    {
        var options = new AutomationOptions { AlertIntervalMinutes = new() { ["CORPORATE"] = 1 } };
        Assert.Equal(TimeSpan.FromMinutes(1), options.AlertInterval("CORPORATE"));
        Assert.Equal(TimeSpan.FromMinutes(3), options.AlertInterval("BUSINESS"));
    }
}
