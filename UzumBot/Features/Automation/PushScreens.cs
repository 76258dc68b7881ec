using System.Text;
using UzumBot.Features.Menu;
using UzumBot.Features.Orders;
using UzumBot.Features.Settings;
using UzumBot.Localization;
using UzumBot.Rendering;
using UzumBot.Uzum;

namespace UzumBot.Features.Automation;

/// <summary>
/// The messages the bot pushes on its own: a new-order alert, several folded into one, the quiet-hours digest, a
/// low-stock alert, a refused token. Pure; every UZUM value is HTML-encoded here. Order buttons carry the Orders
/// module's own commands, so a tap on an alert runs the same guarded confirm / label / cancel.
/// </summary>
public static class PushScreens
{
    /// <summary>This many new orders in one check become one message.</summary>
    public const int FoldAt = 5;
    public const int FoldedLines = 20;

    private static Strings S => Strings.Instance;

    public static Screen Alert(Lang lang, SellerOrder order, string shopName, DateTimeOffset now)
    {
        var text = new StringBuilder()
            .Append("🆕 <b>").Append(S.Format(lang, "automation.alert.title", order.Id)).Append("</b> · ").Append(Html.Encode(shopName));
        foreach (var item in order.Items)
        {
            text.Append("\n• ").Append(Html.Encode(item.ProductTitle ?? item.SkuTitle));
            if (!string.IsNullOrWhiteSpace(item.SkuTitle) && item.ProductTitle is not null) text.Append(" · ").Append(Html.Encode(item.SkuTitle));
            text.Append(" ×").Append(item.Amount);
        }
        text.Append('\n').Append(S[lang, "orders.card.total"]).Append(": <b>").Append(Formats.Money(Total(order), lang)).Append("</b>");
        if (order.AcceptUntil is { } until)
            text.Append('\n').Append(S.Format(lang, "orders.card.accept_until", Formats.DateTime(until))).Append(" · ")
                .Append(until > now ? S.Format(lang, "orders.card.in", Formats.Duration(until - now, lang)) : S[lang, "orders.card.overdue"]);

        var keyboard = new Keyboard().Row(
            // Stamped like the order card's ✅: a tap more than an hour after the alert is asked again.
            new Button(S[lang, "orders.confirm.button"], CallbackData.Encode(OrdersFeature.Confirm, order.Id, now.ToUnixTimeSeconds())),
            new Button(S[lang, "orders.cancel.button"], CallbackData.Encode(OrdersFeature.Cancel, order.Id)));
        if (OrdersScreens.HasParcelLabel(order))
            keyboard.Row(
                new Button(S.Format(lang, "orders.label.button", Dimensions(LabelSize.Large)), CallbackData.Encode(OrdersFeature.Label, order.Id, OrdersFeature.SizeCode(LabelSize.Large))),
                new Button(S.Format(lang, "orders.label.button", Dimensions(LabelSize.Big)), CallbackData.Encode(OrdersFeature.Label, order.Id, OrdersFeature.SizeCode(LabelSize.Big))));
        return new Screen(text.ToString(), keyboard.Build());
    }

    /// <summary>"5 new orders: …" with one tap to the list of new orders.</summary>
    public static Screen Folded(Lang lang, IReadOnlyList<SellerOrder> orders, DateTimeOffset now)
    {
        var text = new StringBuilder().Append("🆕 <b>").Append(S.Format(lang, "automation.alert.folded", Formats.Number(orders.Count))).Append("</b>");
        foreach (var order in orders.Take(FoldedLines)) text.Append('\n').Append(OrderLine(lang, order));
        if (orders.Count > FoldedLines) text.Append('\n').Append(S.Format(lang, "automation.more", Formats.Number(orders.Count - FoldedLines)));
        return new Screen(text.ToString(), new Keyboard().Row(NewOrdersButton(lang)).Build());
    }

    /// <summary><c>#124500012 · Футболка ×1 · 149 000 сум · принять до 04.12 09:14</c></summary>
    public static string OrderLine(Lang lang, SellerOrder order)
    {
        var sb = new StringBuilder("#").Append(order.Id);
        if (order.Items.FirstOrDefault() is { } first)
        {
            sb.Append(" · ").Append(Html.Encode(first.ProductTitle ?? first.SkuTitle)).Append(" ×").Append(first.Amount);
            if (order.Items.Count > 1) sb.Append(" +").Append(order.Items.Count - 1);
        }
        sb.Append(" · ").Append(Formats.Money(Total(order), lang));
        if (order.AcceptUntil is { } until) sb.Append(" · ").Append(S.Format(lang, "orders.accept_until_short", Formats.ShortDateTime(until)));
        return sb.ToString();
    }

    public static Screen Digest(Lang lang, IReadOnlyList<string> lines)
    {
        var text = new StringBuilder().Append("🌅 <b>").Append(S.Format(lang, "automation.digest.title", Formats.Number(lines.Count))).Append("</b>");
        foreach (var line in lines.Take(Pushes.DigestLines)) text.Append('\n').Append(line);
        if (lines.Count > Pushes.DigestLines) text.Append('\n').Append(S.Format(lang, "automation.more", Formats.Number(lines.Count - Pushes.DigestLines)));
        return new Screen(text.ToString(), new Keyboard().Row(NewOrdersButton(lang)).Row(MenuScreens.BackToMenu(lang)).Build());
    }

    public static string LowStockLine(Lang lang, SkuOutlook sku) =>
        sku.Stock == 0
            ? S.Format(lang, "automation.stock.out_line", Html.Encode(sku.Title), Html.Encode(sku.Sku))
            : S.Format(lang, "automation.stock.low_line", Html.Encode(sku.Title), Html.Encode(sku.Sku), Formats.Number(sku.Stock), Formats.Number((long)Math.Floor(sku.DaysLeft ?? 0)));

    public static Screen LowStock(Lang lang, IReadOnlyList<SkuOutlook> skus, int thresholdDays)
    {
        var text = new StringBuilder().Append("📉 <b>").Append(S.Format(lang, "automation.stock.title", thresholdDays)).Append("</b>");
        foreach (var sku in skus.Take(FoldedLines)) text.Append('\n').Append(LowStockLine(lang, sku));
        if (skus.Count > FoldedLines) text.Append('\n').Append(S.Format(lang, "automation.more", Formats.Number(skus.Count - FoldedLines)));
        return new Screen(text.ToString(), new Keyboard().Row(MenuScreens.BackToMenu(lang)).Build());
    }

    public static string TokenRefusedLine(Lang lang) => "🔑 " + S[lang, "automation.token.refused"];

    public static Screen TokenRefused(Lang lang) =>
        new("🔑 <b>" + S[lang, "automation.token.refused"] + "</b>\n\n" + S[lang, "automation.token.paused"],
            new Keyboard().Row(new Button(S[lang, "settings.button.token"], CallbackData.Encode(SettingsFeature.Reconnect))).Build());

    public static Button NewOrdersButton(Lang lang) =>
        new(S[lang, "automation.button.new_orders"], CallbackData.Encode(OrdersFeature.List, OrderStatusCodes.Code(OrderStatuses.Created), 0));

    private static long Total(SellerOrder order) => order.Price > 0 ? order.Price : order.Items.Sum(i => i.UnitPrice * i.Amount);

    private static string Dimensions(LabelSize size) => size.Dimensions().Replace('x', '×');
}
