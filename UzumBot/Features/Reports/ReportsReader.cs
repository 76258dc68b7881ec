using UzumBot.Caching;
using UzumBot.Features.Finance;
using UzumBot.Uzum;

namespace UzumBot.Features.Reports;

/// <summary>
/// Fetches what a report needs, once: the catalogue of each shop (pages of 100 until a short page; stock by scheme and
/// cost price), the finance lines of the period (all schemes) and, for profit, its expenses. Reads go through the
/// short cache so a second report of the same shops and period makes no new calls.
/// </summary>
public sealed class ReportsReader(ShortCache cache, Storage.CostPriceStore costs)
{
    public const int CatalogPageSize = 100;
    /// <summary>At most this many catalogue pages a shop (10 000 products).</summary>
    public const int MaxCatalogPages = 100;
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

    private Task<IReadOnlyList<StockSku>> CatalogAsync(SessionContext session, long shopId, CancellationToken ct) =>
        cache.GetOrFetchAsync($"{session.Tenant.Id}:reports:catalog:{shopId}", CacheTtl, async () =>
        {
            var products = new List<ProductCard>();
            for (var page = 0; page < MaxCatalogPages; page++)
            {
                var read = await session.Uzum.GetProductsAsync(session.Token, shopId, page, CatalogPageSize, null, ct);
                products.AddRange(read.Products);
                if (read.Products.Count < CatalogPageSize) break;
            }
            return StockSku.From(shopId, products);
        });

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
