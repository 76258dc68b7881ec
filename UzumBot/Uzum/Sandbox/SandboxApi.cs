using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace UzumBot.Uzum.Sandbox;

/// <summary>The UZUM Seller API routes the sandbox serves, with UZUM's validation rules and error codes.</summary>
internal sealed class SandboxApi(SandboxResponses r, TimeProvider time)
{
    public const string SellerKey = "sandbox.seller";
    private const int MaxOrdersPageSize = 50;

    private static readonly object[] ReturnReasons =
    [
        new { reason = "OUT_OF_STOCK", title = "Tovar yoʻq" },
        new { reason = "OUT_OF_PACKAGE", title = "Qadoq yoʻq" },
        new { reason = "OUT_OF_TIME", title = "Yigʻishga ulgurmayapman" },
        new { reason = "OTHER", title = "Boshqa sabab" },
    ];

    private static SandboxSellerData Seller(HttpContext c) => (SandboxSellerData)c.Items[SellerKey]!;

    public void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/shops", Shops);
        app.MapGet("/v1/product/shop/{shopId:long}", Products);
        app.MapPost("/v1/product/{shopId:long}/sendPriceData", SendPrices);
        app.MapGet("/v2/fbs/orders", Orders);
        app.MapGet("/v2/fbs/orders/count", CountOrders);
        app.MapGet("/v1/fbs/order/return-reasons", () => r.Enveloped(new { reasons = ReturnReasons }));
        app.MapGet("/v1/fbs/order/{orderId:long}", Order);
        app.MapPost("/v1/fbs/order/{orderId:long}/confirm", Confirm);
        app.MapPost("/v1/fbs/order/{orderId:long}/cancel", Cancel);
        app.MapGet("/v1/fbs/order/{orderId:long}/labels/print", Label);
        app.MapPost("/v1/dbs/order/{orderId:long}/delivering", (HttpContext c, long orderId) =>
            OrderAction(c, orderId, Seller(c).MarkDelivering(orderId, time.GetUtcNow())));
        app.MapPost("/v1/dbs/order/{orderId:long}/completed", (HttpContext c, long orderId) =>
            OrderAction(c, orderId, Seller(c).Complete(orderId, c.Request.Query["issueCode"].ToString(), time.GetUtcNow())));
        app.MapGet("/v3/fbs/sku/stocks", StocksV3);
        app.MapGet("/v2/fbs/sku/stocks", (HttpContext c) => Locked(c, s => r.Enveloped(new { skuAmountList = StockRows(s).ToList() })));
        app.MapPost("/v2/fbs/sku/stocks", (Func<HttpContext, Task<IResult>>)UpdateStocks);
        app.MapGet("/v1/finance/orders", FinanceOrders);
        app.MapGet("/v1/finance/expenses", Expenses);
        app.MapGet("/v1/invoice", AllInvoices);
        app.MapGet("/v1/shop/{shopId:long}/invoice", ShopInvoices);
        app.MapGet("/v1/shop/{shopId:long}/invoice/products", InvoiceProducts);
        app.MapGet("/v1/return", AllReturns);
        app.MapGet("/v1/shop/{shopId:long}/return", ShopReturns);
        app.MapGet("/v1/shop/{shopId:long}/return/{returnId:long}", OneReturn);
    }

    private static IResult Locked(HttpContext c, Func<SandboxSellerData, IResult> read)
    {
        var seller = Seller(c);
        lock (seller.Gate) return read(seller);
    }

    private IResult Shops(HttpContext c) => Locked(c, s => r.Bare(s.Shops.Select(SandboxJson.Shop).ToList()));

    private IResult Products(HttpContext c, long shopId) => Locked(c, s =>
    {
        if (!s.OwnsShop(shopId)) return r.Forbidden();
        var q = new SandboxQuery(c.Request.Query);
        var (page, size) = (q.Int("page"), q.Int("size"));
        if (q.Invalid || page is null or < 0 || size is null or < 1) return r.BadRequest();
        var search = q.String("searchQuery")?.Trim();
        if (ProductFilter(q.String("filter")) is not { } filter) return r.BadRequest();
        var matching = s.Products.Where(p => p.ShopId == shopId && filter(p) && Matches(p, search)).ToList();
        return r.Bare(new
        {
            productList = matching.Skip(page.Value * size.Value).Take(size.Value).Select(p => SandboxJson.Product(p, s.GeneratedAt)).ToList(),
            totalProductsAmount = matching.Count,
        });
    });

    /// <summary>The swagger's filter values the sandbox tells apart; an unknown value is a 400.</summary>
    private static Func<SandboxProduct, bool>? ProductFilter(string? filter) => (filter ?? "ALL") switch
    {
        "ALL" or "WITH_SKU" or "WITHOUT_REQUIRED_FILTERS" => _ => true,
        "ACTIVE" => p => !p.Archived && !p.Blocked && p.InStock,
        "INACTIVE" => p => !p.Archived && (p.Blocked || !p.InStock),
        "WARNING" => p => p.Blocked,
        "ARCHIVE" => p => p.Archived,
        "DEFECTED" => _ => false,
        _ => null,
    };

    private static bool Matches(SandboxProduct p, string? search)
    {
        if (string.IsNullOrEmpty(search)) return true;
        bool Has(string? text) => text is not null && text.Contains(search, StringComparison.CurrentCultureIgnoreCase);
        return Has(p.Title) || Has(p.Code) || p.Skus.Any(s => Has(s.SkuFullTitle) || Has(s.SkuTitle)
            || Has(s.Barcode.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    private async Task<IResult> SendPrices(HttpContext c, long shopId)
    {
        var seller = Seller(c);
        using var body = await ReadJson(c);
        if (body is null || body.RootElement.ValueKind != JsonValueKind.Object) return r.BadRequest();
        var root = body.RootElement;
        if (!root.TryGetProperty("productId", out var productId) || !productId.TryGetInt64(out var pid)
            || !root.TryGetProperty("skuList", out var list) || list.ValueKind != JsonValueKind.Array)
            return r.BadRequest();
        var rows = new List<(long, long?, long?)>();
        foreach (var row in list.EnumerateArray())
        {
            if (row.ValueKind != JsonValueKind.Object || !row.TryGetProperty("skuId", out var sku) || !sku.TryGetInt64(out var skuId))
                return r.BadRequest();
            rows.Add((skuId, OptionalLong(row, "fullPrice"), OptionalLong(row, "sellPrice")));
        }
        var error = seller.UpdatePrices(shopId, pid, rows);
        return error switch
        {
            null => Results.Ok(),
            UzumErrorCodes.AccessDenied => r.Forbidden(),
            _ => r.BadRequest(error),
        };
    }

    private static long? OptionalLong(JsonElement row, string name) =>
        row.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n : null;

    /// <summary>Shared filter of the order list and count: shopIds (required, own), one status, dates in s or ms.</summary>
    private IResult? OrderFilter(HttpContext c, SandboxSellerData s, bool fbsOnly, out List<SandboxOrder> orders)
    {
        orders = [];
        var q = new SandboxQuery(c.Request.Query);
        var shopIds = q.Longs("shopIds");
        var status = q.String("status") ?? OrderStatuses.Created;
        var scheme = fbsOnly ? "FBS" : q.String("scheme");
        var (from, to) = (q.Long("dateFrom"), q.Long("dateTo"));
        if (q.Invalid || shopIds.Count == 0 || !OrderStatuses.IsKnown(status) || scheme is not (null or "FBS" or "DBS")) return r.BadRequest();
        if (shopIds.Any(id => !s.OwnsShop(id))) return r.Forbidden();
        var fromAt = from is { } f ? EpochTime.FromEpochNumber(f) : (DateTimeOffset?)null;
        var toAt = to is { } t ? EpochTime.FromEpochNumber(t) : (DateTimeOffset?)null;
        if (fromAt > toAt) return r.BadRequest(UzumErrorCodes.ReasonNotAllowed, "dateTo раньше dateFrom");
        orders = s.Orders.Where(o => shopIds.Contains(o.ShopId) && o.Status == status && (scheme is null || o.Scheme == scheme)
                                     && !(o.DateCreated < fromAt) && !(o.DateCreated > toAt))
            .OrderByDescending(o => o.DateCreated).ThenByDescending(o => o.Id).ToList();
        return null;
    }

    private IResult Orders(HttpContext c) => Locked(c, s =>
    {
        if (OrderFilter(c, s, fbsOnly: false, out var orders) is { } error) return error;
        var q = new SandboxQuery(c.Request.Query);
        var (page, size) = (q.Int("page") ?? 0, q.Int("size") ?? 20);
        if (q.Invalid || page < 0 || size is < 1 or > MaxOrdersPageSize) return r.BadRequest();
        return r.Enveloped(new
        {
            orders = orders.Skip(page * size).Take(size).Select(SandboxJson.Order).ToList(),
            totalAmount = orders.Count,
        });
    });

    private IResult CountOrders(HttpContext c) => Locked(c, s =>
        OrderFilter(c, s, fbsOnly: true, out var orders) ?? r.Enveloped(orders.Count));

    private IResult Order(HttpContext c, long orderId) => Locked(c, s =>
        s.FindOrder(orderId) is { } order ? r.Enveloped(SandboxJson.Order(order)) : r.BadRequest(UzumErrorCodes.OrderNotFound));

    private IResult Confirm(HttpContext c, long orderId) => OrderAction(c, orderId, Seller(c).Confirm(orderId, time.GetUtcNow()));

    /// <summary>An order action's answer: UZUM's error, or the order as it is now.</summary>
    private IResult OrderAction(HttpContext c, long orderId, string? error) =>
        error is not null ? r.BadRequest(error) : Locked(c, s => r.Enveloped(SandboxJson.Order(s.FindOrder(orderId)!)));

    private async Task<IResult> Cancel(HttpContext c, long orderId)
    {
        using var body = await ReadJson(c);
        string? reason = null;
        if (body?.RootElement is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty("reason", out var value)
            && value.ValueKind == JsonValueKind.String)
            reason = value.GetString();
        var error = Seller(c).Cancel(orderId, reason, time.GetUtcNow());
        return error is null ? r.Enveloped(new { }) : r.BadRequest(error);
    }

    private IResult Label(HttpContext c, long orderId)
    {
        var size = c.Request.Query["size"].ToString() switch
        {
            "LARGE" => LabelSize.Large,
            "BIG" => LabelSize.Big,
            _ => (LabelSize?)null,
        };
        if (size is null) return r.BadRequest();
        long id;
        string[] titles;
        lock (Seller(c).Gate)
        {
            var order = Seller(c).FindOrder(orderId);
            if (order is null) return r.BadRequest(UzumErrorCodes.OrderNotFound);
            if (order.IsDbs || order.Status == OrderStatuses.Canceled) return r.BadRequest(UzumErrorCodes.WrongOrderStatus);
            id = order.Id;
            // a multi-parcel order packs one item per parcel; otherwise the label names the main item
            titles = order.ParcelCount > 1 && order.Items.Count >= order.ParcelCount
                ? order.Items.Take(order.ParcelCount).Select(i => i.Sku.Product.Title).ToArray()
                : Enumerable.Repeat(order.MainItem.Sku.Product.Title, order.ParcelCount).ToArray();
        }
        var pdfs = titles.Select((title, i) => Convert.ToBase64String(LabelPdf.Render(id, title, size.Value, i + 1, titles.Length))).ToArray();
        return r.Enveloped(new { document = pdfs.Length == 1 ? (object)pdfs[0] : pdfs });
    }

    private static IEnumerable<object> StockRows(SandboxSellerData s, long? skuIdFrom = null) =>
        s.Skus.Where(k => skuIdFrom is null || k.SkuId > skuIdFrom).OrderBy(k => k.SkuId).Select(SandboxJson.StockRow);

    private IResult StocksV3(HttpContext c) => Locked(c, s =>
    {
        var q = new SandboxQuery(c.Request.Query);
        var (page, size, from) = (q.Int("page") ?? 0, q.Int("size") ?? 50, q.Long("skuIdFrom"));
        if (q.Invalid || page < 0) return r.BadRequest();
        if (size is < 1 or > 100) return r.BadRequest(UzumErrorCodes.IllegalArgument, "size must be between 1 and 100");
        return r.Enveloped(new { skuAmountList = StockRows(s, from).Skip(page * size).Take(size).ToList() });
    });

    private async Task<IResult> UpdateStocks(HttpContext c)
    {
        using var body = await ReadJson(c);
        if (body?.RootElement is not { ValueKind: JsonValueKind.Object } root || !root.TryGetProperty("skuAmountList", out var list)
            || list.ValueKind != JsonValueKind.Array || list.GetArrayLength() is 0 or > 100)
            return r.BadRequest();
        var rows = new List<(string?, int)>();
        foreach (var row in list.EnumerateArray())
        {
            if (row.ValueKind != JsonValueKind.Object) return r.BadRequest();
            string? barcode = row.TryGetProperty("barcode", out var b)
                ? b.ValueKind switch { JsonValueKind.String => b.GetString(), JsonValueKind.Number => b.GetRawText(), _ => null }
                : null;
            var amount = row.TryGetProperty("amount", out var a) && a.TryGetInt32(out var n) ? n : -1;
            rows.Add((barcode, amount));
        }
        var seller = Seller(c);
        if (seller.UpdateStocks(rows) is { } error) return r.BadRequest(error);
        var barcodes = rows.Select(x => x.Item1).ToHashSet();
        return Locked(c, s => r.Enveloped(new
        {
            skuAmountList = s.Skus.Where(k => barcodes.Contains(k.Barcode.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .Select(SandboxJson.StockRow).ToList(),
        }));
    }

    private IResult FinanceOrders(HttpContext c) => Locked(c, s =>
    {
        var q = new SandboxQuery(c.Request.Query);
        var shopIds = q.Longs("shopIds");
        var (from, to, page, size) = (q.Long("dateFrom"), q.Long("dateTo"), q.Int("page") ?? 0, q.Int("size") ?? 20);
        var statuses = q.Strings("statuses");
        var group = q.Bool("group");
        if (q.Invalid || shopIds.Count == 0 || page < 0 || size is < 1 or > 1000) return r.BadRequest();
        if (shopIds.Any(id => !s.OwnsShop(id))) return r.Forbidden();
        var lines = InSecondsWindow(s.FinanceLines, l => l.Date, from, to)
            .Where(l => shopIds.Contains(l.Sku.ShopId) && (statuses.Count == 0 || statuses.Contains(l.Status))).ToList();
        if (group)
        {
            var groups = lines.GroupBy(l => l.Sku.Product).ToList();
            return r.Bare(new { orderItems = groups.Skip(page * size).Take(size).Select(SandboxJson.FinanceGroup).ToList(), totalElements = groups.Count });
        }
        return r.Bare(new { orderItems = lines.Skip(page * size).Take(size).Select(SandboxJson.FinanceLine).ToList(), totalElements = lines.Count });
    });

    /// <summary>Finance dates are Unix seconds; a millisecond value matches nothing, as on the real API.</summary>
    private static IEnumerable<T> InSecondsWindow<T>(IEnumerable<T> items, Func<T, DateTimeOffset> date, long? from, long? to)
    {
        if (from >= EpochTime.MillisecondsThreshold || to >= EpochTime.MillisecondsThreshold) return [];
        return items.Where(i =>
        {
            var seconds = date(i).ToUnixTimeSeconds();
            return !(seconds < from) && !(seconds > to);
        });
    }

    private IResult Expenses(HttpContext c) => Locked(c, s =>
    {
        var q = new SandboxQuery(c.Request.Query);
        var shopIds = q.Longs("shopIds");
        shopIds.AddRange(q.Longs("shopId"));
        var (from, to, page, size) = (q.Long("dateFrom"), q.Long("dateTo"), q.Int("page") ?? 0, q.Int("size") ?? 20);
        var sources = q.Strings("sources");
        if (q.Invalid || page < 0 || size is < 1 or > 1000) return r.BadRequest();
        if (shopIds.Any(id => !s.OwnsShop(id))) return r.Forbidden();
        if (shopIds.Count == 0) shopIds.AddRange(s.Shops.Select(x => x.Id));
        var payments = InSecondsWindow(s.Expenses, e => e.DateCreated, from, to)
            .Where(e => shopIds.Contains(e.ShopId) && (sources.Count == 0 || sources.Contains(e.Source)))
            .Skip(page * size).Take(size).Select(e => SandboxJson.Expense(e, s.SellerId)).ToList();
        // the live API reports 0 here even with a full page: clients must page until a short page
        return r.Enveloped(new { payments, totalElements = 0 });
    });

    private IResult? Paging(SandboxQuery q, int max, out int page, out int size)
    {
        (page, size) = (q.Int("page") ?? 0, q.Int("size") ?? 20);
        return q.Invalid || page < 0 || size < 1 || size > max ? r.BadRequest() : null;
    }

    private IResult AllInvoices(HttpContext c) => Locked(c, s =>
    {
        if (Paging(new SandboxQuery(c.Request.Query), 50, out var page, out var size) is { } error) return error;
        return r.Bare(s.Invoices.Skip(page * size).Take(size).Select(i => SandboxJson.Invoice(i, s.Shop(i.ShopId))).ToList());
    });

    private IResult ShopInvoices(HttpContext c, long shopId) => Locked(c, s =>
    {
        if (!s.OwnsShop(shopId)) return r.Forbidden();
        if (Paging(new SandboxQuery(c.Request.Query), 1000, out var page, out var size) is { } error) return error;
        return r.Bare(s.Invoices.Where(i => i.ShopId == shopId).Skip(page * size).Take(size).Select(i => SandboxJson.Invoice(i, null)).ToList());
    });

    private IResult InvoiceProducts(HttpContext c, long shopId) => Locked(c, s =>
    {
        if (!s.OwnsShop(shopId)) return r.Forbidden();
        var q = new SandboxQuery(c.Request.Query);
        var invoiceId = q.Long("invoiceId");
        if (q.Invalid || invoiceId is null) return r.BadRequest();
        var invoice = s.Invoices.FirstOrDefault(i => i.Id == invoiceId && i.ShopId == shopId);
        return r.Bare(invoice is null ? [] : SandboxJson.InvoiceProducts(invoice));
    });

    private IResult AllReturns(HttpContext c) => Locked(c, s =>
    {
        var q = new SandboxQuery(c.Request.Query);
        var returnId = q.Long("returnId");
        if (Paging(q, 50, out var page, out var size) is { } error) return error;
        return r.Bare(s.Returns.Where(x => returnId is null || x.Id == returnId).Skip(page * size).Take(size)
            .Select(x => SandboxJson.Return(x, s.Shop(x.ShopId)!)).ToList());
    });

    private IResult ShopReturns(HttpContext c, long shopId) => Locked(c, s =>
    {
        if (!s.OwnsShop(shopId)) return r.Forbidden();
        if (Paging(new SandboxQuery(c.Request.Query), 1000, out var page, out var size) is { } error) return error;
        return r.Bare(s.Returns.Where(x => x.ShopId == shopId).Skip(page * size).Take(size).Select(x => SandboxJson.Return(x, s.Shop(shopId)!)).ToList());
    });

    private IResult OneReturn(HttpContext c, long shopId, long returnId) => Locked(c, s =>
    {
        if (!s.OwnsShop(shopId)) return r.Forbidden();
        var found = s.Returns.FirstOrDefault(x => x.Id == returnId && x.ShopId == shopId);
        return found is null ? r.BadRequest() : r.Enveloped(SandboxJson.Return(found, s.Shop(shopId)!));
    });

    private static async Task<JsonDocument?> ReadJson(HttpContext c)
    {
        try
        {
            return await JsonDocument.ParseAsync(c.Request.Body, cancellationToken: c.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
