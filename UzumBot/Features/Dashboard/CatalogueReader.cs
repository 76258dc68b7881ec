using UzumBot.Caching;
using UzumBot.Features.Finance;
using UzumBot.Uzum;

namespace UzumBot.Features.Dashboard;

/// <summary>Every product card of the session's shops (pages of 100 until a short page), through the short cache.</summary>
public sealed class CatalogueReader(ShortCache cache, FinanceReader finance)
{
    public const int PageSize = 100;
    private const int MaxPages = 50;

    public Task<IReadOnlyList<ProductCard>> ReadAsync(SessionContext session, CancellationToken ct) =>
        cache.GetOrFetchAsync($"{session.Tenant.Id}:{string.Join(',', session.ShopIds)}:catalogue:all", finance.Ttl, async () =>
        {
            var all = new List<ProductCard>();
            foreach (var shopId in session.ShopIds)
                for (var page = 0; page < MaxPages; page++)
                {
                    var products = (await session.Uzum.GetProductsAsync(session.Token, shopId, page, PageSize, null, ct)).Products;
                    all.AddRange(products);
                    if (products.Count < PageSize) break;
                }
            return (IReadOnlyList<ProductCard>)all;
        });

    /// <summary>A SKU of these shops by its id, with the seller SKU code finance lines carry (skuFullTitle).</summary>
    public async Task<ProductSku?> FindSkuAsync(SessionContext session, long skuId, CancellationToken ct) =>
        (await ReadAsync(session, ct)).SelectMany(p => p.SkuList ?? []).FirstOrDefault(s => s.SkuId == skuId);
}
