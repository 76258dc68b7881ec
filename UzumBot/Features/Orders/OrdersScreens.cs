using System.Text;
using UzumBot.Features.Menu;
using UzumBot.Localization;
using UzumBot.Rendering;
using UzumBot.Uzum;

namespace UzumBot.Features.Orders;

/// <summary>Builds the orders screens from data already fetched. Every UZUM value is HTML-encoded here.</summary>
public sealed class OrdersScreens(SessionContext session, DateTimeOffset now)
{
    public const int PageSize = 10;
    private static readonly TimeSpan Urgent = TimeSpan.FromHours(2);
    private static readonly TimeSpan Soon = TimeSpan.FromHours(6);

    private Lang Lang => session.Lang;

    public Screen Home(IReadOnlyList<StatusCount> counts, bool more)
    {
        var text = new StringBuilder()
            .Append("📋 <b>").Append(session.T("orders.title")).Append("</b> · ").Append(Html.Encode(session.ShopTitle));
        if (more) text.Append('\n').Append(session.T("orders.more_statuses"));

        var chips = counts.Select(c => new Button(
            $"{OrderStatusCodes.Emoji(c.Status)} {StatusName(c.Status)} {(c.Count is { } n ? Formats.Number(n) : "?")}",
            CallbackData.Encode(OrdersFeature.List, OrderStatusCodes.Code(c.Status), 0)));
        if (counts.Any(c => c.Count is null)) text.Append("\n⚠️ ").Append(session.T("uzum.partly_unavailable"));

        var keyboard = new Keyboard().Grid(chips, 2);
        if (!more) keyboard.Row(new Button(session.T("orders.today.button"), CallbackData.Encode(OrdersFeature.Today)),
                                new Button(session.T("orders.find.button"), CallbackData.Encode(OrdersFeature.Find)));
        keyboard.Row(more
            ? new Button(session.T("orders.back_to_statuses"), CallbackData.Encode(OrdersFeature.Home))
            : new Button(session.T("orders.more_statuses_button"), CallbackData.Encode(OrdersFeature.MoreStatuses)));
        keyboard.Row(MenuScreens.BackToMenu(session.Lang));
        return new Screen(text.ToString(), keyboard.Build());
    }

    public Screen List(string status, CappedList<SellerOrder> orders, int page)
    {
        var total = orders.Items.Count;
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 0, pages - 1);
        var shown = orders.Items.Skip(page * PageSize).Take(PageSize).ToArray();
        var code = OrderStatusCodes.Code(status);

        var text = new StringBuilder()
            .Append(OrderStatusCodes.Emoji(status)).Append(" <b>").Append(StatusName(status)).Append("</b> · ")
            .Append(Formats.Number(total)).Append(" · ").Append(session.F("paging.page", page + 1, pages))
            .Append(" · ").Append(Html.Encode(session.ShopTitle));
        if (orders.Truncated)
            text.Append('\n').Append(total >= session.Plan.OrdersShownPerMonth
                ? session.F("orders.plan_limit", Formats.Number(total), Html.Encode(session.Plan.Name))
                : session.F("orders.first_shown", Formats.Number(total)));
        if (total == 0) text.Append("\n\n").Append(session.T("orders.none"));
        foreach (var order in shown) text.Append('\n').Append(Line(order));

