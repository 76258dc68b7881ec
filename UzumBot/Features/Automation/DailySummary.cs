using UzumBot.Features.Menu;
using UzumBot.Storage;
using UzumBot.Uzum;

namespace UzumBot.Features.Automation;

/// <summary>Reads and sends one member's daily summary (the scheduler keeps it out of quiet hours).</summary>
public sealed class DailySummary(Database db, ISummaryMoney money, Pushes pushes, IEnumerable<MenuEntry> menuEntries)
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
        var today = DayCounts.DayOf(now);
        var lines = await TenantReads.RecentLinesAsync(uzum, token, shops, now, ct);
        async Task<DayFigures> Day(DateOnly day)
        {
            var dayLines = DayCounts.LinesOf(lines, day);
            return DayCounts.Count(day, dayLines, await money.ForDayAsync(uzum, token, shops, day, dayLines, ct));
        }
        var yesterday = await Day(today.AddDays(-1));
        var dayBefore = await Day(today.AddDays(-2));
        var weekBefore = await Day(today.AddDays(-8));

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
