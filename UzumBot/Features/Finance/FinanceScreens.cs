using System.Text;
using UzumBot.Features.Menu;
using UzumBot.Localization;
using UzumBot.Rendering;
using UzumBot.Uzum;

namespace UzumBot.Features.Finance;

/// <summary>💰 Finance screens: the period summary, top and loss-making SKUs, cost prices.</summary>
public sealed class FinanceScreens(SessionContext session)
{
    public const int SkusPerPage = 10;
    private Lang Lang => session.Lang;

    private string Money(long som) => Formats.Money(som, Lang);

    public Screen Summary(string arg, FinancePeriod period, FinanceSummary s, int lossMaking)
    {
        var text = new StringBuilder(session.F("finance.title", Html.Encode(session.ShopTitle), PeriodArg.Title(arg, period, Lang)));
        if (PeriodArg.Title(arg, period, Lang) != PeriodArg.Range(period)) text.Append(" (").Append(PeriodArg.Range(period)).Append(')');
        text.Append('\n');
        if (s.Units == 0 && s.ReturnedUnits == 0) text.Append(session.T("finance.no_sales")).Append('\n');
        text.Append(session.F("finance.revenue", Money(s.Revenue), Formats.Number(s.Units), Formats.Number(s.Orders))).Append('\n');
        if (s.ReturnedUnits > 0)
        {
            text.Append(session.F("finance.returns", Money(s.ReturnsValue), Formats.Number(s.ReturnedUnits - s.ReturnedUnitsWithoutPrice))).Append('\n');
            if (s.ReturnedUnitsWithoutPrice > 0) text.Append(session.F("finance.returns_unpriced", Formats.Number(s.ReturnedUnitsWithoutPrice))).Append('\n');
        }
        Line(text, "finance.commission", s.Commission, always: true);
        Line(text, "finance.delivery", s.Delivery, always: true);
        Line(text, "finance.storage", s.Storage, always: true);
        Line(text, "finance.fines", s.Fines, always: false);
        Line(text, "finance.advertising", s.Advertising, always: true);
        if (s.OtherCharges != 0 || s.OtherItems.Count > 0)
        {
            Line(text, "finance.other", s.OtherCharges, always: true);
            foreach (var item in s.OtherItems.Take(5))
                text.Append(session.F("finance.other_line", Html.Encode(item.Name), Money(-item.Amount))).Append('\n');
        }
        if (s.Refunds > 0) text.Append(session.F("finance.refunds", Money(s.Refunds))).Append('\n');
        Line(text, "finance.cost", s.CostOfGoods, always: true);
        if (s.CostIncomplete) text.Append(session.F("finance.cost_missing", Formats.Number(s.SkusWithoutCost), Formats.Number(s.UnitsWithoutCost))).Append('\n');
        text.Append(session.F("finance.net", Money(s.NetProfit), FinanceText.Percent(s.Margin))).Append('\n');
        text.Append(session.F("finance.loss_count", Formats.Number(lossMaking)));

        var keyboard = new Keyboard()
            .Row(PeriodArg.ChipRow(Lang, FinanceFeature.Home, FinanceFeature.Custom, arg))
            .Row(new Button(session.T("finance.top_button"), CallbackData.Encode(FinanceFeature.Top, arg)),
                 new Button(session.T("finance.loss_button"), CallbackData.Encode(FinanceFeature.Loss, arg, 0)));
        if (session.Can(Security.Permission.ManageToken))
            keyboard.Row(new Button(session.T("finance.costs_button"), CallbackData.Encode(FinanceFeature.Costs, arg, 0)));
        keyboard.Row(MenuScreens.BackToMenu(Lang));
        return new Screen(text.ToString(), keyboard.Build());
    }

    public Screen Top(string arg, FinancePeriod period, IReadOnlyList<SkuFinance> top, int withoutCost)
    {
        var text = new StringBuilder(session.F("finance.top_title", PeriodArg.Range(period))).Append('\n');
        if (top.Count == 0) text.Append(session.T("finance.top_empty")).Append('\n');
        SkuLines(text, top, 0);
        if (withoutCost > 0) text.Append(session.F("finance.skus_without_cost", Formats.Number(withoutCost)));
        return new Screen(text.ToString().TrimEnd(), Back(arg).Build());
    }

    public Screen Loss(string arg, FinancePeriod period, IReadOnlyList<SkuFinance> loss, int page)
    {
        var pages = Math.Max(1, (loss.Count + SkusPerPage - 1) / SkusPerPage);
        page = Math.Clamp(page, 0, pages - 1);
        var text = new StringBuilder(session.F("finance.loss_title", PeriodArg.Range(period)));
        if (pages > 1) text.Append(" · ").Append(session.F("paging.page", page + 1, pages));
        text.Append('\n');
        if (loss.Count == 0) text.Append(session.T("finance.loss_empty"));
        SkuLines(text, loss.Skip(page * SkusPerPage).Take(SkusPerPage).ToList(), page * SkusPerPage);
        var keyboard = new Keyboard();
        if (pages > 1) keyboard.Row(Pager(FinanceFeature.Loss, arg, page, pages));
        return new Screen(text.ToString().TrimEnd(), Back(arg, keyboard).Build());
    }

