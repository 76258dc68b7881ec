using UzumBot.Features.Finance;

namespace UzumBot.Tests.Features.Finance;

public sealed class PeriodInputTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    [Theory]
    [InlineData("01.11.2026-30.11.2026", "2026-11-01", "2026-11-30")]
    [InlineData("1.11-30.11", "2026-11-01", "2026-11-30")]
    [InlineData(" 1.11 – 30.11 ", "2026-11-01", "2026-11-30")]
    [InlineData("15.11", "2026-11-15", "2026-11-15")]
    [InlineData("1/12/26-3/12/26", "2026-12-01", "2026-12-03")]
    [InlineData("1.12-31.12", "2026-12-01", "2026-12-03")]     // ends today
    [InlineData("25.12-05.01", "2025-12-25", "2026-01-05")]    // a December start is last year's
    [InlineData("20.12", "2025-12-20", "2025-12-20")]
    [InlineData("03.12.2025-03.12.2026", "2025-12-03", "2026-12-03")] // 366 days
    [InlineData("١.١١-٣٠.١١", "2026-11-01", "2026-11-30")]   // Arabic-Indic digits
    [InlineData("１.１１-３０.１１", "2026-11-01", "2026-11-30")] // full-width digits
    public void Accepts(string text, string first, string last)
    {
        var result = PeriodInput.Parse(text, Today);
        Assert.Null(result.ErrorKey);
        Assert.Equal(new FinancePeriod(DateOnly.Parse(first), DateOnly.Parse(last)), result.Period);
    }

    [Theory]
    [InlineData("november", "finance.period.bad_format")]
    [InlineData("1.11 30.11", "finance.period.bad_format")]
    [InlineData("", "finance.period.bad_format")]
    [InlineData("31.02.2026", "finance.period.bad_date")]
    [InlineData("1.13-2.13", "finance.period.bad_date")]
    [InlineData("30.11.2026-01.11.2026", "finance.period.backwards")]
    [InlineData("10.12.2026", "finance.period.future")]
    [InlineData("5.12", "finance.period.future")]              // two days ahead: not last year's
    [InlineData("4.12-10.12", "finance.period.future")]
    [InlineData("30.11-1.11", "finance.period.backwards")]     // not "30.11.2025 to 1.11.2026"
    [InlineData("1.11.2026-30.10", "finance.period.backwards")]
    [InlineData("30.11-1.11.2026", "finance.period.backwards")]
    [InlineData("01.01.2025-03.12.2026", "finance.period.too_long")]
    public void Refuses_with_a_friendly_reason(string text, string errorKey)
    {
        var result = PeriodInput.Parse(text, Today);
        Assert.Null(result.Period);
        Assert.Equal(errorKey, result.ErrorKey);
    }

    [Fact]
    public void Callback_period_args_round_trip_and_refuse_forgeries()
    {
        var now = new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
        var typed = new FinancePeriod(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));
        Assert.Equal(typed, PeriodArg.Resolve(PeriodArg.Of(typed), now));
        Assert.Equal(FinancePeriod.LastDays(30, now), PeriodArg.Resolve("30", now));
        Assert.Equal(FinancePeriod.LastDays(7, now), PeriodArg.Resolve(null, now));
        Assert.Null(PeriodArg.Resolve("365", now));
        Assert.Null(PeriodArg.Resolve("20261130-20261101", now));
        Assert.Null(PeriodArg.Resolve("20200101-20261130", now));
        Assert.Equal("01.11–30.11.2026", PeriodArg.Range(typed));
        Assert.Equal("46,7\u00A0%", FinanceText.Percent(46.7m));
        Assert.Equal("−8,0\u00A0%", FinanceText.Percent(-8m));
        Assert.Equal("—", FinanceText.Percent(null));
    }
}
