using System.Text;
using UzumBot.Localization;
using UzumBot.Rendering;
using UzumBot.Uzum;

namespace UzumBot.Conversation;

/// <summary>The onboarding and sign-in screens (product §2).</summary>
public static class OnboardingScreens
{
    public const string ChooseLanguage = "lang";
    public const string ChooseMarket = "mk";
    public const string Back = "bk";
    public const string ForgotPin = "rk";

    private static Strings S => Strings.Instance;

    public static Screen Welcome() => new(
        S[Lang.Ru, "onboarding.welcome"] + "\n" + S[Lang.Ru, "onboarding.choose_language"] + " / " + S[Lang.Uz, "onboarding.choose_language"],
        new Keyboard().Row(
            // each language names itself, whatever the chat's language
            new Button(S[Lang.Ru, "onboarding.language_name"], CallbackData.Encode(ChooseLanguage, "ru")),
            new Button(S[Lang.Uz, "onboarding.language_name"], CallbackData.Encode(ChooseLanguage, "uz"))).Build());

    public static Screen AskCode(Lang lang, string? problemKey = null, params object?[] args) =>
        new(Problem(lang, problemKey, args) + S[lang, "onboarding.ask_code"],
            new Keyboard().Row(new Button(S[lang, "common.back"], CallbackData.Encode(Back))).Build());

    public static Screen ChooseMarketScreen(Lang lang) => new(
        S[lang, "onboarding.choose_market"],
        new Keyboard()
            .Row(new Button("UZUM Market", CallbackData.Encode(ChooseMarket, "u")),
                 new Button(S[lang, "onboarding.demo_shop"], CallbackData.Encode(ChooseMarket, "d")))
            .Row(new Button(S[lang, "common.back"], CallbackData.Encode(Back))).Build());

    public static Screen AskToken(Lang lang, string? problemKey = null, string promptKey = "onboarding.ask_token") =>
        new(Problem(lang, problemKey, []) + S[lang, promptKey],
            new Keyboard().Row(new Button(S[lang, "common.back"], CallbackData.Encode(Back))).Build());

    public static Screen AskPin(Lang lang, IReadOnlyList<Shop>? shops, string? problemKey = null, bool demo = false)
    {
        var text = new StringBuilder(Problem(lang, problemKey, []));
        if (shops is not null)
        {
            text.Append(S.Format(lang, demo ? "onboarding.demo_connected" : "onboarding.token_accepted", shops.Count)).Append('\n');
            text.Append(string.Join("  ", shops.Select(s => "• " + Html.Encode(s.Name)))).Append("\n\n");
        }
        text.Append(S[lang, "onboarding.ask_pin"]);
        return new Screen(text.ToString(), new Keyboard().Row(new Button(S[lang, "common.back"], CallbackData.Encode(Back))).Build());
    }

    public static Screen AskPinAsMember(Lang lang, IReadOnlyList<Shop> shops, Security.Role role)
    {
        var text = new StringBuilder()
            .Append(S.Format(lang, "onboarding.joining", S[lang, "role." + role.ToString().ToLowerInvariant()])).Append('\n')
            .Append(string.Join("  ", shops.Select(s => "• " + Html.Encode(s.Name)))).Append("\n\n")
            .Append(S[lang, "onboarding.ask_pin"]);
        return new Screen(text.ToString(), []);
    }

    public static Screen AskPinRepeat(Lang lang) =>
        new(S[lang, "onboarding.ask_pin_repeat"], new Keyboard().Row(new Button(S[lang, "common.back"], CallbackData.Encode(Back))).Build());

    public static Screen Unlock(Lang lang, int attemptsLeft, string? problemKey = null, bool owner = false) =>
        new(Problem(lang, problemKey, []) + S.Format(lang, "signin.ask_pin", attemptsLeft), DoorKeyboard(lang, owner));

    public static Screen LockedOut(Lang lang, DateTimeOffset until, bool owner = false) =>
        new(S.Format(lang, "signin.locked", Formats.DateTime(until)), DoorKeyboard(lang, owner));

    /// <summary>At the PIN door: the owner's way out when the PIN is forgotten, and the language switch.</summary>
    private static IReadOnlyList<IReadOnlyList<Button>> DoorKeyboard(Lang lang, bool owner)
    {
        var keyboard = new Keyboard();
        if (owner) keyboard.Row(new Button(S[lang, "signin.forgot_pin"], CallbackData.Encode(ForgotPin)));
        keyboard.Row(new Button(S[lang, "menu.switch_language"], CallbackData.Encode(Features.Menu.MenuFeature.SwitchLanguage)));
        return keyboard.Build();
    }

    private static string Problem(Lang lang, string? key, object?[] args) =>
        key is null ? "" : "⚠️ " + S.Format(lang, key, args) + "\n\n";
}
