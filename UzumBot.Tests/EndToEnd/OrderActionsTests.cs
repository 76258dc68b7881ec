using Microsoft.Extensions.DependencyInjection;
using UzumBot.Features.Orders;
using UzumBot.Rendering;
using UzumBot.Uzum;
using UzumBot.Uzum.Sandbox;

namespace UzumBot.Tests.EndToEnd;

/// <summary>✅ accept from an old screen, and the DBS hand-over and delivery, through the real host and the sandbox.</summary>
public sealed class OrderActionsTests
{
    private const long ChatId = 760_000;
    private const string Token = "sandbox-actions-Dd77";
    private const string Pin = "975310";

    [Fact]
    public async Task An_accept_button_older_than_an_hour_is_asked_again_then_accepts_once()
    {
        await using var world = await TestWorld.StartAsync();
        var telegram = world.Telegram;
        await using var bot = await BotUnderTest.StartAsync(world);
        await Scenario.OnboardAsync(telegram, ChatId, bot.CreateOwnerCode(), Token, Pin);
        var order = world.Uzum.Data.For(Token).Orders.First(o => o.Status == OrderStatuses.Created && o.Scheme == "FBS");

        // The card was shown two hours ago (the bot was offline since): the tap asks again and sends nothing.
        var menu = telegram.Chat(ChatId).LatestWithKeyboard!;
        var old = DateTimeOffset.UtcNow.AddHours(-2).ToUnixTimeSeconds();
        telegram.UserTaps(ChatId, menu.MessageId, CallbackData.Encode(OrdersFeature.Confirm, order.Id, old), requireButton: false);
        var again = await Scenario.ExpectAsync(telegram, ChatId, $"Принять заказ #{order.Id}?");
        Assert.Contains("подтвердите ещё раз", again.Text);
        Assert.Equal(0, world.Uzum.RequestLog.Count("POST", "/v1/fbs/order/*/confirm"));

        telegram.UserTapsButton(ChatId, again.MessageId, "Да, принять");
        var done = await Scenario.ExpectAsync(telegram, ChatId, "Статус: На сборке");
        Assert.Contains("Заказ принят", done.Text);
        Assert.Equal(1, world.Uzum.RequestLog.Count("POST", "/v1/fbs/order/*/confirm"));
        Assert.Equal(OrderStatuses.Packing, world.Uzum.Data.For(Token).FindOrder(order.Id)!.Status);
        telegram.AssertNoErrors();
    }

