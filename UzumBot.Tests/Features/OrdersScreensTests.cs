using UzumBot.Features.Orders;
using UzumBot.Localization;
using UzumBot.Security;
using UzumBot.Tests.Support;
using UzumBot.Uzum;
using static UzumBot.Tests.Features.KeyboardLimitsTests;

namespace UzumBot.Tests.Features;

public sealed class OrdersScreensTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_list_line_reads_id_sku_quantity_date_and_deadline()
    {
        var screens = new OrdersScreens(Sessions.For(), Now);
        var line = screens.Line(Order(124500012, OrderStatuses.Created, "Футболка"));
        // 80 minutes left: urgent. 06:00 UTC is 11:00 in Tashkent.
        Assert.Equal("🔴 #124500012 · FUTB-1-ЧЕРН-S ×1 · 03.12 11:00 · принять до 03.12 15:20", line);
    }

    [Fact]
    public void An_unknown_status_from_UZUM_is_shown_as_it_came()
    {
        var screens = new OrdersScreens(Sessions.For(), Now);
        var card = screens.Card(Order(5, "SOMETHING_NEW", "x"), "SOMETHING_NEW", 0);
        Assert.Contains("SOMETHING_NEW", card.Html);
        Assert.Contains(card.Keyboard.SelectMany(r => r), b => b.Data == "1:o"); // back goes to the chips
    }

    [Fact]
    public void A_new_shop_with_no_orders_says_so()
    {
        var screens = new OrdersScreens(Sessions.For(Lang.Uz), Now);
        var list = screens.List(OrderStatuses.Created, new CappedList<SellerOrder>([], false), 0);
        Assert.Contains("Bu holatda buyurtmalar yoʻq", list.Html);
    }

    [Fact]
    public void A_long_list_is_paged_ten_at_a_time_and_says_when_it_was_cut()
    {
        var orders = Enumerable.Range(0, 130).Select(i => Order(1000 + i, OrderStatuses.Created, "x")).ToArray();
        var screen = new OrdersScreens(Sessions.For(), Now).List(OrderStatuses.Created, new CappedList<SellerOrder>(orders, true), 12);
        Assert.Contains("стр. 13/13", screen.Html);
        Assert.Contains("Показаны первые 130", screen.Html);
        Assert.Equal(10, screen.Keyboard.SelectMany(r => r).Count(b => b.Text.StartsWith('#')));
    }

    [Theory]
    [InlineData(Role.Owner, OrderStatuses.Packing, "1:od:7:")]
    [InlineData(Role.Manager, OrderStatuses.Delivering, "1:odc:7")]
    [InlineData(Role.Viewer, OrderStatuses.Packing, null)]
    [InlineData(Role.Viewer, OrderStatuses.Delivering, null)]
    [InlineData(Role.Owner, OrderStatuses.Completed, null)]
    public void A_DBS_card_offers_the_next_delivery_step_to_those_who_act_on_orders(Role role, string status, string? expected)
    {
        var card = new OrdersScreens(Sessions.For(role: role), Now).Card(Order(7, status, "x", "DBS"), status, 0);
        var dbsButtons = card.Keyboard.SelectMany(r => r).Where(b => b.Data.StartsWith("1:od", StringComparison.Ordinal)).ToArray();
        if (expected is null) Assert.Empty(dbsButtons);
        else Assert.StartsWith(expected, Assert.Single(dbsButtons).Data);
        string[] actions = ["1:oa:", "1:ox:", "1:od:", "1:odc:", "1:lb:"];
        if (role == Role.Viewer) Assert.DoesNotContain(card.Keyboard.SelectMany(r => r), b => actions.Any(a => b.Data.StartsWith(a, StringComparison.Ordinal)));
    }

    [Fact]
    public void Accept_carries_when_it_was_shown_and_the_card_names_the_booked_time_slot_in_Tashkent_time()
    {
        var order = Order(9, OrderStatuses.Created, "x") with
        {
            // 04:00–06:00 UTC is 09:00–11:00 in Tashkent
            TimeSlot = new TimeSlot { TimeFrom = new DateTimeOffset(2026, 12, 4, 4, 0, 0, TimeSpan.Zero), TimeTo = new DateTimeOffset(2026, 12, 4, 6, 0, 0, TimeSpan.Zero) },
        };
        var card = new OrdersScreens(Sessions.For(Lang.Uz), Now).Card(order, order.Status, 0);
        Assert.Contains("🕒 Topshirish vaqti: 04.12 09:00–11:00", card.Html);
        Assert.Contains(card.Keyboard.SelectMany(r => r), b => b.Data == $"1:oa:9:{Now.ToUnixTimeSeconds()}");
    }

    [Theory]
    [InlineData("FBS", OrderStatuses.Created, true)]
    [InlineData("FBS", OrderStatuses.Packing, true)]
    [InlineData("DBS", OrderStatuses.Packing, false)]
    [InlineData("FBS", OrderStatuses.Canceled, false)]
    public void Label_buttons_only_where_UZUM_prints_a_parcel_label(string scheme, string status, bool expected)
    {
        var card = new OrdersScreens(Sessions.For(), Now).Card(Order(7, status, "x", scheme), status, 0);
        Assert.Equal(expected, card.Keyboard.SelectMany(r => r).Any(b => b.Data.StartsWith("1:lb:", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_viewer_sees_the_card_without_label_buttons()
    {
        var card = new OrdersScreens(Sessions.For(role: Role.Viewer), Now).Card(Order(7, OrderStatuses.Packing, "x"), null, 0);
        Assert.DoesNotContain(card.Keyboard.SelectMany(r => r), b => b.Data.StartsWith("1:lb:", StringComparison.Ordinal));
    }

    [Theory]
    // accept-until 19:30 UTC = 00:30 Tashkent the next day; "now" walks across UTC midnight
    [InlineData("2026-12-03T17:45:00Z", "🔴", "04.12.2026 00:30")]
    [InlineData("2026-12-03T13:31:00Z", "🟡", "04.12.2026 00:30")]
    [InlineData("2026-12-03T13:29:00Z", "🟢", "04.12.2026 00:30")]
    [InlineData("2026-12-03T12:00:00Z", "🔴", "04.12.2026 00:30", 12)]
    [InlineData("2026-12-02T23:59:00Z", "🟢", "04.12.2026 00:30")]
    public void Deadline_marks_and_Tashkent_times_hold_across_midnight(string nowUtc, string mark, string localDeadline, int acceptInHours = 0)
    {
        var now = DateTimeOffset.Parse(nowUtc, System.Globalization.CultureInfo.InvariantCulture);
        var deadline = acceptInHours == 0 ? new DateTimeOffset(2026, 12, 3, 19, 30, 0, TimeSpan.Zero) : now.AddMinutes(90);
        var order = Order(77, OrderStatuses.Created, "x") with { AcceptUntil = deadline, DateCreated = now.AddMinutes(-5) };
        var screens = new OrdersScreens(Sessions.For(), now);
        Assert.StartsWith(mark, screens.Line(order));
        var card = screens.Card(order, null, 0).Html;
        if (acceptInHours == 0) Assert.Contains("Принять до " + localDeadline, card);
        Assert.Contains(mark, card);
    }

    [Fact]
    public void A_DBS_card_says_where_and_to_whom_and_an_FBS_card_its_drop_off_point()
    {
        var screens = new OrdersScreens(Sessions.For(), Now);
        var dbs = Order(5, OrderStatuses.Packing, "x", "DBS") with
        {
            DeliveryInfo = new DeliveryInfo("Toshkent sh., Yunusobod <14>", "Madina Rahimova", "+998901234567", "Domofon & qoʻngʻiroq"),
        };
        var card = Sendable.Assert("dbs", screens.Card(dbs, null, 0));
        Assert.Contains("🏠 Toshkent sh., Yunusobod <14>", card);
        Assert.Contains("👤 Madina Rahimova · +998901234567", card);
        Assert.Contains("💬 Domofon & qoʻngʻiroq", card);

        var fbs = Order(6, OrderStatuses.Packing, "x") with { DropOffPoint = new DropOffPoint("u1", "Chilonzor, 9-kvartal", "DROP_OFF_POINT") };
        Assert.Contains("Пункт сдачи: Chilonzor, 9-kvartal", Sendable.Assert("fbs", screens.Card(fbs, null, 0)));
    }

    [Fact]
    public void Today_takes_what_is_due_before_Tashkent_midnight_nearest_first()
    {
        // 18:30 UTC is 23:30 in Tashkent: "today" ends in 30 minutes, at 19:00 UTC.
        var now = new DateTimeOffset(2026, 12, 3, 18, 30, 0, TimeSpan.Zero);
        var created = new[]
        {
            Order(1, OrderStatuses.Created, "x") with { AcceptUntil = now.AddMinutes(25) },
            Order(2, OrderStatuses.Created, "x") with { AcceptUntil = now.AddMinutes(35) }, // tomorrow in Tashkent
            Order(3, OrderStatuses.Created, "x") with { AcceptUntil = now.AddMinutes(-10) }, // overdue
        };
        var packing = new[]
        {
            Order(4, OrderStatuses.Packing, "x") with { DeliverUntil = now.AddMinutes(20) },
            Order(5, OrderStatuses.Packing, "x") with { DeliverUntil = now.AddDays(1) },
        };
        var plan = ShiftPlan.For(created, packing, now);
        Assert.Equal([3L, 1L], plan.ToConfirm.Select(o => o.Id));
        Assert.Equal([4L], plan.ToPack.Select(o => o.Id));

        var text = Sendable.Assert("today", new OrdersScreens(Sessions.For(), now).Today(plan));
        Assert.Contains("Сегодня, 03.12.2026", text);
        Assert.Contains("Принять до конца дня: 2", text);
        Assert.Contains("сдать до 03.12 23:50", text);
    }
}
