using UzumBot.Features.Catalog;

namespace UzumBot.Tests.Features.Catalog;

public sealed class CatalogSearchTests
{
    private static readonly CatalogProduct Shirt = CatalogData.Product(1, "Футболка мужская, хлопок",
        CatalogData.Sku(11, "FUTB-1-ЧЕРН-S", sellerCode: "SC-4411", barcode: "4780000000011"));
    private static readonly CatalogProduct Dress = CatalogData.Product(2, "Atlas koʻylak, milliy naqsh",
        CatalogData.Sku(21, "ATLS-2-ЗЕЛЕН-M", article: "ART-77"));
    private static readonly CatalogProduct Pan = CatalogData.Product(3, "Qozon, choʻyan 8 l", CatalogData.Sku(31, "QOZN-3-ЧЕРН"));
    private static readonly CatalogProduct[] All = [Shirt, Dress, Pan];

    [Theory]
    [InlineData("ФУТБОЛКА", 1)]
    [InlineData("мужская хлопок", 1)]          // every word, in any order
    [InlineData("хлопок мужская", 1)]
    [InlineData("futbolka", 1)]                // Latin for a Cyrillic title
    [InlineData("sc-4411", 1)]                 // seller item code, any case
    [InlineData("art-77", 2)]                  // article
    [InlineData("4780000000011", 1)]           // barcode
    [InlineData("atls-2-зелен", 2)]            // skuFullTitle, mixed scripts
    [InlineData("atls-2-zelen", 2)]            // the Cyrillic part typed in Latin
    [InlineData("ko'ylak", 2)]                 // an ASCII apostrophe for ʻ
    [InlineData("ko‘ylak", 2)]
    [InlineData("koylak", 2)]
    [InlineData("ҚОЗОН", 3)]                   // Uzbek Cyrillic for a Latin title
    [InlineData("chоʻyan", 3)]                 // a Cyrillic о inside a Latin word
    public void A_query_finds_its_product(string query, long expected) =>
        Assert.Equal([expected], CatalogSearch.Find(All, query).Select(p => p.Id));

    [Theory]
    [InlineData("черн", new long[] { 1, 3 })]
    [InlineData("chern", new long[] { 1, 3 })]
    [InlineData("шёлк", new long[0])]
    [InlineData("   ", new long[0])]
    [InlineData("футболка платье", new long[0])]
    public void Several_or_none(string query, long[] expected) =>
        Assert.Equal(expected, CatalogSearch.Find(All, query).Select(p => p.Id));

    [Fact]
    public void A_query_is_trimmed_folded_and_capped()
    {
        Assert.Equal("a b", CatalogSearch.Clean("  a \n\t b  "));
        Assert.Equal(CatalogSearch.MaxQueryLength, CatalogSearch.Clean(new string('я', 500)).Length);
    }
}
