using UzumBot.Localization;
using UzumBot.Uzum;

namespace UzumBot.Features.Automation;

/// <summary>One local (Tashkent) day of a shop's sales: counts from the finance lines, money from the finance rules.</summary>
public sealed record DayFigures(DateOnly Day, long Orders, long Units, long Cancelled, long Returns, DayMoney? Money);

/// <summary>Revenue and profit of one day, as the Finance module computes them.</summary>
public sealed record DayMoney(long Revenue, long Profit);

/// <summary>
/// The seam to the Finance module's money rules (revenue, profit): the summary never computes money itself. Until
/// those rules are merged, <see cref="MoneyNotWiredYet"/> answers null and the summary says the figures are not
/// available yet.
/// </summary>
public interface ISummaryMoney
{
    Task<DayMoney?> ForDayAsync(IUzumClient uzum, UzumToken token, IReadOnlyCollection<long> shopIds, DateOnly day,
        IReadOnlyList<OrderItem> lines, CancellationToken ct);
}

public sealed class MoneyNotWiredYet : ISummaryMoney
{
    public Task<DayMoney?> ForDayAsync(IUzumClient uzum, UzumToken token, IReadOnlyCollection<long> shopIds, DateOnly day,
        IReadOnlyList<OrderItem> lines, CancellationToken ct) => Task.FromResult<DayMoney?>(null);
}

/// <summary>Counts of one day from the finance lines (U8): units = Σ amount, returns = Σ amountReturns.</summary>
public static class DayCounts
{
    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(Formats.ToLocal(instant).DateTime);

    /// <summary>Midnight starting <paramref name="day"/> in Tashkent.</summary>
    public static DateTimeOffset StartOf(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Formats.Tashkent.BaseUtcOffset).ToUniversalTime();

    public static IReadOnlyList<OrderItem> LinesOf(IEnumerable<OrderItem> lines, DateOnly day) =>
        lines.Where(l => l.Date is { } d && DayOf(d) == day).ToList();

    /// <summary>Orders: distinct orders with a unit sold; cancelled: distinct orders whose lines are all cancelled.</summary>
    public static DayFigures Count(DateOnly day, IReadOnlyList<OrderItem> dayLines, DayMoney? money) => new(
        day,
        Orders: dayLines.Where(l => l.Amount > 0).Select(l => l.OrderId).Distinct().LongCount(),
        Units: dayLines.Sum(l => (long)l.Amount),
        Cancelled: dayLines.GroupBy(l => l.OrderId).LongCount(g => g.All(IsCancelled)),
        Returns: dayLines.Sum(l => (long)l.AmountReturns),
        Money: money);

    private static bool IsCancelled(OrderItem line) => string.Equals(line.Status, "CANCELED", StringComparison.OrdinalIgnoreCase);

    /// <summary>Change in whole percent, rounded half away from zero; null when there is nothing to compare with.</summary>
    public static int? ChangePercent(long current, long previous) =>
        previous == 0 ? null : (int)Math.Round((current - previous) * 100m / previous, MidpointRounding.AwayFromZero);
}
