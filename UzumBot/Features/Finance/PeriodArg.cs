using System.Globalization;
using UzumBot.Localization;
using UzumBot.Rendering;

namespace UzumBot.Features.Finance;

/// <summary>A period in callback data: a chip ("7", "30", "90": the last N days up to today, read again on each tap)
/// or a typed range ("20261101-20261130").</summary>
public static class PeriodArg
{
    public const string Default = "7";
    public static readonly int[] Chips = [7, 30, 90];

    public static string Of(FinancePeriod period) => $"{period.First:yyyyMMdd}-{period.Last:yyyyMMdd}";

    public static FinancePeriod? Resolve(string? arg, DateTimeOffset now)
    {
        arg ??= Default;
        if (int.TryParse(arg, NumberStyles.None, CultureInfo.InvariantCulture, out var days))
            return Chips.Contains(days) ? FinancePeriod.LastDays(days, now) : null;
        var parts = arg.Split('-');
        if (parts.Length != 2
            || !DateOnly.TryParseExact(parts[0], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            || !DateOnly.TryParseExact(parts[1], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var last)
            || last < first || last.DayNumber - first.DayNumber + 1 > FinancePeriod.MaxDays)
            return null;
        return new FinancePeriod(first, last);
    }

    /// <summary>"7 days" (localized) for a chip, "01.11–30.11.2026" for a range (the year once when both ends share it).</summary>
    public static string Title(string? arg, FinancePeriod period, Lang lang) =>
        int.TryParse(arg ?? Default, NumberStyles.None, CultureInfo.InvariantCulture, out var days)
            ? Strings.Instance.Format(lang, "period.last_days", days)
            : Range(period);

    public static string Range(FinancePeriod p) =>
        p.Days == 1 ? p.First.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)
        : p.First.Year == p.Last.Year ? $"{p.First:dd.MM}–{p.Last:dd.MM.yyyy}"
        : $"{p.First:dd.MM.yyyy}–{p.Last:dd.MM.yyyy}";

    /// <summary>[7 дн] [30 дн] [90 дн] [📅 Период], the current one marked.</summary>
    public static Button[] ChipRow(Lang lang, string command, string customCommand, string? current) =>
    [
        .. Chips.Select(d =>
        {
            var text = Strings.Instance.Format(lang, "period.days", d);
            return new Button((current ?? Default) == d.ToString(CultureInfo.InvariantCulture) ? "• " + text : text, CallbackData.Encode(command, d));
        }),
        new Button(Strings.Instance[lang, "period.custom"], CallbackData.Encode(customCommand)),
    ];
}
