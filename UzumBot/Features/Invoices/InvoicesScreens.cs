using System.Text;
using UzumBot.Documents;
using UzumBot.Features.Menu;
using UzumBot.Features.Reports;
using UzumBot.Localization;
using UzumBot.Rendering;
using UzumBot.Security;
using UzumBot.Uzum;

namespace UzumBot.Features.Invoices;

/// <summary>Builds the invoice screens and the composition XLSX from data already fetched. Every UZUM value is HTML-encoded here.</summary>
public sealed class InvoicesScreens(SessionContext session, DateTimeOffset now)
{
    public const int PageSize = 10;
    /// <summary>SKU lines of a composition shown on one card page (the XLSX has them all).</summary>
    public const int CompositionPageSize = 12;

    private Lang Lang => session.Lang;
    private bool Money => session.Can(Permission.ViewMoney);
    private bool ManyShops => session.ShopIds.Count > 1;

    public Screen Home(int? supplies, int? returns)
    {
        var text = new StringBuilder()
            .Append("📄 <b>").Append(session.T("invoices.title")).Append("</b> · ").Append(Html.Encode(session.ShopTitle))
            .Append('\n').Append(session.T("invoices.home.hint"));
        if (supplies is null || returns is null) text.Append("\n⚠️ ").Append(session.T("uzum.partly_unavailable"));
        return new Screen(text.ToString(), new Keyboard()
            .Row(new Button(session.F("invoices.supplies.button", Count(supplies)), CallbackData.Encode(InvoicesFeature.Supplies, 0)),
                 new Button(session.F("invoices.returns.button", Count(returns)), CallbackData.Encode(InvoicesFeature.Returns, 0)))
            .Row(MenuScreens.BackToMenu(Lang))
            .Build());
    }

    private static string Count(int? n) => n is { } v ? Formats.Number(v) : "?";

    public Screen Supplies(CappedList<SupplyInvoice> list, int page) => List(
        "📦", session.T("invoices.supplies.title"), list, page, InvoicesFeature.Supplies,
        SupplyLine, i => new Button("№" + Number(i), CallbackData.Encode(InvoicesFeature.Supply, i.ShopId, i.Id, page, 0)));

    public Screen Returns(CappedList<SellerReturn> list, int page) => List(
        "↩️", session.T("invoices.returns.title"), list, page, InvoicesFeature.Returns,
        ReturnLine, r => new Button("№" + r.Id, CallbackData.Encode(InvoicesFeature.Return, r.ShopId, r.Id, page, 0)));

    private Screen List<T>(string emoji, string title, CappedList<T> list, int page, string command, Func<T, string> line, Func<T, Button> open)
    {
        var total = list.Items.Count;
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 0, pages - 1);
        var shown = list.Items.Skip(page * PageSize).Take(PageSize).ToArray();
        var text = new StringBuilder()
            .Append(emoji).Append(" <b>").Append(title).Append("</b> · ").Append(Formats.Number(total))
            .Append(" · ").Append(session.F("paging.page", page + 1, pages)).Append(" · ").Append(Html.Encode(session.ShopTitle));
        if (list.Truncated) text.Append('\n').Append(session.F("invoices.first_shown", Formats.Number(total)));
        if (total == 0) text.Append("\n\n").Append(session.T("invoices.none"));
        foreach (var item in shown) text.Append('\n').Append(line(item));

