using UzumBot.Uzum;

namespace UzumBot.Features.Finance;

/// <summary>Where an UZUM expense (<c>SellerPaymentDto</c>) lands on the finance screen.</summary>
public enum ExpenseGroup
{
    /// <summary>Per-order delivery: already inside each line's <c>sellerProfit</c>, so shown but never subtracted again.</summary>
    Logistics,
    Storage,
    Fines,
    Advertising,
    Other,
}

/// <summary>
/// Every money rule of the bot, in one place. Sources: <c>shared/uzum/api-reference.md</c> (§1.6, §3.4, §3.5, §4 gotchas
/// 5, 6, 7, 18, 19, 20) and cases U8 in <c>shared/cases/cases.md</c>. Input is what UZUM returned for a period
/// (finance lines of <c>/v1/finance/orders</c>, expenses of <c>/v1/finance/expenses</c>) and optional owner-typed cost
/// prices keyed by seller SKU code; nothing here calls UZUM, reads a clock or formats text.
/// </summary>
public static class FinanceRules
{
    public const string CanceledStatus = "CANCELED";
    public const string IncomeType = "INCOME";
    public const string CanceledExpenseStatus = "CANCELED";

    /// <summary>
    /// Expense groups keyed on <c>code</c>, never on the localized <c>source</c> text ("Logistika", "Ombor"…) — gotcha 20.
    /// The codes are the ones recovered in §3.5; <c>У000120</c> and <c>С000003</c> start with Cyrillic letters, their
    /// Latin look-alikes are accepted too. No fine code has been recovered yet: fines get a code here when one is seen
    /// live; until then a fine arrives under its own name in "other" rather than being guessed from its text.
    /// </summary>
    private static readonly Dictionary<string, ExpenseGroup> Groups = new(StringComparer.OrdinalIgnoreCase)
    {
        ["logistics-volume"] = ExpenseGroup.Logistics,
        ["return-logistics-volume"] = ExpenseGroup.Logistics,
        ["\u0423000120"] = ExpenseGroup.Advertising, // У000120, pay-per-order promotion
        ["Y000120"] = ExpenseGroup.Advertising,
        ["\u0421000003"] = ExpenseGroup.Storage, // С000003, daily storage fee
        ["C000003"] = ExpenseGroup.Storage,
    };

    /// <summary>Rule 1 — a line counts as sold when its status is not <c>CANCELED</c> and its <c>amount</c> is above zero.
    /// Cancelled and fully returned lines stay in the list with zeros (gotcha 5): counting them as one unit inflates sales.</summary>
    public static bool IsSold(OrderItem line) => line.Amount > 0 && !IsCanceled(line);

    public static bool IsCanceled(OrderItem line) => string.Equals(line.Status, CanceledStatus, StringComparison.OrdinalIgnoreCase);

    /// <summary>Rule 2 — revenue of a line = <c>sellPrice × amount</c> (the price the buyer paid per unit; live lines say
    /// <c>sellPrice</c>, the spec <c>sellerPrice</c> — gotcha 7). <c>amount</c> already excludes returned or partially
    /// cancelled units, so revenue is net of returns; returns are shown beside it, never subtracted a second time.</summary>
    public static long Revenue(OrderItem line) => IsSold(line) ? line.UnitPrice * line.Amount : 0;

    /// <summary>Rule 3 — units sold = <c>amount</c>; returned units = <c>amountReturns</c> (U8).</summary>
    public static int Units(OrderItem line) => IsSold(line) ? line.Amount : 0;

    public static int ReturnedUnits(OrderItem line) => IsCanceled(line) ? 0 : Math.Max(0, line.AmountReturns);

    /// <summary>Rule 4 — commission is an amount in som on the line (§1.6: the percent lives in the catalogue).</summary>
    public static long Commission(OrderItem line) => IsSold(line) ? line.Commission : 0;

    /// <summary>Rule 5 — what UZUM keeps for the line is inside <c>sellerProfit</c> = revenue − commission − delivery (§3.4).</summary>
    public static long SellerProfit(OrderItem line) => IsSold(line) ? line.SellerProfit : 0;

