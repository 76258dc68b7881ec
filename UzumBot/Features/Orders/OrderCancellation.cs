using System.Collections.Concurrent;
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
    private readonly ConcurrentDictionary<long, SemaphoreSlim> _perOrder = new();

    public enum Outcome { Cancelled, AlreadyCancelled, NotCancellable, Failed, NotFound }

    /// <summary>The seller-selectable reasons (the live call returns four), cached; UZUM's own list decides.</summary>
    public Task<IReadOnlyList<ReturnReason>> ReasonsAsync(SessionContext session, CancellationToken ct) =>
        cache.GetOrFetchAsync("return-reasons:" + (session.Tenant.IsDemo ? "demo" : "live"), ReasonsTtl,
            () => session.Uzum.GetReturnReasonsAsync(session.Token, ct));

    public static bool IsCancellable(SellerOrder order) => order.Status is OrderStatuses.Created or OrderStatuses.Packing;

    private static bool IsCancelled(SellerOrder? order) => order?.Status is OrderStatuses.Canceled or OrderStatuses.PendingCancellation;

    public async Task<(Outcome Outcome, SellerOrder? Order)> CancelAsync(SessionContext session, long orderId, string reason, CancellationToken ct)
    {
        var gate = _perOrder.GetOrAdd(orderId, _ => new SemaphoreSlim(1, 1));
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
