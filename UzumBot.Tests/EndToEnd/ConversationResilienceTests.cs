using UzumBot.Uzum.Sandbox;

namespace UzumBot.Tests.EndToEnd;

/// <summary>S2, T5, T8 and bad input in the running bot.</summary>
public sealed class ConversationResilienceTests
{
    private const long ChatId = 800_200;
    private const string Token = "sandbox-resilience-7Hq";
    private const string Pin = "135790";

    [Fact]
    public async Task A_restart_at_the_token_step_loses_nothing_and_a_restart_before_the_PIN_asks_for_the_token_again()
    {
        await using var world = await TestWorld.StartAsync();
        var telegram = world.Telegram;
        await using (var bot = await BotUnderTest.StartAsync(world))
        {
            telegram.UserSendsText(ChatId, "/start");
            await Scenario.ExpectAsync(telegram, ChatId, "Выберите язык");
            telegram.UserTapsButton(ChatId, "Русский");
            await Scenario.ExpectAsync(telegram, ChatId, "Введите код доступа");
            telegram.UserSendsText(ChatId, bot.CreateOwnerCode());
            await Scenario.ExpectAsync(telegram, ChatId, "Что подключаем");
            telegram.UserTapsButton(ChatId, "UZUM Market");
            await Scenario.ExpectAsync(telegram, ChatId, "API-токен");
        }

        await using (await BotUnderTest.StartAsync(world))
        {
            telegram.UserSendsText(ChatId, Token);
            await Scenario.ExpectAsync(telegram, ChatId, "Придумайте PIN");
        }

        // The checked token lived only in memory: after this restart it is asked for again, then onboarding goes on.
        await using (await BotUnderTest.StartAsync(world))
        {
            telegram.UserSendsText(ChatId, Pin);
            await Scenario.ExpectAsync(telegram, ChatId, "Токен не сохранился");
            telegram.UserSendsText(ChatId, Token);
            await Scenario.ExpectAsync(telegram, ChatId, "Придумайте PIN");
            telegram.UserSendsText(ChatId, Pin);
            await Scenario.ExpectAsync(telegram, ChatId, "Повторите PIN");
            telegram.UserSendsText(ChatId, Pin);
            await Scenario.ExpectAsync(telegram, ChatId, "👑 Владелец");
            telegram.AssertNoErrors();
        }
    }

