using UzumBot.Features.Finance;
using UzumBot.Uzum;

namespace UzumBot.Features.Automation;

/// <summary>One SKU's stock (FBO + FBS units) and how many days it lasts at the recent sales rate (null: no sales).</summary>
public sealed record SkuOutlook(long SkuId, string Sku, string Title, int Stock, double? DaysLeft)
{
    public bool IsOut => Stock == 0;
}

/// <summary>
/// Days of stock per SKU: units in stock ÷ (units sold over the window ÷ window days), units sold as the Finance
/// rules count them. A SKU with no stock and no sales is dormant, not "out".
/// </summary>
public static class StockOutlook
{
    public const int WindowDays = 14;

    public static IReadOnlyList<SkuOutlook> Compute(IEnumerable<ProductCard> products, IEnumerable<OrderItem> lines, int windowDays = WindowDays)
    {
        var sold = lines.Where(l => l.SkuTitle is not null).GroupBy(l => l.SkuTitle!).ToDictionary(g => g.Key, g => g.Sum(l => (long)FinanceRules.Units(l)));
        var result = new List<SkuOutlook>();
        foreach (var product in products)
        foreach (var sku in product.SkuList ?? [])
        {
            if (sku.Archived || sku.Blocked || sku.SkuFullTitle is not { Length: > 0 } code) continue;
            var stock = Math.Max(0, sku.QuantityActive) + Math.Max(0, sku.QuantityFbs);
            var units = sold.GetValueOrDefault(code);
            if (stock == 0 && units == 0) continue;
            double? days = units > 0 ? stock / (units / (double)windowDays) : null;
            result.Add(new SkuOutlook(sku.SkuId, code, sku.ProductTitle ?? product.Title ?? code, stock, days));
        }
        return result;
    }

    /// <summary>Out of stock, or lasting fewer than <paramref name="thresholdDays"/> days; the most urgent first.</summary>
    public static IReadOnlyList<SkuOutlook> Short(IEnumerable<SkuOutlook> skus, int thresholdDays) =>
        skus.Where(s => s.DaysLeft is { } d && d < thresholdDays || s.IsOut)
            .OrderBy(s => s.DaysLeft ?? 0).ThenBy(s => s.Sku, StringComparer.Ordinal).ToList();
}
