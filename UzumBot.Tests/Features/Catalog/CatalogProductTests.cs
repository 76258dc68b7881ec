using UzumBot.Features.Catalog;

namespace UzumBot.Tests.Features.Catalog;

public sealed class CatalogProductTests
{
    [Fact]
    public void Marks_say_in_stock_low_out_and_blocked()
    {
        Assert.Equal("🟢", CatalogData.Product(1, "a", CatalogData.Sku(1, "A-1", fbo: 10, fbs: 5)).Mark);
        Assert.Equal("🟡", CatalogData.Product(2, "b", CatalogData.Sku(2, "B-1", fbo: 2, fbs: 3)).Mark);
        Assert.Equal("🟡", CatalogData.Product(3, "c", CatalogData.Sku(3, "C-1", fbo: 30), CatalogData.Sku(4, "C-2", fbo: 0, fbs: 0)).Mark);
        Assert.Equal("🔴", CatalogData.Product(5, "d", CatalogData.Sku(5, "D-1", fbo: 0, fbs: 0)).Mark);
        Assert.Equal("🔴", CatalogData.Product(6, "e", "BLOCKED", CatalogData.Sku(6, "E-1")).Mark);
        Assert.Equal("🔴", CatalogData.Product(7, "f", CatalogData.Sku(7, "F-1", blocked: true)).Mark);
    }

    [Fact]
    public void Filters_split_the_catalogue_as_UZUM_does()
    {
        var active = CatalogData.Product(1, "a", CatalogData.Sku(1, "A-1"));
        var empty = CatalogData.Product(2, "b", CatalogData.Sku(2, "B-1", fbo: 0, fbs: 0));
        var blocked = CatalogData.Product(3, "c", "BLOCKED", CatalogData.Sku(3, "C-1"));
        var archived = CatalogData.Product(4, "d", "ARCHIVED", CatalogData.Sku(4, "D-1", archived: true));
        CatalogProduct[] all = [active, empty, blocked, archived];

        long[] Ids(CatalogFilter f) => all.Where(p => p.Matches(f)).Select(p => p.Id).ToArray();
        Assert.Equal([1L, 2, 3], Ids(CatalogFilter.All));
        Assert.Equal([1L], Ids(CatalogFilter.Active));
        Assert.Equal([2L], Ids(CatalogFilter.OutOfStock));
        Assert.Equal([3L], Ids(CatalogFilter.Problems));
        Assert.Equal([4L], Ids(CatalogFilter.Archive));
    }

    [Fact]
    public void Sorts_by_orders_price_and_stock()
    {
        var a = CatalogData.Product(1, "a", CatalogData.Sku(1, "A-1", fbo: 50, price: 300_000) with { QuantitySold = 5 });
        var b = CatalogData.Product(2, "b", CatalogData.Sku(2, "B-1", fbo: 0, fbs: 1, price: 100_000) with { QuantitySold = 90 });
        var c = CatalogData.Product(3, "c", CatalogData.Sku(3, "C-1", fbo: 9, price: 200_000) with { QuantitySold = 40 });
        CatalogProduct[] all = [a, b, c];
        Assert.Equal([2L, 3, 1], all.Sorted(CatalogSort.Orders).Select(p => p.Id));
        Assert.Equal([2L, 3, 1], all.Sorted(CatalogSort.Price).Select(p => p.Id));
        Assert.Equal([2L, 3, 1], all.Sorted(CatalogSort.Stock).Select(p => p.Id));
        Assert.Equal([1L, 2, 3], all.Sorted(CatalogSort.Default).Select(p => p.Id));
        Assert.Equal([1L, 3, 2], all.Sorted(CatalogSort.Orders).Reverse().Select(p => p.Id));
    }

    [Theory]
    [InlineData(30, 30, 30)]
    [InlineData(10, 60, 5)]
    [InlineData(0, 10, 0)]
    [InlineData(7, 31, 6)]
    public void Days_of_stock_at_the_30_day_rate(int stock, int sold, int days) => Assert.Equal(days, CatalogReader.DaysOfStock(stock, sold));

    [Fact]
    public void Nothing_sold_means_no_days_of_stock() => Assert.Null(CatalogReader.DaysOfStock(12, 0));

    [Theory]
    [InlineData("l.a.d.0")]
    [InlineData("l.w.s.12")]
    [InlineData("q.123456.3")]
    public void A_view_survives_its_token(string token) => Assert.Equal(token, CatalogView.Parse(token).Token);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("l.zz.d.0")]
    [InlineData("q.x.0")]
    [InlineData("garbage")]
    public void A_bad_token_is_the_start(string? token) => Assert.Equal(CatalogView.Start, CatalogView.Parse(token));

    [Theory]
    [InlineData("https://images.uzum.uz/d8q1atlas01key0abc", "https://images.uzum.uz/d8q1atlas01key0abc/t_product_540_high.jpg")]
    [InlineData("https://images.uzum.uz/d8q1atlas01key0abc/", "https://images.uzum.uz/d8q1atlas01key0abc/t_product_540_high.jpg")]
    [InlineData("https://images.uzum.uz/key/t_product_540_high.jpg", "https://images.uzum.uz/key/t_product_540_high.jpg")]
    [InlineData("https://images.uzum.uz/key/t_product_80_low.jpg", "https://images.uzum.uz/key/t_product_540_high.jpg")]
    [InlineData("https://images.uzum.uz/key/original.jpg", "https://images.uzum.uz/key/original.jpg")]
    [InlineData("ftp://images.uzum.uz/key", null)]
    [InlineData("key-only", null)]
    [InlineData(null, null)]
    public void Photo_urls_get_the_size_suffix(string? given, string? expected) => Assert.Equal(expected, ProductPhoto.Complete(given));

    [Fact]
    public void The_product_image_comes_first_then_a_SKU_preview()
    {
        var product = CatalogData.Product(9, "x", CatalogData.Sku(1, "X-1"));
        Assert.Equal("https://images.uzum.uz/key9/t_product_540_high.jpg", ProductPhoto.UrlFor(product));
        var noImage = product with { Card = product.Card with { Image = null, PreviewImg = null } };
        Assert.Equal("https://images.uzum.uz/key1/t_product_540_high.jpg", ProductPhoto.UrlFor(noImage));
        var none = noImage with { Card = noImage.Card with { SkuList = [CatalogData.Sku(2, "X-2") with { PreviewImage = null }] } };
        Assert.Null(ProductPhoto.UrlFor(none));
    }
}
