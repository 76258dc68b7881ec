using UzumBot.Features.Dashboard;
using UzumBot.Features.Finance;
using UzumBot.Features.Orders;
using UzumBot.Security;
using UzumBot.Tests.Support;
using UzumBot.Uzum;
using static UzumBot.Tests.Features.Finance.FinanceRulesTests;

namespace UzumBot.Tests.Features.Dashboard;

public sealed class DashboardScreensTests
{
    private static readonly DateTimeOffset Now = new(2026, 8, 12, 9, 0, 0, TimeSpan.Zero);

    private static DashboardData Data()
    {
        var period = FinancePeriod.LastDays(7, Now);
        ProductCard[] catalogue =
        [
            new() { ProductId = 1, SkuList = [new() { SkuId = 11, SkuFullTitle = "BAHOR-ATLASKOYLAK-ЗЕЛЕН-M", QuantityActive = 1, QuantityFbs = 0 },
                                              new() { SkuId = 12, SkuFullTitle = "EMPTY", QuantityActive = 0, QuantityFbs = 0 }] },
        ];
        var created = new CappedList<SellerOrder>([new() { Id = 1, AcceptUntil = Now.AddMinutes(50) }, new() { Id = 2, AcceptUntil = Now.AddHours(20) }], false);
        var counts = OrderStatuses.All.Select(s => new StatusCount(s, s == OrderStatuses.Completed ? null : 3L)).ToList();
        var lines = ReferenceLines.Select(l => l with { Date = Now.AddDays(-1) }).ToList();
        return new DashboardData(period, catalogue, created, counts, new FinanceData(period, lines, ReferenceExpenses));
    }

    [Fact]
    public void An_owner_sees_money_marks_and_a_count_that_failed_as_unknown()
    {
        var caption = new DashboardScreens(Sessions.For(), Now).Caption("7", Data(), new Dictionary<string, long>());
        Assert.Contains("💰 Выручка 747\u00A0000\u00A0сум · комиссия 186\u00A0750 · прибыль 116\u00A0960 (15,7\u00A0%)", caption.Html);
        Assert.Contains("📋 🆕 3 · 📦 6 · 🚚 12 · ✅ ? · ❌ 9", caption.Html);
        Assert.Contains("🔴 Принять в ближайшие 2 часа: 1", caption.Html);
        Assert.Contains("🟡 Ждут принятия: 1", caption.Html);
        Assert.Contains("🔴 SKU закончились: 1", caption.Html);
        Assert.Contains("🟡 SKU закончатся за неделю: 1", caption.Html); // 1 unit left, 2 sold in 7 days
        Assert.Contains("⚠️ Часть данных временно недоступна.", caption.Html);
        Assert.True(caption.Html.Length < 1024);
    }

    [Fact]
    public void A_manager_sees_counts_but_no_money_in_the_caption_or_the_chart()
    {
        var session = Sessions.For(role: Role.Manager);
        var screens = new DashboardScreens(session, Now);
        var caption = screens.Caption("7", Data(), new Dictionary<string, long>());
        Assert.DoesNotContain("💰", caption.Html);
        Assert.DoesNotContain("сум", caption.Html);
        Assert.Contains("📦 Товаров 1", caption.Html);
        var labels = screens.ChartLabels(Data().Period);
        Assert.Null(labels.Revenue);
        Assert.DoesNotContain("Выручка", labels.Title);
    }
}
