using System.Text.RegularExpressions;
using UzumBot.Features;
using UzumBot.Features.Admin;
using UzumBot.Localization;
using UzumBot.Rendering;
using UzumBot.Security;
using UzumBot.Storage;

namespace UzumBot.Tests.Features.Admin;

public sealed partial class AdminFeatureTests
{
    [Fact]
    public async Task Typing_admin_opens_the_home_with_the_figures()
    {
        using var h = new AdminHarness();
        h.AddTenant("Bahor", members: 3);
        h.AddTenant("Sandbox", members: 1, demo: true);

        var reply = await h.TypeAsync();

        Assert.Contains("👥 Клиентов: 2 · участников: 4", reply.Screen!.Html);
        Assert.Contains("BUSINESS 2", reply.Screen.Html);
        Assert.Equal(["1:" + AdminFeature.CodePresets, "1:" + AdminFeature.Clients + ":0"], reply.Screen.Keyboard.SelectMany(r => r).Select(b => b.Data));
    }

    [Fact]
    public async Task Choosing_a_plan_persists_it_ends_the_trial_and_audits_old_to_new()
    {
        using var h = new AdminHarness();
        var tenant = h.AddTenant("Bahor");

        var reply = await h.TapAsync(CallbackData.Encode(AdminFeature.SetPlan, tenant.Id, Plans.Corporate, 0));

        var stored = h.Db.Tenants.FindById(tenant.Id);
        Assert.Equal(Plans.Corporate, stored.Plan);
        Assert.Null(stored.TrialEndsAt);
        var entry = Assert.Single(h.Audit.Latest(tenant.Id));
        Assert.Equal(AuditActions.PlanChanged, entry.Action);
        Assert.Equal("BUSINESS→CORPORATE", entry.Detail);
        Assert.Equal(AdminHarness.OperatorId, entry.UserId);
        Assert.True(entry.Success);
        Assert.Equal("✅ Тариф: CORPORATE", reply.Notice);
        Assert.Contains("Тариф: <b>CORPORATE</b>", reply.Screen!.Html);

        // A trial that ran out reads FREE, and the audit says so.
        var lapsed = h.AddTenant("Ipak");
        h.Clock.Advance(Plans.TrialLength + TimeSpan.FromHours(1));
        await h.TapAsync(CallbackData.Encode(AdminFeature.SetPlan, lapsed.Id, Plans.Business, 0));
        Assert.Equal("FREE→BUSINESS", Assert.Single(h.Audit.Latest(lapsed.Id)).Detail);
        Assert.Equal(Plans.Business, Plans.Effective(h.Db.Tenants.FindById(lapsed.Id), h.Clock.GetUtcNow()));
    }

    [Fact]
    public async Task The_trial_falls_back_to_FREE_when_it_ends()
    {
        using var h = new AdminHarness();
        var tenant = h.AddTenant("Bahor");

        h.Clock.Advance(Plans.TrialLength - TimeSpan.FromDays(1));
        Assert.Equal(Plans.Business, Plans.Effective(h.Db.Tenants.FindById(tenant.Id), h.Clock.GetUtcNow()));
        var home = (await h.TypeAsync()).Screen!.Html;
        Assert.Contains("FREE 0 · BUSINESS 1", home);
        Assert.Contains("заканчивается за 3 дня: 1", home);

        h.Clock.Advance(TimeSpan.FromDays(1)); // exactly at the end
        Assert.Equal(Plans.Free, Plans.Effective(h.Db.Tenants.FindById(tenant.Id), h.Clock.GetUtcNow()));
        Assert.Equal(Plans.Limits(Plans.Free), Plans.For(h.Db.Tenants.FindById(tenant.Id), h.Clock.GetUtcNow()));
        Assert.Contains("FREE 1 · BUSINESS 0", (await h.TypeAsync()).Screen!.Html);
        var card = (await h.TapAsync(CallbackData.Encode(AdminFeature.Client, tenant.Id, 0))).Screen!.Html;
        Assert.Contains("Тариф: <b>FREE · пробный период закончился 17.12.2026</b>", card);
    }

