using UzumBot.Localization;

namespace UzumBot.Features.Finance;

/// <summary>
/// A run of whole Asia/Tashkent calendar days, both ends included. UZUM dates are instants (epoch ms); a sale at 02:30
/// in Tashkent is 21:30 UTC of the day before and still belongs to the Tashkent day it happened on.
/// </summary>
public readonly record struct FinancePeriod
{
    public const int MaxDays = 366;

    public DateOnly First { get; }
    public DateOnly Last { get; }

    public FinancePeriod(DateOnly first, DateOnly last)
    {
        if (last < first) throw new ArgumentException("The period ends before it starts.", nameof(last));
        if (last.DayNumber - first.DayNumber + 1 > MaxDays) throw new ArgumentException($"A period is at most {MaxDays} days.", nameof(last));
        (First, Last) = (first, last);
    }

    /// <summary>The last <paramref name="days"/> Tashkent days ending today inclusive (7 → today and the six days before).</summary>
    public static FinancePeriod LastDays(int days, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var today = DayOf(now);
        return new FinancePeriod(today.AddDays(1 - days), today);
    }

    public static FinancePeriod SingleDay(DateOnly day) => new(day, day);

    /// <summary>The Tashkent calendar day an instant falls on.</summary>
    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(Formats.ToLocal(instant).DateTime);

    /// <summary>The instant a Tashkent day starts (its local midnight).</summary>
    public static DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Formats.Tashkent.GetUtcOffset(local));
    }

    public int Days => Last.DayNumber - First.DayNumber + 1;

    /// <summary>Local midnight opening the first day.</summary>
    public DateTimeOffset Start => StartOf(First);

    /// <summary>Local midnight after the last day (exclusive).</summary>
    public DateTimeOffset End => StartOf(Last.AddDays(1));

    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;

    public bool Contains(DateOnly day) => day >= First && day <= Last;

    public IEnumerable<DateOnly> EachDay()
    {
        for (var day = First; day <= Last; day = day.AddDays(1)) yield return day;
    }

    public override string ToString() => $"{First:dd.MM.yyyy}-{Last:dd.MM.yyyy}";
}
