using System.Globalization;
using System.Text.RegularExpressions;

namespace UzumBot.Features.Finance;

/// <summary>
/// A typed custom period: "01.11.2026-30.11.2026", "1.11-30.11" or one date (any script's digits). Without years,
/// the start is in the current year — a date up to a week ahead is "in the future", further ahead it is last
/// year's. A range written backwards is read across New Year only when that makes it short ("25.12-05.01");
/// otherwise it is "backwards". A range that ends after today ends today.
/// </summary>
public static partial class PeriodInput
{
    public sealed record Result(FinancePeriod? Period, string? ErrorKey);

    /// <summary>A backwards range read across New Year at most this long; longer, it was typed the wrong way round.</summary>
    private const int NewYearWrapMaxDays = 183;

    [GeneratedRegex(@"^\s*([0-9]{1,2})[./]([0-9]{1,2})(?:[./]([0-9]{4}|[0-9]{2}))?\s*(?:[-–—]\s*([0-9]{1,2})[./]([0-9]{1,2})(?:[./]([0-9]{4}|[0-9]{2}))?\s*)?$")]
    private static partial Regex Pattern();

    public static Result Parse(string text, DateOnly today)
    {
        var m = Pattern().Match(Conversation.PinInput.Normalize(text));
        if (!m.Success) return Fail("finance.period.bad_format");
        var (d1, m1, y1) = (Int(m.Groups[1]), Int(m.Groups[2]), Year(m.Groups[3]));
        var range = m.Groups[4].Success;
        var (d2, m2, y2) = range ? (Int(m.Groups[4]), Int(m.Groups[5]), Year(m.Groups[6])) : (d1, m1, y1);

        var backwards = m2 * 100 + d2 < m1 * 100 + d1;
        int startYear, endYear;
        if (y1 is { } a) (startYear, endYear) = (a, y2 ?? (backwards ? a + 1 : a));
        else if (y2 is { } b) (startYear, endYear) = (backwards ? b - 1 : b, b);
        else
        {
            startYear = today.Year;
            if (!Valid(startYear, m1, d1)) return Fail("finance.period.bad_date");
            var start = new DateOnly(startYear, m1, d1);
            if (start > today && start.DayNumber - today.DayNumber <= 7) return Fail("finance.period.future");
            if (start > today) startYear--;
            endYear = backwards ? startYear + 1 : startYear;
        }
        // a year was left out and the dates run backwards: read across New Year
        if (!Valid(startYear, m1, d1) || !Valid(endYear, m2, d2)) return Fail("finance.period.bad_date");
        var first = new DateOnly(startYear, m1, d1);
        var last = new DateOnly(endYear, m2, d2);
        if (last < first) return Fail("finance.period.backwards");
        if (backwards && (y1 is null || y2 is null) && last.DayNumber - first.DayNumber + 1 > NewYearWrapMaxDays) return Fail("finance.period.backwards");
        if (first > today) return Fail("finance.period.future");
        if (last > today) last = today;
        if (last.DayNumber - first.DayNumber + 1 > FinancePeriod.MaxDays) return Fail("finance.period.too_long");
        return new Result(new FinancePeriod(first, last), null);
    }

    private static int Int(Group g) => int.Parse(g.Value, CultureInfo.InvariantCulture);

    private static int? Year(Group g) => g.Success ? Int(g) is var y && y < 100 ? 2000 + y : y : null;

    private static bool Valid(int year, int month, int day) =>
        year is >= 2000 and <= 2100 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    private static Result Fail(string key) => new(null, key);
}
