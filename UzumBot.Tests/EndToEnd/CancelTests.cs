using UzumBot.Features.Orders;
using UzumBot.Rendering;
using UzumBot.Uzum;

namespace UzumBot.Tests.EndToEnd;

/// <summary>❌ Cancel through the real host: reason, one more question, exactly one POST whatever the taps.</summary>
public sealed class CancelTests
{
    private const long ChatId = 720_000;
    private const string Token = "sandbox-cancel-Hh42";
    private const string Pin = "864209";

    [Fact]
    public async Task A_cancel_asks_reason_and_confirmation_and_sends_one_POST_despite_double_taps_and_redelivery()
    {
        await using var world = await TestWorld.StartAsync();
        var telegram = world.Telegram;
        await using var bot = await BotUnderTest.StartAsync(world);
        await Scenario.OnboardAsync(telegram, ChatId, bot.CreateOwnerCode(), Token, Pin);

        var order = world.Uzum.Data.For(Token).Orders.First(o => o.Status == OrderStatuses.Packing && o.Scheme == "FBS");
        var menu = telegram.Chat(ChatId).LatestWithKeyboard!;
        telegram.UserTaps(ChatId, menu.MessageId, CallbackData.Encode(OrdersFeature.Card, order.Id), requireButton: false);
        await Scenario.ExpectAsync(telegram, ChatId, $"Заказ #{order.Id}");
        telegram.UserTapsButton(ChatId, "Отменить");
        await Scenario.ExpectAsync(telegram, ChatId, "Выберите причину");
        telegram.UserTapsButton(ChatId, "Нет товара");
        var question = await Scenario.ExpectAsync(telegram, ChatId, $"Отменить заказ #{order.Id}?");
        Assert.Contains("Причина: Нет товара", question.Text);
        var yes = question.FindButton("Да, отменить")!;

        // A double tap on "yes", then the same update delivered again after it was handled.
        telegram.UserTaps(ChatId, question.MessageId, yes.CallbackData!, requireButton: false);
        telegram.UserTaps(ChatId, question.MessageId, yes.CallbackData!, requireButton: false);
        var done = await Scenario.ExpectAsync(telegram, ChatId, "Статус: Отменён");
        telegram.UserTaps(ChatId, question.MessageId, yes.CallbackData!, requireButton: false);
        await telegram.WaitForQuietAsync(TimeSpan.FromMilliseconds(500));

        Assert.Equal(1, world.Uzum.RequestLog.Count("POST", "/v1/fbs/order/*/cancel"));
        Assert.Equal(OrderStatuses.Canceled, world.Uzum.Data.For(Token).Orders.Single(o => o.Id == order.Id).Status);
        Assert.DoesNotContain(telegram.Chat(ChatId).Latest!.Buttons, b => b.Text.Contains("Отменить", StringComparison.Ordinal));
        // Three taps within a second edit one message faster than the fake's flood control allows; the renderer waits a 429 out.
        telegram.AssertNoErrors(ignore: e => e.ErrorCode == 429 || e.Description.Contains("message is not modified", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_confirmation_older_than_an_hour_is_asked_again_and_sends_nothing()
    {
        await using var world = await TestWorld.StartAsync();
        var telegram = world.Telegram;
        await using var bot = await BotUnderTest.StartAsync(world);
        await Scenario.OnboardAsync(telegram, ChatId, bot.CreateOwnerCode(), Token, Pin);
        var order = world.Uzum.Data.For(Token).Orders.First(o => o.Status == OrderStatuses.Created && o.Scheme == "FBS");

        var menu = telegram.Chat(ChatId).LatestWithKeyboard!;
        var old = DateTimeOffset.UtcNow.AddHours(-2).ToUnixTimeSeconds();
        telegram.UserTaps(ChatId, menu.MessageId, CallbackData.Encode(OrdersFeature.CancelConfirmed, order.Id, "OUT_OF_STOCK", old), requireButton: false);
        var again = await Scenario.ExpectAsync(telegram, ChatId, $"Отменить заказ #{order.Id}?");
        Assert.Contains("Подтверждение устарело", again.Text);
        Assert.Equal(0, world.Uzum.RequestLog.Count("POST", "/v1/fbs/order/*/cancel"));

        // The fresh question works; a cancel lost in a gateway timeout is reconciled by reading the order.
        world.Uzum.Faults.FailAfterApplying("POST", "/v1/fbs/order/*/cancel");
        telegram.UserTapsButton(ChatId, again.MessageId, "Да, отменить");
        var done = await Scenario.ExpectAsync(telegram, ChatId, "Статус: Отменён");
        Assert.Contains($"Заказ #{order.Id} отменён", done.Text);
        Assert.Equal(1, world.Uzum.RequestLog.Count("POST", "/v1/fbs/order/*/cancel"));
        telegram.AssertNoErrors();
    }
}
