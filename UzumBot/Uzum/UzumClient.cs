using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using UzumBot.Hosting;

namespace UzumBot.Uzum;

/// <summary>
/// <see cref="IUzumClient"/> over one HttpClient. Every attempt waits for the token's <see cref="UzumThrottle"/>
/// slot, then runs under its own timeout (<see cref="UzumOptions.AttemptTimeoutSeconds"/>; the wait for the slot
/// does not count). GETs are retried by one Polly retry strategy on 429 / 5xx / timeouts / connection errors with
/// jittered exponential backoff, or after UZUM's Retry-After when it sends one. POSTs are sent exactly once.
/// </summary>
public sealed class UzumClient : IUzumClient
{
    public const int OrdersPageSize = 50;
    public const int FinancePageSize = 50;
    public const int StocksPageSize = 100;
    public const int StockUpdateBatchSize = 100;

    /// <summary>A Retry-After longer than this is not waited out: the call fails as unavailable and says when to come back.</summary>
    public static readonly TimeSpan MaxHonouredRetryAfter = TimeSpan.FromSeconds(30);

    /// <summary>Safety stop for "page until a short page" loops.</summary>
    internal const int MaxPages = 1000;

    private static readonly ResiliencePropertyKey<bool> Idempotent = new("uzum.idempotent");
    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");

    private readonly HttpClient _http;
    private readonly UzumThrottleRegistry _throttles;
    private readonly TimeProvider _time;
    private readonly ILogger<UzumClient> _log;
    private readonly TimeSpan _attemptTimeout;
    private readonly TimeSpan _backoffBase;
    private readonly ResiliencePipeline<RawResponse> _pipeline;

    public UzumClient(HttpClient http, IOptions<UzumOptions> options, UzumThrottleRegistry throttles, TimeProvider time, ILogger<UzumClient> log)
    {
        var o = options.Value;
        _http = http;
        _http.BaseAddress ??= NormalizeBaseUrl(o.BaseUrl);
        _throttles = throttles;
        _time = time;
        _log = log;
        _attemptTimeout = TimeSpan.FromSeconds(Math.Max(1, o.AttemptTimeoutSeconds));
        _backoffBase = TimeSpan.FromMilliseconds(Math.Max(0, o.BackoffBaseMs));
        _pipeline = BuildPipeline(o.MaxGetAttempts);
    }

    /// <summary>The base URL with exactly one trailing slash, so relative paths like <c>v1/shops</c> append to it.</summary>
    public static Uri NormalizeBaseUrl(string? baseUrl)
    {
        if (!Uri.TryCreate(baseUrl?.Trim().TrimEnd('/') + "/", UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new InvalidOperationException($"{UzumOptions.Section}:{nameof(UzumOptions.BaseUrl)} is not an absolute http(s) URL.");
        return uri;
    }

    // ---- shops, products -------------------------------------------------------------------------------------

    public async Task<IReadOnlyList<Shop>> GetShopsAsync(UzumToken token, CancellationToken ct)
    {
        var r = await GetAsync(token, "v1/shops", null, ct);
        var data = Unwrap(r, "GET v1/shops");
        // Observed bare [{id,name}]; some docs describe {shops:[…]} — accept either, bare or enveloped.
        if (data is { ValueKind: JsonValueKind.Object } obj && Property(obj, "shops") is { } nested) data = nested;
        return Deserialize(r, data, UzumJsonContext.Default.ListShop, "GET v1/shops") ?? [];
    }

    public async Task<ProductsPage> GetProductsAsync(UzumToken token, long shopId, int page, int size, string? searchQuery, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(page);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, 100);
        var path = $"v1/product/shop/{shopId}";
        var query = new UzumQuery().Add("page", page).Add("size", size)
            .Add("searchQuery", string.IsNullOrWhiteSpace(searchQuery) ? null : searchQuery.Trim());
        return await GetPayloadAsync(token, path, query, UzumJsonContext.Default.ProductsPage, ct) ?? new ProductsPage([], 0);
    }

    // ---- FBS/DBS orders --------------------------------------------------------------------------------------

    public async Task<OrdersPage> GetOrdersAsync(UzumToken token, IReadOnlyCollection<long> shopIds, string status, int page, int size, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(page);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, OrdersPageSize);
        var query = OrderQuery(shopIds, status).Add("page", page).Add("size", size);
        return await GetPayloadAsync(token, "v2/fbs/orders", query, UzumJsonContext.Default.OrdersPage, ct) ?? new OrdersPage([], 0);
    }

