using UzumBot.Caching;
using UzumBot.Storage;
using UzumBot.Uzum;

namespace UzumBot.Features.Orders;

/// <summary>
/// ❌ Cancel, guarded: the order is read before the POST (already cancelled → done, no POST), one cancel per order
/// at a time across chats, the POST sent once, and a failure or timeout reconciled by reading the order again
/// (S3). A double tap or a re-delivered update therefore never sends a second POST.
/// </summary>
public sealed class OrderCancellation(OrdersReader reader, ShortCache cache, AuditLog audit)
{
    private static readonly TimeSpan ReasonsTtl = TimeSpan.FromHours(1);
    /// <summary>One gate per order id modulo this: enough to keep two cancels of one order apart, bounded in memory.</summary>
    private const int Gates = 64;
    private readonly SemaphoreSlim[] _gates = Enumerable.Range(0, Gates).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public enum Outcome { Cancelled, AlreadyCancelled, NotCancellable, Failed, NotFound }

    /// <summary>The seller-selectable reasons (the live call returns four), cached; UZUM's own list decides.</summary>
    public async Task<IReadOnlyList<ReturnReason>> ReasonsAsync(SessionContext session, CancellationToken ct)
    {
        var key = "return-reasons:" + (session.Tenant.IsDemo ? "demo" : "live");
        var reasons = await cache.GetOrFetchAsync(key, ReasonsTtl, () => session.Uzum.GetReturnReasonsAsync(session.Token, ct));
        // An empty answer is UZUM having a bad moment, not the list: ask again next time.
        if (reasons.Count == 0) cache.Invalidate(key);
        return reasons;
    }

    public static bool IsCancellable(SellerOrder order) => order.Status is OrderStatuses.Created or OrderStatuses.Packing;

    private static bool IsCancelled(SellerOrder? order) => order?.Status is OrderStatuses.Canceled or OrderStatuses.PendingCancellation;

    public async Task<(Outcome Outcome, SellerOrder? Order)> CancelAsync(SessionContext session, long orderId, string reason, CancellationToken ct)
    {
        var gate = _gates[(int)((ulong)orderId % Gates)];
        await gate.WaitAsync(ct);
        try
        {
            var order = await reader.FindAsync(session, orderId, ct);
            if (order is null) return (Outcome.NotFound, null);
            if (IsCancelled(order)) return (Outcome.AlreadyCancelled, order);
            if (!IsCancellable(order)) return (Outcome.NotCancellable, order);

            var sent = true;
            try
            {
                await session.Uzum.CancelOrderAsync(session.Token, orderId, reason, null, ct);
            }
            catch (Exception ex) when (ex is UzumApiException or UzumUnavailableException or OperationCanceledException && !ct.IsCancellationRequested)
            {
                sent = false;
            }
            reader.Invalidate(session);
            var now = await session.Uzum.TryReadOrderAsync(session.Token, orderId, ct);
            var cancelled = IsCancelled(now) || (sent && now is null);
            audit.Record(AuditActions.OrderCancelled, session.Member.UserId, session.Update.ChatId, cancelled, session.Tenant.Id,
                $"{orderId} {reason}");
            return (cancelled ? Outcome.Cancelled : Outcome.Failed, now ?? order);
        }
        finally
        {
            gate.Release();
        }
    }
}
