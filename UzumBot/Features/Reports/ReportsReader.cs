using UzumBot.Caching;
using UzumBot.Features.Finance;
using UzumBot.Uzum;

namespace UzumBot.Features.Reports;

/// <summary>
/// Fetches what a report needs, once: the catalogue of each shop (the catalogue module's cached read; stock by scheme and
/// cost price), the finance lines of the period (all schemes) and, for profit, its expenses. Reads go through the
/// short cache so a second report of the same shops and period makes no new calls.
/// </summary>
public sealed class ReportsReader(ShortCache cache, Catalog.CatalogReader catalog, Storage.CostPriceStore costs)
{
    private static readonly TimeSpan CacheTtl = TimeSpan.FromMinutes(2);

    /// <param name="progress">Told before each read: a progress-line key of <c>reports.progress.*</c> and the shop's number and count.</param>
    public async Task<ReportInput> LoadAsync(SessionContext session, IReadOnlyList<long> shopIds, FinancePeriod period, ReportNeeds needs,
        Func<string, int, int, Task> progress, CancellationToken ct)
    {
        var skus = new List<StockSku>();
        for (var i = 0; i < shopIds.Count; i++)
        {
            await progress("reports.progress.catalog", i + 1, shopIds.Count);
            skus.AddRange(await CatalogAsync(session, shopIds[i], ct));
        }
        IReadOnlyList<OrderItem> lines = [];
        if (needs.HasFlag(ReportNeeds.Sales))
        {
            await progress("reports.progress.finance", 0, 0);
            lines = await cache.GetOrFetchAsync(Key(session, shopIds, "finance", period), CacheTtl,
                () => session.Uzum.GetFinanceOrdersAsync(session.Token, shopIds, period.Start, period.End, ct));
        }
        IReadOnlyList<Expense> expenses = [];
        if (needs.HasFlag(ReportNeeds.Expenses))
        {
            await progress("reports.progress.expenses", 0, 0);
            expenses = await cache.GetOrFetchAsync(Key(session, shopIds, "expenses", period), CacheTtl,
                () => session.Uzum.GetExpensesAsync(session.Token, shopIds, period.Start, period.End, ct));
        }
        return new ReportInput(period, skus, FinanceRules.Within(lines, period).ToList(), FinanceRules.Within(expenses, period).ToList(),
            costs.ForTenant(session.Tenant.Id));
    }

    private async Task<IReadOnlyList<StockSku>> CatalogAsync(SessionContext session, long shopId, CancellationToken ct) =>
        StockSku.From(shopId, (await catalog.ShopAsync(session, shopId, ct)).Select(p => p.Card));

    private static string Key(SessionContext session, IReadOnlyList<long> shopIds, string kind, FinancePeriod period) =>
        $"{session.Tenant.Id}:{string.Join(',', shopIds)}:reports:{kind}:{period}";
}

/// <summary>Which UZUM reads a report needs beyond the catalogue.</summary>
[Flags]
public enum ReportNeeds
{
    Catalog = 0,
    Sales = 1,
    Expenses = 2,
}
