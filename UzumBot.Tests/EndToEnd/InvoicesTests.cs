using UzumBot.Documents;
using UzumBot.Tests.Documents;
using UzumBot.Uzum.Sandbox;

namespace UzumBot.Tests.EndToEnd;

/// <summary>📄 Invoices over HTTP: supplies and returns paged newest first, a card with its composition, its XLSX reopened.</summary>
public sealed class InvoicesTests
{
    private const long ChatId = 760_000;
    private const string Token = "sandbox-invoices-Iv71";

    [Fact]
    public async Task Supplies_and_returns_list_newest_first_and_a_card_gives_its_composition_as_XLSX()
    {
        await using var world = await TestWorld.StartAsync();
        var telegram = world.Telegram;
        await using var bot = await BotUnderTest.StartAsync(world);
        await Scenario.OnboardAsync(telegram, ChatId, bot.CreateOwnerCode(), Token, "615243");
        var seller = world.Uzum.Data.For(Token);
        var firstShop = seller.Shops[0];
        var supplies = seller.Invoices.OrderByDescending(i => i.DateCreated).ThenByDescending(i => i.Id).ToArray();
        var returns = seller.Returns.OrderByDescending(r => r.DateCreated).ThenByDescending(r => r.Id).ToArray();

        telegram.UserTapsButton(ChatId, "Накладные");
        var home = await Scenario.ExpectAsync(telegram, ChatId, "Накладные ·");
        Assert.NotNull(home.FindButton($"Поставки · {supplies.Length}"));
        Assert.NotNull(home.FindButton($"Возвраты · {returns.Length}"));

        telegram.UserTapsButton(ChatId, "Поставки");
        var list = await Scenario.ExpectAsync(telegram, ChatId, "Накладные поставки ·");
        Assert.Contains("стр. 1/" + ((supplies.Length + 9) / 10), list.Text);
        var numbers = list.Buttons.Where(b => b.Text.StartsWith('№')).Select(b => b.Text).ToArray();
        Assert.Equal(supplies.Take(10).Select(i => "№" + i.Id), numbers);
        telegram.UserTapsButton(ChatId, "▶️");
        var second = await Scenario.ExpectAsync(telegram, ChatId, "стр. 2/");
        Assert.Contains("№" + supplies[10].Id, second.Text);

        // an accepted invoice of the first shop where UZUM flagged a problem
        var flagged = supplies.Where(i => i.ShopId == firstShop.Id && i.Lines.Any(l => l.Issue is not null)).First();
        var flaggedIndex = Array.IndexOf(supplies, flagged);
        if (flaggedIndex < 10)
        {
            telegram.UserTapsButton(ChatId, "◀️");
            await Scenario.ExpectAsync(telegram, ChatId, "стр. 1/");
        }
        telegram.UserTapsButton(ChatId, "№" + flagged.Id);
        var card = await Scenario.ExpectAsync(telegram, ChatId, $"Накладная поставки №{flagged.Id}");
        Assert.Contains("Статус: Принята", card.Text);
        Assert.Contains($"Отправлено {flagged.TotalToStock} шт · принято {flagged.TotalAccepted} шт", card.Text.Replace('\u00A0', ' '));
        foreach (var line in flagged.Lines) Assert.Contains(line.Sku.SkuFullTitle, card.Text);
        Assert.Contains(flagged.Lines.First(l => l.Issue is not null).Issue!, card.Text);
        Assert.Contains("Сумма по закупке:", card.Text);

        var before = world.Uzum.RequestLog.Count("GET", "/v1/shop/*/invoice/products");
        telegram.UserTapsButton(ChatId, "XLSX");
        var chat = await telegram.WaitForAsync(ChatId, c => c.Documents.Count == 1, Scenario.Step);
        var document = chat.Documents[0];
        Assert.Equal($"invoice-{flagged.Id}.xlsx", document.FileName);
        Assert.Equal(before, world.Uzum.RequestLog.Count("GET", "/v1/shop/*/invoice/products")); // the card's read is reused
        var sheet = Assert.Single(ReportDocuments.Xlsx(document.Content));
        Assert.Equal("Состав", sheet.Name);
        var header = XlsxTableWriter.HeaderRow;
        Assert.Equal("Принято, шт", sheet.Cells["D" + header].Text);
        var firstRow = flagged.Lines.GroupBy(l => l.Sku.Product).First().First();
        Assert.Equal(firstRow.Sku.SkuFullTitle, sheet.Cells["B" + (header + 1)].Text);
        Assert.True(sheet.Cells["D" + (header + 1)].IsNumber);
        Assert.Equal(firstRow.QuantityAccepted, sheet.Cells["D" + (header + 1)].Number);
        var totalRow = header + flagged.Lines.Count + 1;
        Assert.Equal(flagged.TotalAccepted, sheet.Cells["D" + totalRow].Number);
        Assert.Equal(flagged.FullPrice, sheet.Cells["G" + totalRow].Number);

        telegram.UserTapsButton(ChatId, "К списку");
        await Scenario.ExpectAsync(telegram, ChatId, "Накладные поставки ·");
        telegram.UserTapsButton(ChatId, "⬅️ Накладные");
        await Scenario.ExpectAsync(telegram, ChatId, "Накладные ·");
        telegram.UserTapsButton(ChatId, "Возвраты");
        var returnList = await Scenario.ExpectAsync(telegram, ChatId, "Накладные возврата ·");
        Assert.Equal(returns.Take(10).Select(r => "№" + r.Id), returnList.Buttons.Where(b => b.Text.StartsWith('№')).Select(b => b.Text));
        var packedShort = returns.First(r => r.Status == "ASSEMBLED");
        if (Array.IndexOf(returns, packedShort) >= 10)
        {
            telegram.UserTapsButton(ChatId, "▶️");
            await Scenario.ExpectAsync(telegram, ChatId, "стр. 2/");
        }
        telegram.UserTapsButton(ChatId, "№" + packedShort.Id);
        var returnCard = await Scenario.ExpectAsync(telegram, ChatId, $"Накладная возврата №{packedShort.Id}");
        Assert.Contains("Статус: Собрана", returnCard.Text);
        Assert.Contains($"Возвращено {packedShort.Items.Sum(i => i.Amount)} шт · упаковано {packedShort.Items.Sum(i => i.PackedAmount)} шт", returnCard.Text.Replace('\u00A0', ' '));
        foreach (var item in packedShort.Items) Assert.Contains(item.Sku.SkuFullTitle, returnCard.Text);

        // one list read per shop and kind: paging and the cards came from the cache
        int Lists(string kind) => world.Uzum.RequestLog.Entries.Count(e => System.Text.RegularExpressions.Regex.IsMatch(e.Path, $@"^/v1/shop/\d+/{kind}$"));
        Assert.Equal(seller.Shops.Count, Lists("invoice"));
        Assert.Equal(seller.Shops.Count, Lists("return"));
        telegram.AssertNoErrors(ignore: e => e.ErrorCode == 429);
    }
}
