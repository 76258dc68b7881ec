namespace UzumBot.Tests.EndToEnd;

/// <summary>A photo Telegram refuses once with 429 still arrives: the retry uploads it afresh (a spent stream lost it before).</summary>
public sealed class PhotoRetryTests
{
    private const long ChatId = 770_000;

    [Fact]
    public async Task The_dashboard_chart_refused_once_with_429_still_arrives()
    {
        await using var world = await TestWorld.StartAsync();
        var telegram = world.Telegram;
        await using var bot = await BotUnderTest.StartAsync(world);
        await Scenario.OnboardAsync(telegram, ChatId, bot.CreateOwnerCode(), "sandbox-photo-retry-Pr11", "582046");
        await Scenario.ExpectAsync(telegram, ChatId, "Выручка за 7 дней");

        telegram.ForceTooManyRequests(1, retryAfterSeconds: 1, chatId: ChatId);
        telegram.UserTapsButton(ChatId, "Дашборд");
        var chat = await telegram.WaitForAsync(ChatId, c => c.Visible.Any(m => m.Kind == "photo"), Scenario.Step);
        Assert.StartsWith("\u0089PNG", System.Text.Encoding.Latin1.GetString(chat.Visible.Last(m => m.Kind == "photo").File!.Content, 0, 4));
        Assert.Contains(telegram.Errors, e => e.ErrorCode == 429 && e.Method == "sendPhoto");
    }
}
