using System.Globalization;
using UzumBot.Rendering;
using UzumBot.Security;
using UzumBot.Storage;
using UzumBot.Uzum;

namespace UzumBot.Features.Catalog;

/// <summary>📦 Products: the paged catalogue with filters and sort, 🔍 search, the product card, and FBS stock and price changes.</summary>
public sealed class CatalogFeature(CatalogReader reader, AuditLog audit, TimeProvider time) : IFeature, ITextInputFeature
{
    public const string Home = "p";
    public const string List = "pl";
    public const string Results = "pq";
    public const string Search = "ps";
    public const string Refresh = "pr";
    public const string Card = "pc";
    public const string Photo = "pp";
    public const string EditStock = "pe";
    public const string ConfirmStock = "pey";
    public const string EditPrice = "pv";
    public const string ConfirmPrice = "pvy";

    private const string SearchInput = "catalog/search";
    private const string StockInput = "catalog/stock";
    private const string PriceInput = "catalog/price";

    public IReadOnlyDictionary<string, Permission> Commands { get; } = new Dictionary<string, Permission>
    {
        [Home] = Permission.ViewProducts,
        [List] = Permission.ViewProducts,
        [Results] = Permission.ViewProducts,
        [Search] = Permission.ViewProducts,
        [Refresh] = Permission.ViewProducts,
        [Card] = Permission.ViewProducts,
        [Photo] = Permission.ViewProducts,
        [EditStock] = Permission.EditProducts,
        [ConfirmStock] = Permission.EditProducts,
        [EditPrice] = Permission.EditProducts,
        [ConfirmPrice] = Permission.EditProducts,
    };

    /// <summary>Taps that wait for UZUM (a POST and its read-back, a catalogue read again) get a word at once.</summary>
    public string? AcknowledgementKey(string command) => command switch
    {
        ConfirmStock or ConfirmPrice => "catalog.sending",
        Refresh => "catalog.refreshing",
        _ => null,
    };

    public string InputPrefix => "catalog/";

    public Permission RequiredFor(string input) => input == SearchInput ? Permission.ViewProducts : Permission.EditProducts;

    public async Task<Reply> HandleAsync(SessionContext session, CallbackCommand command, CancellationToken ct)
    {
        var screens = new CatalogScreens(session);
        switch (command.Name)
        {
            case Home:
                return Reply.Of(screens.List(await reader.ProductsAsync(session, ct), CatalogView.Start));
            case List:
                return Reply.Of(screens.List(await reader.ProductsAsync(session, ct), CatalogView.Parse(command.Arg(0))));
            case Results:
                return await ResultsAsync(session, screens, CatalogView.Parse(command.Arg(0)), ct);
            case Search:
                session.AwaitText(SearchInput);
                return Reply.Of(screens.AskSearch(null));
            case Refresh:
                reader.Invalidate(session);
                var view = CatalogView.Parse(command.Arg(0));
                return view.IsSearch
                    ? await ResultsAsync(session, screens, view, ct)
                    : Reply.Of(screens.List(await reader.ProductsAsync(session, ct), view));
            case Card when command.LongArg(0) is { } productId:
                return await CardAsync(session, screens, productId, command.IntArg(1) ?? 0, CatalogView.Parse(command.Arg(2)), ct);
            case Photo when command.LongArg(0) is { } productId:
                return await PhotoAsync(session, screens, productId, CatalogView.Parse(command.Arg(1)), ct);
            case EditStock when command.LongArg(0) is { } productId && command.LongArg(1) is { } skuId:
                return await AskStockAsync(session, screens, productId, skuId, CatalogView.Parse(command.Arg(2)), null, ct);
            case ConfirmStock when command.LongArg(0) is { } skuId && command.LongArg(1) is { } amount:
                return await SendStockAsync(session, screens, skuId, amount, CatalogView.Parse(command.Arg(2)), ct);
            case EditPrice when command.LongArg(0) is { } productId && command.LongArg(1) is { } skuId:
                return await AskPriceAsync(session, screens, productId, skuId, CatalogView.Parse(command.Arg(2)), null, ct);
            case ConfirmPrice when command.LongArg(0) is { } skuId && command.LongArg(1) is { } sell && command.LongArg(2) is { } full:
                return await SendPriceAsync(session, screens, skuId, sell, full, CatalogView.Parse(command.Arg(3)), ct);
            default:
                return Reply.Of(screens.NotFound());
        }
    }

