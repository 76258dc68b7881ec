using System.Globalization;
using System.Text;
using UzumBot.Features.Menu;
using UzumBot.Localization;
using UzumBot.Rendering;
using UzumBot.Security;
using UzumBot.Uzum;

namespace UzumBot.Features.Catalog;

/// <summary>Builds the catalogue screens from data already read. Every UZUM value and typed query is HTML-encoded here.</summary>
public sealed class CatalogScreens(SessionContext session)
{
    public const int PageSize = 10;
    public const int SkusPerPage = 8;
    /// <summary>Titles in lists are cut here (before encoding, so no entity is cut); the card shows up to <see cref="CardTitleLength"/>.</summary>
    public const int ListTitleLength = 90;
    public const int CardTitleLength = 300;

    private Lang Lang => session.Lang;
    private bool CanEdit => session.Can(Permission.EditProducts);

    public Screen List(IReadOnlyList<CatalogProduct> all, CatalogView view)
    {
        var matching = all.Where(p => p.Matches(view.Filter)).Sorted(view.Sort).ToList();
        var (page, pages, shown) = Slice(matching, view.Page);
        view = view.WithPage(page);

        var text = new StringBuilder()
            .Append("📦 <b>").Append(session.T("catalog.title")).Append("</b> · ").Append(Html.Encode(session.ShopTitle))
            .Append('\n').Append(session.F("catalog.summary", Formats.Number(all.Count(p => !p.IsArchived)),
                Formats.Number(all.Count(p => p.Matches(CatalogFilter.Active))),
                Formats.Number(all.Count(p => p.Matches(CatalogFilter.OutOfStock))),
                Formats.Number(all.Count(p => p.Matches(CatalogFilter.Problems)))))
            .Append('\n').Append(session.F("catalog.shown", FilterName(view.Filter), SortName(view.Sort), Formats.Number(matching.Count), page + 1, pages));
        if (all.Count == 0) text.Append("\n\n").Append(session.T("catalog.empty"));
        else if (matching.Count == 0) text.Append("\n\n").Append(session.T("catalog.none_in_filter"));
        AppendLines(text, shown, page);

        var keyboard = new Keyboard().Grid(NumberButtons(shown, page, view), 5);
        keyboard.Grid(Enum.GetValues<CatalogFilter>().Select(f => new Button(
            (f == view.Filter ? "✓ " : "") + FilterName(f) + " " + Formats.Number(all.Count(p => p.Matches(f))),
            CallbackData.Encode(CatalogFeature.List, (view with { Filter = f, Page = 0 }).Token))), 3);
        keyboard.Row(Enum.GetValues<CatalogSort>().Where(s => s != CatalogSort.Default).Select(s => new Button(
            (s == view.Sort ? "✓ " : "") + SortName(s),
            CallbackData.Encode(CatalogFeature.List, (view with { Sort = s == view.Sort ? CatalogSort.Default : s, Page = 0 }).Token))).ToArray());
        Paging(keyboard, page, pages, p => CallbackData.Encode(CatalogFeature.List, view.WithPage(p).Token));
        keyboard.Row(new Button(session.T("catalog.search.button"), CallbackData.Encode(CatalogFeature.Search)),
                     new Button(session.T("catalog.refresh.button"), CallbackData.Encode(CatalogFeature.Refresh, view.Token)));
        keyboard.Row(MenuScreens.BackToMenu(Lang));
        return new Screen(text.ToString(), keyboard.Build());
    }

    public Screen SearchResults(IReadOnlyList<CatalogProduct> found, string query, CatalogView view)
    {
        var (page, pages, shown) = Slice(found, view.Page);
        view = view.WithPage(page);
        var text = new StringBuilder()
            .Append("🔍 <b>«").Append(Html.Encode(query)).Append("»</b> · ").Append(Html.Encode(session.ShopTitle))
            .Append('\n').Append(session.F("catalog.search.found", Formats.Number(found.Count), page + 1, pages));
        if (found.Count == 0) text.Append("\n\n").Append(session.T("catalog.search.nothing"));
        AppendLines(text, shown, page);

        var keyboard = new Keyboard().Grid(NumberButtons(shown, page, view), 5);
        Paging(keyboard, page, pages, p => CallbackData.Encode(CatalogFeature.Results, view.WithPage(p).Token));
        keyboard.Row(new Button(session.T("catalog.search.again"), CallbackData.Encode(CatalogFeature.Search)),
                     new Button(session.T("catalog.refresh.button"), CallbackData.Encode(CatalogFeature.Refresh, view.Token)));
        keyboard.Row(BackToCatalog());
        return new Screen(text.ToString(), keyboard.Build());
    }

