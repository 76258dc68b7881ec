using UzumBot.Documents;
using UzumBot.Storage;
using UzumBot.Rendering;
using UzumBot.Security;
using UzumBot.Uzum;

namespace UzumBot.Features.Orders;

/// <summary>📋 Orders: status chips with counts, paged lists, the order card and its parcel labels.</summary>
public sealed class OrdersFeature(OrdersReader reader, OrderCancellation cancellation, DbsDelivery dbs, AuditLog audit, TimeProvider time) : IFeature, ITextInputFeature
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
    public const string HandOver = "od";
    public const string Delivered = "odc";
    private const string IssueCodeInput = "orders/issue/";
    private const string FindInput = "orders/find";
    /// <summary>The last argument of 🏷 all labels tapped on 🗓 Today: the shift view comes back after the PDF.</summary>
    public const string FromToday = "t";
    /// <summary>How many labels between two progress reports of a long run.</summary>
    private const int ProgressEvery = 5;

    /// <summary>An action button (accept, cancel, hand over) older than this — the bot was offline, the screen forgotten — is asked again.</summary>
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
        [HandOver] = Permission.ActOnOrders,
        [Delivered] = Permission.ActOnOrders,
    };

    public string? AcknowledgementKey(string command) => command switch
    {
        Label => "orders.label.preparing",
        ListLabels => "orders.labels.preparing",
        _ => null,
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
                return await LabelsOfListAsync(session, screens, listStatus, listSize, fromToday: command.Arg(2) == FromToday, ct);
            case Today:
                return Reply.Of(await TodayAsync(session, screens, ct));
            case Find:
                session.AwaitText(FindInput);
                return Reply.Of(screens.AskOrderNumber(null));
            case Confirm when command.LongArg(0) is { } orderId:
                return await ConfirmAsync(session, screens, orderId, Issued(command.LongArg(1)), ct);
            case HandOver when command.LongArg(0) is { } orderId:
                return await HandOverAsync(session, screens, orderId, Issued(command.LongArg(1)), ct);
            case Delivered when command.LongArg(0) is { } orderId:
                return await AskIssueCodeAsync(session, screens, orderId, ct);
            case Cancel when command.LongArg(0) is { } orderId:
                return await CancelReasonsAsync(session, screens, orderId, ct);
            case CancelReason when command.LongArg(0) is { } orderId && command.Arg(1) is { Length: > 0 } reason:
                return await CancelConfirmationAsync(session, screens, orderId, reason, ct);
            case CancelConfirmed when command.LongArg(0) is { } orderId && command.Arg(1) is { Length: > 0 } reason:
                return await CancelNowAsync(session, screens, orderId, reason, Issued(command.LongArg(2)), ct);
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
        catch (InvalidDataException)
        {
            return Reply.Of(screens.LabelProblem(order, "orders.label.broken"));
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
    private async Task<Reply> ConfirmAsync(SessionContext session, OrdersScreens screens, long orderId, DateTimeOffset? issued, CancellationToken ct)
    {
        var order = await reader.FindAsync(session, orderId, ct);
        if (order is null) return Reply.Of(screens.NotFound(orderId));
        if (order.Status != OrderStatuses.Created)
            return new Reply { Screen = screens.Card(order, order.Status, 0), Notice = session.T("orders.confirm.not_new") };
        if (!IsFresh(issued))
            return Reply.Of(screens.AskAgain(order, "orders.confirm.ask_again", "orders.confirm.yes", Confirm));

        string? problem = null;
        SellerOrder? answered = null;
        try
        {
            answered = await session.Uzum.ConfirmOrderAsync(session.Token, orderId, ct);
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
        var read = await session.Uzum.TryReadOrderAsync(session.Token, orderId, ct);
        var now = read ?? answered ?? order;
        // Unread after a POST UZUM accepted: the POST's word stands.
        var confirmed = read is null && problem is null || now.Status is not OrderStatuses.Created and not OrderStatuses.Canceled;
        audit.Record(AuditActions.OrderConfirmed, session.Member.UserId, session.Update.ChatId, confirmed, session.Tenant.Id, orderId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new Reply
        {
            // Back goes to the New list: a packer accepts one order after another.
            Screen = screens.Card(now, OrderStatuses.Created, 0),
            Notice = confirmed ? session.T("orders.confirm.done") : session.T(problem ?? "orders.confirm.failed"),
        };
    }

    /// <summary>
    /// 🏷 all labels of a list: every order of the status that has a parcel label, in list order, merged into one
    /// PDF. Each label call goes through the token's throttle; an order whose label failed is named in the caption,
    /// never silently dropped.
    /// </summary>
    private async Task<Reply> LabelsOfListAsync(SessionContext session, OrdersScreens screens, string status, LabelSize size, bool fromToday, CancellationToken ct)
    {
        var list = await reader.ListAsync(session, status, ct);
        // From 🗓 Today the button counts the shift's orders, so it prints exactly those.
        var source = fromToday ? (await ShiftAsync(session, ct)).ToPack : list.Items;
        var orders = source.Where(OrdersScreens.HasParcelLabel).ToArray();
        if (orders.Length == 0) return new Reply { Screen = screens.List(status, list, 0), Notice = session.T("orders.labels.none") };
        var labels = new List<(long OrderId, byte[] Pdf)>();
        var failed = new List<long>();
        for (var done = 0; done < orders.Length; done++)
        {
            if (done % ProgressEvery == 0 && orders.Length > ProgressEvery)
                await session.Progress.ShowAsync(screens.LabelsProgress(done, orders.Length, size), ct);
            try
            {
                foreach (var parcel in await session.Uzum.GetLabelAsync(session.Token, orders[done].Id, size, ct))
                    labels.Add((orders[done].Id, parcel));
            }
            catch (Exception ex) when (ex is UzumApiException or UzumUnavailableException)
            {
                failed.Add(orders[done].Id);
            }
        }
        var merged = LabelBundle.MergeReadable(labels.Select(l => l.Pdf).ToArray(), out var unreadable);
        failed.AddRange(unreadable.Select(i => labels[i].OrderId).Where(id => !failed.Contains(id)).Distinct());
        var retry = fromToday
            ? CallbackData.Encode(ListLabels, OrderStatusCodes.Code(status), SizeCode(size), FromToday)
            : CallbackData.Encode(ListLabels, OrderStatusCodes.Code(status), SizeCode(size));
        if (merged is null) return Reply.Of(screens.LabelsProblem("orders.labels.all_failed", retry));
        // The progress line replaced the screen the button was on: put that screen back.
        var back = fromToday ? await TodayAsync(session, screens, ct) : screens.List(status, list, 0);
        return new Reply
        {
            Screen = back,
            Documents = [screens.ListLabelsDocument(status, size, orders.Length - failed.Count, merged, failed)],
            ShowsUploadAction = true,
        };
    }

    private async Task<Screen> TodayAsync(SessionContext session, OrdersScreens screens, CancellationToken ct) =>
        screens.Today(await ShiftAsync(session, ct));

    private async Task<ShiftPlan> ShiftAsync(SessionContext session, CancellationToken ct)
    {
        var created = await reader.ListAsync(session, OrderStatuses.Created, ct);
        var packing = await reader.ListAsync(session, OrderStatuses.Packing, ct);
        return ShiftPlan.For(created.Items, packing.Items, time.GetUtcNow());
    }

    public string InputPrefix => "orders/";

    public Permission RequiredFor(string input) => input.StartsWith(IssueCodeInput, StringComparison.Ordinal) ? Permission.ActOnOrders : Permission.ViewOrders;

    /// <summary>🔍 by number: the typed id (digits, "#" and spaces allowed) opens the card; another tenant's is "not found".</summary>
    public async Task<Reply> HandleTextAsync(SessionContext session, string input, string text, CancellationToken ct)
    {
        var screens = new OrdersScreens(session, time.GetUtcNow());
        if (input.StartsWith(IssueCodeInput, StringComparison.Ordinal)
            && long.TryParse(input.AsSpan(IssueCodeInput.Length), System.Globalization.CultureInfo.InvariantCulture, out var deliveredId))
            return await CompleteAsync(session, screens, deliveredId, text, ct);
        var digits = Conversation.PinInput.Normalize(new string(text.Where(c => !char.IsWhiteSpace(c) && c != '#').ToArray()));
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            session.AwaitText(FindInput);
            return Reply.Of(screens.AskOrderNumber("orders.find.not_a_number")) with { AsNewMessage = true };
        }
        var order = long.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var orderId) && orderId > 0
            ? await reader.FindAsync(session, orderId, ct)
            : null;
        if (order is not null) return Reply.Of(screens.Card(order, order.Status, 0)) with { AsNewMessage = true };
        // A typo is likely: keep listening for the next number.
        session.AwaitText(FindInput);
        return Reply.Of(screens.NotFoundTyped(digits)) with { AsNewMessage = true };
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
        if (!OrderCancellation.IsCancellable(order)) return new Reply { Screen = screens.Card(order, order.Status, 0), Notice = session.T("orders.cancel.not_cancellable") };
        return Reply.Of(screens.CancelConfirmation(order, chosen, time.GetUtcNow()));
    }

    private async Task<Reply> CancelNowAsync(SessionContext session, OrdersScreens screens, long orderId, string reason, DateTimeOffset? issued, CancellationToken ct)
    {
        var reasons = await cancellation.ReasonsAsync(session, ct);
        if (reasons.FirstOrDefault(r => r.Reason == reason) is not { } chosen) return Reply.Of(screens.NotFound(null));
        if (!IsFresh(issued))
        {
            var order = await reader.FindAsync(session, orderId, ct);
            if (order is null) return Reply.Of(screens.NotFound(orderId));
            if (!OrderCancellation.IsCancellable(order)) return new Reply { Screen = screens.Card(order, order.Status, 0), Notice = session.T("orders.cancel.not_cancellable") };
            return new Reply { Screen = screens.CancelConfirmation(order, chosen, time.GetUtcNow()), Notice = session.T("orders.cancel.stale") };
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

    /// <summary>🚚 DBS handed to the courier: one tap on a fresh card, asked again on an old one.</summary>
    private async Task<Reply> HandOverAsync(SessionContext session, OrdersScreens screens, long orderId, DateTimeOffset? issued, CancellationToken ct)
    {
        var order = await reader.FindAsync(session, orderId, ct);
        if (order is null) return Reply.Of(screens.NotFound(orderId));
        if (!DbsDelivery.CanHandOver(order))
            return new Reply { Screen = screens.Card(order, order.Status, 0), Notice = session.T("orders.dbs.wrong_status") };
        if (!IsFresh(issued))
            return Reply.Of(screens.AskAgain(order, "orders.dbs.hand_over.ask_again", "orders.dbs.hand_over.yes", HandOver));
        var (outcome, now) = await dbs.HandOverAsync(session, order, ct);
        return new Reply { Screen = screens.Card(now, now.Status, 0), Notice = DbsNotice(session, outcome, orderId, "orders.dbs.hand_over.done") };
    }

    /// <summary>📬 DBS delivered: the customer's SMS code is typed next (it proves the hand-over to UZUM).</summary>
    private async Task<Reply> AskIssueCodeAsync(SessionContext session, OrdersScreens screens, long orderId, CancellationToken ct)
    {
        var order = await reader.FindAsync(session, orderId, ct);
        if (order is null) return Reply.Of(screens.NotFound(orderId));
        if (!DbsDelivery.CanComplete(order))
            return new Reply { Screen = screens.Card(order, order.Status, 0), Notice = session.T("orders.dbs.wrong_status") };
        session.AwaitText(IssueCodeInput + orderId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Reply.Of(screens.AskIssueCode(order, null));
    }

    private async Task<Reply> CompleteAsync(SessionContext session, OrdersScreens screens, long orderId, string typed, CancellationToken ct)
    {
        var order = await reader.FindAsync(session, orderId, ct);
        if (order is null) return Reply.Of(screens.NotFound(orderId)) with { AsNewMessage = true };
        if (!DbsDelivery.CanComplete(order))
            return new Reply { Screen = screens.Card(order, order.Status, 0), Notice = session.T("orders.dbs.wrong_status"), AsNewMessage = true };
        var code = new string(Conversation.PinInput.Normalize(typed).Where(c => c is not (' ' or '-')).ToArray());
        if (code.Length is < 3 or > 12 || !code.All(char.IsAsciiLetterOrDigit))
        {
            session.AwaitText(IssueCodeInput + orderId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return Reply.Of(screens.AskIssueCode(order, "orders.dbs.deliver.not_a_code")) with { AsNewMessage = true };
        }
        var (outcome, now) = await dbs.CompleteAsync(session, order, code, ct);
        if (outcome == DbsDelivery.Outcome.WrongCode)
        {
            session.AwaitText(IssueCodeInput + orderId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return Reply.Of(screens.AskIssueCode(now, "orders.dbs.deliver.wrong_code")) with { AsNewMessage = true };
        }
        return new Reply { Screen = screens.Card(now, now.Status, 0), Notice = DbsNotice(session, outcome, orderId, "orders.dbs.deliver.done"), AsNewMessage = true };
    }

    private static string DbsNotice(SessionContext session, DbsDelivery.Outcome outcome, long orderId, string doneKey) => outcome switch
    {
        DbsDelivery.Outcome.Done => session.F(doneKey, orderId),
        DbsDelivery.Outcome.TooManyCodes => session.T("orders.dbs.deliver.too_many"),
        DbsDelivery.Outcome.WrongStatus => session.T("orders.dbs.wrong_status"),
        _ => session.T("orders.dbs.failed"),
    };

    /// <summary>The stamp a button carries; one outside any real date (forged) reads as missing, so the question is asked again.</summary>
    private static DateTimeOffset? Issued(long? unixSeconds) =>
        unixSeconds is { } s && s >= 0 && s <= DateTimeOffset.MaxValue.ToUnixTimeSeconds() ? DateTimeOffset.FromUnixTimeSeconds(s) : null;

    /// <summary>Shown within the last hour (and not stamped in the future by a forged button).</summary>
    private bool IsFresh(DateTimeOffset? shownAt)
    {
        var now = time.GetUtcNow();
        return shownAt is { } at && now - at <= ConfirmationLifetime && at <= now + TimeSpan.FromMinutes(5);
    }

    private static LabelSize? ParseSize(string? code) => code switch
    {
        "L" => LabelSize.Large,
        "B" => LabelSize.Big,
        _ => null,
    };

    public static string SizeCode(LabelSize size) => size == LabelSize.Large ? "L" : "B";
}
