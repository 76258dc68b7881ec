using UzumBot.Uzum;

namespace UzumBot.Features.Catalog;

/// <summary>A product of one shop as the catalogue shows it: UZUM's card plus the shop it was read from.</summary>
public sealed record CatalogProduct(long ShopId, ProductCard Card)
{
    /// <summary>At or under this many units in all (FBO + FBS) a product is marked 🟡 low.</summary>
    public const int LowStockUnits = 5;

    private static readonly HashSet<string> BlockedStatuses = new(StringComparer.OrdinalIgnoreCase) { "BLOCKED", "SKU_BLOCKED", "PERM_BANNED" };

    public long Id => Card.ProductId;
    public string Title => string.IsNullOrWhiteSpace(Card.Title) ? "#" + Card.ProductId : Card.Title;
    public IReadOnlyList<ProductSku> Skus => Card.SkuList ?? [];

    /// <summary>FBO stock (UZUM's warehouse, <c>quantityActive</c>), summed over SKUs when UZUM lists them.</summary>
    public int Fbo => Skus.Count > 0 ? Skus.Sum(s => s.QuantityActive) : Card.QuantityActive;

    public int Fbs => Skus.Count > 0 ? Skus.Sum(s => s.QuantityFbs) : Card.QuantityFbs;

    public int Stock => Fbo + Fbs;

    public int Sold => Skus.Count > 0 ? Skus.Sum(s => s.QuantitySold) : Card.QuantitySold;

    public long MinPrice => Prices.DefaultIfEmpty(Card.Price).Min();

    public long MaxPrice => Prices.DefaultIfEmpty(Card.Price).Max();

    private IEnumerable<long> Prices => Skus.Select(s => s.Price).Where(p => p > 0);

    public bool IsArchived => string.Equals(Card.Status?.Value, "ARCHIVED", StringComparison.OrdinalIgnoreCase)
                              || (Skus.Count > 0 && Skus.All(s => s.Archived));

    /// <summary>Blocked by UZUM or with a warning: a blocked status, a blocked SKU, or complaints in moderation.</summary>
    public bool HasProblem => BlockedStatuses.Contains(Card.Status?.Value ?? "")
                              || Skus.Any(s => s.Blocked)
                              || string.Equals(Card.ModerationStatus?.Value, "HAS_COMPLAINTS", StringComparison.OrdinalIgnoreCase);

    /// <summary>🔴 out of stock or blocked, 🟡 low (few units, or a SKU run out), 🟢 in stock.</summary>
    public string Mark =>
        HasProblem || IsArchived || Stock == 0 ? "🔴"
        : Stock <= LowStockUnits || Skus.Any(s => !s.Archived && s.QuantityActive + s.QuantityFbs == 0) ? "🟡"
        : "🟢";

    public ProductSku? Sku(long skuId) => Skus.FirstOrDefault(s => s.SkuId == skuId);

    public bool Matches(CatalogFilter filter) => filter switch
    {
        CatalogFilter.Active => !IsArchived && !HasProblem && Stock > 0,
        CatalogFilter.OutOfStock => !IsArchived && Stock == 0,
        CatalogFilter.Problems => !IsArchived && HasProblem,
        CatalogFilter.Archive => IsArchived,
        _ => !IsArchived,
    };
}

/// <summary>The UZUM product filters a seller uses (ALL without the archive, ACTIVE, out of stock, WARNING/blocked, ARCHIVE).</summary>
public enum CatalogFilter { All, Active, OutOfStock, Problems, Archive }

/// <summary>Orders: most sold first; price: cheapest first; stock: least stock first (what runs out soonest).</summary>
public enum CatalogSort { Default, Orders, Price, Stock }

public static class CatalogOrdering
{
    public static IEnumerable<CatalogProduct> Sorted(this IEnumerable<CatalogProduct> products, CatalogSort sort) => sort switch
    {
        CatalogSort.Orders => products.OrderByDescending(p => p.Sold).ThenBy(p => p.Id),
        CatalogSort.Price => products.OrderBy(p => p.MinPrice).ThenBy(p => p.Id),
        CatalogSort.Stock => products.OrderBy(p => p.Stock).ThenBy(p => p.Id),
        _ => products,
    };
}
