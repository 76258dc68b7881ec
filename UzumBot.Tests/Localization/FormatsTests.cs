using UzumBot.Localization;

namespace UzumBot.Tests.Localization;

public sealed class FormatsTests
{
    [Theory]
    [InlineData(0, "0")]
    [InlineData(999, "999")]
    [InlineData(1000, "1\u00A0000")]
    [InlineData(1234567, "1\u00A0234\u00A0567")]
    [InlineData(-1200000, "−1\u00A0200\u00A0000")]
    public void Numbers_group_with_no_break_spaces(long value, string expected) =>
        Assert.Equal(expected, Formats.Number(value));

    [Fact]
    public void Money_is_whole_som_in_each_language()
    {
        Assert.Equal("1\u00A0234\u00A0567\u00A0сум", Formats.Money(1_234_567, Lang.Ru));
        Assert.Equal("149\u00A0000\u00A0soʻm", Formats.Money(149_000, Lang.Uz));
    }

    [Fact]
    public void Dates_are_Tashkent_time()
    {
        var utc = new DateTimeOffset(2026, 12, 3, 9, 20, 0, TimeSpan.Zero);
        Assert.Equal("03.12.2026 14:20", Formats.DateTime(utc));
        Assert.Equal("03.12 14:20", Formats.ShortDateTime(utc));
        Assert.Equal("04.12.2026", Formats.Date(utc.AddHours(15)));
    }

    [Fact]
    public void Durations_read_naturally()
    {
        Assert.Equal("1 ч 20 мин", Formats.Duration(TimeSpan.FromMinutes(80), Lang.Ru));
        Assert.Equal("1 soat 20 daqiqa", Formats.Duration(TimeSpan.FromMinutes(80), Lang.Uz));
        Assert.Equal("2 д 3 ч", Formats.Duration(TimeSpan.FromHours(51), Lang.Ru));
        Assert.Equal("1 мин", Formats.Duration(TimeSpan.FromSeconds(5), Lang.Ru));
    }

    [Fact]
    public void Outside_values_are_html_encoded()
    {
        Assert.Equal("&lt;хлопок&gt; &amp; &quot;cotton&quot;", Html.Encode("<хлопок> & \"cotton\""));
        Assert.Equal("", Html.Encode((string?)null));
    }
}
