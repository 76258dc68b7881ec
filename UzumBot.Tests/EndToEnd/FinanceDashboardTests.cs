using UzumBot.Features.Dashboard;
using UzumBot.Features.Finance;
using UzumBot.Localization;
using UzumBot.Tests.Fakes;
using UzumBot.Uzum.Sandbox;
using Xunit.Abstractions;

namespace UzumBot.Tests.EndToEnd;

/// <summary>💰 Finance and 🏠 Dashboard over HTTP against the sandbox: figures as the sandbox's own lines add up, the
/// chart as a photo refreshed in place, and the UZUM calls one dashboard costs.</summary>
public sealed class FinanceDashboardTests(ITestOutputHelper output)
{
    private const string Token = "sandbox-money-Fd41";

    [Fact]
    public async Task Finance_for_7_30_90_days_and_a_typed_range_shows_the_sandbox_revenue()
    {
        const long chatId = 760_001;
        await using var world = await TestWorld.StartAsync();
        var telegram = world.Telegram;
        await using var bot = await BotUnderTest.StartAsync(world);
        await Scenario.OnboardAsync(telegram, chatId, bot.CreateOwnerCode(), Token, "661177");
        var seller = world.Uzum.Data.For(Token);
        var now = DateTimeOffset.UtcNow;

        var menu = await Scenario.ExpectAsync(telegram, chatId, "Выручка за 7 дней");
        Assert.Contains("Выручка за 7 дней: " + Formats.Money(Revenue(seller, FinancePeriod.LastDays(7, now)), Lang.Ru), menu.Text);

        telegram.UserTapsButton(chatId, "Финансы");
        var seven = await Scenario.ExpectAsync(telegram, chatId, "Финансы ·");
        AssertRevenue(seven, seller, FinancePeriod.LastDays(7, now));
        Assert.Contains("Чистая прибыль:", seven.Text);
        Assert.NotNull(seven.FindButton("• 7 дн"));

        foreach (var days in new[] { 30, 90 })
        {
            telegram.UserTapsButton(chatId, $"{days} дн");
            var screen = await Scenario.ExpectAsync(telegram, chatId, $"· {days} дней");
            AssertRevenue(screen, seller, FinancePeriod.LastDays(days, now));
        }

        telegram.UserTapsButton(chatId, "Период");
        await Scenario.ExpectAsync(telegram, chatId, "Отправьте период");
        telegram.UserSendsText(chatId, "31.02.2026");
        await Scenario.ExpectAsync(telegram, chatId, "Такой даты нет");
        var today = FinancePeriod.DayOf(now);
        var typed = new FinancePeriod(today.AddDays(-40), today.AddDays(-11));
        telegram.UserSendsText(chatId, $"{typed.First:dd.MM.yyyy}-{typed.Last:dd.MM.yyyy}");
        var custom = await Scenario.ExpectAsync(telegram, chatId, PeriodArg.Range(typed));
        AssertRevenue(custom, seller, typed);

        telegram.UserTapsButton(chatId, "Убыточные");
        await Scenario.ExpectAsync(telegram, chatId, "Убыточные SKU");
        await Scenario.AssertAllTapsAnsweredAsync(telegram, chatId);
        telegram.AssertNoErrors();
    }

