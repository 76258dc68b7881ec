using System.Text.Json.Serialization;

namespace UzumBot.Uzum;

// Records whose member names are UZUM's field names (camelCase on the wire). Unknown fields are ignored,
// missing ones stay null/0. Response dates are epoch milliseconds (EpochTime converts them); barcodes
// are numbers in the catalogue and strings in stock lists, so they are read as strings everywhere.

public sealed record Shop(long Id, string? Name);

public sealed record ProductsPage(IReadOnlyList<ProductCard>? ProductList, int TotalProductsAmount)
{
    public IReadOnlyList<ProductCard> Products => ProductList ?? [];
}

public sealed record ProductCard
{
    public long ProductId { get; init; }
    public string? Title { get; init; }
    public string? Category { get; init; }
    public string? Rating { get; init; }
    public string? SkuTitle { get; init; }
    public string? Image { get; init; }
    public string? PreviewImg { get; init; }
    public ProductStatus? Status { get; init; }
    public ModerationStatus? ModerationStatus { get; init; }
    public int FeedbackQuantity { get; init; }
    public long Price { get; init; }
    public int QuantityActive { get; init; }
    public int QuantityFbs { get; init; }
    public int QuantitySold { get; init; }
    public int QuantityReturned { get; init; }
    public double ReturnedPercentage { get; init; }
    public CommissionRange? CommissionDto { get; init; }
    public IReadOnlyList<ProductSku>? SkuList { get; init; }
}

public sealed record ProductStatus(string? Value, string? Title);

public sealed record ModerationStatus(string? Value, string? Title);

public sealed record CommissionRange(double MinCommission, double MaxCommission);

public sealed record ProductSku
{
    public long SkuId { get; init; }
    public string? SkuTitle { get; init; }
    public string? SkuFullTitle { get; init; }
    public string? ProductTitle { get; init; }
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Barcode { get; init; }
    public long Price { get; init; }
    public long? PurchasePrice { get; init; }
    /// <summary>FBO stock at UZUM's warehouse.</summary>
    public int QuantityActive { get; init; }
    /// <summary>The seller's own (FBS) stock.</summary>
    public int QuantityFbs { get; init; }
    public int QuantitySold { get; init; }
    public int QuantityReturned { get; init; }
    public double ReturnedPercentage { get; init; }
    /// <summary>A percent, e.g. 25.</summary>
    public double Commission { get; init; }
    public string? Characteristics { get; init; }
    public string? PreviewImage { get; init; }
    public bool Archived { get; init; }
    public bool Blocked { get; init; }
    public string? SellerItemCode { get; init; }
    public string? Article { get; init; }
    /// <summary>Seen live next to <c>price</c>; the sandbox sends the crossed-out price here.</summary>
    public long? MarketPrice { get; init; }
    public ProductStatus? Status { get; init; }
}

public sealed record OrdersPage(IReadOnlyList<SellerOrder>? Orders, long TotalAmount)
{
    public IReadOnlyList<SellerOrder> Items => Orders ?? [];
}

public sealed record SellerOrder
{
    public long Id { get; init; }
    public string? Status { get; init; }
    /// <summary>FBS or DBS (read from each order, never filtered by the query).</summary>
    public string? Scheme { get; init; }
    public long ShopId { get; init; }
    public long Price { get; init; }
    [JsonConverter(typeof(EpochTime.Converter))] public DateTimeOffset? DateCreated { get; init; }
    [JsonConverter(typeof(EpochTime.Converter))] public DateTimeOffset? AcceptUntil { get; init; }
    [JsonConverter(typeof(EpochTime.Converter))] public DateTimeOffset? DeliverUntil { get; init; }
    [JsonConverter(typeof(EpochTime.Converter))] public DateTimeOffset? DeliveringDate { get; init; }
    [JsonConverter(typeof(EpochTime.Converter))] public DateTimeOffset? DeliveryDate { get; init; }
    [JsonConverter(typeof(EpochTime.Converter))] public DateTimeOffset? AcceptedDate { get; init; }
    [JsonConverter(typeof(EpochTime.Converter))] public DateTimeOffset? DeliveredToDeliveryPointDate { get; init; }
    [JsonConverter(typeof(EpochTime.Converter))] public DateTimeOffset? CompletedDate { get; init; }
    [JsonConverter(typeof(EpochTime.Converter))] public DateTimeOffset? DateCancelled { get; init; }
    [JsonConverter(typeof(EpochTime.Converter))] public DateTimeOffset? ReturnDate { get; init; }
    public string? CancelReason { get; init; }
    public bool IdentifierRequired { get; init; }
    public OrderStock? Stock { get; init; }
    public long? InvoiceNumber { get; init; }
    /// <summary>DBS only: where and to whom the seller delivers.</summary>
    public DeliveryInfo? DeliveryInfo { get; init; }
    /// <summary>Where an FBS parcel is handed over, when UZUM has assigned it.</summary>
    public DropOffPoint? DropOffPoint { get; init; }
    /// <summary>The hand-over window booked for the parcel (with an FBS invoice), when there is one.</summary>
    public TimeSlot? TimeSlot { get; init; }
    public IReadOnlyList<OrderItem>? OrderItems { get; init; }

