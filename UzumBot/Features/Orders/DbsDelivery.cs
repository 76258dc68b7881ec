using System.Globalization;
using UzumBot.Storage;
using UzumBot.Uzum;

namespace UzumBot.Features.Orders;

/// <summary>
/// DBS orders are delivered by the seller: 🚚 handed to the courier (PACKING → DELIVERING), then ✅ delivered with the
/// code the customer got by SMS (DELIVERING → COMPLETED). Each POST is sent once; whatever happens, the order is read
/// again and its status decides (S3), so an answer lost on the way still counts as done.
/// </summary>
public sealed class DbsDelivery(OrdersReader reader, AuditLog audit)
{
    public enum Outcome { Done, WrongCode, TooManyCodes, WrongStatus, Failed }

    public static bool CanHandOver(SellerOrder order) => order.IsDbs && order.Status == OrderStatuses.Packing;

    public static bool CanComplete(SellerOrder order) => order.IsDbs && order.Status == OrderStatuses.Delivering;

    public Task<(Outcome Outcome, SellerOrder Order)> HandOverAsync(SessionContext session, SellerOrder order, CancellationToken ct) =>
        ActAsync(session, order, OrderStatuses.Delivering, AuditActions.OrderHandedOver,
            () => session.Uzum.MarkDbsDeliveringAsync(session.Token, order.Id, ct), ct);

    public Task<(Outcome Outcome, SellerOrder Order)> CompleteAsync(SessionContext session, SellerOrder order, string issueCode, CancellationToken ct) =>
        ActAsync(session, order, OrderStatuses.Completed, AuditActions.OrderDelivered,
            () => session.Uzum.CompleteDbsOrderAsync(session.Token, order.Id, issueCode, ct), ct);

    private async Task<(Outcome, SellerOrder)> ActAsync(SessionContext session, SellerOrder order, string target, string auditAction,
        Func<Task> post, CancellationToken ct)
    {
        var problem = Outcome.Failed;
        try
        {
            await post();
            problem = Outcome.Done;
        }
        catch (UzumApiException ex) when (ex.HasCode(UzumErrorCodes.IssueCodeWrong) || ex.HasCode(UzumErrorCodes.IssueCodeMissing))
        {
            problem = Outcome.WrongCode;
        }
        catch (UzumApiException ex) when (ex.HasCode(UzumErrorCodes.IssueCodeThrottled))
        {
            problem = Outcome.TooManyCodes;
        }
        catch (UzumApiException ex) when (ex.HasCode(UzumErrorCodes.WrongOrderStatus) || ex.HasCode(UzumErrorCodes.NotDbsOrder))
        {
            problem = Outcome.WrongStatus;
        }
        catch (Exception ex) when (ex is UzumApiException or UzumUnavailableException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            problem = Outcome.Failed;
        }
        reader.Invalidate(session);
        var read = await session.Uzum.TryReadOrderAsync(session.Token, order.Id, ct);
        var done = read is null ? problem == Outcome.Done : read.Status == target;
        // The issue code is the customer's proof of delivery: the audit names the order, never the code.
        audit.Record(auditAction, session.Member.UserId, session.Update.ChatId, done, session.Tenant.Id, order.Id.ToString(CultureInfo.InvariantCulture));
        return (done ? Outcome.Done : problem == Outcome.Done ? Outcome.Failed : problem, read ?? order);
    }
}
