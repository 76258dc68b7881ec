namespace UzumBot.Uzum.Sandbox;

// The sandbox's in-memory seller data. Mutable on purpose (confirm, cancel, stock and price updates stick);
// every read and write goes through SandboxSellerData.Gate.

public sealed record SandboxShop(long Id, string Name, string Code);

public sealed class SandboxProduct
{
    public required long ProductId { get; init; }
    public required long ShopId { get; init; }
    public required string Title { get; init; }
    public required string Category { get; init; }
    /// <summary>The seller's short product code, e.g. FUTB-1.</summary>
    public required string Code { get; init; }
    public required string PhotoKey { get; init; }
    public required string Rating { get; init; }
    public required int FeedbackQuantity { get; init; }
    public required string CharTitle { get; init; }
    /// <summary>Blocked by moderation (status BLOCKED, every SKU blocked).</summary>
    public bool Blocked { get; init; }
    /// <summary>Moved to the archive by the seller (status ARCHIVED, every SKU archived).</summary>
    public bool Archived { get; init; }
    public List<SandboxSku> Skus { get; } = [];
    public bool InStock => Skus.Sum(s => s.QuantityActive + s.QuantityFbs) > 0;
}

public sealed class SandboxSku
{
    public required long SkuId { get; init; }
    public required SandboxProduct Product { get; init; }
    /// <summary>The variant suffix, e.g. ЧЕРН-S.</summary>
    public required string SkuTitle { get; init; }
    /// <summary>The seller SKU code, e.g. FUTB-1-ЧЕРН-S (finance lines call it skuTitle).</summary>
    public required string SkuFullTitle { get; init; }
    public required string Characteristics { get; init; }
    public required long Barcode { get; init; }
    public required int Commission { get; init; }
    public required long PurchasePrice { get; init; }
    public required string Ikpu { get; init; }
    public required bool DbsAllowed { get; init; }
    public required string? SellerSkuCode { get; init; }
    public long Price { get; set; }
    public long FullPrice { get; set; }
    /// <summary>FBO stock at UZUM's warehouse.</summary>
    public int QuantityActive { get; set; }
    /// <summary>The seller's own stock (FBS/DBS).</summary>
    public int QuantityFbs { get; set; }
    public int QuantitySold { get; set; }
    public int QuantityReturned { get; set; }
    public long ShopId => Product.ShopId;
}

public sealed class SandboxOrder
{
    public required long Id { get; init; }
    public required long ShopId { get; init; }
    public required string Scheme { get; init; }
    public required DateTimeOffset DateCreated { get; init; }
    public required DateTimeOffset AcceptUntil { get; init; }
    public required DateTimeOffset DeliverUntil { get; init; }
    public required string Status { get; set; }
    public DateTimeOffset? AcceptedDate { get; set; }
    public DateTimeOffset? DeliveringDate { get; set; }
    public DateTimeOffset? DeliveryDate { get; set; }
    public DateTimeOffset? DeliveredToDeliveryPointDate { get; set; }
    public DateTimeOffset? CompletedDate { get; set; }
    public DateTimeOffset? DateCancelled { get; set; }
    public DateTimeOffset? ReturnDate { get; set; }
    public string? CancelReason { get; set; }
    public long? InvoiceNumber { get; set; }
    /// <summary>Parcels the order ships in; more than one means the label endpoint answers several PDFs.</summary>
    public int ParcelCount { get; init; } = 1;
    public SandboxDelivery? Delivery { get; init; }
    /// <summary>DBS: the code UZUM texts the customer; the seller types it to mark the order delivered.</summary>
    public string IssueCode => (Id % 900_000 + 100_000).ToString(System.Globalization.CultureInfo.InvariantCulture);
    /// <summary>Wrong issue codes in a row; from <see cref="SandboxSellerData.IssueCodeAttempts"/> on, codes are refused unchecked.</summary>
    public int WrongIssueCodes { get; set; }
    public List<SandboxOrderItem> Items { get; } = [];
    public long Price => Items.Sum(i => i.SellPrice * i.Amount);
    public bool IsDbs => Scheme == "DBS";

    /// <summary>The item a label names: the most expensive line.</summary>
    public SandboxOrderItem MainItem => Items.MaxBy(i => i.SellPrice * i.Amount)!;
}

public sealed record SandboxDelivery(string Address, string CustomerFullname, string CustomerPhone, string? Comment);

public sealed class SandboxOrderItem
{
    public required long Id { get; init; }
    public required long OrderId { get; init; }
    public required SandboxSku Sku { get; init; }
    public required long SellPrice { get; init; }
    public required int Amount { get; init; }
    public required DateTimeOffset Date { get; init; }
    public required string Status { get; set; }
}

public sealed class SandboxFinanceLine
{
    public required long Id { get; init; }
    public required long OrderId { get; init; }
    public required SandboxSku Sku { get; init; }
    public required DateTimeOffset Date { get; init; }
    public required string Status { get; set; }
    public DateTimeOffset? DateIssued { get; set; }
    public long SellPrice { get; set; }
    public int Amount { get; set; }
    public int AmountReturns { get; set; }
    public long Commission { get; set; }
    public long PurchasePrice { get; set; }
    public long LogisticDeliveryFee { get; set; }
    public string? Comment { get; set; }
    public string? ReturnCause { get; set; }
    /// <summary>Always the identity UZUM's numbers keep: sellPrice × amount − commission − logisticDeliveryFee.</summary>
    public long SellerProfit => SellPrice * Amount - Commission - LogisticDeliveryFee;

    public void ZeroOut(string status)
    {
        Status = status;
        SellPrice = 0;
        Amount = 0;
        Commission = 0;
        PurchasePrice = 0;
        LogisticDeliveryFee = 0;
    }
}

public sealed record SandboxExpense(
    long Id, long ShopId, DateTimeOffset DateCreated, DateTimeOffset DateService, string Name, string Source,
    string Code, long PaymentPrice, int Amount, string Status, string ExternalId, string Type);

public sealed record SandboxInvoice(
    long Id, long ShopId, string Status, string StatusText, string StatusColor, DateTimeOffset DateCreated,
    DateTimeOffset TimeFrom, DateTimeOffset? DateAccepted, IReadOnlyList<SandboxInvoiceLine> Lines)
{
    public long FullPrice => Lines.Sum(l => l.PurchasePrice * l.QuantityToStock);
    public int TotalToStock => Lines.Sum(l => l.QuantityToStock);
    public int TotalAccepted => Lines.Sum(l => l.QuantityAccepted);
}

/// <summary>An invoice SKU; <paramref name="Issue"/> is what UZUM flagged at acceptance (short delivery, a defect), or null.</summary>
public sealed record SandboxInvoiceLine(long Id, SandboxSku Sku, int QuantityToStock, int QuantityAccepted, long PurchasePrice, string? Issue = null);

public sealed record SandboxReturn(
    long Id, long ShopId, string Status, string Type, DateTimeOffset DateCreated, DateTimeOffset? AssembledDate,
    DateTimeOffset? CompletedDate, IReadOnlyList<SandboxReturnItem> Items);

public sealed record SandboxReturnItem(long Id, SandboxSku Sku, int Amount, int PackedAmount);

/// <summary>A UZUM warehouse (the "stock" object on orders, invoices and returns).</summary>
public sealed record SandboxStock(long Id, string ExternalId, string Title, string Address, string PoolSource)
{
    public static readonly SandboxStock Sergeli = new(3, "5b0f3a51-8c2e-4d7a-9f14-2a6c1e7d9b30", "Sergeli",
        "Toshkent, Sergeli tumani, Nilufar koʻchasi 12", "SERGELI");
}
