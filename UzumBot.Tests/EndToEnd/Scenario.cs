using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;
using UzumBot.Tests.Fakes;

namespace UzumBot.Tests.EndToEnd;

/// <summary>The walking skeleton as a user taps it: /start → language → code → UZUM Market → token → PIN twice → Orders → labels.</summary>
public static class Scenario
{
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(20);

    public sealed record Outcome(int TokenMessageId, int FirstPinMessageId, int RepeatPinMessageId, long OrderId, byte[] LargeLabel, byte[] BigLabel);

    /// <summary>Waits until the newest text message of the bot in the chat (the one the user looks at) contains the text.</summary>
    public static async Task<BotMessageView> ExpectAsync(FakeBotApi bot, long chatId, string textContains)
    {
        var chat = await bot.WaitForAsync(chatId, c => LatestText(c)?.Text.Contains(textContains, StringComparison.Ordinal) == true, Step);
        return LatestText(chat)!;
    }

    private static BotMessageView? LatestText(ChatView chat) => chat.BotMessages.LastOrDefault(m => !m.Deleted && m.Kind == "text");

    public static async Task OnboardAsync(FakeBotApi bot, long chatId, string ownerCode, string pastedToken, string pin, Action<int, int, int>? secrets = null)
    {
        bot.UserSendsText(chatId, "/start");
        await ExpectAsync(bot, chatId, "Выберите язык");
        bot.UserTapsButton(chatId, "Русский");
        await ExpectAsync(bot, chatId, "Введите код доступа");
        bot.UserSendsText(chatId, ownerCode);
        await ExpectAsync(bot, chatId, "Что подключаем");
        bot.UserTapsButton(chatId, "UZUM Market");
        await ExpectAsync(bot, chatId, "API-токен");
        var tokenMessage = bot.UserSendsText(chatId, pastedToken);
        await ExpectAsync(bot, chatId, "Придумайте PIN");
        var firstPin = bot.UserSendsText(chatId, pin);
        await ExpectAsync(bot, chatId, "Повторите PIN");
        var repeatPin = bot.UserSendsText(chatId, pin);
        await ExpectAsync(bot, chatId, "Владелец");
        secrets?.Invoke(tokenMessage, firstPin, repeatPin);
    }

    public static async Task<Outcome> RunAsync(FakeBotApi bot, long chatId, string ownerCode, string pastedToken, string pin)
    {
        int tokenMessage = 0, firstPin = 0, repeatPin = 0;
        await OnboardAsync(bot, chatId, ownerCode, pastedToken, pin, (t, p1, p2) => (tokenMessage, firstPin, repeatPin) = (t, p1, p2));

        bot.UserTapsButton(chatId, "Заказы");
        await ExpectAsync(bot, chatId, "Заказы ·");
        bot.UserTapsButton(chatId, "Сборка");
        var list = await ExpectAsync(bot, chatId, "Сборка ·");
        var orderButton = list.Buttons.First(b => b.Text.StartsWith('#'));
        bot.UserTapsButton(chatId, orderButton.Text);
        var orderId = long.Parse(orderButton.Text[1..], System.Globalization.CultureInfo.InvariantCulture);
        await ExpectAsync(bot, chatId, $"Заказ #{orderId}");

        bot.UserTapsButton(chatId, "58×40");
        var afterLarge = await bot.WaitForAsync(chatId, c => c.Documents.Count >= 1, Step);
        bot.UserTapsButton(chatId, "43×25");
        var afterBig = await bot.WaitForAsync(chatId, c => c.Documents.Count >= 2, Step);

        var large = afterLarge.Documents[0];
        var big = afterBig.Documents[1];
        Assert.Equal($"label-{orderId}-LARGE-58x40.pdf", large.FileName);
        Assert.Equal($"label-{orderId}-BIG-43x25.pdf", big.FileName);
        Assert.Contains($"заказ #{orderId}", large.Caption);
        return new Outcome(tokenMessage, firstPin, repeatPin, orderId, large.Content, big.Content);
    }

    /// <summary>Every page of the PDF, in millimetres.</summary>
    public static IReadOnlyList<(double Width, double Height)> PageSizesMm(byte[] pdf)
    {
        using var stream = new MemoryStream(pdf);
        using var document = PdfReader.Open(stream, PdfDocumentOpenMode.Import);
        return document.Pages.Cast<PdfPage>().Select(p => (p.Width.Point * 25.4 / 72, p.Height.Point * 25.4 / 72)).ToArray();
    }
}
