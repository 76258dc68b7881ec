using UzumBot.Security;

namespace UzumBot.Features.Menu;

/// <summary>The fixed places of the main menu's grid (product screens: two a row, in this order).</summary>
public enum MenuSlot
{
    Dashboard,
    Products,
    Orders,
    Finance,
    Invoices,
    Reports,
}

/// <summary>
/// A module's button on the main menu. A module registers one in DI (<c>services.AddSingleton(new MenuEntry(…))</c>)
/// and the menu shows it to roles holding <paramref name="Permission"/>; the menu itself never names modules it
/// does not draw specially, so adding a module touches no menu code.
/// </summary>
public sealed record MenuEntry(MenuSlot Slot, string LabelKey, string Command, Permission Permission);
