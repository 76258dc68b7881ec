using UzumBot.Documents;
using UzumBot.Security;

namespace UzumBot.Features.Reports;

/// <summary>
/// Turns a report's rows into tables in the member's language. Money columns (revenue, cost, value, profit) and the
/// tables ranked by money are there only for roles that see money (product §3).
/// </summary>
public sealed class ReportTables(SessionContext session)
{
    private bool Money => session.Can(Permission.ViewMoney);

    public IReadOnlyList<ReportTable> For(ReportKind kind, ReportInput input) => kind switch
    {
        ReportKind.SalesStock => [Sales(input)],
        ReportKind.Inventory => [InventoryTable(input)],
        ReportKind.TopProducts => Top(input),
        ReportKind.DeadStock => [Dead(input)],
        ReportKind.AbcXyz => AbcXyzTables(input),
        _ => CancelReturnTables(input),
    };

    private TableColumn Col(string key, CellKind kind, double width = 1) => new(session.T("reports.col." + key), kind, width);

    private List<TableColumn> SkuColumns() => [Col("sku", CellKind.Text, 2.2), Col("product", CellKind.Text, 3)];

    private ReportTable Sales(ReportInput input)
    {
        var rows = SalesStock.Compute(input);
        var columns = SkuColumns();
        columns.Add(Col("units", CellKind.Integer));
        if (Money) columns.Add(Col("revenue", CellKind.Money, 1.4));
        columns.AddRange([Col("returns", CellKind.Integer, 1.2), Col("fbo", CellKind.Integer), Col("fbs", CellKind.Integer), Col("days", CellKind.Decimal)]);
        return new ReportTable(session.T("reports.table.sales"), columns,
            rows.Select(r => Cells([r.SkuCode, r.Title], [r.Units], [r.Revenue], [r.ReturnedUnits, r.Fbo, r.Fbs, r.DaysOfStock])).ToList(),
            Cells([session.T("reports.total"), null], [rows.Sum(r => r.Units)], [rows.Sum(r => r.Revenue)],
                [rows.Sum(r => r.ReturnedUnits), rows.Sum(r => r.Fbo), rows.Sum(r => r.Fbs), null]));
    }

    private ReportTable InventoryTable(ReportInput input)
    {
        var rows = Inventory.Compute(input);
        var columns = SkuColumns();
        columns.AddRange([Col("fbo", CellKind.Integer), Col("fbs", CellKind.Integer), Col("stock", CellKind.Integer)]);
        if (Money) columns.AddRange([Col("cost", CellKind.Money, 1.3), Col("value", CellKind.Money, 1.4)]);
        return new ReportTable(session.T("reports.table.inventory"), columns,
            rows.Select(r => Cells([r.SkuCode, r.Title, r.Fbo, r.Fbs, r.Stock], [], [r.PurchasePrice, r.Value], [])).ToList(),
            Cells([session.T("reports.total"), null, rows.Sum(r => r.Fbo), rows.Sum(r => r.Fbs), rows.Sum(r => r.Stock)], [], [null, rows.Sum(r => r.Value ?? 0)], []));
    }

    private ReportTable Dead(ReportInput input)
    {
        var rows = DeadStock.Compute(input);
        var columns = SkuColumns();
        columns.AddRange([Col("fbo", CellKind.Integer), Col("fbs", CellKind.Integer)]);
        if (Money) columns.AddRange([Col("cost", CellKind.Money, 1.3), Col("frozen", CellKind.Money, 1.4)]);
        return new ReportTable(session.T("reports.table.dead"), columns,
            rows.Select(r => Cells([r.SkuCode, r.Title, r.Fbo, r.Fbs], [], [r.PurchasePrice, r.FrozenValue], [])).ToList(),
            Cells([session.T("reports.total"), null, rows.Sum(r => r.Fbo), rows.Sum(r => r.Fbs)], [], [null, rows.Sum(r => r.FrozenValue ?? 0)], []));
    }

