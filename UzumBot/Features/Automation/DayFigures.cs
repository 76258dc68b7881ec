using UzumBot.Features.Finance;
using UzumBot.Storage;
using UzumBot.Uzum;

namespace UzumBot.Features.Automation;

/// <summary>One local (Tashkent) day of the tenant's sales, every figure from the Finance module's rules.</summary>
public sealed record SummaryDay(DateOnly Day, long Orders, long Units, long Cancelled, long Returns, long Revenue, long Profit);

/// <summary>The summary's days, read once and cut by the Finance rules (<see cref="FinanceRules"/>): no money arithmetic here.</summary>
public static class SummaryDays
{
    public static SummaryDay Of(DateOnly day, IEnumerable<OrderItem> lines, IEnumerable<Expense> expenses, IReadOnlyDictionary<string, long> costs)
    {
        var period = FinancePeriod.SingleDay(day);
        var dayLines = FinanceRules.Within(lines, period).ToList();
        var figures = FinanceRules.Summarize(dayLines, FinanceRules.Within(expenses, period), costs);
        var cancelled = dayLines.GroupBy(l => l.OrderId).LongCount(g => g.All(FinanceRules.IsCanceled));
        return new SummaryDay(day, figures.Orders, figures.Units, cancelled, figures.ReturnedUnits, figures.Revenue, figures.NetProfit);
    }

    /// <summary>
    /// Change in whole percent against the size of the base, rounded half away from zero, so a loss shrinking from −100 to
    /// −50 reads +50 %; null when there is nothing to compare with.
    /// </summary>
    public static int? ChangePercent(long current, long previous) =>
        previous == 0 ? null : (int)Math.Round((current - previous) * 100m / Math.Abs(previous), MidpointRounding.AwayFromZero);
}
