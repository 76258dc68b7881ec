using System.Collections.Concurrent;

namespace UzumBot.Uzum.Sandbox;

/// <summary>
/// All sandbox sellers, one per token, generated on first use from the token's stable seed and kept in memory.
/// "Now" for a seller is the moment its data is first generated.
/// </summary>
public sealed class SandboxData(TimeProvider? time = null)
{
    private readonly ConcurrentDictionary<string, Lazy<SandboxSellerData>> _sellers = new(StringComparer.Ordinal);

    public TimeProvider Time { get; } = time ?? TimeProvider.System;

    public SandboxSellerData For(string token)
    {
        if (!SandboxSeller.IsSandboxToken(token)) throw new ArgumentException("Not a sandbox token.", nameof(token));
        var account = SandboxSeller.Account(token);
        return _sellers.GetOrAdd(account, a => new Lazy<SandboxSellerData>(() => SandboxSellerData.Generate(a, Time.GetUtcNow()))).Value;
    }
}

/// <summary>One seller's shops, catalogue, orders and ledgers. Lock <see cref="Gate"/> around any read or write.</summary>
public sealed class SandboxSellerData
{
    public required string Token { get; init; }
    public required int Seed { get; init; }
    public required long SellerId { get; init; }
    public required DateTimeOffset GeneratedAt { get; init; }
    public required IReadOnlyList<SandboxShop> Shops { get; init; }
    public required IReadOnlyList<SandboxProduct> Products { get; init; }
    /// <summary>FBS and DBS orders, newest first.</summary>
    public required IReadOnlyList<SandboxOrder> Orders { get; init; }
    /// <summary>Finance lines of FBO, FBS and DBS sales, newest first.</summary>
    public required IReadOnlyList<SandboxFinanceLine> FinanceLines { get; init; }
    public required IReadOnlyList<SandboxExpense> Expenses { get; init; }
    public required IReadOnlyList<SandboxInvoice> Invoices { get; init; }
    public required IReadOnlyList<SandboxReturn> Returns { get; init; }

    public Lock Gate { get; } = new();

    public IEnumerable<SandboxSku> Skus => Products.SelectMany(p => p.Skus);

    internal static SandboxSellerData Generate(string token, DateTimeOffset now)
    {
        var seed = SandboxSeller.Seed(token);
        // one generator per part, so adding data to one part does not reshuffle the others
        var shops = SandboxCatalogGenerator.Shops(seed, new Random(seed));
        var products = SandboxCatalogGenerator.Products(seed, shops, new Random(seed + 1), SandboxSeller.ProductsPerShop(token));
        var (orders, lines) = SandboxOrderGenerator.Generate(seed, shops, products, now, new Random(seed + 2));
        return new SandboxSellerData
        {
            Token = token,
            Seed = seed,
            SellerId = 400_000 + seed % 100_000,
            GeneratedAt = now,
            Shops = shops,
            Products = products,
            Orders = orders.OrderByDescending(o => o.DateCreated).ThenByDescending(o => o.Id).ToList(),
            FinanceLines = lines.OrderByDescending(l => l.Date).ThenByDescending(l => l.Id).ToList(),
            Expenses = SandboxLedgerGenerator.Expenses(seed, shops, lines, now, new Random(seed + 3))
                .OrderByDescending(e => e.DateCreated).ThenByDescending(e => e.Id).ToList(),
            Invoices = SandboxLedgerGenerator.Invoices(seed, shops, products, now, new Random(seed + 4)),
            Returns = SandboxLedgerGenerator.Returns(seed, shops, products, now, new Random(seed + 5)),
        };
    }

    public bool OwnsShop(long shopId) => Shops.Any(s => s.Id == shopId);

    public SandboxShop? Shop(long shopId) => Shops.FirstOrDefault(s => s.Id == shopId);

    public SandboxOrder? FindOrder(long orderId) => Orders.FirstOrDefault(o => o.Id == orderId);

    /// <summary>A buyer places a new FBS order (CREATED, 24 h to accept) for one SKU: how tests make "new orders" appear.</summary>
    public SandboxOrder PlaceOrder(SandboxSku sku, int amount, DateTimeOffset now)
    {
        lock (Gate)
        {
            var orders = (List<SandboxOrder>)Orders; // generated as a list, newest first
            var order = new SandboxOrder
            {
                Id = orders.Max(o => o.Id) + 1,
                ShopId = sku.ShopId,
                Scheme = "FBS",
                Status = OrderStatuses.Created,
                DateCreated = now,
                AcceptUntil = now + TimeSpan.FromHours(24),
                DeliverUntil = now + TimeSpan.FromHours(48),
            };
            var itemId = orders.SelectMany(o => o.Items).Max(i => i.Id) + 1;
            order.Items.Add(new SandboxOrderItem
            {
                Id = itemId, OrderId = order.Id, Sku = sku, SellPrice = sku.Price, Amount = amount, Date = now, Status = "PROCESSING",
            });
            orders.Insert(0, order);
            return order;
        }
    }

