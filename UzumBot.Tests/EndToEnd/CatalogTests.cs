using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using UzumBot.Features.Catalog;
using UzumBot.Localization;
using UzumBot.Rendering;
using UzumBot.Storage;
using UzumBot.Tests.Fakes;
using UzumBot.Uzum.Sandbox;
using Xunit.Abstractions;

namespace UzumBot.Tests.EndToEnd;

/// <summary>📦 Products through the real host: search in both scripts, the card, stock and price changes read back, refusals.</summary>
public sealed class CatalogTests(ITestOutputHelper output)
{
    private const long OwnerChat = 740_000;
    private const long ViewerChat = 740_002;
    private const string Token = "sandbox-catalog-Qw17";
    private const string Pin = "731904";
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 0xFF, 0xD9];

    private static string T(string key) => Strings.Instance[Lang.Ru, key];

    private static async Task<(TestWorld World, BotUnderTest Bot)> StartAsync()
    {
        var world = await TestWorld.StartAsync();
        world.Telegram.Options.RateLimitEnabled = false;
        var bot = await BotUnderTest.StartAsync(world);
        await Scenario.OnboardAsync(world.Telegram, OwnerChat, bot.CreateOwnerCode(), Token, Pin);
        return (world, bot);
    }

    private static async Task<BotMessageView> SearchAsync(FakeBotApi telegram, string query, string expect)
    {
        telegram.UserTapsButton(OwnerChat, "Поиск");
        await Scenario.ExpectAsync(telegram, OwnerChat, "Отправьте часть названия");
        telegram.UserSendsText(OwnerChat, query);
        return await Scenario.ExpectAsync(telegram, OwnerChat, expect);
    }

    [Fact]
    public async Task Cyrillic_title_Latin_code_and_barcode_each_find_the_product_and_the_catalogue_is_read_once()
    {
        var (world, bot) = await StartAsync();
        await using var _ = world;
        await using var __ = bot;
        var telegram = world.Telegram;
        var seller = world.Uzum.Data.For(Token);
        var byTitle = seller.Products.First(p => p.Title.StartsWith("Футболка мужская", StringComparison.Ordinal) || p.Title.StartsWith("Платье", StringComparison.Ordinal));
        var coded = seller.Products.SelectMany(p => p.Skus).First(s => s.SellerSkuCode is not null && s.Product != byTitle);
        var barcoded = seller.Products.First(p => p != byTitle && p != coded.Product).Skus[^1];
        world.Uzum.RequestLog.Clear();

        telegram.UserTapsButton(OwnerChat, "Товары");
        var list = await Scenario.ExpectAsync(telegram, OwnerChat, "Товары ·");
        Assert.Contains("стр. 1/", list.Text);

        // a fragment of the title in capitals, the seller code in lower case, the barcode with spaces around it
        var fragment = byTitle.Title[..Math.Min(byTitle.Title.Length, 18)].ToUpper(CultureInfo.GetCultureInfo("ru-RU"));
        var first = await SearchAsync(telegram, fragment, "Найдено:");
        Assert.Contains(byTitle.Title, first.Text);
        var second = await SearchAsync(telegram, coded.SellerSkuCode!.ToLowerInvariant(), "Найдено: 1");
        Assert.Contains(coded.Product.Title, second.Text);
        var third = await SearchAsync(telegram, "  " + barcoded.Barcode + " ", "Найдено: 1");
        Assert.Contains(barcoded.Product.Title, third.Text);
        Assert.All(third.Buttons, b => Assert.DoesNotContain(barcoded.Barcode.ToString(CultureInfo.InvariantCulture), b.CallbackData ?? ""));

        telegram.UserTapsButton(OwnerChat, "1");
        var card = await Scenario.ExpectAsync(telegram, OwnerChat, "Остаток: FBO");
        Assert.Contains(barcoded.SkuFullTitle, card.Text);
        Assert.Contains("⏳", card.Text);
        await telegram.WaitForQuietAsync(TimeSpan.FromMilliseconds(300));

        var log = world.Uzum.RequestLog;
        var catalogue = log.Count("GET", "/v1/product/shop/*");
        var finance = log.Count("GET", "/v1/finance/orders");
        output.WriteLine($"UZUM calls for catalogue + 3 searches + card: {log.Entries.Count} (catalogue pages {catalogue}, finance pages {finance}, " +
                         $"other {log.Entries.Count - catalogue - finance}) for {seller.Shops.Count} shops, {seller.Products.Count} products");
        Assert.Equal(seller.Shops.Count, catalogue); // one page of 100 per shop, once for the list, three searches and the card
        Assert.Equal(catalogue + finance, log.Entries.Count);
        Assert.True(finance >= 1);

        // 🔄 reads the catalogue again
        telegram.UserTapsButton(OwnerChat, "К результатам");
        await Scenario.ExpectAsync(telegram, OwnerChat, "Найдено: 1");
        telegram.UserTapsButton(OwnerChat, "Обновить");
        await telegram.WaitForQuietAsync(TimeSpan.FromMilliseconds(300));
        Assert.Equal(2 * seller.Shops.Count, log.Count("GET", "/v1/product/shop/*"));
        telegram.AssertNoErrors(ignore: e => e.Description.Contains("message is not modified", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_stock_change_is_previewed_sent_once_and_read_back_and_bad_values_send_nothing()
    {
        var (world, bot) = await StartAsync();
        await using var _ = world;
        await using var __ = bot;
        var telegram = world.Telegram;
        var seller = world.Uzum.Data.For(Token);
        var sku = seller.Products.SelectMany(p => p.Skus).First(s => s.SellerSkuCode is not null);
        var before = sku.QuantityFbs;
        var wanted = before + 17;

        telegram.UserTapsButton(OwnerChat, "Товары");
        await Scenario.ExpectAsync(telegram, OwnerChat, "Товары ·");
        await SearchAsync(telegram, sku.SellerSkuCode!, "Найдено: 1");
        telegram.UserTapsButton(OwnerChat, "1");
        await Scenario.ExpectAsync(telegram, OwnerChat, "Остаток: FBO");
        var index = sku.Product.Skus.IndexOf(sku) + 1;
        telegram.UserTapsButton(OwnerChat, $"✏️ FBS · {index}");
        var ask = await Scenario.ExpectAsync(telegram, OwnerChat, "Сейчас в UZUM: " + before + " шт.");
        Assert.Contains(sku.SkuFullTitle, ask.Text);

        foreach (var (typed, problem) in new[] { ("пятнадцать", "catalog.stock.not_a_number"), ("-5", "catalog.stock.negative"), ("100001", "catalog.stock.too_big"), ("1.5", "catalog.stock.not_a_number") })
        {
            telegram.UserSendsText(OwnerChat, typed);
            await Scenario.ExpectAsync(telegram, OwnerChat, T(problem));
        }
        Assert.Equal(0, world.Uzum.RequestLog.Count("POST", "/v2/fbs/sku/stocks"));

        telegram.UserSendsText(OwnerChat, wanted.ToString(CultureInfo.InvariantCulture));
        var preview = await Scenario.ExpectAsync(telegram, OwnerChat, $"{before} → {wanted} шт.");
        Assert.Equal(0, world.Uzum.RequestLog.Count("POST", "/v2/fbs/sku/stocks"));
        telegram.UserTapsButton(OwnerChat, preview.MessageId, "Отправить");
        var done = await Scenario.ExpectAsync(telegram, OwnerChat, "✅ FBS-остаток");
        Assert.Contains($"{wanted} шт.", done.Text);

        Assert.Equal(1, world.Uzum.RequestLog.Count("POST", "/v2/fbs/sku/stocks"));
        lock (seller.Gate) Assert.Equal(wanted, sku.QuantityFbs);
        var readBack = world.Uzum.RequestLog.Matching("GET", "/v3/fbs/sku/stocks")[^1];
        Assert.Equal([(sku.SkuId - 1).ToString(CultureInfo.InvariantCulture)], readBack.QueryValues("skuIdFrom"));
        Assert.True(readBack.ArrivedAt > world.Uzum.RequestLog.Matching("POST", "/v2/fbs/sku/stocks")[0].ArrivedAt);

        telegram.UserTapsButton(OwnerChat, "К товару");
        var card = await Scenario.ExpectAsync(telegram, OwnerChat, "Остаток: FBO");
        Assert.Contains($"FBS {wanted} ·", card.Text);
        var audit = bot.Services.GetRequiredService<AuditLog>().ForUser(OwnerChat);
        Assert.Contains(audit, a => a.Action == AuditActions.ProductStockChanged && a.Success && a.Detail == $"{sku.SkuId} {before}->{wanted}");

        // A change whose answer is lost in a gateway timeout is not sent again: the row is read back and tells.
        world.Uzum.Faults.FailAfterApplying("POST", "/v2/fbs/sku/stocks");
        telegram.UserTapsButton(OwnerChat, $"✏️ FBS · {index}");
        await Scenario.ExpectAsync(telegram, OwnerChat, "Сейчас в UZUM: " + wanted + " шт.");
        telegram.UserSendsText(OwnerChat, "3");
        var second = await Scenario.ExpectAsync(telegram, OwnerChat, $"{wanted} → 3 шт.");
        telegram.UserTapsButton(OwnerChat, second.MessageId, "Отправить");
        var reconciled = await Scenario.ExpectAsync(telegram, OwnerChat, "✅ FBS-остаток");
        Assert.Contains("3 шт.", reconciled.Text);
        Assert.Equal(2, world.Uzum.RequestLog.Count("POST", "/v2/fbs/sku/stocks"));

        // The same ✅ again (a double tap, a re-delivered update) sends nothing more.
        telegram.UserTaps(OwnerChat, second.MessageId, second.FindButton("Отправить")!.CallbackData!, requireButton: false);
        await Scenario.ExpectAsync(telegram, OwnerChat, T("catalog.change.gone"));
        Assert.Equal(2, world.Uzum.RequestLog.Count("POST", "/v2/fbs/sku/stocks"));

        // A sale lands between the preview and ✅: the change is asked about again from UZUM's new figure.
        telegram.UserTapsButton(OwnerChat, "К товару");
        await Scenario.ExpectAsync(telegram, OwnerChat, "Остаток: FBO");
        telegram.UserTapsButton(OwnerChat, $"✏️ FBS · {index}");
        await Scenario.ExpectAsync(telegram, OwnerChat, "Сейчас в UZUM: 3 шт.");
        telegram.UserSendsText(OwnerChat, "9");
        var third = await Scenario.ExpectAsync(telegram, OwnerChat, "3 → 9 шт.");
        lock (seller.Gate) sku.QuantityFbs = 2;
        telegram.UserTapsButton(OwnerChat, third.MessageId, "Отправить");
        var again = await Scenario.ExpectAsync(telegram, OwnerChat, "2 → 9 шт.");
        Assert.Contains("остаток уже другой: 2", again.Text);
        Assert.Equal(2, world.Uzum.RequestLog.Count("POST", "/v2/fbs/sku/stocks"));
        telegram.AssertNoErrors(ignore: e => e.ErrorCode == 429);
    }

    [Fact]
    public async Task A_price_change_warns_over_30_percent_is_sent_for_its_product_and_read_back_and_bad_values_send_nothing()
    {
        var (world, bot) = await StartAsync();
        await using var _ = world;
        await using var __ = bot;
        var telegram = world.Telegram;
        var seller = world.Uzum.Data.For(Token);
        var sku = seller.Products.SelectMany(p => p.Skus).First(s => s.SellerSkuCode is not null);
        var newPrice = sku.Price * 3 / 2 / 1000 * 1000;

        telegram.UserTapsButton(OwnerChat, "Товары");
        await Scenario.ExpectAsync(telegram, OwnerChat, "Товары ·");
        await SearchAsync(telegram, sku.SellerSkuCode!, "Найдено: 1");
        telegram.UserTapsButton(OwnerChat, "1");
        await Scenario.ExpectAsync(telegram, OwnerChat, "Остаток: FBO");
        telegram.UserTapsButton(OwnerChat, $"✏️ Цена · {sku.Product.Skus.IndexOf(sku) + 1}");
        await Scenario.ExpectAsync(telegram, OwnerChat, "Отправьте новую цену продажи");

        foreach (var (typed, problem) in new[] { ("0", "catalog.price.zero"), ("2 000 000 000", "catalog.price.too_big"), ("дёшево", "catalog.price.not_a_number"), ("100000 / 50000", "catalog.price.full_below_sell"), ("-100", "catalog.price.zero") })
        {
            telegram.UserSendsText(OwnerChat, typed);
            await Scenario.ExpectAsync(telegram, OwnerChat, T(problem));
        }
        Assert.Equal(0, world.Uzum.RequestLog.Count("POST", "/v1/product/*/sendPriceData"));

        telegram.UserSendsText(OwnerChat, Formats.Number(newPrice) + " сум");
        var preview = await Scenario.ExpectAsync(telegram, OwnerChat, "→ " + Formats.Money(newPrice, Lang.Ru));
        Assert.Contains("(+", preview.Text);
        Assert.Contains("больше чем на 30 %", preview.Text);
        Assert.Equal(0, world.Uzum.RequestLog.Count("POST", "/v1/product/*/sendPriceData"));
        telegram.UserTapsButton(OwnerChat, preview.MessageId, "Отправить");
        var done = await Scenario.ExpectAsync(telegram, OwnerChat, "✅ Цена");
        Assert.Contains(Formats.Money(newPrice, Lang.Ru), done.Text);

        var post = Assert.Single(world.Uzum.RequestLog.Matching("POST", "/v1/product/*/sendPriceData"));
        Assert.Equal($"/v1/product/{sku.ShopId}/sendPriceData", post.Path);
        lock (seller.Gate) Assert.Equal(newPrice, sku.Price);
        // read back: the catalogue of the shop was read again after the POST
        Assert.Contains(world.Uzum.RequestLog.Matching("GET", $"/v1/product/shop/{sku.ShopId}"), r => r.ArrivedAt > post.ArrivedAt);

        // ✅ once more (a re-delivered update): nothing is sent again.
        telegram.UserTaps(OwnerChat, preview.MessageId, preview.FindButton("Отправить")!.CallbackData!, requireButton: false);
        await Scenario.ExpectAsync(telegram, OwnerChat, T("catalog.change.gone"));
        Assert.Single(world.Uzum.RequestLog.Matching("POST", "/v1/product/*/sendPriceData"));

        // A change UZUM took whose read-back UZUM then refuses: told as sent, with no button that would send it twice.
        telegram.UserTapsButton(OwnerChat, "К товару");
        await Scenario.ExpectAsync(telegram, OwnerChat, "Остаток: FBO");
        telegram.UserTapsButton(OwnerChat, $"✏️ Цена · {sku.Product.Skus.IndexOf(sku) + 1}");
        await Scenario.ExpectAsync(telegram, OwnerChat, Formats.Money(newPrice, Lang.Ru));
        telegram.UserSendsText(OwnerChat, (newPrice + 1_000).ToString(CultureInfo.InvariantCulture));
        var secondPreview = await Scenario.ExpectAsync(telegram, OwnerChat, "→ " + Formats.Money(newPrice + 1_000, Lang.Ru));
        world.Uzum.Faults.FailNext("GET", "/v1/product/shop/*", 1, 400, "bad-request-001");
        telegram.UserTapsButton(OwnerChat, secondPreview.MessageId, "Отправить");
        await telegram.WaitForQuietAsync(TimeSpan.FromMilliseconds(500));
        var result = telegram.Chat(OwnerChat).Latest!;
        Assert.DoesNotContain(result.Buttons, b => b.CallbackData == secondPreview.FindButton("Отправить")!.CallbackData);
        Assert.Equal(2, world.Uzum.RequestLog.Count("POST", "/v1/product/*/sendPriceData"));
        lock (seller.Gate) Assert.Equal(newPrice + 1_000, sku.Price);
        telegram.AssertNoErrors(ignore: e => e.ErrorCode == 429);
    }

    [Fact]
    public async Task The_photo_goes_by_URL_with_the_size_suffix_and_falls_back_to_text_when_Telegram_cannot_fetch_it()
    {
        var (world, bot) = await StartAsync();
        await using var _ = world;
        await using var __ = bot;
        var telegram = world.Telegram;
        var product = world.Uzum.Data.For(Token).Products[0];
        var fetched = new List<string>();
        telegram.Options.FetchUrl = url =>
        {
            lock (fetched) fetched.Add(url);
            return url.EndsWith("/" + ProductPhoto.SizeSuffix, StringComparison.Ordinal) ? Jpeg : null;
        };

        var menu = telegram.Chat(OwnerChat).LatestWithKeyboard!;
        telegram.UserTaps(OwnerChat, menu.MessageId, CallbackData.Encode(CatalogFeature.Card, product.ProductId, 0, CatalogView.Start.Token), requireButton: false);
        await Scenario.ExpectAsync(telegram, OwnerChat, "Остаток: FBO");
        telegram.UserTapsButton(OwnerChat, "Фото");
        // the photo takes the card's place: sent, then the card deleted
        var chat = await telegram.WaitForAsync(OwnerChat, c => c.Visible.Any(m => m.Kind == "photo")
            && !c.Visible.Any(m => m.Text.Contains("Остаток: FBO", StringComparison.Ordinal)), Scenario.Step);
        var shown = chat.Visible.Single(m => m.Kind == "photo");
        Assert.Equal(ProductPhoto.SizeSuffix, shown.File!.FileName);
        Assert.Contains(product.Skus[0].SkuFullTitle, shown.File.Caption);
        Assert.NotNull(shown.FindButton("К товару"));
        Assert.Equal($"https://images.uzum.uz/{product.PhotoKey}/{ProductPhoto.SizeSuffix}", Assert.Single(fetched));

        telegram.UserTapsButton(OwnerChat, "К товару");
        await telegram.WaitForAsync(OwnerChat, c => !c.Visible.Any(m => m.Kind == "photo")
            && c.Visible.Any(m => m.Text.Contains("Остаток: FBO", StringComparison.Ordinal)), Scenario.Step);

        telegram.Options.FetchUrl = _ => null;
        telegram.UserTapsButton(OwnerChat, "Фото");
        var fallback = await Scenario.ExpectAsync(telegram, OwnerChat, "Telegram не смог загрузить фото");
        Assert.Contains(product.Title, fallback.Text);
        Assert.NotNull(fallback.FindButton("К товару"));
        Assert.DoesNotContain(telegram.Chat(OwnerChat).Visible, m => m.Kind == "photo");
        telegram.AssertNoErrors(ignore: e => e.Method == "sendPhoto" && e.Description.Contains("failed to get HTTP URL content", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_viewer_sees_cards_without_edit_buttons_and_forged_edits_are_refused_without_reaching_UZUM()
    {
        var (world, bot) = await StartAsync();
        await using var _ = world;
        await using var __ = bot;
        var telegram = world.Telegram;
        await TeamTests.OpenTeamAsync(telegram, OwnerChat);
        var code = await TeamTests.InviteAsync(telegram, "Наблюдатель", "1 день", "1 чел.", OwnerChat);
        await TeamTests.JoinAsync(telegram, ViewerChat, "Dilnoza", code, "415926", "👁 Наблюдатель");
        var seller = world.Uzum.Data.For(Token);
        var sku = seller.Products[1].Skus[0];
        var (price, stock) = (sku.Price, sku.QuantityFbs);

        telegram.UserTapsButton(ViewerChat, "Товары");
        await Scenario.ExpectAsync(telegram, ViewerChat, "Товары ·");
        var menu = telegram.Chat(ViewerChat).LatestWithKeyboard!;
        telegram.UserTaps(ViewerChat, menu.MessageId, CallbackData.Encode(CatalogFeature.Card, sku.Product.ProductId, 0, CatalogView.Start.Token), requireButton: false);
        var card = await Scenario.ExpectAsync(telegram, ViewerChat, "Остаток: FBO");
        Assert.DoesNotContain(card.Buttons, b => b.Text.Contains("✏️", StringComparison.Ordinal));

        var token = CatalogView.Start.Token;
        foreach (var forged in new[]
        {
            CallbackData.Encode(CatalogFeature.EditStock, sku.Product.ProductId, sku.SkuId, token),
            CallbackData.Encode(CatalogFeature.ConfirmStock, sku.SkuId, 99, token),
            CallbackData.Encode(CatalogFeature.EditPrice, sku.Product.ProductId, sku.SkuId, token),
            CallbackData.Encode(CatalogFeature.ConfirmPrice, sku.SkuId, 1000, 1000, token),
        })
        {
            var query = telegram.UserTaps(ViewerChat, card.MessageId, forged, requireButton: false);
            Assert.Equal(T("common.not_allowed"), (await telegram.WaitForCallbackAnswerAsync(ViewerChat, query)).AnswerText);
        }
        await telegram.WaitForQuietAsync(TimeSpan.FromMilliseconds(300));
        Assert.Equal(0, world.Uzum.RequestLog.Count("POST", "/v2/fbs/sku/stocks"));
        Assert.Equal(0, world.Uzum.RequestLog.Count("POST", "/v1/product/*/sendPriceData"));
        lock (seller.Gate) Assert.Equal((price, stock), (sku.Price, sku.QuantityFbs));
    }

    [Fact]
    public async Task An_owner_forging_another_sellers_product_gets_not_found_and_nothing_is_sent()
    {
        var (world, bot) = await StartAsync();
        await using var _ = world;
        await using var __ = bot;
        var telegram = world.Telegram;
        var foreign = world.Uzum.Data.For("sandbox-catalog-someone-else").Products[0].Skus[0];
        var menu = telegram.Chat(OwnerChat).LatestWithKeyboard!;
        telegram.UserTaps(OwnerChat, menu.MessageId,
            CallbackData.Encode(CatalogFeature.ConfirmPrice, foreign.SkuId, 1000, 1000, CatalogView.Start.Token), requireButton: false);
        await Scenario.ExpectAsync(telegram, OwnerChat, T("catalog.not_found"));
        Assert.Equal(0, world.Uzum.RequestLog.Count("POST", "/v1/product/*/sendPriceData"));
        telegram.AssertNoErrors();
    }
}