    /// <summary>Rule 6 — the delivery fee is derived as <c>sellPrice·amount − commission − sellerProfit</c>, because
    /// <c>logisticDeliveryFee</c> is sometimes 0 although the fee was taken (gotcha 18).</summary>
    public static long Delivery(OrderItem line) => IsSold(line) ? Math.Max(0, Revenue(line) - line.Commission - line.SellerProfit) : 0;

    /// <summary>
    /// Rule 7 — cost of a line = unit cost × <c>amount</c>. The unit cost is UZUM's <c>purchasePrice</c> where set (read as
    /// a per-unit price like <c>sellPrice</c>: of the two readings it never understates cost), else the owner's typed value
    /// for the SKU code, else unknown — and unknown stays unknown ("no cost price"), it is never taken as 0.
    /// </summary>
    public static long? UnitCost(OrderItem line, IReadOnlyDictionary<string, long>? ownerCosts) =>
        line.PurchasePrice > 0 ? line.PurchasePrice
        : line.SkuTitle is { } code && ownerCosts is not null && ownerCosts.TryGetValue(code, out var typed) && typed > 0 ? typed
        : null;

    /// <summary>Rule 8 — an expense's group comes from its <c>code</c>; an unknown code is "other", listed by name.</summary>
    public static ExpenseGroup GroupOf(Expense expense) =>
        expense.Code is { } code && Groups.TryGetValue(code.Trim(), out var group) ? group : ExpenseGroup.Other;

    /// <summary>Rule 9 — a <c>CANCELED</c> payment moved no money and counts nowhere.</summary>
    public static bool Counts(Expense expense) => !string.Equals(expense.Status, CanceledExpenseStatus, StringComparison.OrdinalIgnoreCase);

    /// <summary>Rule 10 — <c>paymentPrice</c> is the payment's whole amount in som, positive either way; <c>type</c> gives the
    /// sign: OUTCOME is a charge, INCOME a refund of a charge to the seller (§3.5).</summary>
    public static bool IsRefund(Expense expense) => string.Equals(expense.Type, IncomeType, StringComparison.OrdinalIgnoreCase);

    public static long Price(Expense expense) => Math.Abs(expense.PaymentPrice);

    /// <summary>Rule 11 — margin % = net profit ÷ revenue × 100; no revenue, no margin (null, shown as "—").</summary>
    public static decimal? Margin(long profit, long revenue) => revenue > 0 ? Math.Round(profit * 100m / revenue, 1, MidpointRounding.AwayFromZero) : null;

