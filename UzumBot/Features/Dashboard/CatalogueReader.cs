using UzumBot.Features.Catalog;
using UzumBot.Uzum;

namespace UzumBot.Features.Dashboard;

/// <summary>Every product card of the session's shops: the catalogue module's cached read, so the dashboard, finance and 📦 Products share one.</summary>
public sealed class CatalogueReader(CatalogReader catalog)
{
    public async Task<IReadOnlyList<ProductCard>> ReadAsync(SessionContext session, CancellationToken ct) =>
        (await catalog.ProductsAsync(session, ct)).Select(p => p.Card).ToList();

    /// <summary>A SKU of these shops by its id, with the seller SKU code finance lines carry (skuFullTitle).</summary>
    public async Task<ProductSku?> FindSkuAsync(SessionContext session, long skuId, CancellationToken ct) =>
        (await ReadAsync(session, ct)).SelectMany(p => p.SkuList ?? []).FirstOrDefault(s => s.SkuId == skuId);
}
