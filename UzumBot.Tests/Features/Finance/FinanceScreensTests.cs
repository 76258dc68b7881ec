using UzumBot.Features.Finance;
using UzumBot.Localization;
using UzumBot.Tests.Support;

namespace UzumBot.Tests.Features.Finance;

public sealed class FinanceScreensTests
{
    [Theory]
    [InlineData(Lang.Ru, "Реклама: 0")]
    [InlineData(Lang.Uz, "0\u00A0soʻm")]
    public void A_period_with_no_sales_reads_zero_charges_as_0_not_minus_0(Lang lang, string expected)
    {
        var period = FinancePeriod.LastDays(7, new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        var screen = new FinanceScreens(Sessions.For(lang)).Summary("7", period, FinanceRules.Summarize([], []), 0);
        var text = Sendable.Assert("finance " + lang, screen);
        Assert.Contains(expected, text);
        Assert.DoesNotContain("−0 ", text.Replace('\u00A0', ' '));
    }
}
