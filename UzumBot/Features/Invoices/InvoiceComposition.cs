using UzumBot.Uzum;

namespace UzumBot.Features.Invoices;

/// <summary>One SKU of an invoice, as the card and the XLSX show it: for a supply "sent → accepted", for a return "returned → packed".</summary>
public sealed record CompositionRow(string? Product, string? Sku, int Sent, int Received, long PurchasePrice, string? Issue)
{
    public int Shortfall => Math.Max(0, Sent - Received);
}

public static class InvoiceComposition
{
    /// <summary>Products with their SKUs, flattened; a product line UZUM sent without SKUs is one row itself.</summary>
    public static IReadOnlyList<CompositionRow> Of(IReadOnlyList<InvoiceLine> lines) => lines.SelectMany(line => line.Skus.Count == 0
        ? [new CompositionRow(line.ProductTitle, line.SkuTitle, line.QuantityToStock, line.QuantityAccepted, line.PurchasePrice, null)]
        : line.Skus.Select(sku => new CompositionRow(line.ProductTitle, sku.SkuTitle, sku.QuantityToStock, sku.QuantityAccepted,
            sku.PurchasePrice != 0 ? sku.PurchasePrice : line.PurchasePrice, string.IsNullOrWhiteSpace(sku.Issue) ? null : sku.Issue)))
        .ToList();

    public static IReadOnlyList<CompositionRow> Of(SellerReturn item) =>
        item.Items.Select(i => new CompositionRow(i.ProductTitle, i.SkuTitle, i.Amount, i.PackedAmount, i.PurchasePrice, null)).ToList();
}