    /// <summary>CREATED → PACKING. Returns an error code, or null on success.</summary>
    public string? Confirm(long orderId, DateTimeOffset now)
    {
        lock (Gate)
        {
            var order = FindOrder(orderId);
            if (order is null) return UzumErrorCodes.OrderNotFound;
            if (order.Status != OrderStatuses.Created) return UzumErrorCodes.WrongOrderStatus;
            if (order.AcceptUntil < now) return UzumErrorCodes.DeadlinePassed;
            order.Status = OrderStatuses.Packing;
            order.AcceptedDate = now;
            return null;
        }
    }

    /// <summary>Wrong DBS issue codes tolerated before UZUM answers seller-order-39 for every further try.</summary>
    public const int IssueCodeAttempts = 5;

    /// <summary>DBS: PACKING → DELIVERING (the seller's courier has it). Returns an error code, or null on success.</summary>
    public string? MarkDelivering(long orderId, DateTimeOffset now)
    {
        lock (Gate)
        {
            var order = FindOrder(orderId);
            if (order is null) return UzumErrorCodes.OrderNotFound;
            if (!order.IsDbs) return UzumErrorCodes.NotDbsOrder;
            if (order.Status != OrderStatuses.Packing) return UzumErrorCodes.WrongOrderStatus;
            order.Status = OrderStatuses.Delivering;
            order.DeliveringDate = now;
            return null;
        }
    }

    /// <summary>DBS: DELIVERING → COMPLETED with the customer's issue code. Returns an error code, or null on success.</summary>
    public string? Complete(long orderId, string? issueCode, DateTimeOffset now)
    {
        lock (Gate)
        {
            var order = FindOrder(orderId);
            if (order is null) return UzumErrorCodes.OrderNotFound;
            if (!order.IsDbs) return UzumErrorCodes.NotDbsOrder;
            if (order.Status != OrderStatuses.Delivering) return UzumErrorCodes.WrongOrderStatus;
            if (string.IsNullOrWhiteSpace(issueCode)) return UzumErrorCodes.IssueCodeMissing;
            if (order.WrongIssueCodes >= IssueCodeAttempts) return UzumErrorCodes.IssueCodeThrottled;
            if (issueCode != order.IssueCode)
            {
                order.WrongIssueCodes++;
                return order.WrongIssueCodes >= IssueCodeAttempts ? UzumErrorCodes.IssueCodeThrottled : UzumErrorCodes.IssueCodeWrong;
            }
            order.WrongIssueCodes = 0;
            order.Status = OrderStatuses.Completed;
            order.CompletedDate = now;
            return null;
        }
    }

    /// <summary>Seller cancel with one of the four seller reasons. Returns an error code, or null on success.</summary>
    public string? Cancel(long orderId, string? reason, DateTimeOffset now)
    {
        lock (Gate)
        {
            var order = FindOrder(orderId);
            if (order is null) return UzumErrorCodes.OrderNotFound;
            if (order.Status == OrderStatuses.Canceled) return UzumErrorCodes.AlreadyCancelled;
            if (reason is null || !SandboxOrderGenerator.SellerCancelReasons.Contains(reason)) return UzumErrorCodes.ReasonNotAllowed;
            if (order.Status is not (OrderStatuses.Created or OrderStatuses.Packing)) return UzumErrorCodes.WrongOrderStatus;
            order.Status = OrderStatuses.Canceled;
            order.DateCancelled = now;
            order.CancelReason = reason;
            foreach (var item in order.Items) item.Status = "CANCELED";
            foreach (var line in FinanceLines.Where(l => l.OrderId == orderId)) line.ZeroOut("CANCELED");
            return null;
        }
    }

    /// <summary>Sets FBS stock by barcode. All rows or none: returns an error code and changes nothing when any row is bad.</summary>
    public string? UpdateStocks(IReadOnlyList<(string? Barcode, int Amount)> rows)
    {
        lock (Gate)
        {
            var byBarcode = Skus.ToDictionary(s => s.Barcode.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var targets = new List<(SandboxSku Sku, int Amount)>();
            foreach (var (barcode, amount) in rows)
            {
                if (barcode is null || amount < 0 || !byBarcode.TryGetValue(barcode, out var sku)) return "storage-service-05";
                targets.Add((sku, amount));
            }
            foreach (var (sku, amount) in targets) sku.QuantityFbs = amount;
            return null;
        }
    }

    /// <summary>Sets prices of SKUs of one product. Returns an error code, or null on success.</summary>
    public string? UpdatePrices(long shopId, long productId, IReadOnlyList<(long SkuId, long? FullPrice, long? SellPrice)> rows)
    {
        lock (Gate)
        {
            if (!OwnsShop(shopId)) return UzumErrorCodes.AccessDenied;
            var product = Products.FirstOrDefault(p => p.ProductId == productId && p.ShopId == shopId);
            if (product is null || rows.Count == 0) return UzumErrorCodes.BadRequest;
            var targets = new List<(SandboxSku Sku, long? Full, long? Sell)>();
            foreach (var (skuId, full, sell) in rows)
            {
                var sku = product.Skus.FirstOrDefault(s => s.SkuId == skuId);
                if (sku is null || sell is <= 0 || full is <= 0) return UzumErrorCodes.BadRequest;
                targets.Add((sku, full, sell));
            }
            foreach (var (sku, full, sell) in targets)
            {
                if (sell is { } s) sku.Price = s;
                if (full is { } f) sku.FullPrice = f;
            }
            return null;
        }
    }
}
