using System.Globalization;

namespace UzumBot.Features.Catalog;

/// <summary>
/// Typed stock and price values. Digits with spaces as thousands separators are accepted ("149 000"); anything
/// else is refused with the reason, so the user can retype and nothing is sent.
/// </summary>
public static class CatalogInput
{
    public const int MaxStock = 100_000;
    public const long MaxPrice = 1_000_000_000;
    /// <summary>A price change over this share asks for a second look.</summary>
    public const double WarnPriceChange = 0.30;

    public readonly record struct Parsed<T>(T? Value, string? ProblemKey) where T : struct
    {
        public bool Ok => ProblemKey is null;
    }

    public readonly record struct PriceChange(long SellPrice, long? FullPrice);

    public static Parsed<int> Stock(string text)
    {
        switch (Number(text))
        {
            case { Negative: true }: return new(null, "catalog.stock.negative");
            case { Value: null }: return new(null, "catalog.stock.not_a_number");
            case { Value: > MaxStock }: return new(null, "catalog.stock.too_big");
            case { Value: var v }: return new((int)v!.Value, null);
        }
    }

    /// <summary>"149000" or "149 000 / 179 000" (selling price, then the crossed-out one).</summary>
    public static Parsed<PriceChange> Price(string text)
    {
        var parts = text.Split(['/', '|', ';', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is 0 or > 2) return new(null, "catalog.price.not_a_number");
        var sell = Money(parts[0]);
        if (sell.ProblemKey is { } problem) return new(null, problem);
        long? full = null;
        if (parts.Length == 2)
        {
            var crossed = Money(parts[1]);
            if (crossed.ProblemKey is { } crossedProblem) return new(null, crossedProblem);
            if (crossed.Value < sell.Value) return new(null, "catalog.price.full_below_sell");
            full = crossed.Value;
        }
        return new(new PriceChange(sell.Value!.Value, full), null);
    }

    /// <summary>The checks again, for a confirmation tap whose values came back in callback data.</summary>
    public static bool IsValidStock(long amount) => amount is >= 0 and <= MaxStock;

    public static bool IsValidPrice(long sell, long full) => sell is > 0 and <= MaxPrice && full >= sell && full <= MaxPrice;

    /// <summary>Signed change in percent; null when there was no old price.</summary>
    public static double? ChangePercent(long before, long after) => before <= 0 ? null : (after - before) * 100.0 / before;

    public static bool IsBigChange(long before, long after) => ChangePercent(before, after) is { } p && Math.Abs(p) > WarnPriceChange * 100;

    private static Parsed<long> Money(string text)
    {
        switch (Number(Strip(text)))
        {
            case { Negative: true } or { Value: 0 }: return new(null, "catalog.price.zero");
            case { Value: null }: return new(null, "catalog.price.not_a_number");
            case { Value: > MaxPrice }: return new(null, "catalog.price.too_big");
            case { Value: var v }: return new(v, null);
        }
    }

    private static string Strip(string text) => Localization.Formats.WithoutCurrency(text);

    private readonly record struct RawNumber(long? Value, bool Negative);

    private static RawNumber Number(string text)
    {
        // any script's digits, as the PIN and the period inputs take them
        var compact = new string(Conversation.PinInput.Normalize(text).Where(c => !char.IsWhiteSpace(c) && c != '\u00A0' && c != '\u202F').ToArray());
        var negative = compact.StartsWith('-') || compact.StartsWith('−');
        var digits = negative ? compact[1..] : compact;
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit)) return new(null, false);
        var value = digits.Length > 15 ? long.MaxValue : long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        return negative ? new(null, true) : new(value, false);
    }
}