    private IReadOnlyList<ReportTable> Top(ReportInput input)
    {
        ReportTable Table(string key, IReadOnlyList<TopRow> rows)
        {
            var columns = new List<TableColumn> { Col("rank", CellKind.Integer, 0.5) };
            columns.AddRange(SkuColumns());
            columns.Add(Col("units", CellKind.Integer));
            if (Money) columns.AddRange([Col("revenue", CellKind.Money, 1.4), Col("profit", CellKind.Money, 1.4)]);
            return new ReportTable(session.T("reports.table." + key), columns,
                rows.Select((r, i) => Cells([i + 1, r.SkuCode, r.Title, r.Units], [], [r.Revenue, r.Profit], [])).ToList());
        }
        var units = Table("top_units", TopProducts.ByUnits(input));
        return Money ? [Table("top_revenue", TopProducts.ByRevenue(input)), units, Table("top_profit", TopProducts.ByProfit(input))] : [units];
    }

    private IReadOnlyList<ReportTable> AbcXyzTables(ReportInput input)
    {
        var rows = AbcXyz.Compute(input);
        var matrix = AbcXyz.Matrix(rows);
        var matrixTable = new ReportTable(session.T("reports.table.matrix"),
            [Col("class", CellKind.Text, 0.8), new TableColumn("X", CellKind.Integer), new TableColumn("Y", CellKind.Integer), new TableColumn("Z", CellKind.Integer),
             Col("skus", CellKind.Integer), Col("share", CellKind.Percent)],
            "ABC".Select((abc, i) => (IReadOnlyList<object?>)[abc.ToString(), matrix[i, 0], matrix[i, 1], matrix[i, 2],
                rows.Count(r => r.Abc == abc), rows.Where(r => r.Abc == abc).Sum(r => r.RevenueShare)]).ToList());
        var tables = new List<ReportTable> { matrixTable };
        foreach (var cell in rows.Where(r => r.Xyz is not null).GroupBy(r => $"{r.Abc}{r.Xyz}").OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var columns = SkuColumns();
            if (Money) columns.Add(Col("revenue", CellKind.Money, 1.4));
            columns.AddRange([Col("share", CellKind.Percent), Col("units", CellKind.Integer), Col("cv", CellKind.Percent)]);
            tables.Add(new ReportTable(session.F("reports.table.cell", cell.Key), columns,
                cell.Select(r => Cells([r.SkuCode, r.Title], [], [r.Revenue], [r.RevenueShare, r.Units, r.Variation])).ToList()));
        }
        return tables;
    }

    private IReadOnlyList<ReportTable> CancelReturnTables(ReportInput input)
    {
        var reasons = new ReportTable(session.T("reports.table.reasons"),
            [Col("reason", CellKind.Text, 3), Col("count", CellKind.Integer), Col("part", CellKind.Percent)],
            CancelReturns.ByReason(input).Select(r => (IReadOnlyList<object?>)[ReasonName(r.Reason), r.Units, r.Share]).ToList());
        var bySku = CancelReturns.BySku(input);
        var (cancelRate, returnRate) = CancelReturns.Rates(input);
        var columns = SkuColumns();
        columns.AddRange([Col("lines", CellKind.Integer), Col("cancelled", CellKind.Integer), Col("cancel_rate", CellKind.Percent),
            Col("units", CellKind.Integer), Col("returned", CellKind.Integer), Col("return_rate", CellKind.Percent)]);
        var skus = new ReportTable(session.T("reports.table.by_sku"), columns,
            bySku.Select(r => (IReadOnlyList<object?>)[r.SkuCode, r.Title, r.Lines, r.CancelledLines, r.CancelRate, r.SoldUnits, r.ReturnedUnits, r.ReturnRate]).ToList(),
            [session.T("reports.total"), null, input.Lines.Count, input.Lines.Count(Finance.FinanceRules.IsCanceled), cancelRate,
             input.Lines.Sum(Finance.FinanceRules.Units), input.Lines.Sum(Finance.FinanceRules.ReturnedUnits), returnRate]);
        return [reasons, skus];
    }

    private string ReasonName(string reason)
    {
        if (reason.Length == 0) return session.T("reports.reason.none");
        var key = "reports.reason." + reason;
        return session.S.Has(session.Lang, key) ? session.T(key) : reason;
    }

    /// <summary>A row: <paramref name="before"/>, then <paramref name="middle"/>, the money cells only for roles that see money, then <paramref name="after"/>.</summary>
    private IReadOnlyList<object?> Cells(object?[] before, object?[] middle, object?[] money, object?[] after) =>
        [.. before, .. middle, .. Money ? money : [], .. after];
}