    [Fact]
    public async Task A_button_tapped_on_a_locked_chat_is_carried_out_once_the_PIN_is_right()
    {
        await using var world = await TestWorld.StartAsync();
        var telegram = world.Telegram;
        await using var bot = await BotUnderTest.StartAsync(world);
        await Scenario.OnboardAsync(telegram, ChatId, bot.CreateOwnerCode(), Token, Pin);
        var order = world.Uzum.Data.For(Token).Orders.First(o => o.Status == OrderStatuses.Created && o.Scheme == "FBS");
        telegram.UserTapsButton(ChatId, "Заблокировать");
        var locked = await Scenario.ExpectAsync(telegram, ChatId, "Введите PIN");

        // ✅ on an alert that came while the chat was locked: the PIN first, then the order is accepted, once.
        telegram.UserTaps(ChatId, locked.MessageId, CallbackData.Encode(OrdersFeature.Confirm, order.Id, DateTimeOffset.UtcNow.ToUnixTimeSeconds()), requireButton: false);
        await telegram.WaitForQuietAsync(TimeSpan.FromMilliseconds(300));
        Assert.Equal(0, world.Uzum.RequestLog.Count("POST", "/v1/fbs/order/*/confirm"));
        telegram.UserSendsText(ChatId, Pin);
        var done = await Scenario.ExpectAsync(telegram, ChatId, "Статус: На сборке");
        Assert.Contains("Заказ принят", done.Text);
        Assert.Equal(1, world.Uzum.RequestLog.Count("POST", "/v1/fbs/order/*/confirm"));

        // The remembered tap is used up: the next sign-in will open the menu, not the order again.
        var chat = bot.Services.GetRequiredService<UzumBot.Storage.Database>().Chats.FindById(ChatId);
        Assert.Null(chat.TapAfterPin);
        // The tap on the PIN screen redraws the same PIN screen: Telegram says "not modified", which counts as shown.
        telegram.AssertNoErrors(ignore: e => e.ErrorCode == 429 || e.Description.Contains("message is not modified", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_forged_stamp_far_in_the_future_is_asked_again_not_dropped()
    {
        await using var world = await TestWorld.StartAsync();
        var telegram = world.Telegram;
        await using var bot = await BotUnderTest.StartAsync(world);
        await Scenario.OnboardAsync(telegram, ChatId, bot.CreateOwnerCode(), Token, Pin);
        var order = world.Uzum.Data.For(Token).Orders.First(o => o.Status == OrderStatuses.Created && o.Scheme == "FBS");

        var menu = telegram.Chat(ChatId).LatestWithKeyboard!;
        telegram.UserTaps(ChatId, menu.MessageId, CallbackData.Encode(OrdersFeature.Confirm, order.Id, 99_999_999_999_999L), requireButton: false);
        await Scenario.ExpectAsync(telegram, ChatId, $"Принять заказ #{order.Id}?");
        Assert.Equal(0, world.Uzum.RequestLog.Count("POST", "/v1/fbs/order/*/confirm"));
        Assert.DoesNotContain(bot.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) || l.Contains("Exception", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Todays_labels_button_prints_exactly_the_orders_it_counts()
    {
        await using var world = await TestWorld.StartAsync();
        var telegram = world.Telegram;
        await using var bot = await BotUnderTest.StartAsync(world);
        await Scenario.OnboardAsync(telegram, ChatId, bot.CreateOwnerCode(), "sandbox-shift-Pp90", Pin);

        telegram.UserTapsButton(ChatId, "Заказы");
        await Scenario.ExpectAsync(telegram, ChatId, "Заказы ·");
        telegram.UserTapsButton(ChatId, "Сегодня");
        var today = await Scenario.ExpectAsync(telegram, ChatId, "Собрать и сдать сегодня");
        var button = today.FindButton("Все 58×40")!;
        var counted = int.Parse(button.Text[(button.Text.LastIndexOf('(') + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
        var packingTotal = world.Uzum.Data.For("sandbox-shift-Pp90").Orders.Count(o => o.Status == OrderStatuses.Packing && o.Scheme == "FBS");
        Assert.InRange(counted, 1, packingTotal - 1); // the shift is a part of the packing list, so the test can tell them apart

        telegram.UserTapsButton(ChatId, today.MessageId, "Все 58×40");
        var chat = await telegram.WaitForAsync(ChatId, c => c.Documents.Count == 1, Scenario.Step);
        Assert.Contains($"Этикетки 58×40: {counted} шт.", chat.Documents[0].Caption);
        Assert.Equal(counted, world.Uzum.RequestLog.Count("GET", "/v1/fbs/order/*/labels/print"));
        Assert.Contains("Собрать и сдать сегодня", telegram.TextHistory(ChatId, today.MessageId)[^1]);
    }

    [Fact]
    public async Task A_label_Telegram_refuses_once_with_429_still_arrives_as_the_PDF()
    {
        await using var world = await TestWorld.StartAsync();
        var telegram = world.Telegram;
        await using var bot = await BotUnderTest.StartAsync(world);
        await Scenario.OnboardAsync(telegram, ChatId, bot.CreateOwnerCode(), Token, Pin);
        var (orderId, card) = await Scenario.OpenOrderWithLabelAsync(telegram, ChatId);

        telegram.ForceTooManyRequests(1, retryAfterSeconds: 1, chatId: ChatId);
        telegram.UserTapsButton(ChatId, card.MessageId, "58×40");
        var chat = await telegram.WaitForAsync(ChatId, c => c.Documents.Count == 1, Scenario.Step);
        Assert.Equal($"label-{orderId}-LARGE-58x40.pdf", chat.Documents[0].FileName);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(chat.Documents[0].Content, 0, 4));
        Assert.Contains(telegram.Errors, e => e.ErrorCode == 429 && e.Method == "sendDocument");
    }

    [Fact]
    public async Task A_DBS_order_is_handed_to_the_courier_then_delivered_with_the_customers_code()
    {
        await using var world = await TestWorld.StartAsync();
        var telegram = world.Telegram;
        await using var bot = await BotUnderTest.StartAsync(world);
        await Scenario.OnboardAsync(telegram, ChatId, bot.CreateOwnerCode(), Token, Pin);
        var seller = world.Uzum.Data.For(Token);
        var order = seller.Orders.First(o => o.Status == OrderStatuses.Packing && o.IsDbs);

        var menu = telegram.Chat(ChatId).LatestWithKeyboard!;
        telegram.UserTaps(ChatId, menu.MessageId, CallbackData.Encode(OrdersFeature.Card, order.Id), requireButton: false);
        var card = await Scenario.ExpectAsync(telegram, ChatId, $"Заказ #{order.Id}");
        Assert.Contains("DBS", card.Text);
        Assert.DoesNotContain(card.Buttons, b => b.Text.Contains("58×40", StringComparison.Ordinal));

        // 🚚 handed over: one POST; its answer lost at the gateway is reconciled by reading the order.
        world.Uzum.Faults.FailAfterApplying("POST", "/v1/dbs/order/*/delivering");
        telegram.UserTapsButton(ChatId, card.MessageId, "Передан курьеру");
        var delivering = await Scenario.ExpectAsync(telegram, ChatId, $"Заказ #{order.Id} передан курьеру");
        Assert.Equal(1, world.Uzum.RequestLog.Count("POST", "/v1/dbs/order/*/delivering"));
        Assert.Equal(OrderStatuses.Delivering, seller.FindOrder(order.Id)!.Status);

        // 📬 delivered: a non-code is refused without a POST, a wrong code is retyped, the right one completes.
        telegram.UserTapsButton(ChatId, delivering.MessageId, "Доставлен");
        await Scenario.ExpectAsync(telegram, ChatId, "Введите код выдачи");
        telegram.UserSendsText(ChatId, "да, отдал");
        await Scenario.ExpectAsync(telegram, ChatId, "цифры из SMS");
        Assert.Equal(0, world.Uzum.RequestLog.Count("POST", "/v1/dbs/order/*/completed"));
        telegram.UserSendsText(ChatId, "000000");
        await Scenario.ExpectAsync(telegram, ChatId, "Код не подошёл");
        telegram.UserSendsText(ChatId, " " + order.IssueCode + " ");
        var completed = await Scenario.ExpectAsync(telegram, ChatId, "Статус: Выполнен");
        Assert.Contains($"✅ Заказ #{order.Id} доставлен.", completed.Text);
        Assert.Equal(2, world.Uzum.RequestLog.Count("POST", "/v1/dbs/order/*/completed"));
        Assert.Equal(OrderStatuses.Completed, seller.FindOrder(order.Id)!.Status);
        Assert.Contains(world.Uzum.RequestLog.Matching("POST", "/v1/dbs/order/*/completed"),
            e => e.QueryValues("issueCode").SequenceEqual([order.IssueCode]));
        // Typed answers come as new messages faster than a person types: the fake's one-a-second flood control
        // answers 429, which the renderer waits out and sends once more.
        telegram.AssertNoErrors(ignore: e => e.ErrorCode == 429);
    }

    [Fact]
    public async Task Too_many_wrong_codes_stop_the_wait_with_a_clear_message()
    {
        await using var world = await TestWorld.StartAsync();
        var telegram = world.Telegram;
        await using var bot = await BotUnderTest.StartAsync(world);
        await Scenario.OnboardAsync(telegram, ChatId, bot.CreateOwnerCode(), Token, Pin);
        var order = world.Uzum.Data.For(Token).Orders.First(o => o.Status == OrderStatuses.Delivering && o.IsDbs);
        world.Uzum.Data.For(Token).FindOrder(order.Id)!.WrongIssueCodes = SandboxSellerData.IssueCodeAttempts - 1;

        var menu = telegram.Chat(ChatId).LatestWithKeyboard!;
        telegram.UserTaps(ChatId, menu.MessageId, CallbackData.Encode(OrdersFeature.Delivered, order.Id), requireButton: false);
        await Scenario.ExpectAsync(telegram, ChatId, "Введите код выдачи");
        telegram.UserSendsText(ChatId, "111111");
        var refused = await Scenario.ExpectAsync(telegram, ChatId, "Слишком много неверных кодов");
        Assert.Contains("Статус: В пути", refused.Text);

        // The wait is over: the next text is not taken as a code.
        telegram.UserSendsText(ChatId, order.IssueCode);
        await telegram.WaitForQuietAsync(TimeSpan.FromMilliseconds(500));
        Assert.Equal(1, world.Uzum.RequestLog.Count("POST", "/v1/dbs/order/*/completed"));
        Assert.Equal(OrderStatuses.Delivering, world.Uzum.Data.For(Token).FindOrder(order.Id)!.Status);
    }
}
