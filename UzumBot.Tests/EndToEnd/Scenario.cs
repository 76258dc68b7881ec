using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;
using UzumBot.Tests.Fakes;

namespace UzumBot.Tests.EndToEnd;

/// <summary>The walking skeleton as a user taps it: /start → language → code → UZUM Market → token → PIN twice → Orders → labels.</summary>
public static class Scenario
{
    /// <summary>The longest a step may take before a test gives up: generous, because 2 CI cores run the end-to-end tests side by side (a ceiling, not a speed target).</summary>
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(45);

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

        var (orderId, _) = await OpenOrderWithLabelAsync(bot, chatId);

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

    /// <summary>Orders → 📦 Packing → the first order whose card offers labels (DBS orders have none).</summary>
    public static async Task<(long OrderId, BotMessageView Card)> OpenOrderWithLabelAsync(FakeBotApi bot, long chatId)
    {
        bot.UserTapsButton(chatId, "Заказы");
        await ExpectAsync(bot, chatId, "Заказы ·");
        bot.UserTapsButton(chatId, "Сборка");
        var list = await ExpectAsync(bot, chatId, "Сборка ·");
        foreach (var button in list.Buttons.Where(b => b.Text.StartsWith('#')).ToArray())
        {
            bot.UserTapsButton(chatId, button.Text);
            var card = await ExpectAsync(bot, chatId, "Заказ " + button.Text);
            if (card.FindButton("58×40") is not null)
                return (long.Parse(button.Text[1..], System.Globalization.CultureInfo.InvariantCulture), card);
            bot.UserTapsButton(chatId, "К списку");
            await ExpectAsync(bot, chatId, "Сборка ·");
        }
        throw new InvalidOperationException("No packing order with a label on the first page.\n" + bot.Chat(chatId).Dump());
    }

    /// <summary>Every tap in these chats was answered (answers are sent as the tap arrives, so allow them a moment).</summary>
    public static async Task AssertAllTapsAnsweredAsync(FakeBotApi bot, params long[] chatIds)
    {
        foreach (var chatId in chatIds)
        {
            try { await bot.WaitForAsync(chatId, c => c.Callbacks.All(t => t.Answered), TimeSpan.FromSeconds(5)); }
            catch (TimeoutException) { }
            Assert.All(bot.Chat(chatId).Callbacks, c => Assert.True(c.Answered, $"callback {c.Data} was not answered"));
        }
    }

    /// <summary>Every page of the PDF, in millimetres.</summary>
    public static IReadOnlyList<(double Width, double Height)> PageSizesMm(byte[] pdf)
    {
        using var stream = new MemoryStream(pdf);
        using var document = PdfReader.Open(stream, PdfDocumentOpenMode.Import);
        return document.Pages.Cast<PdfPage>().Select(p => (p.Width.Point * 25.4 / 72, p.Height.Point * 25.4 / 72)).ToArray();
    }
}
