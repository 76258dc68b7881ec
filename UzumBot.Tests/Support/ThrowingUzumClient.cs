using UzumBot.Uzum;

namespace UzumBot.Tests.Support;

/// <summary>
/// An <see cref="IUzumClient"/> for handler tests: each call runs the matching delegate, or fails the test when
/// the handler calls something it should not.
/// </summary>
public class ThrowingUzumClient : IUzumClient
{
    public Func<long, SellerOrder>? Order { get; init; }
    public Func<long, LabelSize, IReadOnlyList<byte[]>>? Label { get; init; }
    public Func<string, int, int, OrdersPage>? Orders { get; init; }

    private static T Unexpected<T>(string name) => throw new InvalidOperationException($"The handler called {name}, which this test did not expect.");

    public Task<IReadOnlyList<Shop>> GetShopsAsync(UzumToken token, CancellationToken ct) => Unexpected<Task<IReadOnlyList<Shop>>>(nameof(GetShopsAsync));
    public Task<ProductsPage> GetProductsAsync(UzumToken token, long shopId, int page, int size, string? searchQuery, CancellationToken ct) => Unexpected<Task<ProductsPage>>(nameof(GetProductsAsync));
    public Task<OrdersPage> GetOrdersAsync(UzumToken token, IReadOnlyCollection<long> shopIds, string status, int page, int size, CancellationToken ct) =>
        Orders is null ? Unexpected<Task<OrdersPage>>(nameof(GetOrdersAsync)) : Task.FromResult(Orders(status, page, size));
    public virtual async Task<CappedList<SellerOrder>> GetAllOrdersAsync(UzumToken token, IReadOnlyCollection<long> shopIds, string status, int cap, CancellationToken ct)
    {
        var all = (await GetOrdersAsync(token, shopIds, status, 0, int.MaxValue, ct)).Items;
        return new(all.Take(cap).ToArray(), all.Count > cap);
    }
    public Task<long> CountOrdersAsync(UzumToken token, IReadOnlyCollection<long> shopIds, string status, CancellationToken ct) => Unexpected<Task<long>>(nameof(CountOrdersAsync));
    public Task<SellerOrder> GetOrderAsync(UzumToken token, long orderId, CancellationToken ct) =>
        Order is null ? Unexpected<Task<SellerOrder>>(nameof(GetOrderAsync)) : Task.FromResult(Order(orderId));
    public Task<SellerOrder?> ConfirmOrderAsync(UzumToken token, long orderId, CancellationToken ct) => Unexpected<Task<SellerOrder?>>(nameof(ConfirmOrderAsync));
    public Task CancelOrderAsync(UzumToken token, long orderId, string reason, string? comment, CancellationToken ct) => Unexpected<Task>(nameof(CancelOrderAsync));
    public Task MarkDbsDeliveringAsync(UzumToken token, long orderId, CancellationToken ct) => Unexpected<Task>(nameof(MarkDbsDeliveringAsync));
    public Task CompleteDbsOrderAsync(UzumToken token, long orderId, string issueCode, CancellationToken ct) => Unexpected<Task>(nameof(CompleteDbsOrderAsync));
    public Task<IReadOnlyList<ReturnReason>> GetReturnReasonsAsync(UzumToken token, CancellationToken ct) => Unexpected<Task<IReadOnlyList<ReturnReason>>>(nameof(GetReturnReasonsAsync));
    public Task<IReadOnlyList<byte[]>> GetLabelAsync(UzumToken token, long orderId, LabelSize size, CancellationToken ct) =>
        Label is null ? Unexpected<Task<IReadOnlyList<byte[]>>>(nameof(GetLabelAsync)) : Task.FromResult(Label(orderId, size));
    public Task<IReadOnlyList<SkuStock>> GetFbsStocksAsync(UzumToken token, CancellationToken ct) => Unexpected<Task<IReadOnlyList<SkuStock>>>(nameof(GetFbsStocksAsync));
    public Task UpdateFbsStocksAsync(UzumToken token, IReadOnlyList<SkuStock> rows, CancellationToken ct) => Unexpected<Task>(nameof(UpdateFbsStocksAsync));
    public Task UpdatePricesAsync(UzumToken token, long shopId, long productId, IReadOnlyList<SkuPrice> skus, CancellationToken ct) => Unexpected<Task>(nameof(UpdatePricesAsync));
    public Task<IReadOnlyList<OrderItem>> GetFinanceOrdersAsync(UzumToken token, IReadOnlyCollection<long> shopIds, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) => Unexpected<Task<IReadOnlyList<OrderItem>>>(nameof(GetFinanceOrdersAsync));
    public Task<IReadOnlyList<Expense>> GetExpensesAsync(UzumToken token, IReadOnlyCollection<long> shopIds, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) => Unexpected<Task<IReadOnlyList<Expense>>>(nameof(GetExpensesAsync));
    public Task<IReadOnlyList<SupplyInvoice>> GetSupplyInvoicesAsync(UzumToken token, long shopId, int page, int size, CancellationToken ct) => Unexpected<Task<IReadOnlyList<SupplyInvoice>>>(nameof(GetSupplyInvoicesAsync));
    public Task<IReadOnlyList<InvoiceLine>> GetSupplyInvoiceLinesAsync(UzumToken token, long shopId, long invoiceId, CancellationToken ct) => Unexpected<Task<IReadOnlyList<InvoiceLine>>>(nameof(GetSupplyInvoiceLinesAsync));
    public Task<IReadOnlyList<SellerReturn>> GetReturnsAsync(UzumToken token, long shopId, int page, int size, CancellationToken ct) => Unexpected<Task<IReadOnlyList<SellerReturn>>>(nameof(GetReturnsAsync));
    public Task<SellerReturn> GetReturnAsync(UzumToken token, long shopId, long returnId, CancellationToken ct) => Unexpected<Task<SellerReturn>>(nameof(GetReturnAsync));
}
