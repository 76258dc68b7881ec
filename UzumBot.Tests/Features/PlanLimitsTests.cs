using UzumBot.Caching;
using UzumBot.Features;
using UzumBot.Features.Orders;
using UzumBot.Tests.Support;
using UzumBot.Uzum;
using static UzumBot.Tests.Features.KeyboardLimitsTests;

namespace UzumBot.Tests.Features;

/// <summary>Plan limits where the plan says them (product §7): FREE shows one shop and 50 orders.</summary>
public sealed class PlanLimitsTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Fact]
    public async Task A_free_plan_sees_one_shop_and_fifty_orders_with_the_reason()
    {
        IReadOnlyCollection<long>? asked = null;
        var orders = Enumerable.Range(0, 130).Select(i => Order(9000 + i, OrderStatuses.Created, "x")).ToArray();
        var client = new RecordingClient(ids => asked = ids) { Orders = (_, _, _) => new OrdersPage(orders, orders.Length) };
        var session = Sessions.For(uzum: client);
        session.Tenant.Plan = Plans.Free;
        session.Tenant.TrialEndsAt = null;

        Assert.Equal([70412L], session.ShopIds);
        Assert.False(session.Owns(70413));

        var list = await new OrdersReader(new ShortCache(TimeProvider.System)).ListAsync(session, OrderStatuses.Created, CancellationToken.None);
        Assert.Equal(50, list.Items.Count);
        Assert.True(list.Truncated);
        Assert.Equal([70412L], asked);
        var screen = new OrdersScreens(session, Now).List(OrderStatuses.Created, list, 0);
        Assert.Contains("тариф FREE", screen.Html);
    }

    [Fact]
    public void A_business_trial_sees_both_shops_until_it_runs_out()
    {
        var session = Sessions.For();
        session.Tenant.Plan = Plans.Business;
        session.Tenant.TrialEndsAt = Now.AddDays(3).UtcDateTime;
        Assert.Equal(2, session.ShopIds.Count);
        session.Tenant.TrialEndsAt = Now.AddDays(-1).UtcDateTime;
        Assert.Single(session.ShopIds);
        Assert.Equal(Plans.Free, session.Plan.Name);
    }

    private sealed class RecordingClient(Action<IReadOnlyCollection<long>> onShops) : ThrowingUzumClient
    {
        public override Task<CappedList<SellerOrder>> GetAllOrdersAsync(UzumToken token, IReadOnlyCollection<long> shopIds, string status, int cap, CancellationToken ct)
        {
            onShops(shopIds);
            return base.GetAllOrdersAsync(token, shopIds, status, cap, ct);
        }
    }

    [Fact]
    public async Task Counting_a_status_whose_whole_list_is_cached_asks_UZUM_nothing()
    {
        var calls = 0;
        var orders = Enumerable.Range(0, 7).Select(i => Order(8000 + i, OrderStatuses.Created, "x")).ToArray();
        var session = Sessions.For(uzum: new ThrowingUzumClient { Orders = (_, _, _) => { calls++; return new OrdersPage(orders, orders.Length); } });
        var reader = new OrdersReader(new ShortCache(TimeProvider.System));

        await reader.ListAsync(session, OrderStatuses.Created, CancellationToken.None); // the menu's read
        var counts = await reader.CountAsync(session, [OrderStatuses.Created], CancellationToken.None);

        Assert.Equal(7, counts.Single().Count);
        Assert.Equal(1, calls);
    }
}
