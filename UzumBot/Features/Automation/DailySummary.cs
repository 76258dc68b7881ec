using UzumBot.Features.Finance;
using UzumBot.Features.Menu;
using UzumBot.Storage;
using UzumBot.Uzum;

namespace UzumBot.Features.Automation;

/// <summary>Reads and sends one member's daily summary (the scheduler keeps it out of quiet hours).</summary>
public sealed class DailySummary(Database db, CostPriceStore costs, Pushes pushes, IEnumerable<MenuEntry> menuEntries)
{
    private readonly string? _financeCommand = menuEntries.FirstOrDefault(e => e.Slot == MenuSlot.Finance)?.Command;

    public async Task<Outcome> RunAsync(TenantDocument tenant, MemberDocument member, IUzumClient uzum, UzumToken token, DateTimeOffset now, CancellationToken ct)
    {
        var data = await ReadAsync(tenant, uzum, token, now, ct);
        return await pushes.SendAsync(member.UserId, SummaryScreens.Summary(pushes.LangOf(member.UserId), data, now, _financeCommand));
    }

    public async Task<SummaryData> ReadAsync(TenantDocument tenant, IUzumClient uzum, UzumToken token, DateTimeOffset now, CancellationToken ct)
    {
        var shops = TenantReads.ShopIds(tenant, now);
        var today = FinancePeriod.DayOf(now);
        var lines = await TenantReads.RecentLinesAsync(uzum, token, shops, now, ct);
        var weekStart = FinancePeriod.StartOf(today.AddDays(-8));
        var expenses = await uzum.GetExpensesAsync(token, shops, weekStart, FinancePeriod.StartOf(today) - TimeSpan.FromSeconds(1), ct);
        var costPrices = costs.ForTenant(tenant.Id);
        SummaryDay Day(int daysAgo) => SummaryDays.Of(today.AddDays(-daysAgo), lines, expenses, costPrices);
        var (yesterday, dayBefore, weekBefore) = (Day(1), Day(2), Day(8));

        var waiting = (await uzum.GetAllOrdersAsync(token, shops, OrderStatuses.Created, TenantReads.OrderCap, ct)).Items;
        var products = await TenantReads.ProductsAsync(uzum, token, shops, ct);
        var threshold = db.Automation.FindById(tenant.Id)?.LowStockDays ?? 7;
        return new SummaryData(
            ShopTitle(tenant, shops),
            yesterday, dayBefore, weekBefore,
            waiting.Count,
            waiting.Select(o => o.AcceptUntil).Where(d => d is not null).Min(),
            StockOutlook.Short(StockOutlook.Compute(products, lines), threshold),
            threshold);
    }

    private static string ShopTitle(TenantDocument tenant, IReadOnlyList<long> shops) =>
        string.Join(", ", shops.Select(id => TenantReads.ShopName(tenant, id)));
}
