using UzumBot.Tests.Support;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using UzumBot.Features.Team;
using UzumBot.Localization;
using UzumBot.Rendering;
using UzumBot.Security;
using UzumBot.Storage;
using UzumBot.Tests.Fakes;

namespace UzumBot.Tests.Features.Team;

public sealed partial class TeamScreensTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
    private const string Hostile = "<b>Ali</b> & \"Co\" 👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻👩‍💻";

    public static IEnumerable<object[]> Languages() => [[Lang.Ru], [Lang.Uz]];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_team_screen_has_short_callback_data_and_valid_html(Lang lang)
    {
        foreach (var (name, screen) in AllScreens(lang)) Sendable.Assert(name, screen);
    }

    [Fact]
    public void Home_lists_members_with_role_dates_and_open_invites_and_encodes_names()
    {
        var screens = new TeamScreens(Lang.Ru);
        var members = new[]
        {
            new TeamMember(42, "Owner <me>", Role.Owner, Now.AddDays(-10), Now),
            new TeamMember(77, "Bek & Co", Role.Manager, Now.AddDays(-2), null),
        };
        var invites = new[] { new TeamInvite("0123456789ab", Role.Viewer, 2, 3, Now.AddDays(1)) };
        var screen = screens.Home("Bahor Textile", members, invites, selfUserId: 42);

        Assert.True(TelegramHtml.TryParse(screen.Html, true, out var parsed, out var error), error);
        Assert.Contains("👑 Owner <me> · Владелец", parsed.Text);
        Assert.Contains("🧑‍💼 Bek & Co · Менеджер", parsed.Text);
        Assert.Contains("в команде с 23.11.2026 · активность 03.12 14:00", parsed.Text); // Tashkent is UTC+5
        Assert.Contains("ещё не заходил(а)", parsed.Text);
        Assert.Contains("👁 Наблюдатель · осталось 2 из 3 · до 04.12.2026 14:00", parsed.Text);

        var data = screen.Keyboard.SelectMany(r => r).Select(b => b.Data).ToArray();
        Assert.Contains("1:tmm:77", data);
        Assert.DoesNotContain("1:tmm:42", data); // the owner has no card of actions on themself
        Assert.Contains("1:tmv:0123456789ab", data);
        Assert.Contains("1:tmi", data);
        Assert.Contains("1:tma:0", data);
        Assert.Equal("1:m", data[^1]);
    }

    [Fact]
    public void The_created_invite_shows_the_code_the_link_and_that_it_is_shown_once()
    {
        var screen = new TeamScreens(Lang.Uz).InviteCreated("ABCD-EFGH-JKMN", "https://t.me/uzum_test_bot?start=ABCD-EFGH-JKMN", Role.Manager, Now.AddHours(1), 3);
        Assert.True(TelegramHtml.TryParse(screen.Html, true, out var parsed, out var error), error);
        Assert.Contains(parsed.Entities, e => e.Type == "code" && parsed.Text.Substring(e.Offset, e.Length) == "ABCD-EFGH-JKMN");
        Assert.Contains("https://t.me/uzum_test_bot?start=ABCD-EFGH-JKMN", parsed.Text);
        Assert.Contains("Rol: Menejer", parsed.Text);
        Assert.Contains("03.12.2026 15:00", parsed.Text);
        Assert.Contains("bir marta", parsed.Text);
        Assert.Contains("PIN-kodni xodim oʻzi", parsed.Text);

        var withoutLink = new TeamScreens(Lang.Ru).InviteCreated("ABCD-EFGH-JKMN", null, Role.Viewer, Now, 1);
        Assert.DoesNotContain("t.me", withoutLink.Html);
        Assert.Contains("вводит код", withoutLink.Html);
    }

    [Fact]
    public void The_owners_card_offers_no_role_change_or_removal()
    {
        var screens = new TeamScreens(Lang.Ru);
        var owner = screens.MemberCard(new TeamMember(42, "Ali", Role.Owner, Now, Now), isOwner: true);
        Assert.DoesNotContain(owner.Keyboard.SelectMany(r => r), b => b.Data.StartsWith("1:tmr:", StringComparison.Ordinal) || b.Data.StartsWith("1:tmd:", StringComparison.Ordinal));

        var manager = screens.MemberCard(new TeamMember(77, "Bek", Role.Manager, Now, Now), isOwner: false);
        var data = manager.Keyboard.SelectMany(r => r).Select(b => b.Data).ToArray();
        Assert.Contains("1:tmr:77:v", data);
        Assert.Contains("1:tmd:77", data);
        Assert.Contains(manager.Keyboard.SelectMany(r => r), b => b.Text == "→ Наблюдатель");
    }

    [Fact]
    public void The_audit_log_is_paged_ten_a_page_with_localized_actions_names_and_marks()
    {
        var entries = Enumerable.Range(0, 25).Select(i => new AuditDocument
        {
            Action = i % 2 == 0 ? AuditActions.InviteCreated : AuditActions.SignInPin,
            UserId = i % 3 == 0 ? 42 : 999,
            Success = i != 1,
            Detail = i % 2 == 0 ? "Manager" : null,
            At = Now.UtcDateTime.AddMinutes(-i),
        }).ToArray();
        var names = new Dictionary<long, string?> { [42] = "Ali <owner>" };
        var screens = new TeamScreens(Lang.Ru);

        var first = screens.AuditLog("Bahor", entries, names, 0);
        Assert.True(TelegramHtml.TryParse(first.Html, true, out var parsed, out var error), error);
        Assert.Contains("стр. 1/3", parsed.Text);
        Assert.Equal(10, parsed.Text.Split('\n').Count(l => l.StartsWith("✅", StringComparison.Ordinal) || l.StartsWith("❌", StringComparison.Ordinal)));
        Assert.Contains("✅ 03.12 14:00 · приглашение создано · Ali <owner> · Менеджер", parsed.Text);
        Assert.Contains("❌ 03.12 13:59 · вход по PIN · id 999", parsed.Text);
        Assert.Contains(first.Keyboard.SelectMany(r => r), b => b.Data == "1:tma:1");

        var last = screens.AuditLog("Bahor", entries, names, 7);
        Assert.Contains("стр. 3/3", last.Html);
        Assert.Equal(5, last.Html.Split('\n').Count(l => l.StartsWith("✅", StringComparison.Ordinal) || l.StartsWith("❌", StringComparison.Ordinal)));
    }

    [Fact]
    public void Every_audit_action_has_a_name_in_both_languages()
    {
        var actions = typeof(AuditActions).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).ToArray();
        Assert.NotEmpty(actions);
        foreach (var action in actions)
        foreach (var lang in new[] { Lang.Ru, Lang.Uz })
            Assert.True(Strings.Instance.Has(lang, "team.audit.action." + action), $"{lang}: no name for {action}");
    }

    [Fact]
    public void Team_code_has_no_Cyrillic_and_every_team_key_it_names_exists()
    {
        var folder = Path.Combine(FindRepositoryRoot(), "UzumBot", "Features", "Team");
        var source = string.Join('\n', Directory.GetFiles(folder, "*.cs").Select(File.ReadAllText));
        Assert.DoesNotMatch(Cyrillic(), source);
        var keys = TeamKey().Matches(source).Select(m => m.Groups[1].Value).Where(k => !k.EndsWith('.') && !k.EndsWith(".h", StringComparison.Ordinal)).Distinct().ToArray();
        Assert.True(keys.Length > 20);
        foreach (var key in keys)
        foreach (var lang in new[] { Lang.Ru, Lang.Uz })
            Assert.True(Strings.Instance.Has(lang, key), $"'{key}' is used in code but missing in {lang}");
        foreach (var hours in TeamFeature.ExpiryHours)
            Assert.True(Strings.Instance.Has(Lang.Uz, "team.expiry.h" + hours) && Strings.Instance.Has(Lang.Ru, "team.expiry.h" + hours));
    }

    private static IEnumerable<(string Name, Screen Screen)> AllScreens(Lang lang)
    {
        var screens = new TeamScreens(lang);
        var members = Enumerable.Range(0, 45).Select(i => new TeamMember(
            i == 0 ? 42 : 9_000_000_000 + i, Hostile + i, i == 0 ? Role.Owner : i % 2 == 0 ? Role.Manager : Role.Viewer, Now.AddDays(-i), i % 3 == 0 ? null : Now)).ToArray();
        var invites = Enumerable.Range(0, 15).Select(i => new TeamInvite($"{i:x12}", i % 2 == 0 ? Role.Manager : Role.Viewer, 1, 10, Now.AddDays(30))).ToArray();
        var manager = members[2];
        var audit = Enumerable.Range(0, 50).Select(i => new AuditDocument
        {
            Action = i % 5 == 0 ? "some.future.action<x>" : AuditActions.MemberRemoved,
            UserId = i % 2 == 0 ? 42 : 9_000_000_000 + i,
            Success = i % 7 != 0,
            Detail = $"{9_000_000_000 + i} Manager {Hostile}",
            At = Now.UtcDateTime,
        }).ToArray();
        var names = members.ToDictionary(m => m.UserId, m => m.DisplayName);

        yield return ("home", screens.Home(Hostile, members, invites, 42));
        yield return ("home empty", screens.Home("Bahor", [members[0]], [], 42));
        yield return ("role", screens.ChooseRole());
        yield return ("expiry", screens.ChooseExpiry(Role.Viewer));
        foreach (var hours in TeamFeature.ExpiryHours) yield return ("uses " + hours, screens.ChooseUses(Role.Manager, hours));
        yield return ("created", screens.InviteCreated("ABCD-EFGH-JKMN", "https://t.me/uzum_test_bot?start=ABCD-EFGH-JKMN", Role.Manager, Now, 10));
        yield return ("card", screens.MemberCard(manager, false));
        yield return ("owner card", screens.MemberCard(members[0], true));
        yield return ("confirm remove", screens.ConfirmRemove(manager));
        yield return ("confirm revoke", screens.ConfirmRevoke(invites[0]));
        for (var page = 0; page < 5; page++) yield return ("audit " + page, screens.AuditLog(Hostile, audit, names, page));
        yield return ("audit empty", screens.AuditLog("Bahor", [], names, 0));
        yield return ("member not found", screens.MemberNotFound());
        yield return ("invite not found", screens.InviteNotFound());
    }

    private static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "UzumBot.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("UzumBot.sln not found above the test binaries.");
    }

    [GeneratedRegex(@"\p{IsCyrillic}")]
    private static partial Regex Cyrillic();

    [GeneratedRegex("\"(team\\.[a-z_.0-9-]+)\"")]
    private static partial Regex TeamKey();
}
