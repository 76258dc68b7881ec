using UzumBot.Tests.Support;
using System.Text;
using UzumBot.Features;
using UzumBot.Features.Admin;
using UzumBot.Localization;
using UzumBot.Rendering;
using UzumBot.Storage;
using UzumBot.Tests.Fakes;

namespace UzumBot.Tests.Features.Admin;

public sealed class AdminScreensTests
{
    private static readonly DateTimeOffset Now = AdminHarness.Start;

    public static IEnumerable<object[]> Languages() => [[Lang.Ru], [Lang.Uz]];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_admin_screen_has_short_admin_callback_data_and_valid_html(Lang lang)
    {
        foreach (var (name, screen) in AllScreens(lang)) Sendable.Assert(name, screen, commandPrefix: "ad");
    }

    [Fact]
    public void Shop_names_are_encoded_not_interpreted()
    {
        var row = Row(Tenant("Bahor <Textile> & Co"));
        foreach (var screen in new[] { Screens().ClientList([row], 0), Screens().ClientCard(row, 0) })
        {
            Assert.True(TelegramHtml.TryParse(screen.Html, true, out var parsed, out var error), error);
            Assert.Contains("Bahor <Textile> & Co", parsed.Text);
            Assert.DoesNotContain("<Textile>", screen.Html);
        }
    }

    [Fact]
    public void The_list_is_paged_ten_at_a_time_with_plan_members_last_activity_and_the_demo_mark()
    {
        var rows = Enumerable.Range(1, 25).Select(i => Row(Tenant("Shop " + i), members: i % 3)).ToList();
        rows[20] = Row(Tenant("Sandbox", demo: true), members: 2, lastSeen: new DateTime(2026, 12, 2, 10, 30, 0, DateTimeKind.Utc));
        var screens = Screens();

        var first = screens.ClientList(rows, 0);
        Assert.Equal(10, first.Keyboard.SelectMany(r => r).Count(b => b.Data.StartsWith("1:" + AdminFeature.Client + ":", StringComparison.Ordinal)));
        Assert.Contains("стр. 1/3", first.Html);

        var last = screens.ClientList(rows, 2);
        Assert.Equal(5, last.Keyboard.SelectMany(r => r).Count(b => b.Data.StartsWith("1:" + AdminFeature.Client + ":", StringComparison.Ordinal)));
        Assert.Contains("стр. 3/3", last.Html);
        Assert.Contains("21. 🧪 <b>Sandbox</b>", last.Html);
        Assert.Contains("BUSINESS · пробный до 17.12.2026 · 👥 2 · 🕒 02.12.2026 15:30", last.Html); // 10:30 UTC is 15:30 in Tashkent
        Assert.Contains("👥 0 · 🕒 не заходили", last.Html);

        Assert.Contains("стр. 3/3", screens.ClientList(rows, 99).Html); // a stale page number is clamped
    }

    [Fact]
    public void The_card_shows_the_plan_in_force_and_the_limits_of_every_plan()
    {
        var card = Screens().ClientCard(Row(Tenant("Bahor")), 0);
        Assert.Contains("Тариф: <b>BUSINESS · пробный до 17.12.2026</b>", card.Html);
        Assert.Contains("• FREE: магазинов 1 · заказов в месяц 50 · отчёты нет · автоматизация нет", card.Html);
        Assert.Contains("• BUSINESS: магазинов 3 · заказов в месяц 500 · отчёты да · автоматизация да", card.Html);
        Assert.Contains("• CORPORATE: магазинов без ограничений · заказов в месяц без ограничений · отчёты да · автоматизация да", card.Html);

        var plans = card.Keyboard[0].Select(b => CallbackData.Decode(b.Data)!).ToArray();
        Assert.All(plans, c => Assert.Equal(AdminFeature.SetPlan, c.Name));
        Assert.Equal(Plans.All, plans.Select(c => c.Arg(1)));
        Assert.DoesNotContain(card.Keyboard[0], b => b.Text.StartsWith('✅')); // on a trial nothing is chosen yet
    }

    [Fact]
    public void A_chosen_plan_is_marked_and_a_run_out_trial_reads_FREE()
    {
        var chosen = Tenant("Bahor");
        chosen.Plan = Plans.Corporate;
        chosen.TrialEndsAt = null;
        var card = Screens().ClientCard(Row(chosen), 0);
        Assert.Contains("Тариф: <b>CORPORATE</b>", card.Html);
        Assert.Equal(["FREE", "BUSINESS", "✅ CORPORATE"], card.Keyboard[0].Select(b => b.Text));

        var lapsed = Tenant("Bahor");
        lapsed.TrialEndsAt = Now.AddDays(-1).UtcDateTime;
        Assert.Contains("Tarif: <b>FREE · sinov davri 02.12.2026 da tugagan</b>", new AdminScreens(Lang.Uz, Now).ClientCard(Row(lapsed), 0).Html);
    }

