using UzumBot.Caching;
using UzumBot.Uzum;

namespace UzumBot.Features.Orders;

/// <summary>Reads orders for a session through the short cache, so the menu, chips and lists share one fetch.</summary>
public sealed class OrdersReader(ShortCache cache)
{
    /// <summary>How many orders of one status a list reads at most; past it the screen says "first N shown".</summary>
    public const int ListCap = 500;
    private static readonly TimeSpan CacheTtl = TimeSpan.FromSeconds(30);

    /// <summary>Counts per status from the list endpoint with size 1 (its totalAmount counts FBS and DBS; /count is FBS only).
    /// A status whose count failed shows as unknown instead of failing the screen.</summary>
    public async Task<IReadOnlyList<StatusCount>> CountAsync(SessionContext session, IReadOnlyList<string> statuses, CancellationToken ct)
    {
        var tasks = statuses.Select(async status =>
        {
            // The menu already read every new order: a whole list in the cache is its own count.
            if (cache.TryGet<CappedList<SellerOrder>>(ListKey(session, status), out var listed) && !listed.Truncated)
                return new StatusCount(status, listed.Items.Count);
            try
            {
                var total = await cache.GetOrFetchAsync(Key(session, "count", status), CacheTtl,
                    async () => (await session.Uzum.GetOrdersAsync(session.Token, session.ShopIds, status, 0, 1, ct)).TotalAmount);
                return new StatusCount(status, total);
            }
            catch (UzumUnavailableException)
            {
                return new StatusCount(status, null);
            }
        });
        return await Task.WhenAll(tasks);
    }

    /// <summary>One status's orders, at most <see cref="ListCap"/> — fewer where the plan shows fewer (FREE: 50).</summary>
    public Task<CappedList<SellerOrder>> ListAsync(SessionContext session, string status, CancellationToken ct)
    {
        var cap = Math.Min(ListCap, session.Plan.OrdersShownPerMonth);
        return cache.GetOrFetchAsync(ListKey(session, status), CacheTtl,
            async () => ByDeadline(status, await session.Uzum.GetAllOrdersAsync(session.Token, session.ShopIds, status, cap, ct)));
    }

    /// <summary>The packer works deadline first: new orders by accept-until, packing ones by hand-over; others as UZUM sent them.</summary>
    private static CappedList<SellerOrder> ByDeadline(string status, CappedList<SellerOrder> list)
    {
        Func<SellerOrder, DateTimeOffset?>? deadline = status switch
        {
            OrderStatuses.Created => o => o.AcceptUntil,
            OrderStatuses.Packing => o => o.DeliverUntil,
            _ => null,
        };
        if (deadline is null) return list;
        // OrderBy is stable: orders without a deadline keep UZUM's order, after those with one.
        return list with { Items = list.Items.OrderBy(o => deadline(o) ?? DateTimeOffset.MaxValue).ToArray() };
    }

    /// <summary>UZUM's order endpoint is not shop-scoped: an order of a shop outside this tenant is "not found".</summary>
    public async Task<SellerOrder?> FindAsync(SessionContext session, long orderId, CancellationToken ct)
    {
        try
        {
            var order = await session.Uzum.GetOrderAsync(session.Token, orderId, ct);
            return session.Owns(order.ShopId) ? order : null;
        }
        catch (UzumApiException ex) when (ex.HasCode(UzumErrorCodes.OrderNotFound))
        {
            return null;
        }
    }

    /// <summary>After a change (confirm, cancel) the cached counts and lists of the tenant are stale.</summary>
    public void Invalidate(SessionContext session) => cache.Invalidate(session.Tenant.Id + ":");

    private static string ListKey(SessionContext session, string status) =>
        Key(session, "list" + Math.Min(ListCap, session.Plan.OrdersShownPerMonth), status);

    private static string Key(SessionContext session, string kind, string status) =>
        $"{session.Tenant.Id}:{string.Join(',', session.ShopIds)}:orders:{kind}:{status}";
}

public sealed record StatusCount(string Status, long? Count);
