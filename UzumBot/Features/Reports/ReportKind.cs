namespace UzumBot.Features.Reports;

/// <summary>The six reports; the number is the callback code and the key suffix of their strings.</summary>
public enum ReportKind
{
    SalesStock = 1,
    Inventory = 2,
    TopProducts = 3,
    DeadStock = 4,
    AbcXyz = 5,
    CancelReturns = 6,
}

public static class ReportKinds
{
    public static readonly IReadOnlyList<ReportKind> All = Enum.GetValues<ReportKind>();

    public static ReportKind? Parse(int? code) => code is { } c && Enum.IsDefined(typeof(ReportKind), c) ? (ReportKind)c : null;

    /// <summary>The period choices in days; inventory is "now" and has none. XYZ needs whole weeks: no 7 days.</summary>
    public static IReadOnlyList<int> Periods(ReportKind kind) => kind switch
    {
        ReportKind.Inventory => [],
        ReportKind.DeadStock => [30, 60, 90],
        ReportKind.AbcXyz => [30, 60, 90],
        _ => [7, 30, 90],
    };

    public static ReportNeeds Needs(ReportKind kind, bool money) => kind switch
    {
        ReportKind.Inventory => ReportNeeds.Catalog,
        // profit is net of the SKU's own advertising, which lives in the expenses
        ReportKind.TopProducts when money => ReportNeeds.Sales | ReportNeeds.Expenses,
        _ => ReportNeeds.Sales,
    };

    public static string Slug(ReportKind kind) => kind switch
    {
        ReportKind.SalesStock => "sales-stock",
        ReportKind.Inventory => "inventory",
        ReportKind.TopProducts => "top-products",
        ReportKind.DeadStock => "dead-stock",
        ReportKind.AbcXyz => "abc-xyz",
        _ => "cancellations-returns",
    };
}
