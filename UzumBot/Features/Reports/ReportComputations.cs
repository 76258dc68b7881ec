using UzumBot.Features.Finance;

namespace UzumBot.Features.Reports;

// Each report is a pure function of a ReportInput. Revenue, units, returns and profit per SKU are
// FinanceRules.BySku's (the one place money is computed); these functions only rank, classify and divide.

/// <param name="DaysOfStock">Stock ÷ (units sold ÷ days of the period); null when nothing sold (stock lasts indefinitely).</param>
public sealed record SalesStockRow(string SkuCode, string? Title, int Units, long Revenue, int ReturnedUnits, int Fbo, int Fbs, double? DaysOfStock);

public sealed record InventoryRow(string SkuCode, string? Title, int Fbo, int Fbs, long? PurchasePrice, long? Value)
{
    public int Stock => Fbo + Fbs;
}

public sealed record DeadStockRow(string SkuCode, string? Title, int Fbo, int Fbs, long? PurchasePrice, long? FrozenValue);

public sealed record TopRow(string SkuCode, string? Title, int Units, long Revenue, long? Profit);

public sealed record AbcXyzRow(string SkuCode, string? Title, long Revenue, int Units, double RevenueShare, char Abc, char? Xyz, double? Variation);

public sealed record ReasonRow(string Reason, int Units, double Share);

public sealed record CancelSkuRow(string SkuCode, string? Title, int Lines, int CancelledLines, double CancelRate, int SoldUnits, int ReturnedUnits, double ReturnRate);

public static class SalesStock
{
    public static IReadOnlyList<SalesStockRow> Compute(ReportInput input) => input.AllCodes.Select(code =>
    {
        var money = input.Finance.GetValueOrDefault(code);
        var stock = input.Stock(code);
        var units = money?.Units ?? 0;
        var (fbo, fbs) = (stock?.Fbo ?? 0, stock?.Fbs ?? 0);
        return new SalesStockRow(code, input.Title(code), units, money?.Revenue ?? 0, money?.ReturnedUnits ?? 0, fbo, fbs,
            DaysOfStock(fbo + fbs, units, input.Period.Days));
    }).OrderByDescending(r => r.Revenue).ThenByDescending(r => r.Units).ThenBy(r => r.SkuCode, StringComparer.Ordinal).ToList();

    /// <summary>How many days the stock lasts at the period's average daily sales; null when nothing sold.</summary>
    public static double? DaysOfStock(int stock, int unitsSold, int days) =>
        unitsSold > 0 ? Math.Round(stock / ((double)unitsSold / days), 1, MidpointRounding.AwayFromZero) : null;
}

public static class Inventory
{
    public static IReadOnlyList<InventoryRow> Compute(ReportInput input) => input.StockedSkus
        .Where(s => s.Stock > 0)
        .Select(s => new InventoryRow(s.SkuCode, s.ProductTitle, s.Fbo, s.Fbs, s.PurchasePrice is > 0 ? s.PurchasePrice : null, s.StockValue))
        .OrderByDescending(r => r.Value ?? 0).ThenByDescending(r => r.Stock).ThenBy(r => r.SkuCode, StringComparer.Ordinal).ToList();
}

public static class DeadStock
{
    public const int DefaultDays = 30;

    /// <summary>SKUs with stock and not one unit sold in the input's period (the last N days), most value frozen first.</summary>
    public static IReadOnlyList<DeadStockRow> Compute(ReportInput input) => Inventory.Compute(input)
        .Where(r => (input.Finance.GetValueOrDefault(r.SkuCode)?.Units ?? 0) == 0)
        .Select(r => new DeadStockRow(r.SkuCode, r.Title, r.Fbo, r.Fbs, r.PurchasePrice, r.Value))
        .ToList();
}

public static class TopProducts
{
    public const int Count = 20;