    public Screen AskSearch(string? problemKey) =>
        new(Problem(problemKey) + session.T("catalog.search.ask"), new Keyboard().Row(BackToCatalog()).Build());

    public Screen SearchExpired() =>
        new(session.T("catalog.search.expired"), new Keyboard()
            .Row(new Button(session.T("catalog.search.again"), CallbackData.Encode(CatalogFeature.Search)))
            .Row(BackToCatalog()).Build());

    /// <summary>The card: the product's figures, then each SKU (8 a page) with its stock, sales and days of stock.</summary>
    public Screen Card(CatalogProduct product, int skuPage, CatalogView back, IReadOnlyDictionary<string, int>? sold30)
    {
        var card = product.Card;
        var skuPages = Math.Max(1, (product.Skus.Count + SkusPerPage - 1) / SkusPerPage);
        skuPage = Math.Clamp(skuPage, 0, skuPages - 1);
        var text = new StringBuilder()
            .Append(product.Mark).Append(" <b>").Append(Html.Encode(Short(product.Title, CardTitleLength))).Append("</b>")
            .Append('\n').Append(session.F("catalog.card.ids", product.Id, Html.Encode(card.SkuTitle ?? "—")));
        if (!string.IsNullOrWhiteSpace(card.Category)) text.Append('\n').Append(session.F("catalog.card.category", Html.Encode(card.Category)));
        if (!string.IsNullOrWhiteSpace(card.Rating))
            text.Append('\n').Append(session.F("catalog.card.rating", Html.Encode(card.Rating), Formats.Number(card.FeedbackQuantity)));
        text.Append('\n').Append(session.F("catalog.card.status", Html.Encode(card.Status?.Title ?? card.Status?.Value ?? "—"), Commission(product)));
        if (product.HasProblem) text.Append('\n').Append(session.T("catalog.card.problem"));
        text.Append('\n').Append(session.F("catalog.card.stock", Formats.Number(product.Fbo), Formats.Number(product.Fbs), Formats.Number(product.Sold)));
        if (sold30 is null) text.Append("\n⚠️ ").Append(session.T("catalog.card.no_sales_data"));
        if (product.Skus.Count == 0) text.Append("\n\n").Append(session.T("catalog.card.no_skus"));
        if (skuPages > 1) text.Append("\n\n").Append(session.F("catalog.card.sku_page", skuPage + 1, skuPages, product.Skus.Count));

        var keyboard = new Keyboard();
        var first = skuPage * SkusPerPage;
        foreach (var (sku, i) in product.Skus.Skip(first).Take(SkusPerPage).Select((s, i) => (s, first + i + 1)))
        {
            text.Append("\n\n").Append(i).Append(". <code>").Append(Html.Encode(Short(sku.SkuFullTitle ?? sku.SkuTitle ?? sku.SkuId.ToString(CultureInfo.InvariantCulture), 80))).Append("</code>");
            if (!string.IsNullOrWhiteSpace(sku.Characteristics)) text.Append(" · ").Append(Html.Encode(Short(sku.Characteristics, 80)));
            if (sku.Blocked) text.Append(" · ⛔");
            text.Append("\n   💰 ").Append(Formats.Money(sku.Price, Lang));
            if (sku.MarketPrice is { } crossed && crossed > sku.Price) text.Append(' ').Append(session.F("catalog.card.crossed", Formats.Money(crossed, Lang)));
            text.Append("\n   ").Append(session.F("catalog.card.sku_stock", Formats.Number(sku.QuantityActive), Formats.Number(sku.QuantityFbs),
                Formats.Number(sku.QuantitySold), Percent(sku.ReturnedPercentage)));
            if (sold30 is not null) text.Append("\n   ").Append(DaysLine(product.ShopId, sku, sold30));
            var row = new List<Button>();
            if (CanEdit)
                row.AddRange([
                    new Button(session.F("catalog.stock.button", i), CallbackData.Encode(CatalogFeature.EditStock, product.Id, sku.SkuId, back.Token)),
                    new Button(session.F("catalog.price.button", i), CallbackData.Encode(CatalogFeature.EditPrice, product.Id, sku.SkuId, back.Token))]);
            // the owner's own cost price, which profit per SKU needs (kept by the finance module)
            if (session.Can(Finance.FinanceFeature.CostPricePermission))
                row.Add(new Button(session.F("catalog.cost.button", i), CallbackData.Encode(Finance.FinanceFeature.CostPrice, sku.SkuId)));
            if (row.Count > 0) keyboard.Row(row.ToArray());
        }
        Paging(keyboard, skuPage, skuPages, p => CallbackData.Encode(CatalogFeature.Card, product.Id, p, back.Token));
        if (ProductPhoto.UrlFor(product) is not null)
            keyboard.Row(new Button(session.T("catalog.photo.button"), CallbackData.Encode(CatalogFeature.Photo, product.Id, back.Token)));
        keyboard.Row(new Button(session.T(back.IsSearch ? "catalog.back_to_results" : "catalog.back_to_list"), BackData(back)));
        return new Screen(text.ToString(), keyboard.Build());
    }