    [Theory]
    [InlineData(0, 1, 7)]
    [InlineData(1, 5, 30)]
    public async Task An_owner_code_is_valid_for_its_preset_and_shown_only_once(int preset, int uses, int days)
    {
        using var h = new AdminHarness();

        var reply = await h.TapAsync(CallbackData.Encode(AdminFeature.CreateCode, preset));

        var code = CodeIn(reply.Screen!.Html);
        // It replaces the preset screen; its only button opens the panel as a new message, leaving the code in the chat.
        Assert.False(reply.AsNewMessage);
        var back = Assert.Single(reply.Screen.Keyboard.SelectMany(r => r));
        Assert.True((await h.TapAsync(back.Data)).AsNewMessage);
        Assert.Contains($"<code>{code}</code>", reply.Screen.Html);
        Assert.Contains($"https://t.me/uzum_test_bot?start={code}", reply.Screen.Html);
        var (verdict, stored) = h.Codes.Check(code);
        Assert.Equal(CodeVerdict.Valid, verdict);
        Assert.Equal(nameof(Role.Owner), stored!.Role);
        Assert.Null(stored.TenantId);
        Assert.Equal(uses, stored.UsesLeft);
        Assert.Equal(AdminHarness.OperatorId, stored.CreatedBy);
        Assert.Equal((AdminHarness.Start + TimeSpan.FromDays(days)).UtcDateTime, DateTime.SpecifyKind(stored.ExpiresAt, DateTimeKind.Utc));

        // Only the hash is kept, and no later screen or audit entry carries the code.
        Assert.NotEqual(code, stored.Hash);
        var entry = Assert.Single(h.Audit.ForUser(AdminHarness.OperatorId));
        Assert.Equal(AdminFeature.OwnerCodeCreated, entry.Action);
        Assert.DoesNotContain(code, entry.Detail);
        foreach (var data in new[] { CallbackData.Encode(AdminFeature.Home), CallbackData.Encode(AdminFeature.CodePresets), CallbackData.Encode(AdminFeature.Clients, 0) })
            Assert.DoesNotContain(code, (await h.TapAsync(data)).Screen!.Html);

        h.Clock.Advance(TimeSpan.FromDays(days));
        Assert.Equal(CodeVerdict.Expired, h.Codes.Check(code).Verdict);
    }

    [Fact]
    public async Task Without_a_known_bot_username_the_code_comes_without_a_link()
    {
        using var h = new AdminHarness(botUsername: null);
        var html = (await h.TapAsync(CallbackData.Encode(AdminFeature.CreateCode, 0))).Screen!.Html;
        Assert.Equal(CodeVerdict.Valid, h.Codes.Check(CodeIn(html)).Verdict);
        Assert.DoesNotContain("t.me", html);
    }

    [Fact]
    public async Task Someone_not_in_AdminIds_changes_nothing_even_when_routed_here()
    {
        using var h = new AdminHarness();
        var tenant = h.AddTenant("Bahor");
        const long stranger = 555;

        foreach (var data in new[] { CallbackData.Encode(AdminFeature.SetPlan, tenant.Id, Plans.Corporate, 0), CallbackData.Encode(AdminFeature.CreateCode, 0) })
            Assert.Same(Reply.Nothing, await h.TapAsync(data, stranger));
        Assert.Same(Reply.Nothing, await h.TypeAsync(stranger));

        var stored = h.Db.Tenants.FindById(tenant.Id);
        Assert.Equal(Plans.Business, stored.Plan);
        Assert.NotNull(stored.TrialEndsAt);
        Assert.Equal(0, h.Db.AccessCodes.Count());
        Assert.Equal(0, h.Db.Audit.Count());
    }

