using UzumBot.Uzum;

namespace UzumBot.Tests.EndToEnd;

/// <summary>🔍 By number: the typed id opens the card; letters are asked again; another seller's id is not found.</summary>
public sealed class FindOrderTests
{
    private const long ChatId = 730_000;

    [Fact]
    public async Task A_typed_order_number_opens_its_card_and_a_foreign_one_is_not_found()
    {
        await using var world = await TestWorld.StartAsync();
        var telegram = world.Telegram;
        await using var bot = await BotUnderTest.StartAsync(world);
        await Scenario.OnboardAsync(telegram, ChatId, bot.CreateOwnerCode(), "sandbox-find-Kk21", "902716");
        var mine = world.Uzum.Data.For("sandbox-find-Kk21").Orders.First(o => o.Status == OrderStatuses.Completed);
        var foreign = world.Uzum.Data.For("sandbox-find-someone-else").Orders.First();

        telegram.UserTapsButton(ChatId, "Заказы");
        await Scenario.ExpectAsync(telegram, ChatId, "Заказы ·");
        telegram.UserTapsButton(ChatId, "По номеру");
        await Scenario.ExpectAsync(telegram, ChatId, "Отправьте номер заказа");
        telegram.UserSendsText(ChatId, "номер?");
        await Scenario.ExpectAsync(telegram, ChatId, "только цифры");
        telegram.UserSendsText(ChatId, "# " + mine.Id);
        var card = await Scenario.ExpectAsync(telegram, ChatId, $"Заказ #{mine.Id}");
        Assert.Contains("Статус: Выполнен", card.Text);

        telegram.UserTapsButton(ChatId, "К списку");
        await Scenario.ExpectAsync(telegram, ChatId, "Выполнены ·");
        telegram.UserTapsButton(ChatId, "Статусы");
        await Scenario.ExpectAsync(telegram, ChatId, "Заказы ·");
        telegram.UserTapsButton(ChatId, "По номеру");
        await Scenario.ExpectAsync(telegram, ChatId, "Отправьте номер заказа");
        telegram.UserSendsText(ChatId, foreign.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Scenario.ExpectAsync(telegram, ChatId, $"Заказ #{foreign.Id} не найден");
        // A typo is likely: the bot keeps listening, so the right number typed next opens the card.
        telegram.UserSendsText(ChatId, mine.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Scenario.ExpectAsync(telegram, ChatId, "Статус: Выполнен");
        // Typed answers come as new messages; a quick tester trips the fake's one-a-second flood control, which
        // the renderer waits out (retry_after) and sends once more — that 429 is Telegram's, not a bug.
        telegram.AssertNoErrors(ignore: e => e.ErrorCode == 429);
    }
}
