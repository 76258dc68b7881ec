using System.Globalization;

namespace UzumBot.Features.Finance;

/// <summary>Percentages as the screens show them: one decimal, comma, no-break space before the sign ("46,7 %").</summary>
public static class FinanceText
{
    public static string Percent(decimal? value) =>
        value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture).Replace('.', ',').Replace("-", "−", StringComparison.Ordinal) + "\u00A0%" : "—";
}