    public async Task<Reply> HandleTextAsync(SessionContext session, string input, string text, CancellationToken ct)
    {
        var screens = new CatalogScreens(session);
        var reply = input == SearchInput
            ? await SearchAsync(session, screens, text, ct)
            : ParseTarget(input) is { } target
                ? target.Kind == StockInput
                    ? await TypedStockAsync(session, screens, target, text, ct)
                    : await TypedPriceAsync(session, screens, target, text, ct)
                : Reply.Of(screens.NotFound());
        return reply with { AsNewMessage = true };
    }

    // ---- list, search, card ---------------------------------------------------------------------------------

    private async Task<Reply> SearchAsync(SessionContext session, CatalogScreens screens, string text, CancellationToken ct)
    {
        var query = CatalogSearch.Clean(text);
        if (query.Length == 0)
        {
            session.AwaitText(SearchInput);
            return Reply.Of(screens.AskSearch("catalog.search.empty_query"));
        }
        var key = reader.Remember(session, query);
        return await ResultsAsync(session, screens, new CatalogView(CatalogFilter.All, CatalogSort.Default, 0, key), ct);
    }

    private async Task<Reply> ResultsAsync(SessionContext session, CatalogScreens screens, CatalogView view, CancellationToken ct)
    {
        if (view.QueryKey is not { } key || reader.Recall(session, key) is not { } query) return Reply.Of(screens.SearchExpired());
        var found = CatalogSearch.Find(await reader.ProductsAsync(session, ct), query);
        return Reply.Of(screens.SearchResults(found, query, view));
    }

    private async Task<Reply> CardAsync(SessionContext session, CatalogScreens screens, long productId, int skuPage, CatalogView back, CancellationToken ct)
    {
        if (await reader.FindAsync(session, productId, ct) is not { } product) return Reply.Of(screens.NotFound());
        return Reply.Of(screens.Card(product, skuPage, back, await reader.SoldLast30DaysAsync(session, ct)));
    }

    private async Task<Reply> PhotoAsync(SessionContext session, CatalogScreens screens, long productId, CatalogView back, CancellationToken ct)
    {
        if (await reader.FindAsync(session, productId, ct) is not { } product) return Reply.Of(screens.NotFound());
        return ProductPhoto.UrlFor(product) is { } url
            ? new Reply { Photo = screens.Photo(product, url, back) }
            : new Reply { Notice = session.T("catalog.photo.none") };
    }

    // ---- FBS stock ------------------------------------------------------------------------------------------

    private async Task<Reply> AskStockAsync(SessionContext session, CatalogScreens screens, long productId, long skuId, CatalogView back, string? problem, CancellationToken ct)
    {
        if (await FindSkuAsync(session, productId, skuId, ct) is not ({ } product, { } sku)) return Reply.Of(screens.NotFound());
        if (await session.Uzum.GetFbsStockAsync(session.Token, skuId, ct) is not { } row) return Reply.Of(screens.StockNotOnFbs(product, sku, back));
        session.AwaitText(Target(StockInput, productId, skuId, back));
        return Reply.Of(screens.AskStock(product, sku, row, back, problem));
    }

    private async Task<Reply> TypedStockAsync(SessionContext session, CatalogScreens screens, InputTarget target, string text, CancellationToken ct)
    {
        var parsed = CatalogInput.Stock(text);
        if (!parsed.Ok) return await AskStockAsync(session, screens, target.ProductId, target.SkuId, target.Back, parsed.ProblemKey, ct);
        if (await FindSkuAsync(session, target.ProductId, target.SkuId, ct) is not ({ } product, { } sku)) return Reply.Of(screens.NotFound());
        if (await session.Uzum.GetFbsStockAsync(session.Token, target.SkuId, ct) is not { } row) return Reply.Of(screens.StockNotOnFbs(product, sku, target.Back));
        return Preview(session, screens, product, sku, row, parsed.Value!.Value, target.Back);
    }

