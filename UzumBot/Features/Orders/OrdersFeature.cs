using UzumBot.Documents;
using UzumBot.Storage;
using UzumBot.Rendering;
using UzumBot.Security;
using UzumBot.Uzum;

namespace UzumBot.Features.Orders;

/// <summary>📋 Orders: status chips with counts, paged lists, the order card and its parcel labels.</summary>
public sealed class OrdersFeature(OrdersReader reader, OrderCancellation cancellation, AuditLog audit, TimeProvider time) : IFeature, ITextInputFeature
{
    public const string Home = "o";
    public const string MoreStatuses = "om";
    public const string List = "ol";
    public const string Card = "oc";
    public const string Label = "lb";
    public const string Confirm = "oa";
    public const string Cancel = "ox";
    public const string CancelReason = "oxr";
    public const string CancelConfirmed = "oxy";
    public const string Find = "of";
    public const string ListLabels = "oll";
    public const string Today = "ot";
    private const string FindInput = "orders/find";

    /// <summary>A cancel confirmation older than this (the bot was offline, the screen forgotten) is asked again.</summary>
    public static readonly TimeSpan ConfirmationLifetime = TimeSpan.FromHours(1);

    public IReadOnlyDictionary<string, Permission> Commands { get; } = new Dictionary<string, Permission>
    {
        [Home] = Permission.ViewOrders,
        [MoreStatuses] = Permission.ViewOrders,
        [List] = Permission.ViewOrders,
        [Card] = Permission.ViewOrders,
        [Label] = Permission.ActOnOrders,
        [Confirm] = Permission.ActOnOrders,
        [Cancel] = Permission.ActOnOrders,
        [CancelReason] = Permission.ActOnOrders,
        [CancelConfirmed] = Permission.ActOnOrders,
        [Find] = Permission.ViewOrders,
        [ListLabels] = Permission.ActOnOrders,
        [Today] = Permission.ViewOrders,
    };

    public async Task<Reply> HandleAsync(SessionContext session, CallbackCommand command, CancellationToken ct)
    {
        var screens = new OrdersScreens(session, time.GetUtcNow());
        switch (command.Name)
        {
            case Home:
                return Reply.Of(screens.Home(await reader.CountAsync(session, OrderStatusCodes.Main, ct), more: false));
            case MoreStatuses:
                return Reply.Of(screens.Home(await reader.CountAsync(session, OrderStatusCodes.More, ct), more: true));
            case List when OrderStatusCodes.StatusOf(command.Arg(0)) is { } status:
                var orders = await reader.ListAsync(session, status, ct);
                return Reply.Of(screens.List(status, orders, command.IntArg(1) ?? 0));
            case Card when command.LongArg(0) is { } orderId:
                var order = await reader.FindAsync(session, orderId, ct);
                return order is null
                    ? Reply.Of(screens.NotFound(orderId))
                    : Reply.Of(screens.Card(order, backStatus: OrderStatusCodes.StatusOf(command.Arg(1)) ?? order.Status, backPage: command.IntArg(2) ?? 0));
            case Label when command.LongArg(0) is { } orderId && ParseSize(command.Arg(1)) is { } size:
                return await LabelAsync(session, screens, orderId, size, ct);
            case ListLabels when OrderStatusCodes.StatusOf(command.Arg(0)) is { } listStatus && ParseSize(command.Arg(1)) is { } listSize:
                return await LabelsOfListAsync(session, screens, listStatus, listSize, ct);
            case Today:
                var created = await reader.ListAsync(session, OrderStatuses.Created, ct);
                var packing = await reader.ListAsync(session, OrderStatuses.Packing, ct);
                return Reply.Of(screens.Today(ShiftPlan.For(created.Items, packing.Items, time.GetUtcNow())));
            case Find:
                session.AwaitText(FindInput);
                return Reply.Of(screens.AskOrderNumber(null));
            case Confirm when command.LongArg(0) is { } orderId:
                return await ConfirmAsync(session, screens, orderId, ct);
            case Cancel when command.LongArg(0) is { } orderId:
                return await CancelReasonsAsync(session, screens, orderId, ct);
            case CancelReason when command.LongArg(0) is { } orderId && command.Arg(1) is { Length: > 0 } reason:
                return await CancelConfirmationAsync(session, screens, orderId, reason, ct);
            case CancelConfirmed when command.LongArg(0) is { } orderId && command.Arg(1) is { Length: > 0 } reason && command.LongArg(2) is { } issued:
                return await CancelNowAsync(session, screens, orderId, reason, DateTimeOffset.FromUnixTimeSeconds(issued), ct);
            default:
                return Reply.Of(screens.NotFound(null));
        }
    }