    /// <summary>
    /// The whole period. Net profit = Σ sellerProfit (rule 5: revenue − commission − delivery)
    ///   − storage − fines − advertising − other charges (OUTCOME, rule 8)
    ///   + refunds of those charges (INCOME)
    ///   − cost of goods sold where known (rule 7).
    /// Logistics payments (<c>logistics-volume</c> and its refund <c>return-logistics-volume</c>) are the same per-order fee
    /// that <c>sellerProfit</c> already nets, so they are shown for reference and neither subtracted nor added (gotcha 18,
    /// U8): a returned line has <c>sellerProfit</c> 0, so adding its logistics refund would count money the seller never lost.
    /// </summary>
    public static FinanceSummary Summarize(IEnumerable<OrderItem> lines, IEnumerable<Expense> expenses, IReadOnlyDictionary<string, long>? ownerCosts = null)
    {
        var lineList = lines as IReadOnlyCollection<OrderItem> ?? lines.ToList();
        var charges = new Dictionary<ExpenseGroup, long>();
        var refunds = new Dictionary<ExpenseGroup, long>();
        var other = new Dictionary<string, OtherCharge>(StringComparer.Ordinal);
        foreach (var expense in expenses.Where(Counts))
        {
            var group = GroupOf(expense);
            var target = IsRefund(expense) ? refunds : charges;
            target[group] = target.GetValueOrDefault(group) + Price(expense);
            if (group != ExpenseGroup.Other) continue;
            var key = expense.Code?.Trim() is { Length: > 0 } code ? code : expense.Name ?? "";
            var signed = IsRefund(expense) ? -Price(expense) : Price(expense);
            other[key] = other.TryGetValue(key, out var seen)
                ? seen with { Amount = seen.Amount + signed, Count = seen.Count + 1 }
                : new OtherCharge(expense.Code, expense.Name ?? expense.Code ?? "", signed, 1);
        }

        var sold = lineList.Where(IsSold).ToList();
        var costKnown = sold.Sum(l => UnitCost(l, ownerCosts) * l.Amount ?? 0);
        var missing = sold.Where(l => UnitCost(l, ownerCosts) is null).ToList();
        var subtracted = new[] { ExpenseGroup.Storage, ExpenseGroup.Fines, ExpenseGroup.Advertising, ExpenseGroup.Other };
        var sellerProfit = sold.Sum(SellerProfit);
        var chargesTotal = subtracted.Sum(g => charges.GetValueOrDefault(g));
        var refundsTotal = subtracted.Sum(g => refunds.GetValueOrDefault(g));
        var revenue = sold.Sum(Revenue);
        var net = sellerProfit - chargesTotal + refundsTotal - costKnown;
        var (returnValue, unpriced) = ReturnsValue(lineList);
        return new FinanceSummary
        {
            Revenue = revenue,
            Units = sold.Sum(Units),
            Orders = sold.Select(l => l.OrderId).Distinct().Count(),
            ReturnedUnits = lineList.Sum(ReturnedUnits),
            ReturnsValue = returnValue,
            ReturnedUnitsWithoutPrice = unpriced,
            Commission = sold.Sum(Commission),
            Delivery = sold.Sum(Delivery),
            SellerProfit = sellerProfit,
            LogisticsCharged = charges.GetValueOrDefault(ExpenseGroup.Logistics) - refunds.GetValueOrDefault(ExpenseGroup.Logistics),
            Storage = charges.GetValueOrDefault(ExpenseGroup.Storage),
            Fines = charges.GetValueOrDefault(ExpenseGroup.Fines),
            Advertising = charges.GetValueOrDefault(ExpenseGroup.Advertising),
            OtherCharges = charges.GetValueOrDefault(ExpenseGroup.Other),
            OtherItems = other.Values.OrderByDescending(o => Math.Abs(o.Amount)).ToList(),
            Refunds = refundsTotal,
            CostOfGoods = costKnown,
            SkusWithoutCost = missing.Select(SkuKey).Distinct(StringComparer.Ordinal).Count(),
            UnitsWithoutCost = missing.Sum(Units),
            NetProfit = net,
            Margin = Margin(net, revenue),
        };
    }

    /// <summary>
    /// Per SKU (keyed by the finance <c>skuTitle</c>, the seller SKU code — gotcha 8). Profit of a SKU =
    /// Σ sellerProfit − cost of goods − its advertising; the advertising charge <c>У000120</c> names its finance line in
    /// <c>externalId</c> (<c>AD#&lt;lineId&gt;-&lt;productId&gt;-&lt;date&gt;</c>, §3.5), so it is pinned to that line's SKU.
    /// Storage and other shop-wide charges stay at shop level. A SKU with sold units but no cost price has profit null.
    /// </summary>
    public static IReadOnlyList<SkuFinance> BySku(IEnumerable<OrderItem> lines, IEnumerable<Expense> expenses, IReadOnlyDictionary<string, long>? ownerCosts = null)
    {
        var lineList = lines as IReadOnlyCollection<OrderItem> ?? lines.ToList();
        var skuOfLine = new Dictionary<long, string>();
        foreach (var line in lineList) skuOfLine.TryAdd(line.Id, SkuKey(line));
        var ads = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var expense in expenses.Where(e => Counts(e) && GroupOf(e) == ExpenseGroup.Advertising))
            if (AdvertisedLine(expense) is { } lineId && skuOfLine.TryGetValue(lineId, out var sku))
                ads[sku] = ads.GetValueOrDefault(sku) + (IsRefund(expense) ? -Price(expense) : Price(expense));