    public IReadOnlyList<OrderItem> Items => OrderItems ?? [];
    public bool IsDbs => string.Equals(Scheme, "DBS", StringComparison.OrdinalIgnoreCase);
}

public sealed record OrderStock(long Id, string? Title);

public sealed record DropOffPoint(string? Uuid, string? Address, string? Type);

public sealed record TimeSlot
{
    [JsonConverter(typeof(EpochTime.Converter))] public DateTimeOffset? TimeFrom { get; init; }
    [JsonConverter(typeof(EpochTime.Converter))] public DateTimeOffset? TimeTo { get; init; }
}

public sealed record DeliveryInfo(string? DeliveryAddress, string? CustomerFullname, string? CustomerPhone, string? DeliveryComment);

/// <summary>An order line; the same shape as a finance line (<c>SellerOrderItemDto</c>).</summary>
public sealed record OrderItem
{
    public long Id { get; init; }
    public string? Status { get; init; }
    [JsonConverter(typeof(EpochTime.Converter))] public DateTimeOffset? Date { get; init; }
    public long OrderId { get; init; }
    /// <summary>The seller SKU code (equals the catalogue's skuFullTitle).</summary>
    public string? SkuTitle { get; init; }
    public string? SellerSkuCode { get; init; }
    public long ProductId { get; init; }
    public long ShopId { get; init; }
    public string? ProductTitle { get; init; }
    public string? SkuCharValue { get; init; }
    /// <summary>Live responses carry <c>sellPrice</c>; the spec says <c>sellerPrice</c>. Read either.</summary>
    public long SellPrice { get; init; }
    public long? SellerPrice { get; init; }
    public int Amount { get; init; }
    public int AmountReturns { get; init; }
    public long Commission { get; init; }
    public long SellerProfit { get; init; }
    public long PurchasePrice { get; init; }
    public long LogisticDeliveryFee { get; init; }
    [JsonConverter(typeof(EpochTime.Converter))] public DateTimeOffset? DateIssued { get; init; }
    public string? ReturnCause { get; init; }

    public long UnitPrice => SellPrice != 0 ? SellPrice : SellerPrice ?? 0;
}

public sealed record ReturnReason(string Reason, string? Title);

public sealed record ReturnReasonsPayload(IReadOnlyList<ReturnReason>? Reasons);

/// <summary>One FBS stock row as read from <c>/v3/fbs/sku/stocks</c>; round-tripped unchanged but for amount on update.</summary>
public sealed record SkuStock
{
    public long SkuId { get; init; }
    public string? SkuTitle { get; init; }
    public string? ProductTitle { get; init; }
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Barcode { get; init; }
    public int Amount { get; init; }
    public bool FbsAllowed { get; init; }
    public bool DbsAllowed { get; init; }
    public bool FbsLinked { get; init; }
    public bool DbsLinked { get; init; }
    public string? SellerSkuCode { get; init; }
}

public sealed record SkuStocksPayload(IReadOnlyList<SkuStock>? SkuAmountList);

public sealed record FinanceOrdersPage(IReadOnlyList<OrderItem>? OrderItems, int TotalElements)
{
    public IReadOnlyList<OrderItem> Items => OrderItems ?? [];
}

public sealed record Expense
{
    public long Id { get; init; }
    [JsonConverter(typeof(EpochTime.Converter))] public DateTimeOffset? DateCreated { get; init; }
    [JsonConverter(typeof(EpochTime.Converter))] public DateTimeOffset? DateService { get; init; }
    public string? Name { get; init; }
    public string? Source { get; init; }
    public string? Code { get; init; }
    public long ShopId { get; init; }
    public long PaymentPrice { get; init; }
    public int Amount { get; init; }
    public string? Status { get; init; }
    public string? ExternalId { get; init; }
    /// <summary>OUTCOME = a charge, INCOME = a refund of a charge.</summary>
    public string? Type { get; init; }
}