    public Screen Costs(string arg, FinancePeriod period, IReadOnlyList<CostRow> rows, int page)
    {
        var pages = Math.Max(1, (rows.Count + SkusPerPage - 1) / SkusPerPage);
        page = Math.Clamp(page, 0, pages - 1);
        var text = new StringBuilder(session.F("finance.costs_title", PeriodArg.Range(period)));
        if (pages > 1) text.Append(" · ").Append(session.F("paging.page", page + 1, pages));
        text.Append('\n').Append(session.T("finance.costs_hint")).Append('\n');
        if (rows.Count == 0) text.Append(session.T("finance.costs_empty"));
        var keyboard = new Keyboard();
        var shown = rows.Skip(page * SkusPerPage).Take(SkusPerPage).ToList();
        for (var i = 0; i < shown.Count; i++)
        {
            var row = shown[i];
            text.Append(session.F("finance.costs_line", page * SkusPerPage + i + 1, Html.Encode(row.SkuCode), CostState(row))).Append('\n');
        }
        keyboard.Grid(shown.Select((r, i) => (Row: r, Number: page * SkusPerPage + i + 1)).Where(x => x.Row.SkuId is not null)
            .Select(x => new Button($"💵 {x.Number}", CallbackData.Encode(FinanceFeature.CostPrice, x.Row.SkuId!.Value, arg))), 5);
        if (pages > 1) keyboard.Row(Pager(FinanceFeature.Costs, arg, page, pages));
        return new Screen(text.ToString().TrimEnd(), Back(arg, keyboard).Build());
    }

    public Screen AskCost(ProductSku sku, long? typed, string arg, string? problemKey)
    {
        var code = sku.SkuFullTitle ?? sku.SkuTitle ?? sku.SkuId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var now = sku.PurchasePrice is > 0 ? session.F("finance.costs_from_uzum", Money(sku.PurchasePrice.Value))
            : typed is { } t ? session.F("finance.costs_typed", Money(t)) : session.T("finance.costs_none");
        var text = session.F("finance.cost_ask", Html.Encode(code), now);
        if (problemKey is not null) text = "⚠️ " + session.T(problemKey) + "\n\n" + text;
        return new Screen(text, new Keyboard().Row(new Button(session.T("common.back"), CallbackData.Encode(FinanceFeature.Costs, arg, 0))).Build());
    }

    public Screen AskPeriod(string? problemKey, string backCommand)
    {
        var text = session.T("finance.period_ask");
        if (problemKey is not null) text = "⚠️ " + session.T(problemKey) + "\n\n" + text;
        return new Screen(text, new Keyboard().Row(new Button(session.T("common.back"), CallbackData.Encode(backCommand))).Build());
    }

    public Screen Unavailable(string retryData) => new(session.T("finance.unavailable"),
        new Keyboard().Row(new Button(session.T("common.retry"), retryData)).Row(MenuScreens.BackToMenu(Lang)).Build());

    public Screen NotFound() => new(session.T("finance.sku_unknown"), new Keyboard().Row(MenuScreens.BackToMenu(Lang)).Build());

    private string CostState(CostRow row) =>
        row.UzumPrice is { } u ? session.F("finance.costs_from_uzum", Money(u))
        : row.Typed is { } t ? session.F("finance.costs_typed", Money(t))
        : "⚠️ " + session.T("finance.costs_none");

    private void SkuLines(StringBuilder text, IReadOnlyList<SkuFinance> skus, int offset)
    {
        for (var i = 0; i < skus.Count; i++)
        {
            var s = skus[i];
            text.Append(session.F("finance.sku_line", offset + i + 1, Html.Encode(s.SkuCode), Html.Encode(Shorten(s.ProductTitle ?? "", 40)))).Append('\n');
            var profit = s.Profit is { } p ? Money(p) : session.T("finance.no_cost_price");
            text.Append(session.F("finance.sku_figures", Formats.Number(s.Units), Money(s.Revenue), profit, FinanceText.Percent(s.Margin))).Append('\n');
        }
    }

    private void Line(StringBuilder text, string key, long amount, bool always)
    {
        if (!always && amount == 0) return;
        var line = session.F(key, Money(amount));
        // the templates say "−{0}" for a charge; nothing charged reads "0", not "−0"
        text.Append(amount == 0 ? line.Replace("−" + Money(0), Money(0), StringComparison.Ordinal) : line).Append('\n');
    }

    private Keyboard Back(string arg, Keyboard? keyboard = null) =>
        (keyboard ?? new Keyboard()).Row(new Button(session.T("common.back"), CallbackData.Encode(FinanceFeature.Home, arg)), MenuScreens.BackToMenu(Lang));

    private static Button[] Pager(string command, string arg, int page, int pages) =>
    [
        new("◀️", CallbackData.Encode(command, arg, (page - 1 + pages) % pages)),
        new($"{page + 1}/{pages}", CallbackData.Encode(Menu.MenuFeature.Noop)),
        new("▶️", CallbackData.Encode(command, arg, (page + 1) % pages)),
    ];

    private static string Shorten(string value, int max) => value.Length <= max ? value : value[..(max - 1)] + "…";
}

/// <summary>A SKU sold in the period and where its cost price comes from.</summary>
public sealed record CostRow(string SkuCode, long? SkuId, long? UzumPrice, long? Typed, long Revenue);