    /// <summary>🖼 in place of the card: the picture with the title and SKU codes, and the way back to the card.</summary>
    public OutgoingPhoto Photo(CatalogProduct product, string url, CatalogView back)
    {
        var caption = "<b>" + Html.Encode(Short(product.Title, 200)) + "</b>\n" + Html.Encode(Short(
            string.Join(" · ", product.Skus.Select(s => s.SkuFullTitle).Where(c => !string.IsNullOrEmpty(c))), 600));
        var keyboard = new Keyboard().Row(new Button(session.T("catalog.back_to_product"), CallbackData.Encode(CatalogFeature.Card, product.Id, 0, back.Token)));
        return new OutgoingPhoto(new Screen(caption, keyboard.Build()), Url: url, FileName: ProductPhoto.SizeSuffix,
            FallbackHtml: session.F("catalog.photo.failed", Html.Encode(url)));
    }

    public Screen AskStock(CatalogProduct product, ProductSku sku, SkuStock row, CatalogView back, string? problemKey) =>
        new(Problem(problemKey) + session.F("catalog.stock.ask", SkuName(product, sku), Formats.Number(row.Amount), Formats.Number(CatalogInput.MaxStock)),
            new Keyboard().Row(CancelToCard(product, back)).Build());

    public Screen StockPreview(CatalogProduct product, ProductSku sku, SkuStock row, int amount, CatalogView back) =>
        new(session.F("catalog.stock.preview", SkuName(product, sku), Formats.Number(row.Amount), Formats.Number(amount)),
            new Keyboard().Row(
                new Button(session.T("catalog.confirm"), CallbackData.Encode(CatalogFeature.ConfirmStock, sku.SkuId, amount, back.Token)),
                CancelToCard(product, back)).Build());

    /// <summary>A ✅ whose preview was already carried out, or is too old: nothing was sent.</summary>
    public Screen ChangeGone(CatalogProduct product, CatalogView back) =>
        new(session.T("catalog.change.gone"), new Keyboard().Row(
            new Button(session.T("catalog.back_to_product"), CallbackData.Encode(CatalogFeature.Card, product.Id, 0, back.Token))).Build());

    public Screen StockNotOnFbs(CatalogProduct product, ProductSku sku, CatalogView back) =>
        new(session.F("catalog.stock.not_fbs", SkuName(product, sku)), new Keyboard().Row(CancelToCard(product, back)).Build());