        var keyboard = new Keyboard().Grid(shown.Select(open), 2);
        if (pages > 1)
            keyboard.Row(
                new Button("◀️", CallbackData.Encode(command, (page - 1 + pages) % pages)),
                new Button($"{page + 1}/{pages}", CallbackData.Encode(MenuFeature.Noop)),
                new Button("▶️", CallbackData.Encode(command, (page + 1) % pages)));
        keyboard.Row(new Button(session.T("invoices.back_home"), CallbackData.Encode(InvoicesFeature.Home)));
        return new Screen(text.ToString(), keyboard.Build());
    }

    /// <summary><c>✅ №1580211 · 03.12.2026 · Принята · 15/15 шт · 3 735 000 сум</c></summary>
    public string SupplyLine(SupplyInvoice invoice)
    {
        var sb = new StringBuilder().Append(Mark(invoice.StatusValue)).Append(" №").Append(Html.Encode(Number(invoice)));
        if (invoice.DateCreated is { } created) sb.Append(" · ").Append(Formats.Date(created));
        sb.Append(" · ").Append(SupplyStatus(invoice))
          .Append(" · ").Append(session.F("invoices.line.sent_accepted", Formats.Number(invoice.TotalToStock), Formats.Number(invoice.TotalAccepted)));
        if (Money) sb.Append(" · ").Append(Formats.Money(invoice.FullPrice, Lang));
        if (ManyShops) sb.Append(" · ").Append(Html.Encode(DocumentText.ShopName(session, invoice.ShopId)));
        return sb.ToString();
    }

    /// <summary><c>✅ №171220 · 03.12.2026 · Завершена · возврат · 2/2 шт</c></summary>
    public string ReturnLine(SellerReturn item)
    {
        var sb = new StringBuilder().Append(Mark(item.Status)).Append(" №").Append(item.Id);
        if (item.DateCreated is { } created) sb.Append(" · ").Append(Formats.Date(created));
        sb.Append(" · ").Append(StatusName(item.Status, null)).Append(" · ").Append(ReturnType(item.Type))
          .Append(" · ").Append(session.F("invoices.line.sent_accepted", Formats.Number(item.TotalAmount), Formats.Number(item.TotalPackedAmount)));
        if (ManyShops) sb.Append(" · ").Append(Html.Encode(DocumentText.ShopName(session, item.ShopId)));
        return sb.ToString();
    }

    public Screen SupplyCard(SupplyInvoice invoice, IReadOnlyList<CompositionRow> rows, int listPage, int page)
    {
        var text = new StringBuilder()
            .Append(Mark(invoice.StatusValue)).Append(" <b>").Append(session.F("invoices.supply.card_title", Html.Encode(Number(invoice)))).Append("</b> · ")
            .Append(Html.Encode(DocumentText.ShopName(session, invoice.ShopId)))
            .Append('\n').Append(session.F("invoices.card.status", SupplyStatus(invoice)));
        var dates = new List<string>();
        if (invoice.DateCreated is { } created) dates.Add(session.F("invoices.card.created", Formats.DateTime(created)));
        if (invoice.DateAccepted is { } accepted) dates.Add(session.F("invoices.card.accepted", Formats.DateTime(accepted)));
        if (dates.Count > 0) text.Append('\n').Append(string.Join(" · ", dates));
        if (invoice.Stock?.Title is { Length: > 0 } stock) text.Append('\n').Append(session.F("invoices.card.stock", Html.Encode(stock)));
        text.Append('\n').Append(session.F("invoices.card.sent", Units(invoice.TotalToStock), Units(invoice.TotalAccepted)));
        var shortfall = rows.Sum(r => r.Shortfall);
        if (invoice.TotalAccepted > 0 && shortfall > 0) text.Append(' ').Append(session.F("invoices.card.short", Units(shortfall)));
        if (Money) text.Append('\n').Append(session.F("invoices.card.total_cost", Formats.Money(invoice.FullPrice, Lang)));
        var flagged = rows.Count(r => r.Issue is not null);
        if (flagged > 0) text.Append('\n').Append(session.F("invoices.card.issues", flagged));
        return Card(text, rows, page, flagShortfall: invoice.TotalAccepted > 0,
            p => CallbackData.Encode(InvoicesFeature.Supply, invoice.ShopId, invoice.Id, listPage, p),
            CallbackData.Encode(InvoicesFeature.SupplyXlsx, invoice.ShopId, invoice.Id),
            CallbackData.Encode(InvoicesFeature.Supplies, listPage));
    }

    public Screen ReturnCard(SellerReturn item, int listPage, int page)
    {
        var rows = InvoiceComposition.Of(item);
        var text = new StringBuilder()
            .Append(Mark(item.Status)).Append(" <b>").Append(session.F("invoices.return.card_title", item.Id)).Append("</b> · ")
            .Append(Html.Encode(DocumentText.ShopName(session, item.ShopId)))
            .Append('\n').Append(session.F("invoices.card.status", StatusName(item.Status, null)))
            .Append('\n').Append(session.F("invoices.card.type", ReturnType(item.Type)));
        var dates = new List<string>();
        if (item.DateCreated is { } created) dates.Add(session.F("invoices.card.created", Formats.DateTime(created)));
        if (item.AssembledDate is { } assembled) dates.Add(session.F("invoices.card.assembled", Formats.DateTime(assembled)));
        if (item.CompletedDate is { } completed) dates.Add(session.F("invoices.card.completed", Formats.DateTime(completed)));
        if (dates.Count > 0) text.Append('\n').Append(string.Join(" · ", dates));
        if (item.Stock?.Title is { Length: > 0 } stock) text.Append('\n').Append(session.F("invoices.card.stock", Html.Encode(stock)));
        text.Append('\n').Append(session.F("invoices.card.returned", Units(item.TotalAmount), Units(item.TotalPackedAmount)));
        if (Money) text.Append('\n').Append(session.F("invoices.card.total_cost", Formats.Money(rows.Sum(r => r.PurchasePrice * r.Sent), Lang)));
        return Card(text, rows, page, flagShortfall: item.TotalPackedAmount > 0,
            p => CallbackData.Encode(InvoicesFeature.Return, item.ShopId, item.Id, listPage, p),
            CallbackData.Encode(InvoicesFeature.ReturnXlsx, item.ShopId, item.Id),
            CallbackData.Encode(InvoicesFeature.Returns, listPage));
    }

    private Screen Card(StringBuilder text, IReadOnlyList<CompositionRow> rows, int page, bool flagShortfall, Func<int, string> pageData, string xlsxData, string backData)
    {
        var pages = Math.Max(1, (rows.Count + CompositionPageSize - 1) / CompositionPageSize);
        page = Math.Clamp(page, 0, pages - 1);
        text.Append("\n\n<b>").Append(session.F("invoices.card.composition", rows.Count)).Append("</b>");
        if (pages > 1) text.Append(" · ").Append(session.F("paging.page", page + 1, pages));
        if (rows.Count == 0) text.Append('\n').Append(session.T("invoices.card.empty"));
        string? product = null;
        foreach (var (row, index) in rows.Select((r, i) => (r, i)).Skip(page * CompositionPageSize).Take(CompositionPageSize))
        {
            if (row.Product != product || index == page * CompositionPageSize)
            {
                product = row.Product;
                text.Append('\n').Append("• ").Append(Html.Encode(row.Product ?? "—"));
            }
            text.Append("\n   ").Append(Html.Encode(row.Sku ?? "—")).Append(" · ")
                .Append(Formats.Number(row.Sent)).Append(" → ").Append(Formats.Number(row.Received));
            if (flagShortfall && row.Shortfall > 0) text.Append(" ⚠️");
            if (Money && row.PurchasePrice > 0) text.Append(" · ").Append(session.F("invoices.card.price", Formats.Money(row.PurchasePrice, Lang)));
            if (row.Issue is { } issue) text.Append(" · ⚠️ ").Append(Html.Encode(issue));
        }

        var keyboard = new Keyboard();
        if (rows.Count > 0) keyboard.Row(new Button(session.T("invoices.xlsx.button"), xlsxData));
        if (pages > 1)
            keyboard.Row(
                new Button("◀️", pageData((page - 1 + pages) % pages)),
                new Button($"{page + 1}/{pages}", CallbackData.Encode(MenuFeature.Noop)),
                new Button("▶️", pageData((page + 1) % pages)));
        keyboard.Row(new Button(session.T("invoices.back_to_list"), backData));
        return new Screen(text.ToString(), keyboard.Build());
    }

    public OutgoingDocument SupplyWorkbook(SupplyInvoice invoice, IReadOnlyList<CompositionRow> rows)
    {
        var title = session.F("invoices.supply.card_title", Number(invoice));
        var columns = new List<TableColumn> { new(session.T("invoices.col.sent"), CellKind.Integer), new(session.T("invoices.col.accepted"), CellKind.Integer), new(session.T("invoices.col.short"), CellKind.Integer) };
        return Workbook($"invoice-{FileSafe(Number(invoice))}.xlsx", title, invoice.ShopId, rows, columns,
            r => [r.Sent, r.Received, r.Shortfall], withIssue: true);
    }

    public OutgoingDocument ReturnWorkbook(SellerReturn item)
    {
        var title = session.F("invoices.return.card_title", item.Id);
        var columns = new List<TableColumn> { new(session.T("invoices.col.returned"), CellKind.Integer), new(session.T("invoices.col.packed"), CellKind.Integer) };
        return Workbook($"return-{item.Id}.xlsx", title, item.ShopId, InvoiceComposition.Of(item), columns,
            r => [r.Sent, r.Received], withIssue: false);
    }

    private OutgoingDocument Workbook(string fileName, string title, long shopId, IReadOnlyList<CompositionRow> rows,
        List<TableColumn> quantityColumns, Func<CompositionRow, object?[]> quantities, bool withIssue)
    {
        var columns = new List<TableColumn> { new(session.T("invoices.col.product"), CellKind.Text, 3), new(session.T("invoices.col.sku"), CellKind.Text, 2) };
        columns.AddRange(quantityColumns);
        if (Money) columns.AddRange([new TableColumn(session.T("invoices.col.price"), CellKind.Money), new TableColumn(session.T("invoices.col.cost"), CellKind.Money)]);
        if (withIssue) columns.Add(new TableColumn(session.T("invoices.col.issue"), CellKind.Text, 2));

        IReadOnlyList<object?> Cells(CompositionRow r)
        {
            var cells = new List<object?> { r.Product ?? "", r.Sku ?? "" };
            cells.AddRange(quantities(r));
            if (Money) cells.AddRange([r.PurchasePrice, r.PurchasePrice * r.Sent]);
            if (withIssue) cells.Add(r.Issue);
            return cells;
        }
        var totals = new List<object?> { session.T("invoices.total"), null };
        totals.AddRange(quantityColumns.Select((_, i) => (object?)rows.Sum(r => Convert.ToInt64(quantities(r)[i], System.Globalization.CultureInfo.InvariantCulture))));
        if (Money) totals.AddRange([null, rows.Sum(r => r.PurchasePrice * r.Sent)]);
        if (withIssue) totals.Add(null);

        var table = new ReportTable(session.T("invoices.xlsx.sheet"), columns, rows.Select(Cells).ToList(), totals);
        var shop = DocumentText.ShopName(session, shopId);
        var xlsx = XlsxTableWriter.Write(DocumentText.Report(session, title, shop, null, now, [table]));
        return new OutgoingDocument(fileName, xlsx, session.F("invoices.xlsx.caption", Html.Encode(title)));
    }

    public Screen NotFound() =>
        new(session.T("invoices.not_found"), new Keyboard().Row(new Button(session.T("invoices.back_home"), CallbackData.Encode(InvoicesFeature.Home))).Build());

    private string Units(long n) => session.F("invoices.units", Formats.Number(n));

    private static string Number(SupplyInvoice invoice) =>
        string.IsNullOrWhiteSpace(invoice.InvoiceNumber) ? invoice.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : invoice.InvoiceNumber;

    private static string FileSafe(string text) => new(text.Where(char.IsLetterOrDigit).ToArray());

    private string SupplyStatus(SupplyInvoice invoice) => StatusName(invoice.StatusValue, invoice.InvoiceStatus?.Text);

    /// <summary>Our word for a status we know, UZUM's own text (or the raw value) for one we do not.</summary>
    private string StatusName(string? value, string? uzumText)
    {
        var key = "invoices.status." + value;
        if (value is not null && session.S.Has(Lang, key)) return session.T(key);
        return Html.Encode(uzumText ?? value ?? "—");
    }

    private string ReturnType(string? type)
    {
        var key = "invoices.return_type." + type;
        return type is not null && session.S.Has(Lang, key) ? session.T(key) : Html.Encode(type ?? "—");
    }

    private static string Mark(string? status) => status switch
    {
        "ACCEPTED" or "COMPLETED" => "✅",
        "IN_TRANSIT" or "ACCEPTANCE_IN_PROGRESS" or "ASSEMBLED" => "🚚",
        "CREATED" => "🆕",
        "CANCELED" or "CANCELLED" => "❌",
        _ => "⚪",
    };
}