    public static IReadOnlyList<TopRow> ByRevenue(ReportInput input) =>
        Rows(input).Where(r => r.Revenue > 0).OrderByDescending(r => r.Revenue).ThenBy(r => r.SkuCode, StringComparer.Ordinal).Take(Count).ToList();

    public static IReadOnlyList<TopRow> ByUnits(ReportInput input) =>
        Rows(input).Where(r => r.Units > 0).OrderByDescending(r => r.Units).ThenBy(r => r.SkuCode, StringComparer.Ordinal).Take(Count).ToList();

    /// <summary>FinanceRules' ranking: SKUs without a cost price have no profit and are not ranked.</summary>
    public static IReadOnlyList<TopRow> ByProfit(ReportInput input) =>
        FinanceRules.TopByProfit(input.Finance.Values, Count).Select(Row(input)).ToList();

    private static IEnumerable<TopRow> Rows(ReportInput input) => input.Finance.Values.Select(Row(input));

    private static Func<SkuFinance, TopRow> Row(ReportInput input) =>
        s => new TopRow(s.SkuCode, input.Title(s.SkuCode), s.Units, s.Revenue, s.Profit);
}

/// <summary>
/// ABC by share of revenue: SKUs ranked by revenue; a SKU is A while the revenue of the SKUs ranked above it is under
/// 80 % of the total, B under 95 %, else C (so the top seller is always A); no revenue is C.
/// XYZ by the coefficient of variation (population σ ÷ mean) of units sold per week over the period's whole weeks,
/// counted back from its last day: ≤ 10 % X, ≤ 25 % Y, else Z; nothing sold is Z; under two whole weeks there is no XYZ.
/// </summary>
public static class AbcXyz
{
    public const double ALimit = 0.80, BLimit = 0.95, XLimit = 0.10, YLimit = 0.25;

    public static IReadOnlyList<AbcXyzRow> Compute(ReportInput input)
    {
        var weeks = input.Period.Days / 7;
        var weekly = WeeklyUnits(input, weeks);
        var ranked = input.AllCodes.Select(code => (Code: code, Money: input.Finance.GetValueOrDefault(code)))
            .OrderByDescending(x => x.Money?.Revenue ?? 0).ThenBy(x => x.Code, StringComparer.Ordinal).ToList();
        var total = ranked.Sum(x => (double)(x.Money?.Revenue ?? 0));
        var above = 0d;
        var rows = new List<AbcXyzRow>(ranked.Count);
        foreach (var (code, money) in ranked)
        {
            var revenue = money?.Revenue ?? 0;
            var share = total > 0 ? revenue / total : 0;
            var abc = revenue <= 0 ? 'C' : above < ALimit ? 'A' : above < BLimit ? 'B' : 'C';
            above += share;
            double? cv = weeks >= 2 ? Variation(weekly.GetValueOrDefault(code) ?? new int[weeks]) : null;
            char? xyz = cv is null ? null : cv <= XLimit ? 'X' : cv <= YLimit ? 'Y' : 'Z';
            rows.Add(new AbcXyzRow(code, input.Title(code), revenue, money?.Units ?? 0, share, abc, xyz, cv is double.PositiveInfinity ? null : cv));
        }
        return rows;
    }

    /// <summary>σ ÷ mean of the weekly units; +∞ (Z) when nothing sold.</summary>
    public static double Variation(IReadOnlyList<int> weeks)
    {
        var mean = weeks.Average();
        if (mean <= 0) return double.PositiveInfinity;
        var variance = weeks.Sum(w => (w - mean) * (w - mean)) / weeks.Count;
        return Math.Sqrt(variance) / mean;
    }

