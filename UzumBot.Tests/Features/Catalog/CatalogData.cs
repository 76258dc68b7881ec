using UzumBot.Features.Catalog;
using UzumBot.Uzum;

namespace UzumBot.Tests.Features.Catalog;

/// <summary>Catalogue products for screen and search tests.</summary>
internal static class CatalogData
{
    public static ProductSku Sku(long skuId, string code, int fbo = 10, int fbs = 5, long price = 149_000, string? sellerCode = null,
        string? article = null, string? barcode = null, bool blocked = false, bool archived = false) => new()
    {
        SkuId = skuId, SkuTitle = code[(code.LastIndexOf('-') + 1)..], SkuFullTitle = code, Barcode = barcode ?? (4_780_000_000_000 + skuId).ToString(System.Globalization.CultureInfo.InvariantCulture),
        Price = price, MarketPrice = price + 20_000, QuantityActive = fbo, QuantityFbs = fbs, QuantitySold = 52, ReturnedPercentage = 10.34,
        Commission = 25, Characteristics = "Qora, M", SellerItemCode = sellerCode, Article = article, Blocked = blocked, Archived = archived,
        PreviewImage = "https://images.uzum.uz/key" + skuId,
    };

    public static CatalogProduct Product(long id, string title, params ProductSku[] skus) => Product(id, title, "IN_STOCK", skus);

    public static CatalogProduct Product(long id, string title, string status, params ProductSku[] skus) => new(70412, new ProductCard
    {
        ProductId = id, Title = title, Category = "Kiyim", Rating = "4.8", FeedbackQuantity = 37, SkuTitle = "CODE-" + id,
        Status = new ProductStatus(status, status == "IN_STOCK" ? "Sotuvda" : status), CommissionDto = new CommissionRange(15, 25),
        Image = $"https://images.uzum.uz/key{id}/t_product_540_high.jpg", SkuList = skus,
    });
}
