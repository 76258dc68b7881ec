using LiteDB;
using UzumBot.Features.Automation;
using UzumBot.Localization;
using UzumBot.Storage;
using UzumBot.Uzum;
using UzumBot.Uzum.Sandbox;

namespace UzumBot.Tests.EndToEnd;

/// <summary>Issue #7 end to end: the real host on a fake clock, the fake Bot API and the sandbox.</summary>
public sealed class AutomationTests
{
    private const long Owner = 731_001;
    private const string Token = "sandbox-auto-Qw71";

    private static SandboxSku SomeSku(AutomationWorld world, string token) =>
        world.Uzum.Data.For(token).Skus.First(s => s.ShopId == world.Uzum.Data.For(token).Shops[0].Id);

    private static SandboxOrder Place(AutomationWorld world, string token) =>
        world.Uzum.Data.For(token).PlaceOrder(SomeSku(world, token), 1, world.Clock.GetUtcNow());

    [Fact]
    public async Task New_orders_are_alerted_exactly_once_across_a_restart_five_fold_into_one_and_an_alert_button_confirms()
    {
        await using var world = await AutomationWorld.StartAsync(AutomationWorld.TashkentToday(12));
        await world.OnboardAndEnableAsync(Owner, Token);
        var wrap = world.Db.Automation.FindAll().Single();
        Assert.NotNull(wrap.ServerWrap);

        // The first check only records the orders that already exist.
        await world.AdvanceAsync(TimeSpan.FromSeconds(20));
        Assert.Empty(world.Messages(Owner, "Новый заказ"));
        Assert.True(world.Db.AnnouncedOrders.Count() > 0);

        var first = Place(world, Token);
        var second = Place(world, Token);
        await world.AdvanceAsync(TimeSpan.FromMinutes(3));
        var alert = Assert.Single(world.Messages(Owner, $"Новый заказ #{first.Id}"));
        Assert.Single(world.Messages(Owner, $"Новый заказ #{second.Id}"));
        Assert.Contains("Принять до", alert.Text);
        Assert.Contains("Итого", alert.Text);
        Assert.NotNull(alert.FindButton("58×40"));
        Assert.NotNull(alert.FindButton("43×25"));
        Assert.NotNull(alert.FindButton("Отменить"));

        // ✅ on the alert runs the Orders module's confirm.
        world.Telegram.UserTapsButton(Owner, alert.MessageId, "Принять");
        await Scenario.ExpectAsync(world.Telegram, Owner, "Статус: На сборке");
        Assert.Equal(OrderStatuses.Packing, world.Uzum.Data.For(Token).FindOrder(first.Id)!.Status);

        await world.RestartBotAsync();
        var third = Place(world, Token);
        await world.AdvanceAsync(TimeSpan.FromMinutes(3));
        await world.AdvanceAsync(TimeSpan.FromMinutes(3));
        Assert.Single(world.Messages(Owner, $"Новый заказ #{third.Id}"));
        Assert.Single(world.Messages(Owner, $"Новый заказ #{second.Id}"));
        Assert.Empty(world.Messages(Owner, $"Новый заказ #{first.Id}")); // its alert became the order card, and nothing came again

        var five = Enumerable.Range(0, 5).Select(_ => Place(world, Token)).ToList();
        await world.AdvanceAsync(TimeSpan.FromMinutes(3));
        var folded = Assert.Single(world.Messages(Owner, "Новых заказов: 5"));
        foreach (var order in five)
        {
            Assert.Contains("#" + order.Id, folded.Text);
            Assert.Empty(world.Messages(Owner, $"Новый заказ #{order.Id}"));
        }
        Assert.NotNull(folded.FindButton("Новые заказы"));
        world.Telegram.AssertNoErrors(ignore: e => e.Description.Contains("message is not modified", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Alerts_in_quiet_hours_are_held_and_arrive_as_one_digest_when_they_end()
    {
        await using var world = await AutomationWorld.StartAsync(AutomationWorld.TashkentToday(22, 50));
        await world.OnboardAndEnableAsync(Owner, Token);
        await world.AdvanceAsync(TimeSpan.FromSeconds(20)); // baseline

        await world.AdvanceToLocalAsync(23, 10);
        var a = Place(world, Token);
        var b = Place(world, Token);
        await world.AdvanceAsync(TimeSpan.FromMinutes(3));
        Assert.Empty(world.Messages(Owner, "#" + a.Id));
        Assert.Equal(2, world.Db.HeldAlerts.Count());

        await world.AdvanceToLocalAsync(7, 58);
        Assert.Empty(world.Messages(Owner, "#" + a.Id));
        await world.AdvanceToLocalAsync(8, 1);
        // One message: both orders and what the night's low-stock check found.
        var digest = Assert.Single(world.Messages(Owner, "Пока шли тихие часы"));
        Assert.Contains("#" + a.Id, digest.Text);
        Assert.Contains("#" + b.Id, digest.Text);
        Assert.Equal(0, world.Db.HeldAlerts.Count());
        Assert.Empty(world.Messages(Owner, "Новый заказ"));

        await world.AdvanceAsync(TimeSpan.FromMinutes(3));
        Assert.Single(world.Messages(Owner, "Пока шли тихие часы"));
    }

    [Fact]
    public async Task The_daily_summary_arrives_at_nine_Tashkent_with_the_right_changes_and_catches_up_once_after_downtime()
    {
        await using var world = await AutomationWorld.StartAsync(AutomationWorld.TashkentToday(8, 40));
        await world.OnboardAndEnableAsync(Owner, Token);
        await world.AdvanceAsync(TimeSpan.FromSeconds(20));

        await world.AdvanceToLocalAsync(8, 59, 30);
        Assert.Empty(world.Messages(Owner, "Сводка за"));
        await world.AdvanceToLocalAsync(9, 0, 10);
        var now = world.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(Formats.ToLocal(now).DateTime);
        var summary = Assert.Single(world.Messages(Owner, "Сводка за " + today.AddDays(-1).ToString("dd.MM", System.Globalization.CultureInfo.InvariantCulture)));

        var lines = world.Uzum.Data.For(Token).FinanceLines;
        long Orders(DateOnly day) => lines.Where(l => DateOnly.FromDateTime(Formats.ToLocal(l.Date).DateTime) == day && l.Amount > 0)
            .Select(l => l.OrderId).Distinct().LongCount();
        var (y, b, w) = (Orders(today.AddDays(-1)), Orders(today.AddDays(-2)), Orders(today.AddDays(-8)));
        Assert.Contains($"📦 Заказы: {y} · {Change(y, b)} · {Change(y, w)}", summary.Text);
        Assert.Contains("Ждут подтверждения", summary.Text);
        Assert.Contains("💵 Выручка: ", summary.Text);
        Assert.Contains("📈 Прибыль: ", summary.Text);
        Assert.NotNull(summary.FindButton("Заказы"));

        // Down for three days: one summary when the bot comes back, not three.
        await world.StopBotAsync();
        world.Clock.Advance(TimeSpan.FromDays(3));
        await world.StartBotAsync();
        await world.AdvanceAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(2, world.Messages(Owner, "Сводка за").Count);
    }

    private static string Change(long current, long previous)
    {
        if (previous == 0) return "—";
        var change = (int)Math.Round((current - previous) * 100m / previous, MidpointRounding.AwayFromZero);
        return (change > 0 ? "+" : change < 0 ? "−" : "") + Math.Abs(change) + "\u00A0%";
    }

    [Fact]
    public async Task A_blocked_owner_does_not_stop_the_others_and_is_pushed_again_after_start()
    {
        const long other = 731_002;
        const string otherToken = "sandbox-auto-Zx93";
        await using var world = await AutomationWorld.StartAsync(AutomationWorld.TashkentToday(12));
        await world.OnboardAndEnableAsync(Owner, Token);
        await world.OnboardAndEnableAsync(other, otherToken, "551902");
        await world.AdvanceAsync(TimeSpan.FromSeconds(20));

        world.Telegram.UserBlocksBot(Owner);
        var blocked = Place(world, Token);
        var fine = Place(world, otherToken);
        await world.AdvanceAsync(TimeSpan.FromMinutes(3));
        Assert.Single(world.Messages(other, $"Новый заказ #{fine.Id}"));
        Assert.Contains(world.Telegram.Errors, e => e.ChatId == Owner && e.ErrorCode == 403);
        Assert.NotNull(world.Db.AutomationMembers.FindById(Owner)!.BlockedAt);

        var skipped = Place(world, Token);
        var attempts = world.Telegram.Calls.Count(c => c.ChatId == Owner && c.Method == "sendMessage");
        await world.AdvanceAsync(TimeSpan.FromMinutes(3));
        Assert.Equal(attempts, world.Telegram.Calls.Count(c => c.ChatId == Owner && c.Method == "sendMessage"));

        world.Telegram.UserSendsText(Owner, "/start");
        await Scenario.ExpectAsync(world.Telegram, Owner, "Владелец");
        // Back: what is still new arrives, each order once.
        var after = Place(world, Token);
        await world.AdvanceAsync(TimeSpan.FromMinutes(3));
        await world.AdvanceAsync(TimeSpan.FromMinutes(3));
        foreach (var order in new[] { blocked, skipped, after })
            Assert.Single(world.Messages(Owner, $"Новый заказ #{order.Id}"));
    }

    [Fact]
    public async Task Disabling_deletes_the_wrap_from_the_raw_database_and_no_job_runs_afterwards()
    {
        await using var world = await AutomationWorld.StartAsync(AutomationWorld.TashkentToday(12));
        await world.OnboardAndEnableAsync(Owner, Token);
        await world.AdvanceAsync(TimeSpan.FromSeconds(20));
        var ciphertext = world.Db.Automation.FindAll().Single().ServerWrap!.Ciphertext;

        world.Telegram.UserTapsButton(Owner, "Выключить");
        await Scenario.ExpectAsync(world.Telegram, Owner, "Выключена");
        var requests = world.Uzum.RequestLog.Entries.Count;
        Place(world, Token);
        await world.AdvanceAsync(TimeSpan.FromMinutes(10));
        await world.AdvanceAsync(TimeSpan.FromHours(2));
        Assert.Equal(requests, world.Uzum.RequestLog.Entries.Count);
        Assert.Empty(world.Messages(Owner, "Новый заказ"));

        await world.StopBotAsync();
        var bytes = File.ReadAllBytes(world.World.DatabasePath);
        Assert.True(bytes.AsSpan().IndexOf(ciphertext) < 0, "the wrap's bytes are still in the data file");
        using var raw = new LiteDatabase(new ConnectionString { Filename = world.World.DatabasePath, Connection = ConnectionType.Direct });
        var doc = Assert.Single(raw.GetCollection("automation").FindAll());
        Assert.True(doc["ServerWrap"].IsNull);
        Assert.Equal(0, raw.GetCollection("jobs").Count());
    }

    [Fact]
    public async Task A_refused_token_is_told_to_the_owner_once_and_pauses_the_tenant()
    {
        await using var world = await AutomationWorld.StartAsync(AutomationWorld.TashkentToday(12));
        await world.OnboardAndEnableAsync(Owner, Token);
        await world.AdvanceAsync(TimeSpan.FromSeconds(20));

        world.Uzum.Faults.FailNext("GET", "/v2/fbs/orders", count: 1000, statusCode: 403, errorCode: UzumErrorCodes.TokenNotFound);
        await world.AdvanceAsync(TimeSpan.FromMinutes(3));
        var told = Assert.Single(world.Messages(Owner, "UZUM больше не принимает"));
        Assert.NotNull(told.FindButton("Переподключить токен"));
        var requests = world.Uzum.RequestLog.Entries.Count;
        await world.AdvanceAsync(TimeSpan.FromMinutes(3));
        await world.AdvanceAsync(TimeSpan.FromHours(1));
        Assert.Single(world.Messages(Owner, "UZUM больше не принимает"));
        Assert.Equal(requests, world.Uzum.RequestLog.Entries.Count);
        Assert.NotNull(world.Db.Automation.FindAll().Single().TokenRefusedAt);
    }
}
