using System.Text;
using UzumBot.Features.Finance;
using UzumBot.Features.Orders;
using UzumBot.Features.Menu;
using UzumBot.Localization;
using UzumBot.Rendering;
using UzumBot.Security;
using UzumBot.Uzum;

namespace UzumBot.Features.Dashboard;

/// <summary>🏠 The dashboard: the caption under the chart, and the chart's words.</summary>
public sealed class DashboardScreens(SessionContext session, DateTimeOffset now)
{
    public static readonly TimeSpan UrgentWithin = TimeSpan.FromHours(2);

    /// <summary>The five status groups of the dashboard line; RETURNED and PENDING_CANCELLATION count with cancelled.</summary>
    public static readonly IReadOnlyList<string[]> Groups =
    [
        [OrderStatuses.Created],
        [OrderStatuses.Packing, OrderStatuses.PendingDelivery],
        [OrderStatuses.Delivering, OrderStatuses.Delivered, OrderStatuses.AcceptedAtDeliveryPoint, OrderStatuses.DeliveredToCustomerDeliveryPoint],
        [OrderStatuses.Completed],
        [OrderStatuses.Canceled, OrderStatuses.PendingCancellation, OrderStatuses.Returned],
    ];

    public Screen Caption(string arg, DashboardData data, IReadOnlyDictionary<string, long> ownerCosts)
    {
        var period = data.Period;
        var text = new StringBuilder(session.F("dashboard.title", Html.Encode(session.ShopTitle), PeriodArg.Title(arg, period, session.Lang)));
        var partly = data.Catalogue is null || data.NewOrders is null || data.Finance is null || data.Counts.Any(c => c.Count is null);

        if (data.Catalogue is { } products)
        {
            var skus = Skus(products);
            long fbo = skus.Sum(s => (long)Math.Max(0, s.QuantityActive)), fbs = skus.Sum(s => (long)Math.Max(0, s.QuantityFbs));
            text.Append('\n').Append(session.F("dashboard.products", Formats.Number(products.Count), Formats.Number(skus.Count),
                Formats.Number(fbo + fbs), Formats.Number(fbo), Formats.Number(fbs)));
        }
        text.Append('\n').Append(session.F("dashboard.orders", [.. Groups.Select(g => GroupCount(data.Counts, g))]));

        if (data.Finance is { } finance)
        {
            var summary = FinanceRules.Summarize(finance.Lines, finance.Expenses, ownerCosts);
            text.Append('\n').Append(session.F("dashboard.period_orders", Formats.Number(summary.Orders), Formats.Number(summary.Units)));
            if (session.Can(Permission.ViewMoney))
                text.Append('\n').Append(session.F("dashboard.money", Formats.Money(summary.Revenue, session.Lang), Formats.Number(summary.Commission),
                    Formats.Number(summary.NetProfit), FinanceText.Percent(summary.Margin)));
        }

        var marks = Marks(data);
        foreach (var mark in marks) text.Append('\n').Append(mark);
        if (marks.Count == 0 && !partly) text.Append('\n').Append(session.T("dashboard.all_fine"));
        if (partly) text.Append('\n').Append(session.T("dashboard.partly"));

        var keyboard = new Keyboard()
            .Row(PeriodArg.ChipRow(session.Lang, DashboardFeature.Home, DashboardFeature.Custom, arg))
            .Row(new Button(session.T("dashboard.refresh"), CallbackData.Encode(DashboardFeature.Refresh, arg)), MenuScreens.BackToMenu(session.Lang));
        return new Screen(text.ToString(), keyboard.Build());
    }

    public DashboardChart.Labels ChartLabels(FinancePeriod period) => session.Can(Permission.ViewMoney)
        ? new(session.F("dashboard.chart_title", PeriodArg.Range(period)), session.T("dashboard.chart_orders"), session.T("dashboard.chart_revenue"))
        : new(session.F("dashboard.chart_title_orders", PeriodArg.Range(period)), session.T("dashboard.chart_orders"), null);

    /// <summary>🔴 accept within 2 h, 🟡 waiting, 🔴 SKUs out of stock, 🟡 SKUs whose stock lasts under a week at the period's pace.</summary>
    public IReadOnlyList<string> Marks(DashboardData data)
    {
        var marks = new List<string>();
        if (data.NewOrders is { } created)
        {
            var urgent = created.Items.Count(o => o.AcceptUntil is { } until && until - now < UrgentWithin);
            if (urgent > 0) marks.Add(session.F("dashboard.urgent", Formats.Number(urgent)));
            if (created.Items.Count - urgent > 0) marks.Add(session.F("dashboard.waiting", Formats.Number(created.Items.Count - urgent)));
        }
        if (data.Catalogue is { } products)
        {
            var skus = Skus(products);
            var outOfStock = skus.Count(s => s.QuantityActive + s.QuantityFbs <= 0);
            if (outOfStock > 0) marks.Add(session.F("dashboard.out_of_stock", Formats.Number(outOfStock)));
            if (data.Finance is { } finance && LowStock(skus, finance) is > 0 and var low)
                marks.Add(session.F("dashboard.low_stock", Formats.Number(low)));
        }
        return marks;
    }

    private static int LowStock(IReadOnlyList<ProductSku> skus, FinanceData finance)
    {
        var sold = finance.Lines.Where(FinanceRules.IsSold).GroupBy(l => l.SkuTitle ?? "", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(FinanceRules.Units), StringComparer.Ordinal);
        return skus.Count(s =>
        {
            var stock = s.QuantityActive + s.QuantityFbs;
            return stock > 0 && s.SkuFullTitle is { } code && sold.TryGetValue(code, out var units)
                && stock < units * 7.0 / finance.Period.Days;
        });
    }

    private string GroupCount(IReadOnlyList<StatusCount> counts, string[] statuses)
    {
        var found = counts.Where(c => statuses.Contains(c.Status)).ToList();
        return found.Count == statuses.Length && found.All(c => c.Count is not null)
            ? Formats.Number(found.Sum(c => c.Count!.Value))
            : session.T("dashboard.unknown");
    }

    private static List<ProductSku> Skus(IReadOnlyList<ProductCard> products) =>
        products.SelectMany(p => p.SkuList ?? []).Where(s => !s.Archived).ToList();
}
