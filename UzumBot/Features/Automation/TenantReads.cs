using UzumBot.Features.Finance;
using UzumBot.Storage;
using UzumBot.Uzum;

namespace UzumBot.Features.Automation;

/// <summary>What the jobs read from UZUM for a whole tenant (all shops its plan allows), with no session.</summary>
public static class TenantReads
{
    public const int OrderCap = 500;
    private const int ProductPage = 100;

    public static IReadOnlyList<long> ShopIds(TenantDocument tenant, DateTimeOffset now) =>
        tenant.Shops.Take(Plans.For(tenant, now).MaxShops).Select(s => s.Id).ToArray();

    public static string ShopName(TenantDocument tenant, long shopId) =>
        tenant.Shops.FirstOrDefault(s => s.Id == shopId)?.Name ?? shopId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Every product of the shops, page by page until a short page.</summary>
    public static async Task<IReadOnlyList<ProductCard>> ProductsAsync(IUzumClient uzum, UzumToken token, IReadOnlyList<long> shopIds, CancellationToken ct)
    {
        var all = new List<ProductCard>();
        foreach (var shopId in shopIds)
        {
            for (var page = 0; ; page++)
            {
                var products = (await uzum.GetProductsAsync(token, shopId, page, ProductPage, null, ct)).Products;
                all.AddRange(products);
                if (products.Count < ProductPage) break;
            }
        }
        return all;
    }

    /// <summary>The last <see cref="StockOutlook.WindowDays"/> whole local days before today.</summary>
    public static FinancePeriod RecentDays(DateTimeOffset now)
    {
        var today = FinancePeriod.DayOf(now);
        return new FinancePeriod(today.AddDays(-StockOutlook.WindowDays), today.AddDays(-1));
    }

    /// <summary>The finance lines of <see cref="RecentDays"/> (the API takes both ends included: one second before midnight).</summary>
    public static Task<IReadOnlyList<OrderItem>> RecentLinesAsync(IUzumClient uzum, UzumToken token, IReadOnlyList<long> shopIds, DateTimeOffset now, CancellationToken ct)
    {
        var period = RecentDays(now);
        return uzum.GetFinanceOrdersAsync(token, shopIds, period.Start, period.End - TimeSpan.FromSeconds(1), ct);
    }
}