    [Fact]
    public async Task The_dashboard_is_a_chart_photo_in_the_chat_language_refreshed_in_place_and_its_UZUM_calls_are_counted()
    {
        const long chatId = 760_002;
        await using var world = await TestWorld.StartAsync();
        var telegram = world.Telegram;
        await using var bot = await BotUnderTest.StartAsync(world);
        await Scenario.OnboardAsync(telegram, chatId, bot.CreateOwnerCode(), Token, "661177");
        await Scenario.ExpectAsync(telegram, chatId, "Выручка за 7 дней");

        world.Uzum.RequestLog.Clear();
        telegram.UserTapsButton(chatId, "Дашборд");
        // the photo replaces the text menu: sent, then the menu message deleted
        var chat = await telegram.WaitForAsync(chatId, c => c.Visible.Any(m => m.Kind == "photo") && !c.Visible.Any(m => m.Kind == "text"), Scenario.Step);
        var photo = chat.Visible.Last(m => m.Kind == "photo");
        var cold = world.Uzum.RequestLog.Entries;
        Report("cold (after the menu)", cold);

        Assert.Contains("Дашборд · ", photo.Text);
        Assert.Contains("📦 Товаров ", photo.Text);
        Assert.Contains("💰 Выручка ", photo.Text);
        Assert.True(photo.Text.Length <= 1024);
        var png = photo.File!.Content;
        Assert.Equal((DashboardChart.Width, DashboardChart.Height), Features.Dashboard.DashboardChartTests.PngSize(png));
        Assert.InRange(png.Length, 10_000, 2_000_000);
        Assert.StartsWith("Заказы и выручка по дням", PngText.Read(png)["Title"]);
        Assert.Contains("Выручка, тыс. сум", PngText.Read(png)["Description"]);

        // each part read once: no finance or catalogue page twice, counts once per status
        Assert.Equal(cold.Count, cold.Select(e => e.PathAndQuery).Distinct().Count());
        Assert.Equal(0, cold.Count(e => e.Path.EndsWith("/v2/fbs/orders", StringComparison.Ordinal) && e.Query.Contains("status=CREATED", StringComparison.Ordinal)));

        world.Uzum.RequestLog.Clear();
        telegram.UserTapsButton(chatId, photo.MessageId, "7 дн");
        await telegram.WaitForAsync(chatId, c => c.Message(photo.MessageId)!.EditCount == 1, Scenario.Step);
        Report("warm (same screen within the cache time)", world.Uzum.RequestLog.Entries);
        Assert.Empty(world.Uzum.RequestLog.Entries);

        telegram.UserTapsButton(chatId, photo.MessageId, "30 дн");
        var edited = await telegram.WaitForAsync(chatId, c => c.Message(photo.MessageId)!.EditCount == 2, Scenario.Step);
        var thirty = edited.Message(photo.MessageId)!;
        Assert.Contains("30 дней", thirty.Text);
        Assert.Contains(PeriodArg.Range(FinancePeriod.LastDays(30, DateTimeOffset.UtcNow)), PngText.Read(thirty.File!.Content)["Title"]);

        telegram.UserTapsButton(chatId, photo.MessageId, "Меню");
        await telegram.WaitForAsync(chatId, c => c.Visible.Any(m => m.Kind == "text" && m.Text.Contains("Выручка за 7 дней", StringComparison.Ordinal))
            && !c.Visible.Any(m => m.Kind == "photo"), Scenario.Step);
        telegram.UserTapsButton(chatId, "Oʻzbekcha");
        await Scenario.ExpectAsync(telegram, chatId, "7 kunlik daromad");
        telegram.UserTapsButton(chatId, "Boshqaruv paneli");
        var uz = await telegram.WaitForAsync(chatId, c => c.Visible.LastOrDefault(m => m.Kind == "photo")?.Text.Contains("Boshqaruv paneli ·", StringComparison.Ordinal) == true, Scenario.Step);
        var uzPng = uz.Visible.Last(m => m.Kind == "photo").File!.Content;
        Assert.StartsWith("Kunlik buyurtmalar va daromad", PngText.Read(uzPng)["Title"]);
        Assert.Contains("soʻm", uz.Visible.Last(m => m.Kind == "photo").Text);
        await Scenario.AssertAllTapsAnsweredAsync(telegram, chatId);
        // photos edited and sent one after another trip the fake's one-a-second flood control now and then; the renderer
        // waits the 429 out and uploads once more (PhotoRetryTests pins that the photo then arrives)
        telegram.AssertNoErrors(ignore: e => e.ErrorCode == 429);
    }

    private void Report(string what, IReadOnlyList<SandboxRequest> calls)
    {
        output.WriteLine($"{what}: {calls.Count} UZUM calls");
        foreach (var group in calls.GroupBy(c => c.Path)) output.WriteLine($"  {group.Count()} × {group.Key}");
    }

    /// <summary>The sandbox's own lines, added up here without the bot's rules: sold = not CANCELED with amount &gt; 0.</summary>
    private static long Revenue(SandboxSellerData seller, FinancePeriod period) =>
        seller.FinanceLines.Where(l => l.Status != "CANCELED" && l.Amount > 0 && l.Date >= period.Start && l.Date < period.End).Sum(l => l.SellPrice * l.Amount);

    private static void AssertRevenue(BotMessageView screen, SandboxSellerData seller, FinancePeriod period)
    {
        var units = seller.FinanceLines.Where(l => l.Status != "CANCELED" && l.Date >= period.Start && l.Date < period.End).Sum(l => l.Amount);
        Assert.Contains($"Выручка: {Formats.Money(Revenue(seller, period), Lang.Ru)} ({Formats.Number(units)} шт", screen.Text);
    }
}
