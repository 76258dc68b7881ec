using System.Text;
using UzumBot.Features.Orders;
using UzumBot.Localization;
using UzumBot.Rendering;

namespace UzumBot.Features.Automation;

/// <summary>Everything the daily summary shows, already read.</summary>
public sealed record SummaryData(
    string ShopTitle,
    SummaryDay Yesterday,
    SummaryDay DayBefore,
    SummaryDay WeekBefore,
    int Waiting,
    DateTimeOffset? NearestDeadline,
    IReadOnlyList<SkuOutlook> ShortStock,
    int ThresholdDays);

/// <summary>The owner's morning message: yesterday against the day before and the same weekday a week earlier.</summary>
public static class SummaryScreens
{
    public const int StockLines = 8;

    private static Strings S => Strings.Instance;

    public static Screen Summary(Lang lang, SummaryData data, DateTimeOffset now, string? financeCommand)
    {
        var (y, b, w) = (data.Yesterday, data.DayBefore, data.WeekBefore);
        var text = new StringBuilder()
            .Append("☀️ <b>").Append(S.Format(lang, "automation.summary.title", Day(y.Day))).Append("</b> · ").Append(Html.Encode(data.ShopTitle))
            .Append('\n').Append(S.Format(lang, "automation.summary.delta_legend", Day(b.Day), Day(w.Day)))
            .Append("\n\n").Append(Metric(lang, "automation.summary.orders", y.Orders, b.Orders, w.Orders, Formats.Number))
            .Append('\n').Append(Metric(lang, "automation.summary.units", y.Units, b.Units, w.Units, Formats.Number));
        text.Append('\n').Append(Metric(lang, "automation.summary.revenue", y.Revenue, b.Revenue, w.Revenue, v => Formats.Money(v, lang)))
            .Append('\n').Append(Metric(lang, "automation.summary.profit", y.Profit, b.Profit, w.Profit, v => Formats.Money(v, lang)));
        text.Append('\n').Append(S.Format(lang, "automation.summary.cancel_returns", Formats.Number(y.Cancelled), Formats.Number(y.Returns)));

        text.Append("\n\n").Append(S.Format(lang, "automation.summary.waiting", Formats.Number(data.Waiting)));
        if (data.NearestDeadline is { } deadline)
            text.Append(' ').Append(S.Format(lang, "automation.summary.nearest", Formats.ShortDateTime(deadline),
                deadline > now ? S.Format(lang, "orders.card.in", Formats.Duration(deadline - now, lang)) : S[lang, "orders.card.overdue"]));

        var outOfStock = data.ShortStock.Count(s => s.IsOut);
        text.Append("\n\n").Append(S.Format(lang, "automation.summary.stock", Formats.Number(outOfStock), Formats.Number(data.ShortStock.Count - outOfStock), data.ThresholdDays));
        foreach (var sku in data.ShortStock.Take(StockLines)) text.Append('\n').Append(PushScreens.LowStockLine(lang, sku));
        if (data.ShortStock.Count > StockLines) text.Append('\n').Append(S.Format(lang, "automation.more", Formats.Number(data.ShortStock.Count - StockLines)));

        var buttons = new List<Button> { new(S[lang, "menu.orders"], CallbackData.Encode(OrdersFeature.Home)) };
        if (financeCommand is not null) buttons.Add(new Button(S[lang, "automation.button.finance"], CallbackData.Encode(financeCommand)));
        return new Screen(text.ToString(), new Keyboard().Row(buttons.ToArray()).Build());
    }

    /// <summary><c>Заказы: 12 · +20 % · −8 %</c></summary>
    private static string Metric(Lang lang, string key, long value, long dayBefore, long weekBefore, Func<long, string> format) =>
        $"{S[lang, key]}: <b>{format(value)}</b> · {Delta(value, dayBefore)} · {Delta(value, weekBefore)}";

    public static string Delta(long current, long? previous)
    {
        if (previous is not { } p || SummaryDays.ChangePercent(current, p) is not { } change) return "—";
        var sign = change > 0 ? "+" : change < 0 ? "−" : "";
        return sign + Math.Abs(change).ToString(System.Globalization.CultureInfo.InvariantCulture) + Formats.GroupSeparator + "%";
    }

    private static string Day(DateOnly day) => day.ToString("dd.MM", System.Globalization.CultureInfo.InvariantCulture);
}
