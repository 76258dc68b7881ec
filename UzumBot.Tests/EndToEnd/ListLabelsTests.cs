using UzumBot.Uzum;

namespace UzumBot.Tests.EndToEnd;

/// <summary>🏷 All labels of a list: one PDF in list order; a label UZUM refused is named in the caption.</summary>
public sealed class ListLabelsTests
{
    private const long ChatId = 740_000;
    private const string Token = "sandbox-shift-Pp90";

    [Fact]
    public async Task The_packing_list_prints_as_one_PDF_and_names_what_failed()
    {
        await using var world = await TestWorld.StartAsync();
        var telegram = world.Telegram;
        await using var bot = await BotUnderTest.StartAsync(world);
        await Scenario.OnboardAsync(telegram, ChatId, bot.CreateOwnerCode(), Token, "553311");

        var seller = world.Uzum.Data.For(Token);
        var packingFbs = seller.Orders.Where(o => o.Status == OrderStatuses.Packing && o.Scheme == "FBS").ToArray();
        var parcels = packingFbs.Sum(o => o.ParcelCount);
        telegram.UserTapsButton(ChatId, "Заказы");
        await Scenario.ExpectAsync(telegram, ChatId, "Заказы ·");
        telegram.UserTapsButton(ChatId, "Сборка");
        var list = await Scenario.ExpectAsync(telegram, ChatId, "Сборка ·");
        Assert.NotNull(list.FindButton($"Все 58×40 ({packingFbs.Length})"));

        // UZUM's label service refuses one order (seller-order-14): the rest still print.
        world.Uzum.Faults.FailNext("GET", "/v1/fbs/order/*/labels/print", 1, 400, "seller-order-14");
        telegram.UserTapsButton(ChatId, "Все 58×40");
        var chat = await telegram.WaitForAsync(ChatId, c => c.Documents.Count == 1, TimeSpan.FromSeconds(30));
        var document = chat.Documents[0];
        Assert.StartsWith("labels-PACKING-LARGE-58x40-", document.FileName);
        Assert.Contains("Не получились: #", document.Caption);
        Assert.Equal(packingFbs.Length, world.Uzum.RequestLog.Count("GET", "/v1/fbs/order/*/labels/print"));
        var pages = Scenario.PageSizesMm(document.Content);
        Assert.InRange(pages.Count, packingFbs.Length - 1, parcels);
        Assert.All(pages, p => Assert.InRange(p.Width, 57.5, 58.5));
        Assert.Contains(telegram.Chat(ChatId).ChatActions, a => a.Action == "upload_document");
        // While the labels were fetched the list's message said how far along it was, then the list came back.
        var history = telegram.TextHistory(ChatId, list.MessageId);
        Assert.Contains(history, t => t.Contains($"Этикетки 58×40: 0 из {packingFbs.Length}", StringComparison.Ordinal));
        Assert.Contains("Сборка ·", history[^1], StringComparison.Ordinal);
        Assert.NotNull(telegram.Chat(ChatId).BotMessages.Single(m => m.MessageId == list.MessageId).FindButton("Все 58×40"));
        telegram.AssertNoErrors();
    }
}