    [Fact]
    public void Home_counts_tenants_members_plans_in_force_and_trials_ending_within_three_days()
    {
        var soon = Tenant("a"); soon.TrialEndsAt = Now.AddDays(2).UtcDateTime;
        var later = Tenant("b"); later.TrialEndsAt = Now.AddDays(10).UtcDateTime;
        var lapsed = Tenant("c"); lapsed.TrialEndsAt = Now.AddHours(-1).UtcDateTime;
        var corporate = Tenant("d"); corporate.Plan = Plans.Corporate; corporate.TrialEndsAt = null;

        var stats = AdminStats.From([soon, later, lapsed, corporate], members: 7, Now);

        Assert.Equal(4, stats.Tenants);
        Assert.Equal(7, stats.Members);
        Assert.Equal(1, stats.ByPlan[Plans.Free]);
        Assert.Equal(2, stats.ByPlan[Plans.Business]);
        Assert.Equal(1, stats.ByPlan[Plans.Corporate]);
        Assert.Equal(2, stats.OnTrial);
        Assert.Equal(1, stats.TrialsEndingSoon);
        var home = Screens().Home(stats);
        Assert.Contains("📊 Тарифы: FREE 1 · BUSINESS 2 · CORPORATE 1", home.Html);
        Assert.Contains("⏳ На пробном периоде: 2 · заканчивается за 3 дня: 1", home.Html);
    }

    [Fact]
    public void A_new_code_is_shown_in_code_tags_with_its_deep_link_and_one_way_out()
    {
        var screen = Screens().CodeCreated("K7QX-M3PA-9RTE", 1, Now.AddDays(7), "https://t.me/uzum_test_bot?start=K7QX-M3PA-9RTE");
        Assert.Contains("<code>K7QX-M3PA-9RTE</code>", screen.Html);
        Assert.Contains("https://t.me/uzum_test_bot?start=K7QX-M3PA-9RTE", screen.Html);
        Assert.Contains("10.12.2026 14:00", screen.Html);
        Assert.Equal("1:ad:n", Assert.Single(screen.Keyboard.SelectMany(r => r)).Data);
        Assert.DoesNotContain("t.me", Screens().CodeCreated("K7QX-M3PA-9RTE", 1, Now.AddDays(7), null).Html);
    }

    private static readonly UTF8Encoding Strict = new(false, throwOnInvalidBytes: true);

    private static AdminScreens Screens(Lang lang = Lang.Ru) => new(lang, Now);

    private static IEnumerable<(string Name, Screen Screen)> AllScreens(Lang lang)
    {
        var screens = Screens(lang);
        var nasty = "Atlas ko‘ylak <b>& milliy naqsh 🧵🧵🧵🧵🧵🧵🧵🧵🧵🧵🧵🧵🧵🧵🧵🧵🧵🧵🧵🧵🧵🧵🧵🧵🧵🧵🧵🧵";
        var rows = Enumerable.Range(0, 25).Select(i => Row(Tenant(nasty + i, demo: i % 2 == 0), members: i, lastSeen: i % 4 == 0 ? null : Now.UtcDateTime)).ToList();
        var stats = new AdminStats(123_456, 7_654_321, Plans.All.ToDictionary(p => p, _ => 99_999), 12, 3);

        yield return ("home", screens.Home(stats));
        yield return ("code presets", screens.CodePresets());
        yield return ("code created", screens.CodeCreated("K7QX-M3PA-9RTE", 5, Now.AddDays(30), "https://t.me/uzum_test_bot?start=K7QX-M3PA-9RTE"));
        yield return ("code created, no link", screens.CodeCreated("K7QX-M3PA-9RTE", 1, Now.AddDays(7), null));
        yield return ("empty list", screens.ClientList([], 0));
        for (var page = 0; page < 3; page++) yield return ($"list page {page}", screens.ClientList(rows, page));
        yield return ("card on trial", screens.ClientCard(rows[0], 999));
        var many = Tenant(nasty);
        many.Shops = Enumerable.Range(0, 30).Select(i => new ShopDocument { Id = i, Name = nasty }).ToList();
        many.TrialEndsAt = Now.AddDays(-3).UtcDateTime;
        yield return ("card, many shops, trial over", screens.ClientCard(Row(many), 2));
        yield return ("not found", screens.NotFound());
    }

    internal static TenantDocument Tenant(string shop, bool demo = false) => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        OwnerUserId = 123_456_789_012,
        IsDemo = demo,
        Shops = [new ShopDocument { Id = 70412, Name = shop }],
        Plan = Plans.Business,
        TrialEndsAt = Now.AddDays(14).UtcDateTime,
        CreatedAt = Now.UtcDateTime,
    };

    private static ClientRow Row(TenantDocument tenant, int members = 1, DateTime? lastSeen = null) => new(tenant, members, lastSeen);
}
