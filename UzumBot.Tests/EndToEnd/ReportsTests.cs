using UzumBot.Documents;
using UzumBot.Tests.Documents;

namespace UzumBot.Tests.EndToEnd;

/// <summary>📈 Reports over HTTP: each of the six arrives as a PDF (A4, text extractable) and an XLSX (typed numbers, a sheet per table).</summary>
public sealed class ReportsTests
{
    private const long ChatId = 770_000;
    private const string Token = "sandbox-reports-Rp52";

    private static readonly (string Button, string Period, string Name, string[] Sheets)[] Reports =
    [
        ("Продажи и остатки", "30 дн", "Продажи и остатки", ["Продажи и остатки по SKU"]),
        ("Остатки на складах", "Сформировать", "Остатки на складах", ["Остатки по SKU"]),
        ("Топ товаров", "30 дн", "Топ товаров", ["По выручке", "По количеству", "По прибыли"]),
        ("Неликвид", "30 дн", "Неликвид", ["Неликвид"]),
        ("ABC / XYZ", "90 дн", "ABC / XYZ анализ", ["Матрица ABC-XYZ"]),
        ("Отмены и возвраты", "90 дн", "Отмены и возвраты", ["По причинам", "По SKU"]),
    ];

    [Fact]
    public async Task Each_report_arrives_as_a_PDF_and_an_XLSX_that_open()
    {
        await using var world = await TestWorld.StartAsync();
        var telegram = world.Telegram;
        await using var bot = await BotUnderTest.StartAsync(world);
        await Scenario.OnboardAsync(telegram, ChatId, bot.CreateOwnerCode(), Token, "724153");
        var seller = world.Uzum.Data.For(Token);
        var skuCount = seller.Skus.Count();
        // the report leaves archived SKUs out unless they sold in the period (30 days, give or take the day at its edge)
        int SoldArchived(int days) => seller.Skus.Count(s => s.Product.Archived && seller.FinanceLines.Any(l => l.Sku == s && l.Date >= seller.GeneratedAt.AddDays(-days)));
        var (fewestRows, mostRows) = (skuCount - seller.Skus.Count(s => s.Product.Archived) + SoldArchived(29), skuCount - seller.Skus.Count(s => s.Product.Archived) + SoldArchived(31));

        telegram.UserTapsButton(ChatId, "Отчёты");
        await Scenario.ExpectAsync(telegram, ChatId, "Отчёты ·");
        var documents = 0;
        foreach (var (button, period, name, sheets) in Reports)
        {
            var before = world.Uzum.RequestLog.Entries.Count;
            telegram.UserTapsButton(ChatId, button);
            await Scenario.ExpectAsync(telegram, ChatId, name + " ·");
            telegram.UserTapsButton(ChatId, period);
            documents += 2;
            var chat = await telegram.WaitForAsync(ChatId, c => c.Documents.Count >= documents, TimeSpan.FromSeconds(60));
            var (pdf, xlsx) = (chat.Documents[documents - 2], chat.Documents[documents - 1]);
            Assert.EndsWith(".pdf", pdf.FileName);
            Assert.EndsWith(".xlsx", xlsx.FileName);
            Assert.Contains(name, pdf.Caption);

            var pages = ReportDocuments.Pdf(pdf.Content);
            Assert.NotEmpty(pages);
            Assert.All(pages, ReportDocuments.AssertA4);
            var text = ReportDocuments.PdfWords(pdf.Content);
            Assert.Contains(name.Split(' ')[0], text);
            Assert.Contains($"стр. {pages.Count} из {pages.Count}", text);
            Assert.Contains("Все магазины", text);

            var book = ReportDocuments.Xlsx(xlsx.Content);
            foreach (var sheet in sheets) Assert.Contains(sheet, book.Select(s => s.Name));
            Assert.All(book, s => Assert.Equal("A" + (XlsxTableWriter.HeaderRow + 1), s.FrozenTopLeft));
            Assert.Contains(book, s => s.Cells.Values.Any(c => c.IsNumber && c.Number > 0));
            if (name == "Продажи и остатки")
            {
                // one row per SKU of the catalogue (every sandbox SKU is in one of the finance-covered shops) between the header and the totals
                var rows = book[0].Cells.Keys.Count(k => k.StartsWith('A') && !k.StartsWith("AA")) - XlsxTableWriter.HeaderRow - 1;
                Assert.InRange(rows, fewestRows, mostRows);
                Assert.True(book[0].Cells["C" + (XlsxTableWriter.HeaderRow + 1)].IsNumber);
                Assert.Contains("ʻ", text); // Uzbek product titles read back with the ʻ (U+02BB)
                Assert.True(pages.Count >= 2, $"{pages.Count} pages for {skuCount} SKUs");
                // the catalogue of each shop in pages of 100 and the period's finance lines
                var calls = world.Uzum.RequestLog.Entries.Skip(before).ToList();
                Assert.Equal(seller.Shops.Count, calls.Count(e => e.Path.StartsWith("/v1/product/shop/", StringComparison.Ordinal)));
                Assert.Contains(calls, e => e.Path == "/v1/finance/orders");
            }
            telegram.UserTapsButton(ChatId, "⬅️ Отчёты");
            await Scenario.ExpectAsync(telegram, ChatId, "Отчёты ·");
        }
        Assert.Contains(telegram.Chat(ChatId).ChatActions, a => a.Action == "upload_document");

        // in Uzbek: the words of the document are Uzbek too
        telegram.UserTapsButton(ChatId, "Меню");
        await Scenario.ExpectAsync(telegram, ChatId, "Владелец");
        telegram.UserTapsButton(ChatId, "Oʻzbekcha");
        await Scenario.ExpectAsync(telegram, ChatId, "Egasi");
        telegram.UserTapsButton(ChatId, "Hisobotlar");
        await Scenario.ExpectAsync(telegram, ChatId, "Hisobotlar ·");
        telegram.UserTapsButton(ChatId, "Ombordagi qoldiqlar");
        await Scenario.ExpectAsync(telegram, ChatId, "Ombordagi qoldiqlar");
        telegram.UserTapsButton(ChatId, "Tuzish");
        var uz = await telegram.WaitForAsync(ChatId, c => c.Documents.Count >= documents + 2, TimeSpan.FromSeconds(60));
        var uzText = ReportDocuments.PdfWords(uz.Documents[documents].Content);
        Assert.Contains("Ombordagi qoldiqlar", uzText);
        Assert.Contains("Barcha doʻkonlar", uzText);
        Assert.Contains("Tuzilgan sana", uzText);
        Assert.Equal("SKU boʻyicha qoldiqlar", ReportDocuments.Xlsx(uz.Documents[documents + 1].Content)[0].Name);
        telegram.AssertNoErrors(ignore: e => e.ErrorCode == 429);
    }
}
