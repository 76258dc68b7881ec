using LiteDB;

namespace UzumBot.Storage;

/// <summary>A cost price the owner typed for one SKU of their tenant (used when UZUM has no purchasePrice).</summary>
public sealed class CostPriceDocument
{
    /// <summary>"&lt;tenantId&gt;:&lt;skuCode&gt;".</summary>
    [BsonId] public string Id { get; set; } = "";
    public string TenantId { get; set; } = "";
    /// <summary>The seller SKU code: finance lines' skuTitle, the catalogue's skuFullTitle.</summary>
    public string SkuCode { get; set; } = "";
    public long SkuId { get; set; }
    /// <summary>Per unit, whole som.</summary>
    public long Price { get; set; }
    public DateTime UpdatedAt { get; set; }
    public long UpdatedBy { get; set; }
}

/// <summary>Cost prices per tenant, keyed by SKU code so finance lines join them directly.</summary>
public sealed class CostPriceStore(Database db)
{
    public IReadOnlyDictionary<string, long> ForTenant(string tenantId) =>
        db.CostPrices.Find(c => c.TenantId == tenantId).ToDictionary(c => c.SkuCode, c => c.Price, StringComparer.Ordinal);

    public CostPriceDocument? Find(string tenantId, string skuCode) => db.CostPrices.FindById(Key(tenantId, skuCode));

    public void Set(string tenantId, string skuCode, long skuId, long price, long userId, DateTimeOffset at) =>
        db.CostPrices.Upsert(new CostPriceDocument
        {
            Id = Key(tenantId, skuCode), TenantId = tenantId, SkuCode = skuCode, SkuId = skuId, Price = price,
            UpdatedAt = at.UtcDateTime, UpdatedBy = userId,
        });

    public bool Remove(string tenantId, string skuCode) => db.CostPrices.Delete(Key(tenantId, skuCode));

    public int DeleteTenant(string tenantId) => db.CostPrices.DeleteMany(c => c.TenantId == tenantId);

    private static string Key(string tenantId, string skuCode) => tenantId + ":" + skuCode;
}
