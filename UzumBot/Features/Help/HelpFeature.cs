using UzumBot.Features.Menu;
using UzumBot.Localization;
using UzumBot.Rendering;
using UzumBot.Security;

namespace UzumBot.Features.Help;

/// <summary>❓ Help: a short knowledge base in both languages (product §1) — token, PIN, labels, roles, FAQ.</summary>
public sealed class HelpFeature : IFeature
{
    public const string Home = "h";
    public const string Topic = "ht";

    /// <summary>Topic codes, in the order they are offered; each has "help.topic.X" (button) and "help.body.X" (text).</summary>
    public static readonly IReadOnlyList<string> Topics = ["token", "pin", "labels", "roles", "faq"];

    public IReadOnlyDictionary<string, Permission> Commands { get; } = new Dictionary<string, Permission>
    {
        [Home] = Permission.OwnSettings,
        [Topic] = Permission.OwnSettings,
    };

    public Task<Reply> HandleAsync(SessionContext session, CallbackCommand command, CancellationToken ct) =>
        Task.FromResult(Reply.Of(command.Name == Topic && command.Arg(0) is { } topic && Topics.Contains(topic)
            ? TopicScreen(session.Lang, topic)
            : HomeScreen(session.Lang)));

    public static Button OpenButton(Lang lang) => new(Strings.Instance[lang, "help.open"], CallbackData.Encode(Home));

    public static Screen HomeScreen(Lang lang) =>
        new(Strings.Instance[lang, "help.title"],
            new Keyboard()
                .Grid(Topics.Select(t => new Button(Strings.Instance[lang, "help.topic." + t], CallbackData.Encode(Topic, t))), 1)
                .Row(MenuScreens.BackToMenu(lang))
                .Build());

    public static Screen TopicScreen(Lang lang, string topic) =>
        new(Strings.Instance[lang, "help.body." + topic],
            new Keyboard()
                .Row(new Button(Strings.Instance[lang, "help.back"], CallbackData.Encode(Home)), MenuScreens.BackToMenu(lang))
                .Build());
}