        return lineList.Where(l => !IsCanceled(l)).GroupBy(SkuKey, StringComparer.Ordinal).Select(g =>
        {
            var sold = g.Where(IsSold).ToList();
            var costs = sold.Select(l => UnitCost(l, ownerCosts) * l.Amount).ToList();
            long? cost = costs.All(c => c is not null) ? costs.Sum(c => c!.Value) : null;
            var revenue = sold.Sum(Revenue);
            var sellerProfit = sold.Sum(SellerProfit);
            var advertising = ads.GetValueOrDefault(g.Key);
            long? profit = cost is null ? null : sellerProfit - cost.Value - advertising;
            var first = g.First();
            return new SkuFinance
            {
                SkuCode = g.Key,
                ProductId = first.ProductId,
                ProductTitle = first.ProductTitle,
                Units = sold.Sum(Units),
                ReturnedUnits = g.Sum(ReturnedUnits),
                Revenue = revenue,
                Commission = sold.Sum(Commission),
                Delivery = sold.Sum(Delivery),
                SellerProfit = sellerProfit,
                Advertising = advertising,
                CostOfGoods = cost,
                Profit = profit,
                Margin = profit is { } p ? Margin(p, revenue) : null,
            };
        }).ToList();
    }

    /// <summary>Top <paramref name="count"/> SKUs by profit; SKUs without a cost price have no profit and are not ranked.</summary>
    public static IReadOnlyList<SkuFinance> TopByProfit(IEnumerable<SkuFinance> skus, int count = 10) =>
        skus.Where(s => s.Profit is > 0).OrderByDescending(s => s.Profit).ThenBy(s => s.SkuCode, StringComparer.Ordinal).Take(count).ToList();

    /// <summary>Every SKU whose profit in the period is below zero, worst first.</summary>
    public static IReadOnlyList<SkuFinance> LossMaking(IEnumerable<SkuFinance> skus) =>
        skus.Where(s => s.Profit is < 0).OrderBy(s => s.Profit).ThenBy(s => s.SkuCode, StringComparer.Ordinal).ToList();

    /// <summary>
    /// Orders and revenue per Tashkent day of the line's <c>date</c> (the order's time, epoch ms — §1.6). Orders = distinct
    /// <c>orderId</c> of sold lines, as in <see cref="Summarize"/>; revenue per rule 2.
    /// Every day of the period appears, with zeros where nothing sold.
    /// </summary>
    public static IReadOnlyList<DayFigures> ByDay(IEnumerable<OrderItem> lines, FinancePeriod period)
    {
        var days = period.EachDay().ToDictionary(d => d, _ => (Orders: new HashSet<long>(), Revenue: 0L));
        foreach (var line in lines)
        {
            // the same lines the summary counts (rule 1), so the bars add up to the caption's orders
            if (line.Date is not { } date || !IsSold(line)) continue;
            if (!days.TryGetValue(FinancePeriod.DayOf(date), out var day)) continue;
            day.Orders.Add(line.OrderId);
            days[FinancePeriod.DayOf(date)] = day with { Revenue = day.Revenue + Revenue(line) };
        }
        return days.OrderBy(d => d.Key).Select(d => new DayFigures(d.Key, d.Value.Orders.Count, d.Value.Revenue)).ToList();
    }

    /// <summary>Lines of <paramref name="lines"/> whose <c>date</c> falls inside the period (Tashkent days).</summary>
    public static IEnumerable<OrderItem> Within(IEnumerable<OrderItem> lines, FinancePeriod period) =>
        lines.Where(l => l.Date is { } d && period.Contains(d));

    /// <summary>Expenses whose <c>dateCreated</c> (when the money moved; the date the expenses query filters on) falls
    /// inside the period, else their <c>dateService</c>.</summary>
    public static IEnumerable<Expense> Within(IEnumerable<Expense> expenses, FinancePeriod period) =>
        expenses.Where(e => (e.DateCreated ?? e.DateService) is { } d && period.Contains(d));

    /// <summary>
    /// Rule 12 — returns in som = <c>amountReturns × sellPrice</c>. A fully returned line comes back with <c>sellPrice</c> 0
    /// (gotcha 5), so its price is the SKU's price on its latest priced line in the set; with none, its units are counted
    /// as "without a price" instead of a guessed value. Information only: revenue already excludes returned units (rule 2).
    /// </summary>
    private static (long Value, int Unpriced) ReturnsValue(IReadOnlyCollection<OrderItem> lines)
    {
        var priceOf = lines.Where(l => l.UnitPrice > 0).OrderBy(l => l.Date).GroupBy(SkuKey, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last().UnitPrice, StringComparer.Ordinal);
        long value = 0;
        var unpriced = 0;
        foreach (var line in lines)
        {
            var units = ReturnedUnits(line);
            if (units == 0) continue;
            var price = line.UnitPrice > 0 ? line.UnitPrice : priceOf.GetValueOrDefault(SkuKey(line));
            if (price > 0) value += price * units;
            else unpriced += units;
        }
        return (value, unpriced);
    }

    private static string SkuKey(OrderItem line) => line.SkuTitle ?? $"#{line.ProductId}";

    /// <summary>The finance line id in an advertising <c>externalId</c> "AD#240103210-2811045-2026-08-11".</summary>
    private static long? AdvertisedLine(Expense expense)
    {
        var id = expense.ExternalId;
        if (id is null || !id.StartsWith("AD#", StringComparison.Ordinal)) return null;
        var end = id.IndexOf('-', 3);
        return long.TryParse(end < 0 ? id.AsSpan(3) : id.AsSpan(3, end - 3), out var lineId) ? lineId : null;
    }
}

