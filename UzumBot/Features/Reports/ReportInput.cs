using UzumBot.Features.Finance;
using UzumBot.Uzum;

namespace UzumBot.Features.Reports;

/// <summary>One SKU of the catalogue as the reports need it: its code (the finance lines' skuTitle), stock by scheme, cost.</summary>
public sealed record StockSku(long ShopId, string SkuCode, string? ProductTitle, int Fbo, int Fbs, long? PurchasePrice)
{
    public int Stock => Fbo + Fbs;

    /// <summary>Stock at cost; null when UZUM has no purchase price for the SKU.</summary>
    public long? StockValue => PurchasePrice is > 0 ? PurchasePrice * Stock : null;

    /// <summary>
    /// The catalogue's SKUs keyed as the finance lines key them: <c>skuFullTitle</c> (gotcha 8 — the catalogue's
    /// <c>skuTitle</c> is only the variant suffix). Archived SKUs are left out.
    /// </summary>
    public static IReadOnlyList<StockSku> From(long shopId, IEnumerable<ProductCard> products) => products
        .SelectMany(p => (p.SkuList ?? []).Where(s => !s.Archived).Select(s => new StockSku(
            shopId, s.SkuFullTitle ?? s.SkuTitle ?? "#" + s.SkuId, s.ProductTitle ?? p.Title, s.QuantityActive, s.QuantityFbs, s.PurchasePrice)))
        .ToList();
}

/// <summary>What a report is computed from: the catalogue with stock, and the finance lines and expenses of its period.</summary>
public sealed class ReportInput
{
    private readonly Dictionary<string, StockSku> _stock;

    /// <param name="ownerCosts">Cost prices the owner typed, by SKU code: used where UZUM has no purchase price.</param>
    public ReportInput(FinancePeriod period, IReadOnlyList<StockSku> skus, IReadOnlyList<OrderItem> lines, IReadOnlyList<Expense> expenses,
        IReadOnlyDictionary<string, long>? ownerCosts = null)
    {
        (Period, Skus, Lines, Expenses) = (period, skus, lines, expenses);
        Finance = FinanceRules.BySku(lines, expenses, ownerCosts).ToDictionary(s => s.SkuCode, StringComparer.Ordinal);
        // one SKU code in several shops ("all shops") adds its stock up
        _stock = skus
            .Select(s => s.PurchasePrice is > 0 || ownerCosts is null || !ownerCosts.TryGetValue(s.SkuCode, out var typed) ? s : s with { PurchasePrice = typed })
            .GroupBy(s => s.SkuCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Aggregate((a, b) => a with { Fbo = a.Fbo + b.Fbo, Fbs = a.Fbs + b.Fbs }), StringComparer.Ordinal);
    }

    public FinancePeriod Period { get; }
    public IReadOnlyList<StockSku> Skus { get; }
    public IReadOnlyList<OrderItem> Lines { get; }
    public IReadOnlyList<Expense> Expenses { get; }

    /// <summary>Money per SKU from the finance rules (revenue, units, returns, profit), keyed by SKU code.</summary>
    public IReadOnlyDictionary<string, SkuFinance> Finance { get; }

    /// <summary>Every SKU code that has stock or appears in a finance line, catalogue order first.</summary>
    public IEnumerable<string> AllCodes => _stock.Keys.Concat(Finance.Keys).Distinct(StringComparer.Ordinal);

    public IEnumerable<StockSku> StockedSkus => _stock.Values;

    public StockSku? Stock(string code) => _stock.GetValueOrDefault(code);

    public string? Title(string code) => Stock(code)?.ProductTitle ?? Finance.GetValueOrDefault(code)?.ProductTitle;
}
