using UzumBot.Features.Catalog;
using UzumBot.Localization;
using UzumBot.Rendering;
using UzumBot.Security;
using UzumBot.Tests.Fakes;
using UzumBot.Tests.Support;
using UzumBot.Uzum;

namespace UzumBot.Tests.Features.Catalog;

/// <summary>T1–T3 for the catalogue: a 130-product shop with long titles full of special characters stays sendable everywhere.</summary>
public sealed class CatalogScreensTests
{
    private const string Special = "Футболка *NEW* [XL] <хлопок> & 100% cotton_kids. «Rishton» — qoʻlda `шёлк` #1 | 50% off! &amp; </b> 👕🧵 ";
    private const long BigId = 99_999_999_999;

    public static IEnumerable<object[]> Languages() => [[Lang.Ru], [Lang.Uz]];

    private static string LongTitle(int i) => string.Concat(Enumerable.Repeat(Special, 4)) + i;

    private static IReadOnlyList<CatalogProduct> Shop()
    {
        var products = new List<CatalogProduct>();
        for (var i = 0; i < 130; i++)
        {
            var skus = Enumerable.Range(0, i == 7 ? 45 : 1 + i % 4).Select(k => CatalogData.Sku(BigId - i * 100 - k,
                $"VERY-LONG-SELLER-CODE-{i}-{k}-ЧЕРНЫЙ-ХЛОПОК-<&>-XXL-" + new string('Ж', 40),
                fbo: i % 5 == 0 ? 0 : 99_999, fbs: i % 3 == 0 ? 0 : 99_999, price: 999_999_999 - i) with { Characteristics = Special + Special }).ToArray();
            var status = i % 11 == 0 ? "BLOCKED" : i % 13 == 0 ? "ARCHIVED" : "IN_STOCK";
            var product = CatalogData.Product(BigId - i, LongTitle(i), status, skus);
            products.Add(product with { Card = product.Card with { Category = Special, SkuTitle = Special, Status = new ProductStatus(status, Special) } });
        }
        return products;
    }

