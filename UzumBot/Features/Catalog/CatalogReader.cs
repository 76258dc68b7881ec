using System.Globalization;
using UzumBot.Caching;
using UzumBot.Uzum;

namespace UzumBot.Features.Catalog;

/// <summary>
/// The session's catalogue, read whole (pages of 100 per shop) and cached per shop for a few minutes, so the list,
/// its filters, three searches and a card cost one read; 🔄 drops it. Also keeps typed search queries server-side
/// behind short numeric keys, and the last 30 days' sales per SKU for days of stock.
/// </summary>
public sealed class CatalogReader(ShortCache cache, TimeProvider time)
{
    public const int PageSize = 100;
    /// <summary>Safety stop: 50 pages of 100 products per shop.</summary>
    public const int MaxPages = 50;
    public static readonly TimeSpan CatalogTtl = TimeSpan.FromMinutes(3);
    public static readonly TimeSpan QueryTtl = TimeSpan.FromHours(6);
    public static readonly TimeSpan SalesTtl = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan SalesWindow = TimeSpan.FromDays(30);

    private const long MaxQueryKeys = 1_000_000;
    private long _nextQuery;

    public async Task<IReadOnlyList<CatalogProduct>> ProductsAsync(SessionContext session, CancellationToken ct)
    {
        var all = new List<CatalogProduct>();
        foreach (var shopId in session.ShopIds) all.AddRange(await ShopAsync(session, shopId, ct));
        return all;
    }

    /// <summary>One shop's whole catalogue (pages of 100 until a short page), cached: every module reading products shares it.</summary>
    public Task<IReadOnlyList<CatalogProduct>> ShopAsync(SessionContext session, long shopId, CancellationToken ct) =>
        cache.GetOrFetchAsync(Key(session, shopId), CatalogTtl, () => ReadShopAsync(session, shopId, ct));

    public async Task<CatalogProduct?> FindAsync(SessionContext session, long productId, CancellationToken ct) =>
        (await ProductsAsync(session, ct)).FirstOrDefault(p => p.Id == productId);

    /// <summary>🔄 and after a change: the next read goes to UZUM.</summary>
    public void Invalidate(SessionContext session)
    {
        foreach (var shopId in session.ShopIds) cache.Invalidate(Key(session, shopId));
    }

    private static string Key(SessionContext session, long shopId) => $"{session.Tenant.Id}:catalog:{shopId}";

    private static async Task<IReadOnlyList<CatalogProduct>> ReadShopAsync(SessionContext session, long shopId, CancellationToken ct)
    {
        var products = new List<CatalogProduct>();
        for (var page = 0; page < MaxPages; page++)
        {
            var result = await session.Uzum.GetProductsAsync(session.Token, shopId, page, PageSize, null, ct);
            products.AddRange(result.Products.Select(p => new CatalogProduct(shopId, p)));
            if (result.Products.Count < PageSize) break;
        }
        return products;
    }

    // ---- search queries, kept server-side -------------------------------------------------------------------

    /// <summary>Keys are short (under a million, then around again): they only have to tell apart one chat's recent searches.</summary>
    public long Remember(SessionContext session, string query)
    {
        var key = Interlocked.Increment(ref _nextQuery) % MaxQueryKeys;
        _ = cache.GetOrFetchAsync(QueryKey(session, key), QueryTtl, () => Task.FromResult(query));
        return key;
    }

    public string? Recall(SessionContext session, long key) =>
        cache.TryGet<string>(QueryKey(session, key), out var query) ? query : null;

    private static string QueryKey(SessionContext session, long key) => $"catalog-query:{session.Update.ChatId}:{key}";

    // ---- sales rate -----------------------------------------------------------------------------------------

    /// <summary>The key of <see cref="SoldLast30DaysAsync"/>: one code can be a SKU in two shops, each selling on its own.</summary>
    public static string SoldKey(long shopId, string code) => string.Create(CultureInfo.InvariantCulture, $"{shopId}:{code}");

    /// <summary>
    /// Units sold per shop and SKU code (<c>skuFullTitle</c>, which finance lines call <c>skuTitle</c>) in the last 30 days, from
    /// the finance lines that cover FBO, FBS and DBS alike. Cancelled lines carry amount 0 and a return moves the
    /// units to <c>amountReturns</c>, so Σ amount is what was really sold. Null when UZUM would not tell.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, int>?> SoldLast30DaysAsync(SessionContext session, CancellationToken ct)
    {
        try
        {
            return await cache.GetOrFetchAsync($"{session.Tenant.Id}:catalog:sold30:{string.Join(',', session.ShopIds)}", SalesTtl, async () =>
            {
                var to = time.GetUtcNow();
                var lines = await session.Uzum.GetFinanceOrdersAsync(session.Token, session.ShopIds, to - SalesWindow, to, ct);
                IReadOnlyDictionary<string, int> sold = lines
                    .Where(l => !string.IsNullOrEmpty(l.SkuTitle))
                    .GroupBy(l => SoldKey(l.ShopId, l.SkuTitle!), StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.Sum(l => Math.Max(0, l.Amount)), StringComparer.Ordinal);
                return sold;
            });
        }
        catch (Exception ex) when (ex is UzumUnavailableException or UzumApiException)
        {
            return null;
        }
    }

    /// <summary>Days the SKU's stock (FBO + FBS) lasts at the 30-day rate; null when nothing sold (it does not run out by selling).</summary>
    public static int? DaysOfStock(int stock, int soldIn30Days) =>
        soldIn30Days <= 0 ? null : (int)Math.Floor(stock * SalesWindow.TotalDays / soldIn30Days);
}
