using UzumBot.Features.Finance;
using static UzumBot.Tests.Features.Finance.FinanceRulesTests;

namespace UzumBot.Tests.Features.Finance;

public sealed class FinancePeriodTests
{
    [Fact]
    public void Seven_days_end_today_in_Tashkent_even_when_UTC_is_still_yesterday()
    {
        // 20:00 UTC on 30 Nov is 01:00 on 1 Dec in Tashkent
        var period = FinancePeriod.LastDays(7, new DateTimeOffset(2026, 11, 30, 20, 0, 0, TimeSpan.Zero));
        Assert.Equal((new DateOnly(2026, 11, 25), new DateOnly(2026, 12, 1)), (period.First, period.Last));
        Assert.Equal(7, period.Days);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 19, 0, 0, TimeSpan.Zero), period.Start);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 19, 0, 0, TimeSpan.Zero), period.End);
    }

    [Fact]
    public void An_order_at_02_30_Tashkent_counts_on_that_Tashkent_day()
    {
        // 02:30 on 15 Nov in Tashkent = 21:30 UTC on 14 Nov
        var at0230 = new DateTimeOffset(2026, 11, 14, 21, 30, 0, TimeSpan.Zero);
        var at2330 = new DateTimeOffset(2026, 11, 15, 18, 30, 0, TimeSpan.Zero); // 23:30 on 15 Nov local
        var next = new DateTimeOffset(2026, 11, 15, 19, 0, 0, TimeSpan.Zero);    // 00:00 on 16 Nov local
        Assert.Equal(new DateOnly(2026, 11, 15), FinancePeriod.DayOf(at0230));

        var day = FinancePeriod.SingleDay(new DateOnly(2026, 11, 15));
        Assert.True(day.Contains(at0230));
        Assert.True(day.Contains(at2330));
        Assert.False(day.Contains(next));
        Assert.False(day.Contains(at0230 - TimeSpan.FromHours(3))); // 23:30 on 14 Nov local

        var lines = new[]
        {
            Line(1, "PROCESSING", 100, "A", 10000, 1, 0, 2000, 7000, 0, 1000, at0230),
            Line(2, "PROCESSING", 100, "B", 5000, 2, 0, 1000, 8000, 0, 1000, at0230),
            Line(3, "PROCESSING", 101, "A", 10000, 1, 0, 2000, 7000, 0, 1000, next),
            Line(4, "CANCELED", 102, "A", 0, 0, 0, 0, 0, 0, 0, at2330),
        };
        var byDay = FinanceRules.ByDay(lines, new FinancePeriod(new DateOnly(2026, 11, 14), new DateOnly(2026, 11, 16)));
        Assert.Equal(
            [new DayFigures(new DateOnly(2026, 11, 14), 0, 0), new DayFigures(new DateOnly(2026, 11, 15), 1, 20000), new DayFigures(new DateOnly(2026, 11, 16), 1, 10000)],
            byDay);
        Assert.Equal([1L, 2L], FinanceRules.Within(lines, day).Where(FinanceRules.IsSold).Select(l => l.Id));
    }

    [Fact]
    public void Expenses_fall_on_the_Tashkent_day_they_were_created()
    {
        var day = FinancePeriod.SingleDay(new DateOnly(2026, 11, 15));
        var early = Charge("\u0421000003", 100, date: new DateTimeOffset(2026, 11, 14, 20, 0, 0, TimeSpan.Zero)); // 01:00 local on the 15th
        var before = Charge("\u0421000003", 200, date: new DateTimeOffset(2026, 11, 14, 18, 59, 0, TimeSpan.Zero));
        Assert.Equal([100L], FinanceRules.Within([early, before], day).Select(e => e.PaymentPrice));
    }

    [Fact]
    public void A_period_is_at_most_366_days_and_never_backwards()
    {
        var first = new DateOnly(2026, 1, 1);
        Assert.Equal(366, new FinancePeriod(first, first.AddDays(365)).Days);
        Assert.Throws<ArgumentException>(() => new FinancePeriod(first, first.AddDays(366)));
        Assert.Throws<ArgumentException>(() => new FinancePeriod(first, first.AddDays(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => FinancePeriod.LastDays(0, DateTimeOffset.UnixEpoch));
    }
}
