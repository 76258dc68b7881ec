using UzumBot.Features.Catalog;

namespace UzumBot.Tests.Features.Catalog;

public sealed class CatalogInputTests
{
    [Theory]
    [InlineData("15", 15)]
    [InlineData(" 0 ", 0)]
    [InlineData("1 500", 1500)]
    [InlineData("100 000", 100_000)]
    [InlineData("100\u00A0000", 100_000)]
    [InlineData("١٢", 12)]  // Arabic-Indic digits, as the PIN and period inputs take them
    public void Good_stock(string text, int expected)
    {
        var parsed = CatalogInput.Stock(text);
        Assert.True(parsed.Ok, parsed.ProblemKey);
        Assert.Equal(expected, parsed.Value);
    }

    [Theory]
    [InlineData("", "catalog.stock.not_a_number")]
    [InlineData("abc", "catalog.stock.not_a_number")]
    [InlineData("1.5", "catalog.stock.not_a_number")]
    [InlineData("1,5", "catalog.stock.not_a_number")]
    [InlineData("12шт", "catalog.stock.not_a_number")]
    [InlineData("-5", "catalog.stock.negative")]
    [InlineData("−5", "catalog.stock.negative")]
    [InlineData("100001", "catalog.stock.too_big")]
    [InlineData("99999999999999999999999", "catalog.stock.too_big")]
    public void Bad_stock(string text, string problem) => Assert.Equal(problem, CatalogInput.Stock(text).ProblemKey);

    [Theory]
    [InlineData("149000", 149_000, null)]
    [InlineData("149 000 сум", 149_000, null)]
    [InlineData("149000 so'm", 149_000, null)]
    [InlineData("149 000 soʻm", 149_000, null)]
    [InlineData("149 000 UZS", 149_000, null)]
    [InlineData("１４９０００ сўм", 149_000, null)]
    [InlineData("149 000 / 179 000", 149_000, 179_000L)]
    [InlineData("149000/149000", 149_000, 149_000L)]
    [InlineData("1 000 000 000", 1_000_000_000, null)]
    public void Good_price(string text, long sell, long? full)
    {
        var parsed = CatalogInput.Price(text);
        Assert.True(parsed.Ok, parsed.ProblemKey);
        Assert.Equal(new CatalogInput.PriceChange(sell, full), parsed.Value);
    }

    [Theory]
    [InlineData("0", "catalog.price.zero")]
    [InlineData("-1", "catalog.price.zero")]
    [InlineData("1 000 000 001", "catalog.price.too_big")]
    [InlineData("149000 / 0", "catalog.price.zero")]
    [InlineData("дорого", "catalog.price.not_a_number")]
    [InlineData("149.5", "catalog.price.not_a_number")]
    [InlineData("1/2/3", "catalog.price.not_a_number")]
    [InlineData("/", "catalog.price.not_a_number")]
    [InlineData("179000 / 149000", "catalog.price.full_below_sell")]
    public void Bad_price(string text, string problem) => Assert.Equal(problem, CatalogInput.Price(text).ProblemKey);

    [Theory]
    [InlineData(100_000, 130_000, false)]
    [InlineData(100_000, 130_001, true)]
    [InlineData(100_000, 70_000, false)]
    [InlineData(100_000, 69_999, true)]
    [InlineData(0, 50_000, false)]
    public void More_than_30_percent_is_a_big_change(long before, long after, bool big) => Assert.Equal(big, CatalogInput.IsBigChange(before, after));

    [Fact]
    public void Confirmation_values_are_checked_again()
    {
        Assert.True(CatalogInput.IsValidStock(0));
        Assert.False(CatalogInput.IsValidStock(-1));
        Assert.False(CatalogInput.IsValidStock(100_001));
        Assert.True(CatalogInput.IsValidPrice(1, 1));
        Assert.False(CatalogInput.IsValidPrice(0, 0));
        Assert.False(CatalogInput.IsValidPrice(200, 100));
        Assert.False(CatalogInput.IsValidPrice(1_000_000_001, 1_000_000_001));
    }
}