    public async Task<CappedList<SellerOrder>> GetAllOrdersAsync(UzumToken token, IReadOnlyCollection<long> shopIds, string status, int cap, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cap, 1);
        var all = new List<SellerOrder>();
        for (var page = 0; page < MaxPages; page++)
        {
            var result = await GetOrdersAsync(token, shopIds, status, page, OrdersPageSize, ct);
            all.AddRange(result.Items);
            if (result.Items.Count < OrdersPageSize) return new CappedList<SellerOrder>(Cap(all, cap), all.Count > cap);
            if (all.Count >= cap)
            {
                // A full last page means there may be more; UZUM's totalAmount settles it when it agrees with what we read.
                var truncated = all.Count > cap || result.TotalAmount != all.Count;
                return new CappedList<SellerOrder>(Cap(all, cap), truncated);
            }
        }
        return new CappedList<SellerOrder>(Cap(all, cap), true);
    }

    public async Task<long> CountOrdersAsync(UzumToken token, IReadOnlyCollection<long> shopIds, string status, CancellationToken ct)
    {
        const string path = "v2/fbs/orders/count";
        var r = await GetAsync(token, path, OrderQuery(shopIds, status), ct);
        var data = Unwrap(r, "GET " + path);
        if (data is { ValueKind: JsonValueKind.Object } obj && Property(obj, "count") is { } c) data = c;
        return data is { } d && d.ValueKind is JsonValueKind.Number or JsonValueKind.String
            ? Deserialize(r, d, UzumJsonContext.Default.Int64, "GET " + path)
            : throw new UzumInvalidResponseException(r.Status, $"GET {path}: no count in the payload.");
    }

    public async Task<SellerOrder> GetOrderAsync(UzumToken token, long orderId, CancellationToken ct)
    {
        var path = $"v1/fbs/order/{orderId}";
        return await GetPayloadAsync(token, path, null, UzumJsonContext.Default.SellerOrder, ct)
            ?? throw new UzumInvalidResponseException(HttpStatusCode.OK, $"GET {path}: no order in the payload.");
    }

    /// <summary>Sent once (never retried). After a timeout or UzumUnavailableException read the order again (<see cref="UzumClientExtensions.TryReadOrderAsync"/>).</summary>
    public async Task<SellerOrder?> ConfirmOrderAsync(UzumToken token, long orderId, CancellationToken ct)
    {
        var path = $"v1/fbs/order/{orderId}/confirm";
        var r = await PostAsync(token, path, null, null, ct);
        return Deserialize(r, Unwrap(r, "POST " + path), UzumJsonContext.Default.SellerOrder, "POST " + path);
    }

    /// <summary>
    /// Sent once (never retried). UZUM's <c>seller-order-13</c> (already cancelled) counts as success, so cancelling
    /// twice is harmless. After a timeout or UzumUnavailableException read the order again.
    /// </summary>
    public async Task CancelOrderAsync(UzumToken token, long orderId, string reason, string? comment, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var path = $"v1/fbs/order/{orderId}/cancel";
        var body = JsonSerializer.SerializeToUtf8Bytes(
            new CancelOrderRequest(reason, string.IsNullOrWhiteSpace(comment) ? null : comment), UzumJsonContext.Default.CancelOrderRequest);
        try
        {
            var r = await PostAsync(token, path, null, body, ct);
            Unwrap(r, "POST " + path);
        }
        catch (UzumApiException ex) when (ex.HasCode(UzumErrorCodes.AlreadyCancelled))
        {
            _log.LogInformation("UZUM order {OrderId} was already cancelled; treating cancel as done", orderId);
        }
    }

    public async Task MarkDbsDeliveringAsync(UzumToken token, long orderId, CancellationToken ct)
    {
        var path = $"v1/dbs/order/{orderId}/delivering";
        Unwrap(await PostAsync(token, path, null, null, ct), "POST " + path);
    }

    public async Task CompleteDbsOrderAsync(UzumToken token, long orderId, string issueCode, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issueCode);
        var path = $"v1/dbs/order/{orderId}/completed";
        Unwrap(await PostAsync(token, path, new UzumQuery().Add("issueCode", issueCode), null, ct), "POST " + path);
    }

    public async Task<IReadOnlyList<ReturnReason>> GetReturnReasonsAsync(UzumToken token, CancellationToken ct)
    {
        var payload = await GetPayloadAsync(token, "v1/fbs/order/return-reasons", null, UzumJsonContext.Default.ReturnReasonsPayload, ct);
        return payload?.Reasons ?? [];
    }

    public async Task<IReadOnlyList<byte[]>> GetLabelAsync(UzumToken token, long orderId, LabelSize size, CancellationToken ct)
    {
        var path = $"v1/fbs/order/{orderId}/labels/print";
        var r = await GetAsync(token, path, new UzumQuery().Add("size", size.ApiName()), ct);
        return LabelDocuments.Decode(r.Status, Unwrap(r, "GET " + path), orderId);
    }

    // ---- stocks, prices --------------------------------------------------------------------------------------

    public async Task<IReadOnlyList<SkuStock>> GetFbsStocksAsync(UzumToken token, CancellationToken ct)
    {
        var all = new List<SkuStock>();
        for (var page = 0; page < MaxPages; page++)
        {
            var query = new UzumQuery().Add("page", page).Add("size", StocksPageSize);
            var payload = await GetPayloadAsync(token, "v3/fbs/sku/stocks", query, UzumJsonContext.Default.SkuStocksPayload, ct);
            var rows = payload?.SkuAmountList ?? [];
            all.AddRange(rows);
            if (rows.Count < StocksPageSize) return all;
        }
        _log.LogWarning("UZUM stocks: stopped after {Pages} pages", MaxPages);
        return all;
    }

    /// <summary>The cursor means "skuId greater than", so <c>skuIdFrom = skuId − 1</c> with size 1 is exactly that row when it exists.</summary>
    public async Task<SkuStock?> GetFbsStockAsync(UzumToken token, long skuId, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(skuId, 1);
        var query = new UzumQuery().Add("page", 0).Add("size", 1).Add("skuIdFrom", skuId - 1);
        var payload = await GetPayloadAsync(token, "v3/fbs/sku/stocks", query, UzumJsonContext.Default.SkuStocksPayload, ct);
        return payload?.SkuAmountList?.FirstOrDefault(s => s.SkuId == skuId);
    }

    /// <summary>
    /// Sends the rows in batches of 100 (one POST each, never retried; UZUM rejects a whole batch for one bad row).
    /// Rows should be round-tripped as read from <see cref="GetFbsStocksAsync"/> with only the amount changed.
    /// A failure stops at that batch; earlier batches stay applied.
    /// </summary>
    public async Task UpdateFbsStocksAsync(UzumToken token, IReadOnlyList<SkuStock> rows, CancellationToken ct)
    {
        const string path = "v2/fbs/sku/stocks";
        foreach (var batch in rows.Chunk(StockUpdateBatchSize))
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(new SkuStocksPayload(batch), UzumJsonContext.Default.SkuStocksPayload);
            var r = await PostAsync(token, path, null, body, ct);
            Unwrap(r, "POST " + path);
        }
    }

    public async Task UpdatePricesAsync(UzumToken token, long shopId, long productId, IReadOnlyList<SkuPrice> skus, CancellationToken ct)
    {
        if (skus.Count == 0) return;
        var path = $"v1/product/{shopId}/sendPriceData";
        var body = JsonSerializer.SerializeToUtf8Bytes(new PriceUpdateRequest(productId, skus), UzumJsonContext.Default.PriceUpdateRequest);
        var r = await PostAsync(token, path, null, body, ct);
        Unwrap(r, "POST " + path);
    }

    // ---- finance ---------------------------------------------------------------------------------------------

    public async Task<IReadOnlyList<OrderItem>> GetFinanceOrdersAsync(UzumToken token, IReadOnlyCollection<long> shopIds, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var all = new List<OrderItem>();
        for (var page = 0; page < MaxPages; page++)
        {
            var query = FinanceQuery(shopIds, from, to).Add("group", false).Add("page", page).Add("size", FinancePageSize);
            var result = await GetPayloadAsync(token, "v1/finance/orders", query, UzumJsonContext.Default.FinanceOrdersPage, ct);
            var items = result?.Items ?? [];
            all.AddRange(items);
            if (items.Count < FinancePageSize) return all; // never by totalElements
        }
        _log.LogWarning("UZUM finance orders: stopped after {Pages} pages", MaxPages);
        return all;
    }

    public async Task<IReadOnlyList<Expense>> GetExpensesAsync(UzumToken token, IReadOnlyCollection<long> shopIds, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var all = new List<Expense>();
        for (var page = 0; page < MaxPages; page++)
        {
            var query = FinanceQuery(shopIds, from, to).Add("page", page).Add("size", FinancePageSize);
            var result = await GetPayloadAsync(token, "v1/finance/expenses", query, UzumJsonContext.Default.ExpensesPayload, ct);
            var items = result?.Items ?? [];
            all.AddRange(items);
            if (items.Count < FinancePageSize) return all; // totalElements is 0 even with data
        }
        _log.LogWarning("UZUM expenses: stopped after {Pages} pages", MaxPages);
        return all;
    }

    // ---- FBO invoices, returns -------------------------------------------------------------------------------

    public async Task<IReadOnlyList<SupplyInvoice>> GetSupplyInvoicesAsync(UzumToken token, long shopId, int page, int size, CancellationToken ct)
    {
        var query = new UzumQuery().Add("page", page).Add("size", size);
        return await GetPayloadAsync(token, $"v1/shop/{shopId}/invoice", query, UzumJsonContext.Default.ListSupplyInvoice, ct) ?? [];
    }

    public async Task<IReadOnlyList<InvoiceLine>> GetSupplyInvoiceLinesAsync(UzumToken token, long shopId, long invoiceId, CancellationToken ct)
    {
        var query = new UzumQuery().Add("invoiceId", invoiceId);
        return await GetPayloadAsync(token, $"v1/shop/{shopId}/invoice/products", query, UzumJsonContext.Default.ListInvoiceLine, ct) ?? [];
    }

    public async Task<IReadOnlyList<SellerReturn>> GetReturnsAsync(UzumToken token, long shopId, int page, int size, CancellationToken ct)
    {
        var query = new UzumQuery().Add("page", page).Add("size", size);
        return await GetPayloadAsync(token, $"v1/shop/{shopId}/return", query, UzumJsonContext.Default.ListSellerReturn, ct) ?? [];
    }

    public async Task<SellerReturn> GetReturnAsync(UzumToken token, long shopId, long returnId, CancellationToken ct)
    {
        var path = $"v1/shop/{shopId}/return/{returnId}";
        return await GetPayloadAsync(token, path, null, UzumJsonContext.Default.SellerReturn, ct)
            ?? throw new UzumInvalidResponseException(HttpStatusCode.OK, $"GET {path}: no return in the payload.");
    }

    // ---- queries ---------------------------------------------------------------------------------------------

    private static UzumQuery OrderQuery(IReadOnlyCollection<long> shopIds, string status)
    {
        RequireShops(shopIds);
        // Single-valued filter; an unknown value (e.g. "CANCELLED") would silently mean CREATED or a 400.
        if (!OrderStatuses.IsKnown(status))
            throw new ArgumentException($"'{status}' is not an UZUM order status filter value.", nameof(status));
        return new UzumQuery().AddEach("shopIds", shopIds).Add("status", status);
    }

    private static UzumQuery FinanceQuery(IReadOnlyCollection<long> shopIds, DateTimeOffset from, DateTimeOffset to)
    {
        RequireShops(shopIds);
        if (to < from) throw new ArgumentException("The period ends before it starts.", nameof(to));
        // Seconds: milliseconds give UZUM's silent empty result.
        return new UzumQuery().AddEach("shopIds", shopIds)
            .Add("dateFrom", EpochTime.ToQuerySeconds(from)).Add("dateTo", EpochTime.ToQuerySeconds(to));
    }

    private static void RequireShops(IReadOnlyCollection<long> shopIds)
    {
        ArgumentNullException.ThrowIfNull(shopIds);
        if (shopIds.Count == 0) throw new ArgumentException("At least one shop id is required.", nameof(shopIds));
    }

    private static List<T> Cap<T>(List<T> items, int cap) => items.Count > cap ? items.GetRange(0, cap) : items;

    // ---- transport -------------------------------------------------------------------------------------------

    private readonly record struct RawResponse(HttpStatusCode Status, byte[] Body, TimeSpan? RetryAfter)
    {
        public bool IsSuccess => (int)Status is >= 200 and < 300;
        public bool IsTransient => Status == HttpStatusCode.TooManyRequests || (int)Status >= 500;
    }

    private ResiliencePipeline<RawResponse> BuildPipeline(int maxGetAttempts)
    {
        if (maxGetAttempts <= 1) return ResiliencePipeline<RawResponse>.Empty;
        return new ResiliencePipelineBuilder<RawResponse> { TimeProvider = _time }
            .AddRetry(new RetryStrategyOptions<RawResponse>
            {
                MaxRetryAttempts = maxGetAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _backoffBase,
                MaxDelay = MaxHonouredRetryAfter,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Context.Properties.GetValue(Idempotent, false) && ShouldRetry(args.Outcome)),
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result.RetryAfter),
                OnRetry = args =>
                {
                    _log.LogInformation("UZUM GET retry {Attempt} in {Delay} ms after {Outcome}", args.AttemptNumber + 1,
                        (long)args.RetryDelay.TotalMilliseconds,
                        args.Outcome.Exception?.GetType().Name ?? ((int)args.Outcome.Result.Status).ToString());
                    return default;
                },
            })
            .Build();
    }

    private static bool ShouldRetry(Outcome<RawResponse> outcome) => outcome.Exception switch
    {
        HttpRequestException or TimeoutException => true,
        null => outcome.Result.IsTransient && !(outcome.Result.RetryAfter > MaxHonouredRetryAfter),
        _ => false,
    };

    private Task<RawResponse> GetAsync(UzumToken token, string path, UzumQuery? query, CancellationToken ct) =>
        SendAsync(token, HttpMethod.Get, path, query, null, ct);

    private Task<RawResponse> PostAsync(UzumToken token, string path, UzumQuery? query, byte[]? body, CancellationToken ct) =>
        SendAsync(token, HttpMethod.Post, path, query, body, ct);

    private async Task<T?> GetPayloadAsync<T>(UzumToken token, string path, UzumQuery? query, JsonTypeInfo<T> type, CancellationToken ct)
    {
        var r = await GetAsync(token, path, query, ct);
        return Deserialize(r, Unwrap(r, "GET " + path), type, "GET " + path);
    }

    private async Task<RawResponse> SendAsync(UzumToken token, HttpMethod method, string path, UzumQuery? query, byte[]? body, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token.Value) || token.Value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            throw new ArgumentException("The UZUM token is empty or contains whitespace; normalize it with UzumToken.TryNormalize.", nameof(token));

        var context = ResilienceContextPool.Shared.Get(ct);
        context.Properties.Set(Idempotent, method == HttpMethod.Get);
        try
        {
            var state = (Client: this, Token: token, Method: method, Path: path, Uri: query?.AppendTo(path) ?? path, Body: body);
            return await _pipeline.ExecuteAsync(
                static (ctx, s) => s.Client.AttemptAsync(s.Token, s.Method, s.Path, s.Uri, s.Body, ctx.CancellationToken), context, state);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException)
        {
            throw new UzumUnavailableException($"UZUM {method} {path} failed: {ex.Message}", ex);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async ValueTask<RawResponse> AttemptAsync(UzumToken token, HttpMethod method, string path, string uri, byte[]? body, CancellationToken ct)
    {
        var throttle = _throttles.For(token);
        await throttle.WaitAsync(ct);

        using var timeout = new CancellationTokenSource(_attemptTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.TryAddWithoutValidation("Authorization", token.Value); // raw, no "Bearer"
        request.Headers.Accept.Add(Json);
        request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("ru"));
        if (body is not null)
            request.Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } } };

        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token);
            var bytes = await response.Content.ReadAsByteArrayAsync(linked.Token);
            var retryAfter = RetryAfter.From(response.Headers.RetryAfter, _time.GetUtcNow());
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                throttle.Pause(retryAfter ?? _backoffBase); // everyone on this token backs off, not just this caller
            _log.Log(response.IsSuccessStatusCode ? LogLevel.Debug : LogLevel.Information,
                "UZUM {Method} {Path} -> {Status} in {Elapsed} ms", method.Method, path, (int)response.StatusCode,
                (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return new RawResponse(response.StatusCode, bytes, retryAfter);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            _log.LogInformation("UZUM {Method} {Path} timed out after {Elapsed} ms", method.Method, path,
                (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw new TimeoutException($"no answer within {_attemptTimeout.TotalSeconds:0} s");
        }
    }

    // ---- envelopes -------------------------------------------------------------------------------------------

    /// <summary>
    /// The data of a response, bare or enveloped (whichever the endpoint chose today). Throws <see cref="UzumApiException"/>
    /// for a non-empty <c>errors[]</c> (any non-transient status) or a failed status, <see cref="UzumUnavailableException"/> for
    /// 429/5xx with or without errors. Returns null for an empty body or a null payload.
    /// </summary>
    private static JsonElement? Unwrap(RawResponse r, string what)
    {
        JsonElement? root = null;
        if (r.Body.AsSpan().Trim(" \t\r\n"u8).Length > 0)
        {
            try
            {
                using var doc = JsonDocument.Parse(r.Body);
                root = doc.RootElement.Clone();
            }
            catch (JsonException) when (!r.IsSuccess)
            {
                // an HTML error page from a proxy: judged by the status alone
            }
            catch (JsonException ex)
            {
                throw new UzumInvalidResponseException(r.Status, $"{what}: the body is not JSON ({ex.Message})");
            }
        }

        string? trace = null;
        if (root is { ValueKind: JsonValueKind.Object } obj && IsEnvelope(obj))
        {
            trace = Property(obj, "trace") is { ValueKind: JsonValueKind.String } t ? t.GetString() : null;
            var errors = ReadErrors(obj);
            // A 429/5xx is "UZUM is down" even when the gateway wraps it in errors[] (e.g. internal-error):
            // callers show "temporarily unavailable" and reconcile a POST by reading back, as for a bare 5xx.
            if (errors.Count > 0 && r.IsTransient)
                throw new UzumUnavailableException(
                    $"UZUM answered {(int)r.Status} to {what}: {string.Join(", ", errors.Select(e => e.Code))}") { RetryAfter = r.RetryAfter, Errors = errors };
            if (errors.Count > 0) throw new UzumApiException(r.Status, errors, trace);
            root = Property(obj, "payload");
        }

        if (!r.IsSuccess)
        {
            if (r.IsTransient)
                throw new UzumUnavailableException($"UZUM answered {(int)r.Status} to {what}") { RetryAfter = r.RetryAfter };
            throw new UzumApiException(r.Status, [], trace);
        }
        return root is { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } ? null : root;
    }

    private static T? Deserialize<T>(RawResponse r, JsonElement? data, JsonTypeInfo<T> type, string what)
    {
        if (data is null) return default;
        try
        {
            return data.Value.Deserialize(type);
        }
        catch (JsonException ex)
        {
            throw new UzumInvalidResponseException(r.Status, $"{what}: unexpected shape ({ex.Message})");
        }
    }

    private static bool IsEnvelope(JsonElement obj) => Property(obj, "payload") is not null || Property(obj, "errors") is not null;

    internal static JsonElement? Property(JsonElement obj, string name)
    {
        foreach (var p in obj.EnumerateObject())
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)) return p.Value;
        return null;
    }

    private static List<UzumErrorItem> ReadErrors(JsonElement envelope)
    {
        var list = new List<UzumErrorItem>();
        if (Property(envelope, "errors") is not { ValueKind: JsonValueKind.Array } errors) return list;
        foreach (var e in errors.EnumerateArray())
        {
            if (e.ValueKind != JsonValueKind.Object) continue;
            var code = Property(e, "code") is { ValueKind: JsonValueKind.String } c ? c.GetString() : null;
            var message = Property(e, "message") is { ValueKind: JsonValueKind.String } m ? m.GetString() : null;
            list.Add(new UzumErrorItem(string.IsNullOrEmpty(code) ? "unknown" : code, message));
        }
        return list;
    }
}
