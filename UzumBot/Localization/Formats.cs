using System.Globalization;
using System.Text;

namespace UzumBot.Localization;

/// <summary>Money in whole som with no-break-space grouping, dates as 03.12.2026 14:20 in the shop's zone.</summary>
public static class Formats
{
    public const char GroupSeparator = '\u00A0';

    public static readonly TimeZoneInfo Tashkent = FindTashkent();

    /// <summary>"1 234 567" with U+00A0 between groups; negative values get a true minus sign.</summary>
    public static string Number(long value)
    {
        var digits = Math.Abs(value).ToString(CultureInfo.InvariantCulture);
        var sb = new StringBuilder(digits.Length + digits.Length / 3 + 1);
        if (value < 0) sb.Append('−');
        for (var i = 0; i < digits.Length; i++)
        {
            if (i > 0 && (digits.Length - i) % 3 == 0) sb.Append(GroupSeparator);
            sb.Append(digits[i]);
        }
        return sb.ToString();
    }

    /// <summary>"149 000 сум" / "149 000 soʻm".</summary>
    public static string Money(long som, Lang lang) => Number(som) + GroupSeparator + Strings.Instance[lang, "money.currency"];

    /// <summary>
    /// A typed amount without the currency word a seller may add ("149 000 сум", "45000 soʻm"): the spellings of both
    /// languages come from the resources ("money.typed_units"), longest first so "soʻm" is not taken for "som".
    /// </summary>
    public static string WithoutCurrency(string typed)
    {
        var t = typed.Trim();
        // the apostrophe of "soʻm" as phones type it: ' ’ ‘ ` ʼ all stand for ʻ (same length, so the cut lines up)
        var folded = new string(t.Select(c => c is '\'' or '’' or '‘' or '`' or 'ʼ' ? 'ʻ' : c).ToArray());
        var units = Enum.GetValues<Lang>().SelectMany(l => Strings.Instance[l, "money.typed_units"].Split('|'))
            .Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(u => u.Length);
        foreach (var unit in units)
            if (folded.EndsWith(unit, StringComparison.OrdinalIgnoreCase)) return t[..^unit.Length].TrimEnd();
        return t;
    }

    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Tashkent);

    public static string DateTime(DateTimeOffset instant) =>
        ToLocal(instant).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);

    public static string ShortDateTime(DateTimeOffset instant) =>
        ToLocal(instant).ToString("dd.MM HH:mm", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset instant) =>
        ToLocal(instant).ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset instant) =>
        ToLocal(instant).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    /// <summary>"1 ч 20 мин" / "1 soat 20 daqiqa"; "2 д 3 ч" for longer spans.</summary>
    public static string Duration(TimeSpan span, Lang lang)
    {
        var s = Strings.Instance;
        if (span < TimeSpan.Zero) span = TimeSpan.Zero;
        if (span.TotalDays >= 1)
            return s.Format(lang, "time.days_hours", (int)span.TotalDays, span.Hours);
        if (span.TotalHours >= 1)
            return s.Format(lang, "time.hours_minutes", (int)span.TotalHours, span.Minutes);
        return s.Format(lang, "time.minutes", Math.Max(1, (int)Math.Ceiling(span.TotalMinutes)));
    }

    private static TimeZoneInfo FindTashkent()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Tashkent");
        }
        catch (TimeZoneNotFoundException)
        {
            // UTC+5 all year, no DST: a fixed zone is exact when tzdata is missing (slim containers).
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Tashkent", TimeSpan.FromHours(5), "Asia/Tashkent", "UZT");
        }
    }
}
