using UzumBot.Features.Automation;
using UzumBot.Uzum;
using UzumBot.Uzum.Sandbox;

namespace UzumBot.Tests.EndToEnd;

/// <summary>Automation where the break-it review found it wanting: partial sends, catch-ups into quiet hours, a refused token at night.</summary>
public sealed class AutomationEdgeTests
{
    private const long Owner = 732_001;
    private const string Token = "sandbox-auto-edge-Qw72";

    private static SandboxOrder Place(AutomationWorld world)
    {
        var seller = world.Uzum.Data.For(Token);
        return seller.PlaceOrder(seller.Skus.First(s => s.ShopId == seller.Shops[0].Id), 1, world.Clock.GetUtcNow());
    }

    [Fact]
    public async Task When_some_alerts_of_a_small_batch_fail_only_those_are_sent_again()
    {
        await using var world = await AutomationWorld.StartAsync(AutomationWorld.TashkentToday(12));
        await world.OnboardAndEnableAsync(Owner, Token);
        await world.AdvanceAsync(TimeSpan.FromSeconds(20));
        var orders = new[] { Place(world), Place(world), Place(world) };

        // Telegram refuses two sends of this check (a 429, then the retry): one order's alert is lost this time.
        world.Telegram.ForceTooManyRequests(2, 1, Owner);
        await world.AdvanceAsync(TimeSpan.FromMinutes(3));
        await world.AdvanceAsync(TimeSpan.FromMinutes(3));

        foreach (var order in orders) Assert.Single(world.Messages(Owner, $"#{order.Id}"));
    }

    [Fact]
    public async Task A_summary_caught_up_after_quiet_hours_is_not_sent_again_at_its_usual_time()
    {
        await using var world = await AutomationWorld.StartAsync(AutomationWorld.TashkentToday(8, 40));
        await world.OnboardAndEnableAsync(Owner, Token);
        await world.AdvanceAsync(TimeSpan.FromSeconds(20));
        await world.StopBotAsync();
        world.Clock.Advance(QuietHours.NextLocal(world.Clock.GetUtcNow(), 23 * 60 + 30) - world.Clock.GetUtcNow());
        await world.StartBotAsync();
        await world.AdvanceAsync(TimeSpan.FromSeconds(20));
        Assert.Empty(world.Messages(Owner, "Сводка за")); // 23:30 is inside quiet hours

        await world.AdvanceToLocalAsync(8, 0, 10);
        Assert.Single(world.Messages(Owner, "Сводка за"));
        await world.AdvanceToLocalAsync(9, 0, 10);
        Assert.Single(world.Messages(Owner, "Сводка за"));
    }

    [Fact]
    public async Task A_token_UZUM_refuses_at_night_is_told_to_the_owner_all_the_same()
    {
        await using var world = await AutomationWorld.StartAsync(AutomationWorld.TashkentToday(23, 10));
        await world.OnboardAndEnableAsync(Owner, Token);
        await world.AdvanceAsync(TimeSpan.FromSeconds(20));
        world.Uzum.Faults.FailNext("GET", "/v2/fbs/orders", count: 1000, statusCode: 403, errorCode: UzumErrorCodes.TokenNotFound);
        await world.AdvanceAsync(TimeSpan.FromMinutes(3));
        await world.AdvanceAsync(TimeSpan.FromMinutes(3));
        Assert.Single(world.Messages(Owner, "UZUM больше не принимает"));
    }

    [Theory]
    [InlineData(-50, -100, "+50 %")]
    [InlineData(50, -100, "+150 %")]
    [InlineData(-150, -100, "−50 %")]
    [InlineData(150, 100, "+50 %")]
    public void A_change_against_a_loss_keeps_its_direction(long current, long previous, string expected) =>
        Assert.Equal(expected, SummaryScreens.Delta(current, previous).Replace('\u00A0', ' '));
}
