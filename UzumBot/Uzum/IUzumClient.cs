namespace UzumBot.Uzum;

/// <summary>
/// The UZUM Seller API as the bot uses it. Every call carries the seller's raw token; all calls for one token
/// share one throttle. GETs are retried on 429 / 5xx / timeouts; POSTs never are — callers reconcile by reading
/// the order again. Failures surface as <see cref="UzumApiException"/> (UZUM said no, with its code) or
/// <see cref="UzumUnavailableException"/> (UZUM down or rate-limiting after the retries).
/// </summary>
public interface IUzumClient
{
    Task<IReadOnlyList<Shop>> GetShopsAsync(UzumToken token, CancellationToken ct);

    /// <summary>One catalogue page (page is 0-based; size ≤ 100).</summary>
    Task<ProductsPage> GetProductsAsync(UzumToken token, long shopId, int page, int size, string? searchQuery, CancellationToken ct);

    /// <summary>One page of orders in one status (size ≤ 50).</summary>
    Task<OrdersPage> GetOrdersAsync(UzumToken token, IReadOnlyCollection<long> shopIds, string status, int page, int size, CancellationToken ct);

    /// <summary>Every order in one status, paging from 0 until a short page, at most <paramref name="cap"/>.</summary>
    Task<CappedList<SellerOrder>> GetAllOrdersAsync(UzumToken token, IReadOnlyCollection<long> shopIds, string status, int cap, CancellationToken ct);

    /// <summary>FBS orders in one status (the count endpoint has no scheme filter).</summary>
    Task<long> CountOrdersAsync(UzumToken token, IReadOnlyCollection<long> shopIds, string status, CancellationToken ct);

    /// <summary>One order. Not shop-scoped on UZUM's side: callers check <see cref="SellerOrder.ShopId"/>.</summary>
    Task<SellerOrder> GetOrderAsync(UzumToken token, long orderId, CancellationToken ct);

    Task<SellerOrder?> ConfirmOrderAsync(UzumToken token, long orderId, CancellationToken ct);

    Task CancelOrderAsync(UzumToken token, long orderId, string reason, string? comment, CancellationToken ct);

    /// <summary>DBS: PACKING → DELIVERING (the seller handed the order to their courier). Sent once.</summary>
    Task MarkDbsDeliveringAsync(UzumToken token, long orderId, CancellationToken ct);

    /// <summary>DBS: DELIVERING → COMPLETED with the code the customer received by SMS. Sent once.</summary>
    Task CompleteDbsOrderAsync(UzumToken token, long orderId, string issueCode, CancellationToken ct);

    Task<IReadOnlyList<ReturnReason>> GetReturnReasonsAsync(UzumToken token, CancellationToken ct);

    /// <summary>The parcel label: one PDF per parcel (UZUM sends one base64 string or an array). Each is checked to start with %PDF.</summary>
    Task<IReadOnlyList<byte[]>> GetLabelAsync(UzumToken token, long orderId, LabelSize size, CancellationToken ct);

    /// <summary>FBS stocks (v3, paged with size ≤ 100, read until a short page).</summary>
    Task<IReadOnlyList<SkuStock>> GetFbsStocksAsync(UzumToken token, CancellationToken ct);

    /// <summary>One SKU's FBS stock row read fresh (v3 with the <c>skuIdFrom</c> cursor, size 1); null when UZUM has no such row.</summary>
    async Task<SkuStock?> GetFbsStockAsync(UzumToken token, long skuId, CancellationToken ct) =>
        (await GetFbsStocksAsync(token, ct)).FirstOrDefault(s => s.SkuId == skuId);

    Task UpdateFbsStocksAsync(UzumToken token, IReadOnlyList<SkuStock> rows, CancellationToken ct);

    Task UpdatePricesAsync(UzumToken token, long shopId, long productId, IReadOnlyList<SkuPrice> skus, CancellationToken ct);

    /// <summary>Finance lines of all schemes for [from, to), read page by page until a short page.</summary>
    Task<IReadOnlyList<OrderItem>> GetFinanceOrdersAsync(UzumToken token, IReadOnlyCollection<long> shopIds, DateTimeOffset from, DateTimeOffset to, CancellationToken ct);

    Task<IReadOnlyList<Expense>> GetExpensesAsync(UzumToken token, IReadOnlyCollection<long> shopIds, DateTimeOffset from, DateTimeOffset to, CancellationToken ct);

    Task<IReadOnlyList<SupplyInvoice>> GetSupplyInvoicesAsync(UzumToken token, long shopId, int page, int size, CancellationToken ct);

    Task<IReadOnlyList<InvoiceLine>> GetSupplyInvoiceLinesAsync(UzumToken token, long shopId, long invoiceId, CancellationToken ct);

    Task<IReadOnlyList<SellerReturn>> GetReturnsAsync(UzumToken token, long shopId, int page, int size, CancellationToken ct);

    Task<SellerReturn> GetReturnAsync(UzumToken token, long shopId, long returnId, CancellationToken ct);
}

/// <summary>A list that may have been cut at a hard cap; <see cref="Truncated"/> says so, so a screen can say "first N shown".</summary>
public sealed record CappedList<T>(IReadOnlyList<T> Items, bool Truncated);
