namespace UzumBot.Documents;

/// <summary>How a column's values are written: text, whole numbers (units, som) or fractions shown as percent or decimals.</summary>
public enum CellKind
{
    Text,
    Integer,
    Money,
    /// <summary>A fraction: 0.125 is written 12.5 %.</summary>
    Percent,
    /// <summary>One decimal place, e.g. days of stock.</summary>
    Decimal,
}

/// <param name="Width">Relative width on the PDF page (the columns of a table share the page width by weight).</param>
public sealed record TableColumn(string Header, CellKind Kind, double Width = 1);

/// <summary>
/// One table of a document: a PDF section and one XLSX sheet. Cells are strings for text columns and numbers
/// (long, int or double) for the others; null is an empty cell. <see cref="Totals"/> is an optional closing row.
/// </summary>
public sealed record ReportTable(
    string Title,
    IReadOnlyList<TableColumn> Columns,
    IReadOnlyList<IReadOnlyList<object?>> Rows,
    IReadOnlyList<object?>? Totals = null)
{
    public ReportTable Validated()
    {
        foreach (var row in Rows.Append(Totals ?? Columns.Select(_ => (object?)null).ToArray()))
            if (row.Count != Columns.Count)
                throw new ArgumentException($"Table '{Title}': a row has {row.Count} cells for {Columns.Count} columns.");
        return this;
    }
}

/// <summary>
/// A document of tables, already in the reader's language: the writers know no words of their own.
/// <paramref name="PageFormat"/> is "page {0} of {1}" in that language.
/// </summary>
public sealed record TableReport(
    string Title,
    string ShopName,
    string? Period,
    string GeneratedLine,
    string PageFormat,
    string EmptyTable,
    IReadOnlyList<ReportTable> Tables);
