using System.Text;
using UzumBot.Features.Orders;
using UzumBot.Localization;
using UzumBot.Rendering;
using UzumBot.Security;
using UzumBot.Uzum;

namespace UzumBot.Features.Menu;

/// <summary>The main menu. Only modules that work have buttons; the others arrive with their own issues.</summary>
public static class MenuScreens
{
    public static Button BackToMenu(Lang lang) => new(Strings.Instance[lang, "menu.back"], CallbackData.Encode(MenuFeature.Open));

    public static Screen MainMenu(SessionContext session, CappedList<SellerOrder>? newOrders, DateTimeOffset now, IEnumerable<MenuEntry>? modules = null, long? revenue7Days = null)
    {
        var text = new StringBuilder()
            .Append("🏠 <b>").Append(Html.Encode(session.ShopTitle)).Append("</b> · ").Append(RoleBadge(session));
        if (session.Tenant.IsDemo) text.Append('\n').Append(session.T("menu.demo_note"));

        string ordersButton = session.T("menu.orders");
        if (newOrders is null)
        {
            text.Append('\n').Append("⚠️ ").Append(session.T("uzum.partly_unavailable"));
        }
        else
        {
            var count = newOrders.Items.Count;
            var urgent = newOrders.Items.Count(o => o.AcceptUntil is { } until && until - now < TimeSpan.FromHours(2));
            text.Append('\n').Append(session.F("menu.new_orders", Formats.Number(count)));
            if (urgent > 0) text.Append(' ').Append(session.F("menu.urgent", Formats.Number(urgent)));
            if (count > 0) ordersButton += " · " + Formats.Number(count);
        }

        if (revenue7Days is { } revenue && session.Can(Permission.ViewMoney))
            text.Append('\n').Append(session.F("menu.revenue_7d", Formats.Money(revenue, session.Lang)));

        var entries = (modules ?? [])
            .Append(new MenuEntry(MenuSlot.Orders, "menu.orders", OrdersFeature.Home, Permission.ViewOrders))
            .Where(e => session.Can(e.Permission))
            .OrderBy(e => e.Slot)
            .Select(e => new Button(e.Slot == MenuSlot.Orders ? ordersButton : session.T(e.LabelKey), CallbackData.Encode(e.Command)));

        var keyboard = new Keyboard();
        foreach (var pair in entries.Chunk(2)) keyboard.Row(pair);
        keyboard
            .Row(new Button(session.T("settings.open"), CallbackData.Encode(Settings.SettingsFeature.Home)),
                 new Button(session.T("menu.switch_language"), CallbackData.Encode(MenuFeature.SwitchLanguage)))
            .Row(Help.HelpFeature.OpenButton(session.Lang), new Button(session.T("menu.lock"), CallbackData.Encode(MenuFeature.Lock)));
        return new Screen(text.ToString(), keyboard.Build());
    }

    private static string RoleBadge(SessionContext session) => session.Role switch
    {
        Role.Owner => "👑 " + session.T("role.owner"),
        Role.Manager => "🧑‍💼 " + session.T("role.manager"),
        _ => "👁 " + session.T("role.viewer"),
    };
}