    /// <summary>What UZUM holds after the change, read back; a row UZUM refused or a value that did not stick is said plainly.</summary>
    public Screen StockResult(CatalogProduct product, ProductSku sku, int requested, int? now, string? rejectedCode, bool unanswered, CatalogView back)
    {
        var name = SkuName(product, sku);
        var readBack = now is { } n ? Formats.Number(n) : "?";
        var line = rejectedCode is not null ? session.F("catalog.stock.rejected", name, Html.Encode(rejectedCode), readBack)
            : now == requested ? session.F("catalog.stock.done", name, readBack)
            : session.F(unanswered ? "catalog.stock.unanswered" : "catalog.stock.differs", name, Formats.Number(requested), readBack);
        return new Screen(line, new Keyboard().Row(new Button(session.T("catalog.back_to_product"),
            CallbackData.Encode(CatalogFeature.Card, product.Id, 0, back.Token))).Build());
    }

    public Screen AskPrice(CatalogProduct product, ProductSku sku, CatalogView back, string? problemKey) =>
        new(Problem(problemKey) + session.F("catalog.price.ask", SkuName(product, sku), PriceText(sku.Price, sku.MarketPrice)),
            new Keyboard().Row(CancelToCard(product, back)).Build());

    public Screen PricePreview(CatalogProduct product, ProductSku sku, long sell, long full, CatalogView back)
    {
        var text = new StringBuilder(session.F("catalog.price.preview", SkuName(product, sku),
            Formats.Money(sku.Price, Lang), Formats.Money(sell, Lang), Change(sku.Price, sell)));
        if (full != sell) text.Append('\n').Append(session.F("catalog.price.preview_full", Formats.Money(full, Lang)));
        if (CatalogInput.IsBigChange(sku.Price, sell)) text.Append("\n\n").Append(session.F("catalog.price.big_change", (int)(CatalogInput.WarnPriceChange * 100)));
        text.Append("\n\n").Append(session.T("catalog.price.send_question"));
        return new Screen(text.ToString(), new Keyboard().Row(
            new Button(session.T("catalog.confirm"), CallbackData.Encode(CatalogFeature.ConfirmPrice, sku.SkuId, sell, full, back.Token)),
            CancelToCard(product, back)).Build());
    }

    public Screen PriceResult(CatalogProduct product, ProductSku? now, long requested, bool failed, CatalogView back)
    {
        var name = now is null ? Html.Encode(Short(product.Title, 80)) : SkuName(product, now);
        var readBack = now is null ? "?" : PriceText(now.Price, now.MarketPrice);
        var line = failed ? session.F("catalog.price.failed", name, readBack)
            : now?.Price == requested ? session.F("catalog.price.done", name, readBack)
            : session.F("catalog.price.differs", name, Formats.Money(requested, Lang), readBack);
        return new Screen(line, new Keyboard().Row(new Button(session.T("catalog.back_to_product"),
            CallbackData.Encode(CatalogFeature.Card, product.Id, 0, back.Token))).Build());
    }

    public Screen NotFound() =>
        new(session.T("catalog.not_found"), new Keyboard().Row(BackToCatalog()).Build());

    // ---- parts ----------------------------------------------------------------------------------------------

    /// <summary><c>3. 🟢 Футболка… · 3 SKU · FBO 40 · FBS 12 · 149 000–199 000 сум</c></summary>
    private void AppendLines(StringBuilder text, IReadOnlyList<CatalogProduct> shown, int page)
    {
        for (var i = 0; i < shown.Count; i++)
        {
            var p = shown[i];
            text.Append("\n\n").Append(page * PageSize + i + 1).Append(". ").Append(p.Mark).Append(' ').Append(Html.Encode(Short(p.Title, ListTitleLength)))
                .Append("\n   ").Append(session.F("catalog.line", Formats.Number(p.Skus.Count), Formats.Number(p.Fbo), Formats.Number(p.Fbs), PriceRange(p)));
        }
    }

    private IEnumerable<Button> NumberButtons(IReadOnlyList<CatalogProduct> shown, int page, CatalogView view) =>
        shown.Select((p, i) => new Button((page * PageSize + i + 1).ToString(CultureInfo.InvariantCulture),
            CallbackData.Encode(CatalogFeature.Card, p.Id, 0, view.Token)));

