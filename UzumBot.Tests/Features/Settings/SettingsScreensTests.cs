using System.Text;
using UzumBot.Features.Menu;
using UzumBot.Features.Settings;
using UzumBot.Localization;
using UzumBot.Rendering;
using UzumBot.Security;
using UzumBot.Tests.Fakes;
using UzumBot.Tests.Support;
using UzumBot.Uzum;

namespace UzumBot.Tests.Features.Settings;

public sealed class SettingsScreensTests
{
    public static IEnumerable<object[]> LanguagesAndRoles() =>
        from lang in new[] { Lang.Ru, Lang.Uz } from role in new[] { Role.Owner, Role.Manager, Role.Viewer } select new object[] { lang, role };

    [Theory]
    [MemberData(nameof(LanguagesAndRoles))]
    public void Every_screen_has_short_callback_data_and_valid_html(Lang lang, Role role)
    {
        foreach (var (name, screen) in AllScreens(new SettingsScreens(Sessions.For(lang, role, shops: [(1, "Bahor <Textile> & Co"), (2, "Ширин Уй")]))))
        {
            Sendable.Assert(name, screen);
            Assert.DoesNotContain("<Textile>", screen.Html);
        }
    }

    [Theory]
    [InlineData(Lang.Ru, "⚙️ Настройки", "🏪 Магазин: все")]
    [InlineData(Lang.Uz, "⚙️ Sozlamalar", "🏪 Doʻkon: hammasi")]
    public void The_owner_sees_shop_team_and_token_but_not_leave(Lang lang, string title, string shopButton)
    {
        var home = new SettingsScreens(Sessions.For(lang, Role.Owner)).Home();
        var commands = Commands(home);
        Assert.Contains(title, TelegramText(home));
        Assert.Contains(home.Keyboard.SelectMany(r => r), b => b.Text == shopButton);
        Assert.Contains(SettingsFeature.Shops, commands);
        Assert.Contains(SettingsScreens.TeamHome, commands);
        Assert.Contains(SettingsFeature.Reconnect, commands);
        Assert.Contains(MenuFeature.SwitchLanguage, commands);
        Assert.Contains(MenuFeature.Lock, commands);
        Assert.Contains(SettingsFeature.ChangePin, commands);
        Assert.Contains(SettingsFeature.Delete, commands);
        Assert.Contains(MenuFeature.Open, commands);
        Assert.DoesNotContain(SettingsFeature.Leave, commands);
    }

    [Theory]
    [InlineData(Role.Manager)]
    [InlineData(Role.Viewer)]
    public void A_team_member_sees_leave_and_none_of_the_owner_buttons(Role role)
    {
        var commands = Commands(new SettingsScreens(Sessions.For(Lang.Ru, role)).Home());
        Assert.Contains(SettingsFeature.Leave, commands);
        Assert.Contains(SettingsFeature.ChangePin, commands);
        Assert.Contains(SettingsFeature.Delete, commands);
        Assert.Contains(MenuFeature.Lock, commands);
        Assert.DoesNotContain(SettingsFeature.Shops, commands);
        Assert.DoesNotContain(SettingsScreens.TeamHome, commands);
        Assert.DoesNotContain(SettingsFeature.Reconnect, commands);
    }

    [Fact]
    public void The_chosen_shop_is_named_on_its_button_and_marked_in_the_chooser()
    {
        var session = Sessions.For(Lang.Ru, Role.Owner);
        session.Tenant.SelectedShopId = 70413;
        var screens = new SettingsScreens(session);
        Assert.Contains(screens.Home().Keyboard.SelectMany(r => r), b => b.Text == "🏪 Магазин: Ширин Уй");
        Assert.Contains(screens.ShopChooser().Keyboard.SelectMany(r => r), b => b.Text == "✅ Ширин Уй" && b.Data == CallbackData.Encode(SettingsFeature.PickShop, 70413L));
    }

    [Fact]
    public void Owner_only_commands_declare_an_owner_only_permission()
    {
        var commands = new SettingsFeature(null!, null!, null!, null!, null!, null!, null!, TimeProvider.System, null!).Commands;
        foreach (var ownerOnly in new[] { SettingsFeature.Shops, SettingsFeature.PickShop, SettingsFeature.Reconnect, SettingsFeature.ReconnectGo, SettingsFeature.DeleteTenantStep, SettingsFeature.DeleteTenant })
        {
            Assert.False(Permissions.Allows(Role.Manager, commands[ownerOnly]), ownerOnly);
            Assert.False(Permissions.Allows(Role.Viewer, commands[ownerOnly]), ownerOnly);
        }
        Assert.All(commands.Keys, name => Assert.StartsWith("st", name));
    }

    private static IEnumerable<(string, Screen)> AllScreens(SettingsScreens s)
    {
        IReadOnlyList<Shop> shops = [new(1, "Bahor <Textile> & Co"), new(2, null)];
        yield return ("home", s.Home());
        yield return ("home+problem", s.Home("✅ done"));
        yield return ("shops", s.ShopChooser());
        yield return ("old pin", s.AskOldPin());
        yield return ("wrong pin", s.WrongPin(3));
        yield return ("new pin", s.AskNewPin("settings.pin.mismatch"));
        yield return ("repeat", s.AskPinRepeat());
        yield return ("locked", s.LockedOut(DateTimeOffset.UnixEpoch));
        yield return ("explain", s.ExplainReconnect());
        yield return ("token", s.AskToken("onboarding.token_rejected"));
        yield return ("token pin", s.AskPinForToken(shops, "onboarding.pin_format"));
        yield return ("reconnected", s.Reconnected(shops));
        yield return ("leave", s.ConfirmLeave());
        yield return ("member delete", s.ConfirmMemberDelete());
        yield return ("owner delete", s.OwnerDeleteWarning(3));
        yield return ("owner final", s.OwnerDeleteFinal());
        yield return ("farewell", s.Farewell("settings.delete.done"));
    }

    private static string[] Commands(Screen screen) =>
        screen.Keyboard.SelectMany(r => r).Select(b => CallbackData.Decode(b.Data)!.Name).ToArray();

    private static string TelegramText(Screen screen)
    {
        Assert.True(TelegramHtml.TryParse(screen.Html, true, out var parsed, out var error), error);
        return parsed.Text;
    }
}