    private async Task<Reply> LabelAsync(SessionContext session, OrdersScreens screens, long orderId, LabelSize size, CancellationToken ct)
    {
        var order = await reader.FindAsync(session, orderId, ct);
        if (order is null) return Reply.Of(screens.NotFound(orderId));
        if (order.IsDbs) return new Reply { Notice = session.T("orders.label.dbs") };
        try
        {
            var parcels = await session.Uzum.GetLabelAsync(session.Token, orderId, size, ct);
            var pdf = LabelBundle.Merge(parcels);
            return new Reply { Documents = [screens.LabelDocument(orderId, size, pdf)], ShowsUploadAction = true };
        }
        catch (UzumApiException ex) when (ex.HasCode(UzumErrorCodes.LabelServiceUnavailable))
        {
            return Reply.Of(screens.LabelProblem(order, "orders.label.busy"));
        }
        catch (UzumApiException ex) when (ex.HasCode(UzumErrorCodes.IdentifiersMissing))
        {
            return Reply.Of(screens.LabelProblem(order, "orders.label.identifiers"));
        }
        catch (UzumApiException ex) when (ex.HasCode(UzumErrorCodes.WrongOrderStatus))
        {
            return Reply.Of(screens.LabelProblem(order, "orders.label.status"));
        }
    }

    /// <summary>
    /// ✅ Accept: CREATED → PACKING. The POST is sent once; when it fails or times out the order is read again, and
    /// "already packing" counts as done (S3) — UZUM may have applied it before the answer was lost.
    /// </summary>
    private async Task<Reply> ConfirmAsync(SessionContext session, OrdersScreens screens, long orderId, CancellationToken ct)
    {
        var order = await reader.FindAsync(session, orderId, ct);
        if (order is null) return Reply.Of(screens.NotFound(orderId));
        if (order.Status != OrderStatuses.Created)
            return new Reply { Screen = screens.Card(order, order.Status, 0), Notice = session.T("orders.confirm.not_new") };

        string? problem = null;
        try
        {
            await session.Uzum.ConfirmOrderAsync(session.Token, orderId, ct);
        }
        catch (UzumApiException ex) when (ex.HasCode(UzumErrorCodes.DeadlinePassed))
        {
            problem = "orders.confirm.too_late";
        }
        catch (Exception ex) when (ex is UzumApiException or UzumUnavailableException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            problem = "orders.confirm.failed";
        }
        reader.Invalidate(session);
        var now = await session.Uzum.TryReadOrderAsync(session.Token, orderId, ct) ?? order;
        var confirmed = now.Status is not OrderStatuses.Created and not OrderStatuses.Canceled;
        audit.Record(AuditActions.OrderConfirmed, session.Member.UserId, session.Update.ChatId, confirmed, session.Tenant.Id, orderId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new Reply
        {
            Screen = screens.Card(now, now.Status, 0),
            Notice = confirmed ? session.T("orders.confirm.done") : session.T(problem ?? "orders.confirm.failed"),
        };
    }

    /// <summary>
    /// 🏷 all labels of a list: every order of the status that has a parcel label, in list order, merged into one
    /// PDF. Each label call goes through the token's throttle; an order whose label failed is named in the caption,
    /// never silently dropped.
    /// </summary>
    private async Task<Reply> LabelsOfListAsync(SessionContext session, OrdersScreens screens, string status, LabelSize size, CancellationToken ct)
    {
        var list = await reader.ListAsync(session, status, ct);
        var orders = list.Items.Where(OrdersScreens.HasParcelLabel).ToArray();
        if (orders.Length == 0) return new Reply { Screen = screens.List(status, list, 0), Notice = session.T("orders.labels.none") };
        var pdfs = new List<byte[]>();
        var failed = new List<long>();
        foreach (var order in orders)
        {
            try
            {
                pdfs.AddRange(await session.Uzum.GetLabelAsync(session.Token, order.Id, size, ct));
            }
            catch (Exception ex) when (ex is UzumApiException or UzumUnavailableException or InvalidDataException)
            {
                failed.Add(order.Id);
            }
        }
        if (pdfs.Count == 0) return Reply.Of(screens.LabelProblem(orders[0], "orders.labels.all_failed"));
        return new Reply { Documents = [screens.ListLabelsDocument(status, size, orders.Length - failed.Count, LabelBundle.Merge(pdfs), failed)], ShowsUploadAction = true };
    }

    public string InputPrefix => "orders/";

    public Permission RequiredFor(string input) => Permission.ViewOrders;

    /// <summary>🔍 by number: the typed id (digits, "#" and spaces allowed) opens the card; another tenant's is "not found".</summary>
    public async Task<Reply> HandleTextAsync(SessionContext session, string input, string text, CancellationToken ct)
    {
        var screens = new OrdersScreens(session, time.GetUtcNow());
        var digits = new string(text.Where(c => !char.IsWhiteSpace(c) && c != '#').ToArray());
        if (!long.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var orderId) || orderId <= 0)
        {
            session.AwaitText(FindInput);
            return Reply.Of(screens.AskOrderNumber("orders.find.not_a_number")) with { AsNewMessage = true };
        }
        var order = await reader.FindAsync(session, orderId, ct);
        var reply = order is null ? Reply.Of(screens.NotFound(orderId)) : Reply.Of(screens.Card(order, order.Status, 0));
        return reply with { AsNewMessage = true };
    }