    /// <summary>Units sold per SKU in each whole week ending on the period's last day (index 0 = the oldest week).</summary>
    private static Dictionary<string, int[]> WeeklyUnits(ReportInput input, int weeks)
    {
        var result = new Dictionary<string, int[]>(StringComparer.Ordinal);
        if (weeks < 1) return result;
        var firstDay = input.Period.Last.AddDays(1 - weeks * 7);
        foreach (var line in input.Lines)
        {
            if (line.Date is not { } date || !FinanceRules.IsSold(line)) continue;
            var index = (FinancePeriod.DayOf(date).DayNumber - firstDay.DayNumber) / 7;
            if (FinancePeriod.DayOf(date) < firstDay || index >= weeks) continue;
            var code = line.SkuTitle ?? "#" + line.ProductId;
            if (!result.TryGetValue(code, out var bins)) result[code] = bins = new int[weeks];
            bins[index] += FinanceRules.Units(line);
        }
        return result;
    }

    /// <summary>SKU counts of the 3×3 matrix: [ABC index, XYZ index].</summary>
    public static int[,] Matrix(IReadOnlyList<AbcXyzRow> rows)
    {
        var matrix = new int[3, 3];
        foreach (var row in rows.Where(r => r.Xyz is not null)) matrix[row.Abc - 'A', row.Xyz!.Value - 'X']++;
        return matrix;
    }
}

/// <summary>
/// Cancellations and returns from the finance lines (they cover FBO, FBS and DBS). A cancelled line is one with
/// status CANCELED; returned units are <c>amountReturns</c>. Cancel rate = cancelled lines ÷ all lines; return rate =
/// returned units ÷ (sold + returned units). Return reasons are <c>returnCause</c>, comma-joined when several.
/// </summary>
public static class CancelReturns
{
    public const string CancelledReason = "CANCELED";

    public static IReadOnlyList<ReasonRow> ByReason(ReportInput input)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in input.Lines)
        {
            if (FinanceRules.IsCanceled(line))
            {
                counts[CancelledReason] = counts.GetValueOrDefault(CancelledReason) + 1;
                continue;
            }
            var units = FinanceRules.ReturnedUnits(line);
            if (units == 0) continue;
            var causes = (line.ReturnCause ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Where(c => c != CancelledReason).DefaultIfEmpty("").ToArray();
            // units of a line with several causes go to its first cause, so the table adds up to the returned units
            counts[causes[0]] = counts.GetValueOrDefault(causes[0]) + units;
        }
        var total = counts.Values.Sum();
        return counts.Select(kv => new ReasonRow(kv.Key, kv.Value, total > 0 ? (double)kv.Value / total : 0))
            .OrderByDescending(r => r.Units).ThenBy(r => r.Reason, StringComparer.Ordinal).ToList();
    }

    public static IReadOnlyList<CancelSkuRow> BySku(ReportInput input) => input.Lines
        .GroupBy(l => l.SkuTitle ?? "#" + l.ProductId, StringComparer.Ordinal)
        .Select(g =>
        {
            var lines = g.Count();
            var cancelled = g.Count(FinanceRules.IsCanceled);
            var sold = g.Sum(FinanceRules.Units);
            var returned = g.Sum(FinanceRules.ReturnedUnits);
            return new CancelSkuRow(g.Key, input.Title(g.Key) ?? g.First().ProductTitle, lines, cancelled, (double)cancelled / lines,
                sold, returned, sold + returned > 0 ? (double)returned / (sold + returned) : 0);
        })
        .Where(r => r.CancelledLines > 0 || r.ReturnedUnits > 0)
        .OrderByDescending(r => r.CancelledLines + r.ReturnedUnits).ThenBy(r => r.SkuCode, StringComparer.Ordinal).ToList();

    /// <summary>The whole period: cancelled lines ÷ lines, returned units ÷ (sold + returned).</summary>
    public static (double CancelRate, double ReturnRate) Rates(ReportInput input)
    {
        var lines = input.Lines.Count;
        var sold = input.Lines.Sum(FinanceRules.Units);
        var returned = input.Lines.Sum(FinanceRules.ReturnedUnits);
        return (lines > 0 ? (double)input.Lines.Count(FinanceRules.IsCanceled) / lines : 0,
                sold + returned > 0 ? (double)returned / (sold + returned) : 0);
    }
}
