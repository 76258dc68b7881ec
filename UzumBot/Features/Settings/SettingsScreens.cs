using System.Text;
using UzumBot.Features.Menu;
using UzumBot.Localization;
using UzumBot.Rendering;
using UzumBot.Security;
using UzumBot.Uzum;

namespace UzumBot.Features.Settings;

/// <summary>The ⚙️ Settings screens. Pure: they read the session and build text and buttons, nothing else.</summary>
public sealed class SettingsScreens(SessionContext session)
{
    /// <summary>The Team feature's home command (Features/Team).</summary>
    public const string TeamHome = "tm";

    /// <summary>The Automation feature's home command (Features/Automation).</summary>
    public const string AutomationHome = "au";

    private bool IsOwner => session.Role == Role.Owner;

    public Screen Home(string? problemHtml = null)
    {
        var text = new StringBuilder();
        if (problemHtml is not null) text.Append(problemHtml).Append("\n\n");
        text.Append(session.T("settings.title")).Append('\n')
            .Append(session.F("settings.who", Html.Encode(session.ShopTitle), RoleName()));

        var keyboard = new Keyboard();
        var language = new Button(session.T("settings.button.language"), CallbackData.Encode(MenuFeature.SwitchLanguage, SettingsFeature.Home));
        if (IsOwner)
        {
            var shop = session.Tenant.SelectedShopId is null ? session.T("settings.shop_all") : session.ShopTitle;
            keyboard.Row(language, new Button(session.F("settings.button.shop", shop), CallbackData.Encode(SettingsFeature.Shops)))
                .Row(Button("settings.button.team", TeamHome), Button("settings.button.automation", AutomationHome));
        }
        else
        {
            keyboard.Row(language, Button("settings.button.automation", AutomationHome));
        }
        keyboard.Row(Button("settings.button.pin", SettingsFeature.ChangePin), Button("settings.button.lock", MenuFeature.Lock))
            .Row(IsOwner ? Button("settings.button.token", SettingsFeature.Reconnect) : Button("settings.button.leave", SettingsFeature.Leave),
                 Button("settings.button.delete", SettingsFeature.Delete))
            .Row(MenuScreens.BackToMenu(session.Lang));
        return new Screen(text.ToString(), keyboard.Build());
    }

    public Screen ShopChooser()
    {
        var current = session.Tenant.SelectedShopId is null ? session.T("shops.all") : session.ShopTitle;
        var keyboard = new Keyboard()
            .Row(new Button(Mark(session.Tenant.SelectedShopId is null) + session.T("shops.all"), CallbackData.Encode(SettingsFeature.PickShop, SettingsFeature.AllShops)));
        foreach (var shop in session.Tenant.Shops)
            keyboard.Row(new Button(Mark(session.Tenant.SelectedShopId == shop.Id) + shop.Name, CallbackData.Encode(SettingsFeature.PickShop, shop.Id)));
        keyboard.Row(BackToSettings());
        return new Screen(session.F("settings.shops.title", Html.Encode(current)), keyboard.Build());
    }

    public Screen AskOldPin(string? problemHtml = null) => Prompt(problemHtml, session.T("settings.pin.ask_old"));

    public Screen AskNewPin(string? problemKey = null) => Prompt(Problem(problemKey), session.T("settings.pin.ask_new"));

    public Screen AskPinRepeat() => Prompt(null, session.T("settings.pin.ask_repeat"));

    public Screen WrongPin(int attemptsLeft) => AskOldPin(Problem("settings.pin.wrong", attemptsLeft));

    /// <summary>Too many wrong PINs: the session is locked; the engine asks for the PIN at the next message.</summary>
    public Screen LockedOut(DateTimeOffset until) => Screen.Text(session.F("settings.pin.locked", Formats.DateTime(until)));

    public Screen ExplainReconnect() => new(
        session.T("settings.token.explain"),
        new Keyboard().Row(Button("settings.token.continue", SettingsFeature.ReconnectGo)).Row(BackToSettings("settings.button.cancel")).Build());

    public Screen AskToken(string? problemKey = null) => Prompt(Problem(problemKey), session.T("settings.token.ask"));

    public Screen AskPinForToken(IReadOnlyList<Shop> shops, string? problemKey = null) =>
        Prompt(Problem(problemKey), session.F("settings.token.accepted", Formats.Number(shops.Count), ShopList(shops)));

    public Screen Reconnected(IReadOnlyList<Shop> shops) => new(
        session.F("settings.token.done", Formats.Number(shops.Count), ShopList(shops)),
        new Keyboard().Row(IsOwner ? Button("settings.button.team", TeamHome) : BackToSettings()).Row(MenuScreens.BackToMenu(session.Lang)).Build());

    public Screen ConfirmLeave() => Confirm(session.F("settings.leave.confirm", Html.Encode(session.ShopTitle)), "settings.leave.yes", SettingsFeature.LeaveConfirmed);

    public Screen ConfirmMemberDelete() =>
        Confirm(session.F("settings.delete.member_confirm", Html.Encode(session.ShopTitle)), "settings.delete.yes", SettingsFeature.DeleteMember);

    public Screen OwnerDeleteWarning(int teamMembers) =>
        Confirm(session.F("settings.delete.owner_warning", Formats.Number(teamMembers)), "settings.delete.next", SettingsFeature.DeleteTenantStep);

    public Screen OwnerDeleteFinal() =>
        Confirm(session.F("settings.delete.owner_final", Html.Encode(session.ShopTitle)), "settings.delete.forever", SettingsFeature.DeleteTenant);

    /// <summary>After leaving or deleting: the chat starts over, and any tap begins onboarding.</summary>
    public Screen Farewell(string key) => new(
        session.T(key),
        new Keyboard().Row(new Button(session.T("settings.button.start_over"), CallbackData.Encode(MenuFeature.Open))).Build());

    private Screen Confirm(string html, string yesKey, string yesCommand) => new(
        html,
        new Keyboard().Row(Button(yesKey, yesCommand), BackToSettings("settings.button.no")).Build());

    private Screen Prompt(string? problemHtml, string html) => new(
        (problemHtml is null ? "" : problemHtml + "\n\n") + html,
        new Keyboard().Row(BackToSettings("settings.button.cancel")).Build());

    private string? Problem(string? key, params object?[] args) => key is null ? null : "⚠️ " + session.F(key, args);

    private static string ShopList(IReadOnlyList<Shop> shops) =>
        string.Join("  ", shops.Select(s => "• " + Html.Encode(s.Name ?? s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    private static string Mark(bool selected) => selected ? "✅ " : "";

    private string RoleName() => session.T("role." + session.Role.ToString().ToLowerInvariant());

    private Button Button(string key, string command) => new(session.T(key), CallbackData.Encode(command));

    private Button BackToSettings(string key = "settings.button.back") => Button(key, SettingsFeature.Home);
}