public sealed record ExpensesPayload(IReadOnlyList<Expense>? Payments, int TotalElements)
{
    public IReadOnlyList<Expense> Items => Payments ?? [];
}

/// <summary>An FBO supply invoice (goods sent to an UZUM warehouse). <c>dateCreated</c> is typed a string by the spec and
/// seen as epoch ms: both are read.</summary>
public sealed record SupplyInvoice
{
    public long Id { get; init; }
    public long ShopId { get; init; }
    public string? ShopTitle { get; init; }
    [JsonConverter(typeof(FlexibleStringConverter))] public string? InvoiceNumber { get; init; }
    [JsonConverter(typeof(EpochTime.Converter))] public DateTimeOffset? DateCreated { get; init; }
    [JsonConverter(typeof(EpochTime.Converter))] public DateTimeOffset? DateAccepted { get; init; }
    /// <summary>Legacy status string; <see cref="InvoiceStatus"/> carries the value and UZUM's localized text.</summary>
    public string? Status { get; init; }
    public InvoiceStatus? InvoiceStatus { get; init; }
    public long FullPrice { get; init; }
    public int TotalAccepted { get; init; }
    public int TotalToStock { get; init; }
    public OrderStock? Stock { get; init; }
    /// <summary>Only in the all-shops list (<c>/v1/invoice</c>).</summary>
    public IReadOnlyList<InvoiceLine>? ProductForInvoiceDto { get; init; }

    public string? StatusValue => InvoiceStatus?.Value ?? Status;
}

public sealed record InvoiceStatus(string? Text, string? Color, string? Value);

/// <summary>One product of a supply invoice, with its SKUs.</summary>
public sealed record InvoiceLine
{
    public long Id { get; init; }
    public string? SkuTitle { get; init; }
    public string? ProductTitle { get; init; }
    public int QuantityToStock { get; init; }
    public int QuantityAccepted { get; init; }
    public long PurchasePrice { get; init; }
    public IReadOnlyList<InvoiceSkuLine>? SkuForInvoiceDtoList { get; init; }

    public IReadOnlyList<InvoiceSkuLine> Skus => SkuForInvoiceDtoList ?? [];
}

/// <summary>A SKU of an invoice line. <c>issue</c> is a problem UZUM flagged at acceptance (its shape is not documented;
/// a string, a number or an object's text is kept as text).</summary>
public sealed record InvoiceSkuLine
{
    public long Id { get; init; }
    public string? SkuTitle { get; init; }
    public int QuantityToStock { get; init; }
    public int QuantityAccepted { get; init; }
    public long PurchasePrice { get; init; }
    [JsonConverter(typeof(FlexibleStringConverter))] public string? Issue { get; init; }
}

/// <summary>A return invoice: stock coming back from UZUM to the seller. The list is bare, a single one is enveloped.</summary>
public sealed record SellerReturn
{
    public long Id { get; init; }
    public long ShopId { get; init; }
    public string? ShopTitle { get; init; }
    [JsonConverter(typeof(EpochTime.Converter))] public DateTimeOffset? DateCreated { get; init; }
    [JsonConverter(typeof(EpochTime.Converter))] public DateTimeOffset? AssembledDate { get; init; }
    [JsonConverter(typeof(EpochTime.Converter))] public DateTimeOffset? CompletedDate { get; init; }
    [JsonConverter(typeof(EpochTime.Converter))] public DateTimeOffset? CanceledDate { get; init; }
    public string? Status { get; init; }
    /// <summary>DEFECTED, RETURN or FBS.</summary>
    public string? Type { get; init; }
    public string? ExternalNumber { get; init; }
    public OrderStock? Stock { get; init; }
    public int TotalAmount { get; init; }
    public int TotalPackedAmount { get; init; }
    public IReadOnlyList<ReturnLine>? ReturnItems { get; init; }

    public IReadOnlyList<ReturnLine> Items => ReturnItems ?? [];
}

public sealed record ReturnLine(long Id, long SkuId, int Amount, int PackedAmount, string? SkuTitle, string? ProductTitle, long PurchasePrice);

/// <summary>A price change for one SKU of one product (<c>sendPriceData</c>).</summary>
public sealed record SkuPrice(long SkuId, string? SkuTitle, long FullPrice, long SellPrice);
