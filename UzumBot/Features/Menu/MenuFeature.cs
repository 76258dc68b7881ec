using UzumBot.Features.Orders;
using UzumBot.Rendering;
using UzumBot.Security;
using UzumBot.Uzum;

namespace UzumBot.Features.Menu;

/// <summary>The main menu and the always-available taps: back to menu, no-op page counters.</summary>
public sealed class MenuFeature(OrdersReader orders, TimeProvider time, IEnumerable<MenuEntry> modules, Finance.MenuRevenue? revenue = null) : IFeature
{
    public const string Open = "m";
    public const string Noop = "nop";
    /// <summary>Handled by the conversation engine (it changes the chat, not the session).</summary>
    public const string SwitchLanguage = "tl";
    public const string Lock = "lk";

    public IReadOnlyDictionary<string, Permission> Commands { get; } = new Dictionary<string, Permission>
    {
        [Open] = Permission.OwnSettings,
        [Noop] = Permission.OwnSettings,
    };

    public async Task<Reply> HandleAsync(SessionContext session, CallbackCommand command, CancellationToken ct)
    {
        if (command.Name == Noop) return Reply.Nothing;
        return Reply.Of(await MainAsync(session, ct));
    }

    public async Task<Screen> MainAsync(SessionContext session, CancellationToken ct)
    {
        CappedList<SellerOrder>? created;
        try
        {
            created = session.Can(Permission.ViewOrders) ? await orders.ListAsync(session, OrderStatuses.Created, ct) : null;
        }
        catch (UzumUnavailableException)
        {
            created = null;
        }
        var sevenDays = revenue is not null && session.Can(Permission.ViewMoney) ? await revenue.SevenDaysAsync(session, ct) : null;
        return MenuScreens.MainMenu(session, created, time.GetUtcNow(), modules, sevenDays);
    }
}