/// <summary>The money of a period (see <see cref="FinanceRules.Summarize"/> for each formula). All amounts in som;
/// charges are positive numbers that the screen shows with a minus.</summary>
public sealed record FinanceSummary
{
    public long Revenue { get; init; }
    public int Units { get; init; }
    public int Orders { get; init; }
    public int ReturnedUnits { get; init; }
    public long ReturnsValue { get; init; }
    public int ReturnedUnitsWithoutPrice { get; init; }
    public long Commission { get; init; }
    /// <summary>Delivery taken inside sellerProfit (rule 6).</summary>
    public long Delivery { get; init; }
    public long SellerProfit { get; init; }
    /// <summary>Net logistics payments (charges − their refunds), for reference only: not in <see cref="NetProfit"/>.</summary>
    public long LogisticsCharged { get; init; }
    public long Storage { get; init; }
    public long Fines { get; init; }
    public long Advertising { get; init; }
    public long OtherCharges { get; init; }
    /// <summary>Other payments by code (or name when there is no code); refunds are negative.</summary>
    public IReadOnlyList<OtherCharge> OtherItems { get; init; } = [];
    /// <summary>INCOME payments that refund storage, fines, advertising or other charges.</summary>
    public long Refunds { get; init; }
    /// <summary>Cost of goods of the SKUs whose cost price is known.</summary>
    public long CostOfGoods { get; init; }
    public int SkusWithoutCost { get; init; }
    public int UnitsWithoutCost { get; init; }
    public long NetProfit { get; init; }
    /// <summary>Percent with one decimal; null without revenue.</summary>
    public decimal? Margin { get; init; }

    /// <summary>True when some sold SKU has no cost price: the net profit leaves their cost out and says so.</summary>
    public bool CostIncomplete => SkusWithoutCost > 0;
}

public sealed record OtherCharge(string? Code, string Name, long Amount, int Count);

public sealed record SkuFinance
{
    public required string SkuCode { get; init; }
    public long ProductId { get; init; }
    public string? ProductTitle { get; init; }
    public int Units { get; init; }
    public int ReturnedUnits { get; init; }
    public long Revenue { get; init; }
    public long Commission { get; init; }
    public long Delivery { get; init; }
    public long SellerProfit { get; init; }
    public long Advertising { get; init; }
    /// <summary>Null when a sold line of the SKU has no cost price (rule 7).</summary>
    public long? CostOfGoods { get; init; }
    /// <summary>Null without a cost price: "no cost price", never an invented figure.</summary>
    public long? Profit { get; init; }
    public decimal? Margin { get; init; }
}

public sealed record DayFigures(DateOnly Day, int Orders, long Revenue);
