using UzumBot.Features.Help;
using UzumBot.Features.Menu;
using UzumBot.Localization;
using UzumBot.Rendering;
using UzumBot.Security;
using UzumBot.Tests.Support;
using UzumBot.Uzum;

namespace UzumBot.Tests.Features.Help;

public sealed class HelpFeatureTests
{
    [Theory]
    [InlineData(Lang.Ru)]
    [InlineData(Lang.Uz)]
    public void Every_topic_is_offered_and_fits_a_Telegram_message(Lang lang)
    {
        var home = HelpFeature.HomeScreen(lang);
        Sendable.Assert("help home " + lang, home);
        var offered = home.Keyboard.SelectMany(r => r).Select(b => CallbackData.Decode(b.Data)!).Where(c => c.Name == HelpFeature.Topic).Select(c => c.Arg(0) ?? "").ToArray();
        Assert.Equal(HelpFeature.Topics, offered);
        foreach (var topic in HelpFeature.Topics) Sendable.Assert($"help {topic} {lang}", HelpFeature.TopicScreen(lang, topic));
    }

    [Fact]
    public async Task An_unknown_topic_from_a_forged_button_shows_the_topics()
    {
        var reply = await new HelpFeature().HandleAsync(Sessions.For(Lang.Uz), CallbackData.Decode(CallbackData.Encode(HelpFeature.Topic, "../secrets"))!, CancellationToken.None);
        Assert.Equal(HelpFeature.HomeScreen(Lang.Uz).Html, reply.Screen!.Html);
    }

    [Fact]
    public void The_labels_topic_names_both_sizes_and_the_token_topic_the_place_in_the_cabinet()
    {
        Assert.Contains("58×40", HelpFeature.TopicScreen(Lang.Ru, "labels").Html);
        Assert.Contains("43×25", HelpFeature.TopicScreen(Lang.Uz, "labels").Html);
        Assert.Contains("seller.uzum.uz", HelpFeature.TopicScreen(Lang.Uz, "token").Html);
    }

    [Theory]
    [InlineData(Role.Owner)]
    [InlineData(Role.Manager)]
    [InlineData(Role.Viewer)]
    public void Everyone_finds_help_on_the_main_menu(Role role)
    {
        var menu = MenuScreens.MainMenu(Sessions.For(role: role), new CappedList<SellerOrder>([], false), DateTimeOffset.UtcNow);
        Assert.Contains(menu.Keyboard.SelectMany(r => r), b => b.Data == CallbackData.Encode(HelpFeature.Home));
    }
}