    private Reply Preview(SessionContext session, CatalogScreens screens, CatalogProduct product, ProductSku sku, SkuStock row, int amount, CatalogView back)
    {
        new PendingChange(amount, 0, row.Amount, time.GetUtcNow()).Keep(session, PendingChange.StockKey(sku.SkuId));
        return Reply.Of(screens.StockPreview(product, sku, row, amount, back));
    }

    /// <summary>
    /// ✅ on the preview: the row is read fresh and sent back as read with only the amount changed (one POST, never
    /// retried), then read again, so the screen shows what UZUM holds — also when the POST timed out.
    /// </summary>
    private async Task<Reply> SendStockAsync(SessionContext session, CatalogScreens screens, long skuId, long amount, CatalogView back, CancellationToken ct)
    {
        if (!CatalogInput.IsValidStock(amount)) return Reply.Of(screens.NotFound());
        if (await FindSkuAsync(session, skuId, ct) is not ({ } product, { } sku)) return Reply.Of(screens.NotFound());
        // One POST per preview: a second tap, a re-delivered update or an hour-old preview finds nothing to send.
        if (PendingChange.Take(session, PendingChange.StockKey(skuId), time.GetUtcNow()) is not { } pending || pending.Target != amount)
            return Reply.Of(screens.ChangeGone(product, back));
        if (await session.Uzum.GetFbsStockAsync(session.Token, skuId, ct) is not { } row) return Reply.Of(screens.StockNotOnFbs(product, sku, back));
        if (row.Amount == amount) return Reply.Of(screens.StockResult(product, sku, (int)amount, row.Amount, null, false, back));
        // UZUM's figure moved since the preview (a sale, another member): the change is asked about again from it.
        if (row.Amount != pending.Before)
            return Preview(session, screens, product, sku, row, (int)amount, back) with { Notice = session.F("catalog.stock.changed_meanwhile", row.Amount) };

        string? rejected = null;
        var unanswered = false;
        try
        {
            var refused = await StockWriter.SendAsync(session.Uzum, session.Token, [row with { Amount = (int)amount }], ct);
            rejected = refused.Count > 0 ? refused[0].Code ?? "400" : null;
        }
        catch (UzumApiException ex) when (ex is not UzumInvalidResponseException)
        {
            // UZUM answered and said no (403: the key lacks the stock right; 429 after the retries): say so, with its code.
            rejected = ex.Code ?? ((int)ex.Status).ToString(CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is UzumApiException or UzumUnavailableException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            unanswered = true;
        }
        reader.Invalidate(session);
        var now = await ReadStockAsync(session, skuId, ct);
        var applied = now == amount;
        audit.Record(AuditActions.ProductStockChanged, session.Member.UserId, session.Update.ChatId, applied, session.Tenant.Id,
            string.Create(CultureInfo.InvariantCulture, $"{skuId} {row.Amount}->{amount}"));
        return Reply.Of(screens.StockResult(product, sku, (int)amount, now, rejected, unanswered, back));
    }

    private static async Task<int?> ReadStockAsync(SessionContext session, long skuId, CancellationToken ct)
    {
        try
        {
            return (await session.Uzum.GetFbsStockAsync(session.Token, skuId, ct))?.Amount;
        }
        catch (Exception ex) when (ex is UzumApiException or UzumUnavailableException)
        {
            return null;
        }
    }

    // ---- price ----------------------------------------------------------------------------------------------

    private async Task<Reply> AskPriceAsync(SessionContext session, CatalogScreens screens, long productId, long skuId, CatalogView back, string? problem, CancellationToken ct)
    {
        if (await FindSkuAsync(session, productId, skuId, ct) is not ({ } product, { } sku)) return Reply.Of(screens.NotFound());
        session.AwaitText(Target(PriceInput, productId, skuId, back));
        return Reply.Of(screens.AskPrice(product, sku, back, problem));
    }

    private async Task<Reply> TypedPriceAsync(SessionContext session, CatalogScreens screens, InputTarget target, string text, CancellationToken ct)
    {
        var parsed = CatalogInput.Price(text);
        if (!parsed.Ok) return await AskPriceAsync(session, screens, target.ProductId, target.SkuId, target.Back, parsed.ProblemKey, ct);
        if (await FindSkuAsync(session, target.ProductId, target.SkuId, ct) is not ({ } product, { } sku)) return Reply.Of(screens.NotFound());
        var (sell, typedFull) = parsed.Value!.Value;
        // Without a crossed-out price the current one stays, unless the new price is above it (then none is shown).
        var full = typedFull ?? (sku.MarketPrice is { } current && current >= sell ? current : sell);
        new PendingChange(sell, full, sku.Price, time.GetUtcNow()).Keep(session, PendingChange.PriceKey(sku.SkuId));
        return Reply.Of(screens.PricePreview(product, sku, sell, full, target.Back));
    }

    /// <summary>✅: <c>sendPriceData</c> for this product with only the changed SKU (sent once), then the catalogue read again.</summary>
    private async Task<Reply> SendPriceAsync(SessionContext session, CatalogScreens screens, long skuId, long sell, long full, CatalogView back, CancellationToken ct)
    {
        if (!CatalogInput.IsValidPrice(sell, full)) return Reply.Of(screens.NotFound());
        if (await FindSkuAsync(session, skuId, ct) is not ({ } product, { } sku)) return Reply.Of(screens.NotFound());
        if (PendingChange.Take(session, PendingChange.PriceKey(skuId), time.GetUtcNow()) is not { } pending || pending.Target != sell || pending.Extra != full)
            return Reply.Of(screens.ChangeGone(product, back));
        var productId = product.Id;
        var failed = false;
        try
        {
            await session.Uzum.UpdatePricesAsync(session.Token, product.ShopId, productId, [new SkuPrice(skuId, sku.SkuTitle, full, sell)], ct);
        }
        catch (Exception ex) when (ex is UzumApiException or UzumUnavailableException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            failed = true;
        }
        reader.Invalidate(session);
        ProductSku? now = null;
        try
        {
            now = (await reader.FindAsync(session, productId, ct))?.Sku(skuId);
        }
        catch (Exception ex) when (ex is UzumUnavailableException or UzumApiException)
        {
            // sent; only the read-back failed: the result screen says so (and never offers to send again)
        }
        audit.Record(AuditActions.ProductPriceChanged, session.Member.UserId, session.Update.ChatId, now?.Price == sell, session.Tenant.Id,
            string.Create(CultureInfo.InvariantCulture, $"{productId}/{skuId} {sku.Price}->{sell} ({full})"));
        return Reply.Of(screens.PriceResult(product, now, sell, failed && now?.Price != sell, back));
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    /// <summary>The product and SKU only when they are in this session's shops: a forged id is "not found".</summary>
    private async Task<(CatalogProduct, ProductSku)?> FindSkuAsync(SessionContext session, long productId, long skuId, CancellationToken ct) =>
        await reader.FindAsync(session, productId, ct) is { } product && product.Sku(skuId) is { } sku ? (product, sku) : null;

    /// <summary>A SKU id is unique across UZUM, so a confirmation carries only it (its callback data stays short).</summary>
    private async Task<(CatalogProduct, ProductSku)?> FindSkuAsync(SessionContext session, long skuId, CancellationToken ct) =>
        (await reader.ProductsAsync(session, ct)).Select(p => p.Sku(skuId) is { } sku ? (p, sku) : ((CatalogProduct, ProductSku)?)null)
            .FirstOrDefault(found => found is not null);

    private sealed record InputTarget(string Kind, long ProductId, long SkuId, CatalogView Back);

    private static string Target(string kind, long productId, long skuId, CatalogView back) =>
        string.Create(CultureInfo.InvariantCulture, $"{kind}/{productId}/{skuId}/{back.Token}");

    private static InputTarget? ParseTarget(string input)
    {
        var parts = input.Split('/');
        if (parts.Length != 5 || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var productId)
            || !long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var skuId))
            return null;
        var kind = parts[0] + "/" + parts[1];
        return kind is StockInput or PriceInput ? new InputTarget(kind, productId, skuId, CatalogView.Parse(parts[4])) : null;
    }
}