    [Fact]
    public async Task A_valid_code_does_not_reset_the_count_of_wrong_ones_and_a_deep_link_code_never_reaches_the_file()
    {
        await using var world = await TestWorld.StartAsync();
        var telegram = world.Telegram;
        string code;
        await using (var bot = await BotUnderTest.StartAsync(world))
        {
            code = bot.CreateOwnerCode();
            telegram.UserSendsText(ChatId, "/start");
            await Scenario.ExpectAsync(telegram, ChatId, "Выберите язык");
            telegram.UserTapsButton(ChatId, "Русский");
            for (var i = 0; i < 4; i++)
            {
                telegram.UserSendsText(ChatId, "AAAA-BBBB-CCC" + (char)('2' + i));
                await Scenario.ExpectAsync(telegram, ChatId, "Такого кода нет");
            }
            telegram.UserSendsText(ChatId, code);
            await Scenario.ExpectAsync(telegram, ChatId, "Что подключаем");
            telegram.UserTapsButton(ChatId, "Назад");
            await Scenario.ExpectAsync(telegram, ChatId, "Введите код доступа");
            telegram.UserSendsText(ChatId, "AAAA-BBBB-CCC9");
            await Scenario.ExpectAsync(telegram, ChatId, "Слишком много неверных кодов");

            // Another person opens a deep link and leaves before choosing a language.
            var link = telegram.UserSendsText(ChatId + 1, "/start " + code);
            await Scenario.ExpectAsync(telegram, ChatId + 1, "Выберите язык");
            Assert.Contains(link, telegram.Chat(ChatId + 1).DeletedUserMessageIds);
        }
        var raw = Directory.GetFiles(world.DataFolder, "uzumbot*").SelectMany(File.ReadAllBytes).ToArray();
        Assert.True(raw.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(code)) < 0, "the deep-link code is in the data file");
    }

    [Fact]
    public async Task A_slow_label_is_acknowledged_first_and_a_second_identical_tap_does_nothing()
    {
        await using var world = await TestWorld.StartAsync();
        var telegram = world.Telegram;
        await using var bot = await BotUnderTest.StartAsync(world);
        await Scenario.OnboardAsync(telegram, ChatId, bot.CreateOwnerCode(), Token, Pin);
        var (_, card) = await Scenario.OpenOrderWithLabelAsync(telegram, ChatId);

        world.Uzum.Faults.DelayNext("GET", "/v1/fbs/order/*/labels/print", TimeSpan.FromSeconds(2));
        var first = telegram.UserTapsButton(ChatId, card.MessageId, "58×40");
        var answer = await telegram.WaitForCallbackAnswerAsync(ChatId, first, TimeSpan.FromSeconds(5));
        Assert.Contains("Готовим этикетку", answer.AnswerText);
        Assert.Empty(telegram.Chat(ChatId).Documents);

        var second = telegram.UserTapsButton(ChatId, card.MessageId, "58×40");
        await telegram.WaitForCallbackAnswerAsync(ChatId, second, TimeSpan.FromSeconds(5));
        await telegram.WaitForAsync(ChatId, c => c.Documents.Count == 1, TimeSpan.FromSeconds(10));
        await telegram.WaitForQuietAsync(TimeSpan.FromMilliseconds(500));
        Assert.Single(telegram.Chat(ChatId).Documents);
        Assert.Equal(1, world.Uzum.RequestLog.Count("GET", "/v1/fbs/order/*/labels/print"));
        telegram.AssertNoErrors();
    }

    [Fact]
    public async Task A_forged_or_stale_button_is_answered_politely_and_changes_nothing()
    {
        await using var world = await TestWorld.StartAsync();
        var telegram = world.Telegram;
        await using var bot = await BotUnderTest.StartAsync(world);
        await Scenario.OnboardAsync(telegram, ChatId, bot.CreateOwnerCode(), Token, Pin);
        var menu = telegram.Chat(ChatId).LatestWithKeyboard!;

        var forged = telegram.UserTaps(ChatId, menu.MessageId, "orders:all:please", requireButton: false);
        var answer = await telegram.WaitForCallbackAnswerAsync(ChatId, forged, TimeSpan.FromSeconds(5));
        Assert.Contains("устарела", answer.AnswerText);

        // An order of another seller is "not found", never shown.
        var foreign = telegram.UserTaps(ChatId, menu.MessageId, "1:oc:1", requireButton: false);
        await telegram.WaitForCallbackAnswerAsync(ChatId, foreign, TimeSpan.FromSeconds(5));
        await Scenario.ExpectAsync(telegram, ChatId, "не найден");
        telegram.AssertNoErrors();
    }

    [Fact]
    public async Task When_UZUM_is_down_the_screen_says_so_with_a_retry_button()
    {
        await using var world = await TestWorld.StartAsync();
        var telegram = world.Telegram;
        await using var bot = await BotUnderTest.StartAsync(world, new Dictionary<string, string?> { ["Uzum:BackoffBaseMs"] = "10" });
        await Scenario.OnboardAsync(telegram, ChatId, bot.CreateOwnerCode(), Token, Pin);
        telegram.UserTapsButton(ChatId, "Заказы");
        await Scenario.ExpectAsync(telegram, ChatId, "Заказы ·");
        telegram.UserTapsButton(ChatId, "Сборка");
        var list = await Scenario.ExpectAsync(telegram, ChatId, "Сборка ·");

        world.Uzum.Faults.FailNext("GET", "/v1/fbs/order", count: 50, statusCode: 503);
        telegram.UserTapsButton(ChatId, list.Buttons.First(b => b.Text.StartsWith('#')).Text);
        var down = await Scenario.ExpectAsync(telegram, ChatId, "UZUM не отвечает");
        Assert.NotNull(down.FindButton("Повторить"));

        world.Uzum.Faults.Clear();
        telegram.UserTapsButton(ChatId, "Повторить");
        await Scenario.ExpectAsync(telegram, ChatId, "Заказ #");
        telegram.AssertNoErrors();
    }
}
