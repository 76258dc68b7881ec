using UzumBot.Caching;
using UzumBot.Documents;
using UzumBot.Features.Orders;
using UzumBot.Tests.Support;
using UzumBot.Uzum;
using static UzumBot.Tests.Features.KeyboardLimitsTests;

namespace UzumBot.Tests.Features.Orders;

public sealed class OrdersReaderTests
{
    [Fact]
    public async Task An_order_of_a_shop_outside_the_tenant_is_not_found_though_UZUM_returns_it()
    {
        // UZUM's GET /v1/fbs/order/{id} is not shop-scoped: it hands out another seller's order by id (trap 22).
        var uzum = new ThrowingUzumClient { Order = id => Order(id, OrderStatuses.Created, "чужой") with { ShopId = 999_001 } };
        var session = Sessions.For(uzum: uzum);
        Assert.Null(await new OrdersReader(new ShortCache(TimeProvider.System)).FindAsync(session, 5, CancellationToken.None));

        var own = new ThrowingUzumClient { Order = id => Order(id, OrderStatuses.Created, "свой") with { ShopId = 70412 } };
        Assert.NotNull(await new OrdersReader(new ShortCache(TimeProvider.System)).FindAsync(Sessions.For(uzum: own), 5, CancellationToken.None));
    }

    [Fact]
    public async Task New_orders_are_listed_by_accept_until_and_packing_ones_by_hand_over_nearest_first()
    {
        var t0 = new DateTimeOffset(2026, 12, 3, 6, 0, 0, TimeSpan.Zero);
        SellerOrder At(long id, string status, int hours) => Order(id, status, "x") with { AcceptUntil = t0.AddHours(hours), DeliverUntil = t0.AddHours(hours) };
        var uzum = new ThrowingUzumClient
        {
            Orders = (status, _, _) => new OrdersPage([At(1, status, 9), At(2, status, 1), At(3, status, 5)], 3),
        };
        var reader = new OrdersReader(new ShortCache(TimeProvider.System));
        var session = Sessions.For(uzum: uzum);
        Assert.Equal([2L, 3, 1], (await reader.ListAsync(session, OrderStatuses.Created, CancellationToken.None)).Items.Select(o => o.Id));
        Assert.Equal([2L, 3, 1], (await reader.ListAsync(session, OrderStatuses.Packing, CancellationToken.None)).Items.Select(o => o.Id));
        Assert.Equal([1L, 2, 3], (await reader.ListAsync(session, OrderStatuses.Completed, CancellationToken.None)).Items.Select(o => o.Id));
    }
}

public sealed class LabelBundleReadableTests
{
    [Fact]
    public void A_label_that_is_not_a_readable_PDF_is_named_and_the_rest_still_merge()
    {
        var good = UzumBot.Uzum.Sandbox.LabelPdf.Render(1001, "Футболка", LabelSize.Large, 1, 1);
        var broken = "%PDF-1.4 this is not really a pdf"u8.ToArray();
        var merged = LabelBundle.MergeReadable([good, broken, good], out var unreadable);
        Assert.Equal([1], unreadable);
        Assert.NotNull(merged);
        Assert.Equal(2, UzumBot.Tests.EndToEnd.Scenario.PageSizesMm(merged).Count);
        Assert.Null(LabelBundle.MergeReadable([broken], out var all));
        Assert.Equal([0], all);
        Assert.Throws<InvalidDataException>(() => LabelBundle.Merge([good, broken]));
    }
}
