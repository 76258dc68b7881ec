using UzumBot.Caching;
using UzumBot.Uzum;

namespace UzumBot.Features.Invoices;

/// <summary>
/// Reads supply and return invoices of the session's shops through the short cache, so a list, its pages and the
/// cards opened from it share one fetch. UZUM promises no order, so the lists are sorted here: newest first.
/// </summary>
public sealed class InvoicesReader(ShortCache cache)
{
    /// <summary>UZUM's page limit on the invoice and return lists.</summary>
    public const int PageSize = 50;
    /// <summary>How many invoices of one kind a list reads at most per shop; past it the screen says "first N shown".</summary>
    public const int CapPerShop = 500;
    private static readonly TimeSpan CacheTtl = TimeSpan.FromSeconds(60);

    public Task<CappedList<SupplyInvoice>> SuppliesAsync(SessionContext session, CancellationToken ct) =>
        cache.GetOrFetchAsync(Key(session, "supplies"), CacheTtl, () => ReadAllAsync(session,
            (shopId, page) => session.Uzum.GetSupplyInvoicesAsync(session.Token, shopId, page, PageSize, ct),
            (invoice, shopId) => invoice with { ShopId = shopId },
            invoices => invoices.OrderByDescending(i => i.DateCreated ?? DateTimeOffset.MinValue).ThenByDescending(i => i.Id)));

    public Task<CappedList<SellerReturn>> ReturnsAsync(SessionContext session, CancellationToken ct) =>
        cache.GetOrFetchAsync(Key(session, "returns"), CacheTtl, () => ReadAllAsync(session,
            (shopId, page) => session.Uzum.GetReturnsAsync(session.Token, shopId, page, PageSize, ct),
            (item, shopId) => item with { ShopId = shopId },
            returns => returns.OrderByDescending(r => r.DateCreated ?? DateTimeOffset.MinValue).ThenByDescending(r => r.Id)));

    /// <summary>The composition of one supply invoice (products with their SKUs); null when the shop is not the session's.</summary>
    public async Task<IReadOnlyList<InvoiceLine>?> SupplyLinesAsync(SessionContext session, long shopId, long invoiceId, CancellationToken ct)
    {
        if (!session.Owns(shopId)) return null;
        return await cache.GetOrFetchAsync($"{session.Tenant.Id}:invoices:lines:{shopId}:{invoiceId}", CacheTtl,
            () => session.Uzum.GetSupplyInvoiceLinesAsync(session.Token, shopId, invoiceId, ct));
    }

    /// <summary>One supply invoice of the session's shops, from the (cached) list; null when it is not there.</summary>
    public async Task<SupplyInvoice?> FindSupplyAsync(SessionContext session, long shopId, long invoiceId, CancellationToken ct)
    {
        if (!session.Owns(shopId)) return null;
        return (await SuppliesAsync(session, ct)).Items.FirstOrDefault(i => i.Id == invoiceId && i.ShopId == shopId);
    }

    /// <summary>One return with its items; null when the shop is not the session's or UZUM has no such return.</summary>
    public async Task<SellerReturn?> FindReturnAsync(SessionContext session, long shopId, long returnId, CancellationToken ct)
    {
        if (!session.Owns(shopId)) return null;
        try
        {
            var found = await cache.GetOrFetchAsync($"{session.Tenant.Id}:invoices:return:{shopId}:{returnId}", CacheTtl,
                () => session.Uzum.GetReturnAsync(session.Token, shopId, returnId, ct));
            return found with { ShopId = shopId };
        }
        catch (UzumApiException ex) when ((int)ex.Status is 400 or 404)
        {
            return null;
        }
    }

    private static async Task<CappedList<T>> ReadAllAsync<T>(SessionContext session, Func<long, int, Task<IReadOnlyList<T>>> page,
        Func<T, long, T> ofShop, Func<IEnumerable<T>, IEnumerable<T>> newestFirst)
    {
        var all = new List<T>();
        var truncated = false;
        foreach (var shopId in session.ShopIds)
        {
            var read = 0;
            for (var p = 0; ; p++)
            {
                var rows = await page(shopId, p);
                all.AddRange(rows.Take(CapPerShop - read).Select(r => ofShop(r, shopId)));
                read += rows.Count;
                if (rows.Count < PageSize) break;
                if (read >= CapPerShop)
                {
                    truncated = true;
                    break;
                }
            }
        }
        return new CappedList<T>(newestFirst(all).ToList(), truncated);
    }

    private static string Key(SessionContext session, string kind) => $"{session.Tenant.Id}:{string.Join(',', session.ShopIds)}:invoices:{kind}";
}