    private async Task<Reply> CancelReasonsAsync(SessionContext session, OrdersScreens screens, long orderId, CancellationToken ct)
    {
        var order = await reader.FindAsync(session, orderId, ct);
        if (order is null) return Reply.Of(screens.NotFound(orderId));
        if (!OrderCancellation.IsCancellable(order)) return new Reply { Screen = screens.Card(order, order.Status, 0), Notice = session.T("orders.cancel.not_cancellable") };
        return Reply.Of(screens.CancelReasons(order, await cancellation.ReasonsAsync(session, ct)));
    }

    private async Task<Reply> CancelConfirmationAsync(SessionContext session, OrdersScreens screens, long orderId, string reason, CancellationToken ct)
    {
        var reasons = await cancellation.ReasonsAsync(session, ct);
        if (reasons.FirstOrDefault(r => r.Reason == reason) is not { } chosen) return Reply.Of(screens.NotFound(null));
        var order = await reader.FindAsync(session, orderId, ct);
        if (order is null) return Reply.Of(screens.NotFound(orderId));
        return Reply.Of(screens.CancelConfirmation(order, chosen, time.GetUtcNow()));
    }

    private async Task<Reply> CancelNowAsync(SessionContext session, OrdersScreens screens, long orderId, string reason, DateTimeOffset issued, CancellationToken ct)
    {
        var reasons = await cancellation.ReasonsAsync(session, ct);
        if (reasons.FirstOrDefault(r => r.Reason == reason) is not { } chosen) return Reply.Of(screens.NotFound(null));
        if (time.GetUtcNow() - issued > ConfirmationLifetime || issued > time.GetUtcNow() + TimeSpan.FromMinutes(5))
        {
            var order = await reader.FindAsync(session, orderId, ct);
            return order is null
                ? Reply.Of(screens.NotFound(orderId))
                : new Reply { Screen = screens.CancelConfirmation(order, chosen, time.GetUtcNow()), Notice = session.T("orders.cancel.stale") };
        }
        var (outcome, now) = await cancellation.CancelAsync(session, orderId, reason, ct);
        if (now is null) return Reply.Of(screens.NotFound(orderId));
        var notice = outcome switch
        {
            OrderCancellation.Outcome.Cancelled => session.F("orders.cancel.done", orderId),
            OrderCancellation.Outcome.AlreadyCancelled => session.F("orders.cancel.already", orderId),
            OrderCancellation.Outcome.NotCancellable => session.T("orders.cancel.not_cancellable"),
            _ => session.T("orders.cancel.failed"),
        };
        return new Reply { Screen = screens.Card(now, now.Status, 0), Notice = notice };
    }

    private static LabelSize? ParseSize(string? code) => code switch
    {
        "L" => LabelSize.Large,
        "B" => LabelSize.Big,
        _ => null,
    };

    public static string SizeCode(LabelSize size) => size == LabelSize.Large ? "L" : "B";
}