    private static (int Page, int Pages, IReadOnlyList<CatalogProduct> Shown) Slice(IReadOnlyList<CatalogProduct> items, int page)
    {
        var pages = Math.Max(1, (items.Count + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 0, pages - 1);
        return (page, pages, items.Skip(page * PageSize).Take(PageSize).ToList());
    }

    private static void Paging(Keyboard keyboard, int page, int pages, Func<int, string> data)
    {
        if (pages <= 1) return;
        keyboard.Row(
            new Button("◀️", data((page - 1 + pages) % pages)),
            new Button($"{page + 1}/{pages}", CallbackData.Encode(MenuFeature.Noop)),
            new Button("▶️", data((page + 1) % pages)));
    }

    private string BackData(CatalogView back) =>
        CallbackData.Encode(back.IsSearch ? CatalogFeature.Results : CatalogFeature.List, back.Token);

    private Button BackToCatalog() => new(session.T("catalog.back_to_catalog"), CallbackData.Encode(CatalogFeature.Home));

    private Button CancelToCard(CatalogProduct product, CatalogView back) =>
        new(session.T("catalog.cancel"), CallbackData.Encode(CatalogFeature.Card, product.Id, 0, back.Token));

    private string Problem(string? key) => key is null ? "" : "⚠️ " + session.T(key) + "\n\n";

    private string FilterName(CatalogFilter filter) => session.T("catalog.filter." + CatalogView.FilterCode(filter));

    private string SortName(CatalogSort sort) => session.T("catalog.sort." + CatalogView.SortCode(sort));

    private string SkuName(CatalogProduct product, ProductSku sku) =>
        "<code>" + Html.Encode(Short(sku.SkuFullTitle ?? sku.SkuTitle ?? sku.SkuId.ToString(CultureInfo.InvariantCulture), 80)) + "</code> · "
        + Html.Encode(Short(product.Title, 80));

    private string PriceRange(CatalogProduct p) =>
        p.MinPrice == p.MaxPrice ? Formats.Money(p.MinPrice, Lang) : Formats.Number(p.MinPrice) + "–" + Formats.Money(p.MaxPrice, Lang);

    private string PriceText(long price, long? crossed) =>
        Formats.Money(price, Lang) + (crossed is { } c && c > price ? " " + session.F("catalog.card.crossed", Formats.Money(c, Lang)) : "");

    private string Commission(CatalogProduct p)
    {
        var (min, max) = p.Card.CommissionDto is { } range && range.MaxCommission > 0
            ? (range.MinCommission, range.MaxCommission)
            : (p.Skus.Select(s => s.Commission).DefaultIfEmpty(0).Min(), p.Skus.Select(s => s.Commission).DefaultIfEmpty(0).Max());
        return min == max ? Percent(max) : Number(min) + "–" + Percent(max);
    }

    private string DaysLine(long shopId, ProductSku sku, IReadOnlyDictionary<string, int> sold30)
    {
        var sold = sku.SkuFullTitle is { } code && sold30.TryGetValue(CatalogReader.SoldKey(shopId, code), out var n) ? n : 0;
        var stock = sku.QuantityActive + sku.QuantityFbs;
        if (CatalogReader.DaysOfStock(stock, sold) is not { } days)
            return session.F("catalog.card.days_no_sales", Formats.Number(stock));
        var mark = days < 7 ? "🔴" : days < 14 ? "🟡" : "🟢";
        return session.F("catalog.card.days", mark, Formats.Number(days), Formats.Number(sold));
    }

    private static string Change(long before, long after) =>
        CatalogInput.ChangePercent(before, after) is { } p ? (p > 0 ? "+" : p < 0 ? "−" : "") + Number(Math.Abs(p)) + " %" : "—";

    private static string Percent(double value) => Number(value) + " %";

    /// <summary>One decimal with a comma, as both languages write it: "10,3".</summary>
    private static string Number(double value) =>
        Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture).Replace('.', ',');

    /// <summary>Cut to <paramref name="max"/> characters with "…", never inside a surrogate pair.</summary>
    public static string Short(string text, int max)
    {
        if (text.Length <= max) return text;
        var cut = max - 1;
        if (char.IsHighSurrogate(text[cut - 1])) cut--;
        return text[..cut].TrimEnd() + "…";
    }
}