    [Fact]
    public async Task Forged_or_stale_arguments_change_nothing()
    {
        using var h = new AdminHarness();
        var tenant = h.AddTenant("Bahor");

        var missing = await h.TapAsync(CallbackData.Encode(AdminFeature.SetPlan, "0123456789abcdef0123456789abcdef", Plans.Corporate, 0));
        Assert.Contains("Клиент не найден", missing.Screen!.Html);
        await h.TapAsync(CallbackData.Encode(AdminFeature.SetPlan, tenant.Id, "GOLD", 0));
        await h.TapAsync(CallbackData.Encode(AdminFeature.SetPlan, tenant.Id));
        await h.TapAsync(CallbackData.Encode(AdminFeature.CreateCode, 7));
        await h.TapAsync(CallbackData.Encode(AdminFeature.CreateCode, "x"));
        Assert.Contains("Клиент не найден", (await h.TapAsync(CallbackData.Encode(AdminFeature.Client, "nope", 0))).Screen!.Html);

        var stored = h.Db.Tenants.FindById(tenant.Id);
        Assert.Equal(Plans.Business, stored.Plan);
        Assert.NotNull(stored.TrialEndsAt);
        Assert.Equal(0, h.Db.AccessCodes.Count());
        Assert.Equal(0, h.Db.Audit.Count());
    }

    [Fact]
    public async Task Choosing_the_plan_already_chosen_records_nothing()
    {
        using var h = new AdminHarness();
        var tenant = h.AddTenant("Bahor");
        var data = CallbackData.Encode(AdminFeature.SetPlan, tenant.Id, Plans.Business, 0);

        await h.TapAsync(data); // ends the trial on BUSINESS: a change
        var again = await h.TapAsync(data);

        Assert.Equal("Этот тариф уже действует.", again.Notice);
        Assert.Equal("BUSINESS→BUSINESS", Assert.Single(h.Audit.Latest(tenant.Id)).Detail);
        Assert.Null(h.Db.Tenants.FindById(tenant.Id).TrialEndsAt);
    }

    [Fact]
    public async Task The_list_shows_every_tenant_newest_first_with_members_and_last_activity()
    {
        using var h = new AdminHarness();
        h.AddTenant("Old shop", members: 2);
        h.Clock.Advance(TimeSpan.FromHours(1));
        h.AddTenant("New shop", members: 0, demo: true);

        var html = (await h.TapAsync(CallbackData.Encode(AdminFeature.Clients, 0))).Screen!.Html;

        Assert.True(html.IndexOf("New shop", StringComparison.Ordinal) < html.IndexOf("Old shop", StringComparison.Ordinal));
        Assert.Contains("1. 🧪 <b>New shop</b>", html);
        Assert.Contains("👥 0 · 🕒 не заходили", html);
        Assert.Contains("👥 2 · 🕒 03.12.2026 14:00", html); // the newest LastSeenAt of its members, Tashkent time
    }

    [Fact]
    public void Every_admin_key_the_code_asks_for_exists_in_both_languages_and_the_code_has_no_Cyrillic()
    {
        var folder = Path.Combine(RepositoryRoot(), "UzumBot", "Features", "Admin");
        var source = string.Join('\n', Directory.GetFiles(folder, "*.cs").Select(File.ReadAllText));
        var keys = AdminKey().Matches(source).Select(m => m.Groups[1].Value).Distinct().ToArray();
        Assert.True(keys.Length > 20, string.Join(", ", keys));
        foreach (var key in keys)
        {
            Assert.True(Strings.Instance.Has(Lang.Ru, key), $"'{key}' is missing from admin.ru.json");
            Assert.True(Strings.Instance.Has(Lang.Uz, key), $"'{key}' is missing from admin.uz.json");
        }
        Assert.DoesNotMatch(Cyrillic(), source);
    }

    private static string CodeIn(string html) => CodePattern().Match(html) is { Success: true } m ? m.Value : throw new Xunit.Sdk.XunitException("No code in:\n" + html);

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "UzumBot.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("UzumBot.sln not found above the test binaries.");
    }

    [GeneratedRegex("[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}")]
    private static partial Regex CodePattern();

    [GeneratedRegex("\"(admin\\.[a-z_.0-9-]+)\"")]
    private static partial Regex AdminKey();

    [GeneratedRegex("[\u0400-\u04FF]")]
    private static partial Regex Cyrillic();
}