    private static IEnumerable<(string Name, Screen Screen)> AllScreens(Lang lang, Role role)
    {
        var session = Sessions.For(lang, role);
        var screens = new CatalogScreens(session);
        var shop = Shop();
        foreach (var filter in Enum.GetValues<CatalogFilter>())
        foreach (var sort in Enum.GetValues<CatalogSort>())
            for (var page = 0; page < 14; page++)
                yield return ($"list {filter} {sort} {page}", screens.List(shop, new CatalogView(filter, sort, page)));
        var query = new string('Ж', CatalogSearch.MaxQueryLength);
        var searchView = new CatalogView(CatalogFilter.All, CatalogSort.Default, 12, 999_999);
        for (var page = 0; page < 14; page++)
            yield return ($"results {page}", screens.SearchResults(shop, query, searchView.WithPage(page)));
        yield return ("results none", screens.SearchResults([], Special, searchView));
        yield return ("ask search", screens.AskSearch("catalog.search.empty_query"));
        yield return ("expired", screens.SearchExpired());
        yield return ("empty shop", screens.List([], CatalogView.Start));
        yield return ("not found", screens.NotFound());

        var sold = shop.SelectMany(p => p.Skus).ToDictionary(s => s.SkuFullTitle!, s => (int)(s.SkuId % 1000));
        foreach (var product in new[] { shop[0], shop[7], shop[11], shop[13] })
        foreach (var back in new[] { new CatalogView(CatalogFilter.Problems, CatalogSort.Stock, 13), searchView })
        {
            for (var skuPage = 0; skuPage < 7; skuPage++)
            {
                yield return ($"card {product.Id} {skuPage} {back.Token}", screens.Card(product, skuPage, back, sold));
                yield return ($"card without sales {product.Id} {skuPage}", screens.Card(product, skuPage, back, null));
            }
            var sku = product.Skus[^1];
            var row = new SkuStock { SkuId = sku.SkuId, SkuTitle = sku.SkuFullTitle, Barcode = sku.Barcode, Amount = 99_999 };
            yield return ("ask stock", screens.AskStock(product, sku, row, back, "catalog.stock.too_big"));
            yield return ("stock preview", screens.StockPreview(product, sku, row, CatalogInput.MaxStock, back));
            yield return ("not fbs", screens.StockNotOnFbs(product, sku, back));
            yield return ("stock done", screens.StockResult(product, sku, 5, 5, null, false, back));
            yield return ("stock differs", screens.StockResult(product, sku, 5, 4, null, false, back));
            yield return ("stock unanswered", screens.StockResult(product, sku, 5, null, null, true, back));
            yield return ("stock rejected", screens.StockResult(product, sku, 5, 4, "storage-service-05<&>", false, back));
            yield return ("ask price", screens.AskPrice(product, sku, back, "catalog.price.full_below_sell"));
            yield return ("price preview", screens.PricePreview(product, sku, CatalogInput.MaxPrice, CatalogInput.MaxPrice, back));
            yield return ("price preview crossed", screens.PricePreview(product, sku, 1, CatalogInput.MaxPrice, back));
            yield return ("price done", screens.PriceResult(product, sku, sku.Price, false, back));
            yield return ("price failed", screens.PriceResult(product, null, 1, true, back));
            var photo = screens.Photo(product, ProductPhoto.UrlFor(product)!, back);
            Assert.InRange(Sendable.Assert("photo caption", photo.Caption).Length, 1, 1024);
            yield return ("photo fallback", photo.Caption with { Html = photo.FallbackHtml + "\n\n" + photo.Caption.Html });
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_catalogue_screen_fits_Telegram_for_a_130_product_shop_with_long_special_titles(Lang lang)
    {
        var count = 0;
        foreach (var role in new[] { Role.Owner, Role.Viewer })
        foreach (var (name, screen) in AllScreens(lang, role))
        {
            var text = Sendable.Assert(name, screen);
            Assert.All(screen.Keyboard.SelectMany(r => r), b => Assert.Matches("^1:(p[a-z]*|nop|m|fcp)(:|$)", b.Data));
            Assert.DoesNotContain("<хлопок>", screen.Html);
            if (name.StartsWith("card", StringComparison.Ordinal)) Assert.Contains("ID ", text);
            count++;
        }
        Assert.True(count > 700, $"{count} screens");
    }

    [Fact]
    public void Titles_arrive_encoded_and_whole_in_the_card()
    {
        var product = CatalogData.Product(1, "Футболка *NEW* [XL] <хлопок> & 100% cotton_kids.", CatalogData.Sku(1, "FUTB-1-ЧЕРН-S"));
        var html = new CatalogScreens(Sessions.For()).Card(product, 0, CatalogView.Start, null).Html;
        Assert.True(TelegramHtml.TryParse(html, true, out var parsed, out var error), error);
        Assert.Contains(product.Title, parsed.Text);
    }

    [Fact]
    public void A_catalogue_page_shows_ten_products_with_their_figures_and_the_filter_counts()
    {
        var shop = Enumerable.Range(1, 23).Select(i => CatalogData.Product(i, "Товар " + i, CatalogData.Sku(i, $"T-{i}", fbo: i, fbs: 1, price: i * 1000))).ToArray();
        var screen = new CatalogScreens(Sessions.For()).List(shop, new CatalogView(CatalogFilter.All, CatalogSort.Price, 2));
        var text = Sendable.Assert("page 3", screen);
        Assert.Contains("стр. 3/3", text);
        Assert.Contains("21. 🟢 Товар 21", text);
        Assert.Contains("SKU 1 · FBO 21 · FBS 1 · 21 000 сум".Replace(' ', ' '), text.Replace('\u00A0', ' ').Replace(' ', ' '));
        Assert.DoesNotContain("20. ", text);
        Assert.Contains(screen.Keyboard.SelectMany(r => r), b => b.Text == "✓ 💰 По цене");
        Assert.Contains(screen.Keyboard.SelectMany(r => r), b => b.Text == "✓ Все 23");
        Assert.Equal(["21", "22", "23"], screen.Keyboard[0].Select(b => b.Text));
    }

    [Fact]
    public void A_brand_new_shop_says_there_are_no_products_yet()
    {
        var text = Sendable.Assert("empty", new CatalogScreens(Sessions.For()).List([], CatalogView.Start));
        Assert.Contains("Товаров пока нет.", text);
        Assert.Contains("стр. 1/1", text);
    }

    [Fact]
    public void A_search_button_carries_a_short_key_not_the_query()
    {
        var query = "Футболка хлопковая детская белая";
        var view = new CatalogView(CatalogFilter.All, CatalogSort.Default, 0, 42);
        var screen = new CatalogScreens(Sessions.For()).SearchResults([CatalogData.Product(1, query, CatalogData.Sku(1, "A-1"))], query, view);
        Assert.Contains(query, Sendable.Assert("results", screen));
        Assert.All(screen.Keyboard.SelectMany(r => r), b => Assert.DoesNotContain("Футболка", b.Data));
        Assert.Contains(screen.Keyboard.SelectMany(r => r), b => b.Data == CallbackData.Encode(CatalogFeature.Card, 1, 0, "q.42.0"));
    }

    [Fact]
    public void A_viewer_gets_no_edit_buttons_and_an_owner_gets_two_per_SKU()
    {
        var product = CatalogData.Product(1, "a", CatalogData.Sku(1, "A-1"), CatalogData.Sku(2, "A-2"));
        Assert.DoesNotContain(new CatalogScreens(Sessions.For(role: Role.Viewer)).Card(product, 0, CatalogView.Start, null).Keyboard.SelectMany(r => r),
            b => b.Data.StartsWith("1:pe", StringComparison.Ordinal) || b.Data.StartsWith("1:pv", StringComparison.Ordinal));
        var owner = new CatalogScreens(Sessions.For(role: Role.Manager)).Card(product, 0, CatalogView.Start, null).Keyboard.SelectMany(r => r).ToList();
        Assert.Equal(2, owner.Count(b => b.Data.StartsWith("1:pe:", StringComparison.Ordinal)));
        Assert.Equal(2, owner.Count(b => b.Data.StartsWith("1:pv:", StringComparison.Ordinal)));
        // 💵 cost price: the owner's figure, so the owner's card has it for each SKU and a manager's has none
        Assert.DoesNotContain(owner, b => b.Data.StartsWith("1:fcp:", StringComparison.Ordinal));
        var realOwner = new CatalogScreens(Sessions.For(role: Role.Owner)).Card(product, 0, CatalogView.Start, null).Keyboard.SelectMany(r => r).ToList();
        Assert.Equal(["1:fcp:1", "1:fcp:2"], realOwner.Where(b => b.Data.StartsWith("1:fcp:", StringComparison.Ordinal)).Select(b => b.Data));
    }

    [Fact]
    public void The_card_shows_days_of_stock_from_the_30_day_sales()
    {
        var product = CatalogData.Product(1, "a", CatalogData.Sku(1, "A-1", fbo: 10, fbs: 5), CatalogData.Sku(2, "A-2", fbo: 3, fbs: 0));
        var text = Sendable.Assert("card", new CatalogScreens(Sessions.For()).Card(product, 0, CatalogView.Start, new Dictionary<string, int> { [CatalogReader.SoldKey(product.ShopId, "A-1")] = 90, [CatalogReader.SoldKey(product.ShopId + 1, "A-2")] = 900 }))
            .Replace('\u00A0', ' ');
        Assert.Contains("⏳ 🔴 хватит на 5 дн. (за 30 дней продано 90)", text);
        Assert.Contains("⏳ остаток 3 · за 30 дней продаж не было", text);
        Assert.Contains("комиссия 15–25 %", text);
        Assert.Contains("возвраты 10,3 %", text);
        Assert.Contains("(зачёркнутая 169 000 сум)", text);
    }

    [Fact]
    public void A_price_preview_shows_the_change_and_warns_past_30_percent()
    {
        var product = CatalogData.Product(1, "a", CatalogData.Sku(1, "A-1", price: 100_000));
        var screens = new CatalogScreens(Sessions.For());
        var big = Sendable.Assert("big", screens.PricePreview(product, product.Skus[0], 150_000, 150_000, CatalogView.Start)).Replace('\u00A0', ' ');
        Assert.Contains("100 000 сум → 150 000 сум (+50 %)", big);
        Assert.Contains("больше чем на 30 %", big);
        var small = Sendable.Assert("small", screens.PricePreview(product, product.Skus[0], 90_000, 120_000, CatalogView.Start)).Replace('\u00A0', ' ');
        Assert.Contains("(−10 %)", small);
        Assert.Contains("Зачёркнутая: 120 000 сум", small);
        Assert.DoesNotContain("30 %", small);
    }
}