        var keyboard = new Keyboard()
            .Grid(shown.Select(o => new Button("#" + o.Id, CallbackData.Encode(OrdersFeature.Card, o.Id, code, page))), 2);
        var labelled = orders.Items.Count(HasParcelLabel);
        if (labelled > 0 && session.Can(Security.Permission.ActOnOrders))
            keyboard.Row(
                new Button(session.F("orders.labels.all_button", LabelSize.Large.Dimensions().Replace('x', '×'), labelled), CallbackData.Encode(OrdersFeature.ListLabels, code, OrdersFeature.SizeCode(LabelSize.Large))),
                new Button(session.F("orders.labels.all_button", LabelSize.Big.Dimensions().Replace('x', '×'), labelled), CallbackData.Encode(OrdersFeature.ListLabels, code, OrdersFeature.SizeCode(LabelSize.Big))));
        if (pages > 1)
        {
            keyboard.Row(
                new Button("◀️", CallbackData.Encode(OrdersFeature.List, code, (page - 1 + pages) % pages)),
                new Button($"{page + 1}/{pages}", CallbackData.Encode(MenuFeature.Noop)),
                new Button("▶️", CallbackData.Encode(OrdersFeature.List, code, (page + 1) % pages)));
        }
        var chips = OrderStatusCodes.More.Contains(status) ? OrdersFeature.MoreStatuses : OrdersFeature.Home;
        keyboard.Row(new Button(session.T("orders.back_to_statuses"), CallbackData.Encode(chips)));
        return new Screen(text.ToString(), keyboard.Build());
    }

    /// <summary><c>🔴 #124500012 · FUTB-1-ЧЕРН-S ×1 · 03.12 09:14 · принять до 04.12 09:14</c></summary>
    /// <param name="mark">Overrides the deadline mark (🗓 Today marks an overdue hand-over 🔴).</param>
    public string Line(SellerOrder order, string? mark = null)
    {
        var sb = new StringBuilder().Append(mark ?? Mark(order)).Append(" #").Append(order.Id);
        var first = order.Items.FirstOrDefault();
        if (first is not null)
        {
            sb.Append(" · ").Append(Html.Encode(first.SkuTitle ?? first.ProductTitle)).Append(" ×").Append(first.Amount);
            if (order.Items.Count > 1) sb.Append(" +").Append(order.Items.Count - 1);
        }
        if (order.DateCreated is { } created) sb.Append(" · ").Append(Formats.ShortDateTime(created));
        if (order.Status == OrderStatuses.Created && order.AcceptUntil is { } until)
            sb.Append(" · ").Append(session.F("orders.accept_until_short", Formats.ShortDateTime(until)));
        else
            sb.Append(" · ").Append(StatusName(order.Status, singular: true));
        return sb.ToString();
    }

    public Screen Card(SellerOrder order, string? backStatus, int backPage)
    {
        var text = new StringBuilder()
            .Append(OrderStatusCodes.Emoji(order.Status)).Append(" <b>").Append(session.F("orders.card.title", order.Id)).Append("</b> · ")
            .Append(Html.Encode(order.Scheme ?? "FBS"))
            .Append('\n').Append(session.T("orders.card.status")).Append(": ").Append(StatusName(order.Status, singular: true));
        if (order.DateCreated is { } created) text.Append('\n').Append(session.F("orders.card.created", Formats.DateTime(created)));
        if (order.Status == OrderStatuses.Created && order.AcceptUntil is { } until)
        {
            text.Append('\n').Append(session.F("orders.card.accept_until", Formats.DateTime(until))).Append(' ').Append(Mark(order)).Append(' ');
            text.Append(until > now ? session.F("orders.card.in", Formats.Duration(until - now, Lang)) : session.T("orders.card.overdue"));
        }
        if (order.DateCancelled is { } cancelled)
        {
            text.Append('\n').Append(session.F("orders.card.cancelled", Formats.DateTime(cancelled)));
            if (!string.IsNullOrWhiteSpace(order.CancelReason)) text.Append(" · ").Append(session.F("orders.card.cancel_reason", ReasonName(order.CancelReason, null)));
        }
        else if (order.CompletedDate is { } completed)
            text.Append('\n').Append(session.F("orders.card.completed", Formats.DateTime(completed)));
        else if (order.DeliverUntil is { } deliver)
            text.Append('\n').Append(session.F(order.IsDbs ? "orders.card.deliver_until_dbs" : "orders.card.deliver_until", Formats.DateTime(deliver)));
        if (order.Stock?.Title is { Length: > 0 } stock) text.Append('\n').Append(session.F("orders.card.stock", Html.Encode(stock)));
        if (order.DropOffPoint?.Address is { Length: > 0 } point) text.Append('\n').Append(session.F("orders.card.drop_off", Html.Encode(point)));
        if (order.TimeSlot is { TimeFrom: { } slotFrom, TimeTo: { } slotTo })
            text.Append('\n').Append(session.F("orders.card.time_slot", Formats.ShortDateTime(slotFrom),
                Formats.ToLocal(slotFrom).Date == Formats.ToLocal(slotTo).Date ? Formats.Time(slotTo) : Formats.ShortDateTime(slotTo)));
        if (order.IsDbs && order.DeliveryInfo is { } delivery)
        {
            // DBS: the seller delivers, so the card carries where and to whom
            if (!string.IsNullOrWhiteSpace(delivery.DeliveryAddress)) text.Append("\n🏠 ").Append(Html.Encode(delivery.DeliveryAddress));
            if (!string.IsNullOrWhiteSpace(delivery.CustomerFullname) || !string.IsNullOrWhiteSpace(delivery.CustomerPhone))
                text.Append("\n👤 ").Append(Html.Encode(string.Join(" · ", new[] { delivery.CustomerFullname, delivery.CustomerPhone }.Where(v => !string.IsNullOrWhiteSpace(v)))));
            if (!string.IsNullOrWhiteSpace(delivery.DeliveryComment)) text.Append("\n💬 ").Append(Html.Encode(delivery.DeliveryComment));
        }

        var index = 0;
        long sum = 0;
        foreach (var item in order.Items)
        {
            index++;
            sum += item.UnitPrice * item.Amount;
            text.Append("\n\n").Append(index).Append(". ").Append(Html.Encode(item.ProductTitle));
            if (!string.IsNullOrWhiteSpace(item.SkuCharValue)) text.Append(" — ").Append(Html.Encode(item.SkuCharValue));
            text.Append("\n   ").Append(Html.Encode(item.SkuTitle)).Append(" · ").Append(item.Amount).Append(" × ").Append(Formats.Money(item.UnitPrice, Lang));
        }
        var totalPrice = order.Price > 0 ? order.Price : sum;
        text.Append("\n\n").Append(session.T("orders.card.total")).Append(": <b>").Append(Formats.Money(totalPrice, Lang)).Append("</b>");

        var keyboard = new Keyboard();
        if (session.Can(Security.Permission.ActOnOrders))
        {
            var actions = new List<Button>();
            if (order.Status == OrderStatuses.Created) actions.Add(ConfirmButton(order.Id));
            if (DbsDelivery.CanHandOver(order))
                actions.Add(new Button(session.T("orders.dbs.hand_over.button"), CallbackData.Encode(OrdersFeature.HandOver, order.Id, now.ToUnixTimeSeconds())));
            if (DbsDelivery.CanComplete(order)) actions.Add(new Button(session.T("orders.dbs.deliver.button"), CallbackData.Encode(OrdersFeature.Delivered, order.Id)));
            if (OrderCancellation.IsCancellable(order)) actions.Add(new Button(session.T("orders.cancel.button"), CallbackData.Encode(OrdersFeature.Cancel, order.Id)));
            keyboard.Row(actions.ToArray());
        }
        if (HasParcelLabel(order) && session.Can(Security.Permission.ActOnOrders))
        {
            keyboard.Row(
                new Button(session.F("orders.label.button", LabelSize.Large.Dimensions().Replace('x', '×')), CallbackData.Encode(OrdersFeature.Label, order.Id, OrdersFeature.SizeCode(LabelSize.Large))),
                new Button(session.F("orders.label.button", LabelSize.Big.Dimensions().Replace('x', '×')), CallbackData.Encode(OrdersFeature.Label, order.Id, OrdersFeature.SizeCode(LabelSize.Big))));
        }
        var back = OrderStatuses.IsKnown(backStatus)
            ? CallbackData.Encode(OrdersFeature.List, OrderStatusCodes.Code(backStatus!), backPage)
            : CallbackData.Encode(OrdersFeature.Home);
        keyboard.Row(new Button(session.T("orders.back_to_list"), back));
        return new Screen(text.ToString(), keyboard.Build());
    }

    /// <summary>✅ Accept, stamped with when it was shown: a tap on it more than an hour later is asked again.</summary>
    public Button ConfirmButton(long orderId) =>
        new(session.T("orders.confirm.button"), CallbackData.Encode(OrdersFeature.Confirm, orderId, now.ToUnixTimeSeconds()));

    /// <summary>An action button from an old screen: the question again, with a fresh stamp on ✅.</summary>
    public Screen AskAgain(SellerOrder order, string questionKey, string yesKey, string command) =>
        new(session.F(questionKey, order.Id),
            new Keyboard().Row(
                new Button(session.T(yesKey), CallbackData.Encode(command, order.Id, now.ToUnixTimeSeconds())),
                new Button(session.T("orders.cancel.no"), CallbackData.Encode(OrdersFeature.Card, order.Id))).Build());

    public Screen AskIssueCode(SellerOrder order, string? problemKey) =>
        new((problemKey is null ? "" : "⚠️ " + session.T(problemKey) + "\n\n") + session.F("orders.dbs.deliver.ask", order.Id),
            new Keyboard().Row(new Button(session.T("common.back"), CallbackData.Encode(OrdersFeature.Card, order.Id))).Build());

    /// <summary>🗓 Today: what to accept and what to pack before the day ends, nearest deadline first.</summary>
    public Screen Today(ShiftPlan plan)
    {
        var toConfirm = plan.ToConfirm.Take(PageSize).ToArray();
        var toPack = plan.ToPack.Take(PageSize).ToArray();
        var text = new StringBuilder()
            .Append("🗓 <b>").Append(session.F("orders.today.title", Formats.Date(now))).Append("</b> · ").Append(Html.Encode(session.ShopTitle))
            .Append("\n\n").Append(session.F("orders.today.to_confirm", Formats.Number(plan.ToConfirm.Count)));
        foreach (var order in toConfirm) text.Append('\n').Append(Line(order)).Append(Overdue(order.AcceptUntil));
        More(text, plan.ToConfirm.Count - toConfirm.Length);
        text.Append("\n\n").Append(session.F("orders.today.to_pack", Formats.Number(plan.ToPack.Count)));
        foreach (var order in toPack)
        {
            var handOver = order.DeliverUntil!.Value;
            text.Append('\n').Append(Line(order, handOver <= now ? "🔴" : null))
                .Append(" · ").Append(session.F("orders.today.hand_over", Formats.ShortDateTime(handOver))).Append(Overdue(handOver));
        }
        More(text, plan.ToPack.Count - toPack.Length);
        if (plan.ToConfirm.Count == 0 && plan.ToPack.Count == 0) text.Append("\n\n").Append(session.T("orders.today.nothing"));

        var keyboard = new Keyboard()
            .Grid(toConfirm.Concat(toPack).Select(o => new Button("#" + o.Id, CallbackData.Encode(OrdersFeature.Card, o.Id))), 2);
        var labelled = plan.ToPack.Count(HasParcelLabel);
        if (labelled > 0 && session.Can(Security.Permission.ActOnOrders))
            keyboard.Row(LabelSizes.Select(size => new Button(session.F("orders.labels.all_button", size.Dimensions().Replace('x', '×'), labelled),
                CallbackData.Encode(OrdersFeature.ListLabels, OrderStatusCodes.Code(OrderStatuses.Packing), OrdersFeature.SizeCode(size), OrdersFeature.FromToday))).ToArray());
        keyboard.Row(new Button(session.T("orders.back_to_statuses"), CallbackData.Encode(OrdersFeature.Home)));
        return new Screen(text.ToString(), keyboard.Build());
    }

    private static readonly LabelSize[] LabelSizes = [LabelSize.Large, LabelSize.Big];

    private string Overdue(DateTimeOffset? deadline) =>
        deadline is { } at && at <= now ? " · ⏰ " + session.T("orders.today.overdue") : "";

    private void More(StringBuilder text, int hidden)
    {
        if (hidden > 0) text.Append('\n').Append(session.F("orders.today.more", Formats.Number(hidden)));
    }

    public Screen AskOrderNumber(string? problemKey) =>
        new((problemKey is null ? "" : "⚠️ " + session.T(problemKey) + "\n\n") + session.T("orders.find.ask"),
            new Keyboard().Row(new Button(session.T("orders.back_to_statuses"), CallbackData.Encode(OrdersFeature.Home))).Build());

    /// <summary>❌ Cancel, step 1: the reasons UZUM allows, in the user's language where we know them.</summary>
    public Screen CancelReasons(SellerOrder order, IReadOnlyList<ReturnReason> reasons) =>
        new(session.F("orders.cancel.choose", order.Id),
            new Keyboard()
                .Grid(reasons.Select(r => new Button(ReasonName(r), CallbackData.Encode(OrdersFeature.CancelReason, order.Id, r.Reason))), 1)
                .Row(new Button(session.T("orders.cancel.no"), CallbackData.Encode(OrdersFeature.Card, order.Id)))
                .Build());

    /// <summary>Step 2, asked once more: the confirmation carries when it was shown, so an old one is asked again.</summary>
    public Screen CancelConfirmation(SellerOrder order, ReturnReason reason, DateTimeOffset shownAt) =>
        new(session.F("orders.cancel.confirm", order.Id, ReasonName(reason)),
            new Keyboard().Row(
                new Button(session.T("orders.cancel.yes"), CallbackData.Encode(OrdersFeature.CancelConfirmed, order.Id, reason.Reason, shownAt.ToUnixTimeSeconds())),
                new Button(session.T("orders.cancel.no"), CallbackData.Encode(OrdersFeature.Card, order.Id))).Build());

    private string ReasonName(ReturnReason reason) => ReasonName(reason.Reason, reason.Title);

    /// <summary>A reason code in the user's language where we know it, else UZUM's own title, else the code as it came.</summary>
    private string ReasonName(string code, string? title)
    {
        var key = "orders.cancel.reason." + code;
        return session.S.Has(Lang, key) ? session.T(key) : Html.Encode(title ?? code);
    }

    /// <summary>DBS orders are delivered by the seller: UZUM prints no parcel label for them.</summary>
    public static bool HasParcelLabel(SellerOrder order) =>
        !order.IsDbs && order.Status is OrderStatuses.Created or OrderStatuses.Packing or OrderStatuses.PendingDelivery;

    public OutgoingDocument LabelDocument(long orderId, LabelSize size, byte[] pdf) => new(
        $"label-{orderId}-{size.ApiName()}-{size.Dimensions()}.pdf",
        pdf,
        session.F("orders.label.caption", size.Dimensions().Replace('x', '×'), orderId));

    public OutgoingDocument ListLabelsDocument(string status, LabelSize size, int count, byte[] pdf, IReadOnlyList<long> failed)
    {
        var caption = session.F("orders.labels.all_caption", count, size.Dimensions().Replace('x', '×'), StatusName(status));
        if (failed.Count > 0)
        {
            // A caption holds 1024 characters: name as many as fit and count the rest, never drop one silently.
            const int Named = 40;
            var named = string.Join(", ", failed.Take(Named).Select(id => "#" + id));
            if (failed.Count > Named) named += " " + session.F("orders.labels.failed_more", failed.Count - Named);
            caption += "\n" + session.F("orders.labels.failed", named);
        }
        return new OutgoingDocument($"labels-{status}-{size.ApiName()}-{size.Dimensions()}-{count}.pdf", pdf, caption);
    }

    public string LabelsProgress(int done, int total, LabelSize size) =>
        "⏳ " + session.F("orders.labels.progress", size.Dimensions().Replace('x', '×'), Formats.Number(done), Formats.Number(total));

    public Screen LabelsProblem(string key, string retryData) =>
        new(session.T(key), new Keyboard()
            .Row(new Button(session.T("common.retry"), retryData))
            .Row(new Button(session.T("orders.back_to_statuses"), CallbackData.Encode(OrdersFeature.Home))).Build());

    public Screen NotFoundTyped(string digits) =>
        new(session.F("orders.find.not_found_retry", Html.Encode(digits.Length > 20 ? digits[..20] + "…" : digits)),
            new Keyboard().Row(new Button(session.T("orders.back_to_statuses"), CallbackData.Encode(OrdersFeature.Home))).Build());

    public Screen LabelProblem(SellerOrder order, string key) =>
        new(session.T(key), new Keyboard()
            .Row(new Button(session.T("common.retry"), CallbackData.Encode(OrdersFeature.Card, order.Id)))
            .Row(MenuScreens.BackToMenu(Lang)).Build());

    public Screen NotFound(long? orderId) =>
        new(orderId is { } id ? session.F("orders.not_found", id) : session.T("common.stale"),
            new Keyboard().Row(new Button(session.T("orders.back_to_statuses"), CallbackData.Encode(OrdersFeature.Home))).Build());

    private string StatusName(string? status, bool singular = false)
    {
        if (status is null) return "—";
        var key = singular ? OrderStatusCodes.SingularKey(status) : OrderStatusCodes.NameKey(status);
        return session.S.Has(Lang, key) ? session.T(key) : Html.Encode(status);
    }

    private string Mark(SellerOrder order)
    {
        if (order.Status != OrderStatuses.Created || order.AcceptUntil is not { } until) return OrderStatusCodes.Emoji(order.Status);
        var left = until - now;
        return left < Urgent ? "🔴" : left < Soon ? "🟡" : "🟢";
    }
}
