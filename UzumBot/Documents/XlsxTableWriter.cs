using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace UzumBot.Documents;

/// <summary>
/// Writes a <see cref="TableReport"/> as an XLSX workbook: one sheet per table, the document's title, shop, period
/// and generation time above the header, the header row frozen and filterable, numbers stored as numbers (units
/// and som with grouping, fractions as percent) so a spreadsheet can sum and sort them.
/// </summary>
public static class XlsxTableWriter
{
    /// <summary>The row of the column headers; the rows above it carry the document's heading.</summary>
    public const int HeaderRow = 5;

    private enum Style : uint
    {
        Default = 0,
        Header = 1,
        Integer = 2,
        Percent = 3,
        Decimal = 4,
        Title = 5,
        BoldText = 6,
        BoldInteger = 7,
        BoldPercent = 8,
        BoldDecimal = 9,
    }

    public static byte[] Write(TableReport report)
    {
        using var output = new MemoryStream();
        using (var workbook = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook))
        {
            workbook.PackageProperties.Title = report.Title;
            workbook.PackageProperties.Creator = "UzumBot";
            var book = workbook.AddWorkbookPart();
            book.Workbook = new Workbook();
            var styles = book.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var sheets = book.Workbook.AppendChild(new Sheets());
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            uint sheetId = 1;
            foreach (var table in report.Tables)
            {
                var part = book.AddNewPart<WorksheetPart>();
                part.Worksheet = Sheet(report, table.Validated());
                sheets.Append(new Sheet { Id = book.GetIdOfPart(part), SheetId = sheetId++, Name = SheetName(table.Title, names) });
            }
        }
        return output.ToArray();
    }

    /// <summary>Excel's rules: at most 31 characters, none of []:*?/\, unique in the workbook (case-insensitive).</summary>
    public static string SheetName(string title, ISet<string> taken)
    {
        var clean = new string(title.Select(c => "[]:*?/\\".Contains(c) || char.IsControl(c) ? ' ' : c).ToArray()).Trim().Trim('\'');
        if (clean.Length == 0) clean = "Sheet";
        var name = clean.Length > 31 ? clean[..31] : clean;
        for (var n = 2; !taken.Add(name); n++)
        {
            var suffix = " " + n.ToString(CultureInfo.InvariantCulture);
            name = (clean.Length + suffix.Length > 31 ? clean[..(31 - suffix.Length)] : clean) + suffix;
        }
        return name;
    }

    private static Worksheet Sheet(TableReport report, ReportTable table)
    {
        var data = new SheetData();
        data.Append(TextRow(1, report.Title, Style.Title));
        data.Append(TextRow(2, report.Period is null ? report.ShopName : report.ShopName + " · " + report.Period, Style.Default));
        data.Append(TextRow(3, report.GeneratedLine, Style.Default));
        data.Append(TextRow(4, table.Title, Style.BoldText));

        var header = new Row { RowIndex = HeaderRow };
        for (var c = 0; c < table.Columns.Count; c++) header.Append(TextCell(c, HeaderRow, table.Columns[c].Header, Style.Header));
        data.Append(header);

        var rowIndex = (uint)HeaderRow;
        foreach (var cells in table.Rows) data.Append(DataRow(++rowIndex, table.Columns, cells, bold: false));
        if (table.Totals is { } totals) data.Append(DataRow(++rowIndex, table.Columns, totals, bold: true));

        var lastColumn = ColumnName(table.Columns.Count - 1);
        var sheet = new Worksheet(
            new SheetViews(new SheetView(
                new Pane
                {
                    VerticalSplit = HeaderRow,
                    TopLeftCell = "A" + (HeaderRow + 1).ToString(CultureInfo.InvariantCulture),
                    ActivePane = PaneValues.BottomLeft,
                    State = PaneStateValues.Frozen,
                },
                new Selection { Pane = PaneValues.BottomLeft })
            { WorkbookViewId = 0 }),
            Columns(table),
            data);
        if (table.Rows.Count > 0)
            sheet.Append(new AutoFilter { Reference = $"A{HeaderRow}:{lastColumn}{HeaderRow + table.Rows.Count}" });
        return sheet;
    }

    private static Columns Columns(ReportTable table)
    {
        var columns = new Columns();
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var column = table.Columns[c];
            var longest = table.Rows.Select(r => PdfTableWriter.CellText(r[c], column.Kind).Length).DefaultIfEmpty(0).Max();
            var width = Math.Clamp(Math.Max(column.Header.Length, longest) + 2, 8, column.Kind == CellKind.Text ? 60 : 18);
            columns.Append(new Column { Min = (uint)c + 1, Max = (uint)c + 1, Width = width, CustomWidth = true });
        }
        return columns;
    }

    private static Row TextRow(uint index, string text, Style style)
    {
        var row = new Row { RowIndex = index };
        row.Append(TextCell(0, index, text, style));
        return row;
    }

    private static Row DataRow(uint index, IReadOnlyList<TableColumn> columns, IReadOnlyList<object?> cells, bool bold)
    {
        var row = new Row { RowIndex = index };
        for (var c = 0; c < columns.Count; c++)
        {
            var value = cells[c];
            if (value is null) continue;
            row.Append(value is string text
                ? TextCell(c, index, text, bold ? Style.BoldText : Style.Default)
                : NumberCell(c, index, Convert.ToDouble(value, CultureInfo.InvariantCulture), NumberStyle(columns[c].Kind, bold)));
        }
        return row;
    }

    private static Style NumberStyle(CellKind kind, bool bold) => kind switch
    {
        CellKind.Percent => bold ? Style.BoldPercent : Style.Percent,
        CellKind.Decimal => bold ? Style.BoldDecimal : Style.Decimal,
        _ => bold ? Style.BoldInteger : Style.Integer,
    };

    private static Cell TextCell(int column, uint row, string text, Style style) => new()
    {
        CellReference = ColumnName(column) + row.ToString(CultureInfo.InvariantCulture),
        DataType = CellValues.InlineString,
        StyleIndex = (uint)style,
        InlineString = new InlineString(new Text(XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve }),
    };

    private static Cell NumberCell(int column, uint row, double value, Style style) => new()
    {
        CellReference = ColumnName(column) + row.ToString(CultureInfo.InvariantCulture),
        StyleIndex = (uint)style,
        CellValue = new CellValue(value),
    };

    public static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26) name = (char)('A' + (index - 1) % 26) + name;
        return name;
    }

    private static string XmlSafe(string text) => new(text.Where(c => XmlConvertIsValid(c)).ToArray());

    private static bool XmlConvertIsValid(char c) => c is '\t' or '\n' or '\r' || c >= ' ' && c != '\uFFFE' && c != '\uFFFF';

    private static Stylesheet Stylesheet()
    {
        const uint percentFormat = 164, decimalFormat = 165, groupedInteger = 3;
        var formats = new NumberingFormats(
            new NumberingFormat { NumberFormatId = percentFormat, FormatCode = "0.0%" },
            new NumberingFormat { NumberFormatId = decimalFormat, FormatCode = "0.0" });
        var fonts = new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = "Calibri" }));
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFE4E8F0" }) { PatternType = PatternValues.Solid }));
        var borders = new Borders(new Border());
        CellFormat Format(uint font, uint fill, uint numberFormat) => new()
        {
            FontId = font, FillId = fill, BorderId = 0, NumberFormatId = numberFormat,
            ApplyFont = font != 0, ApplyFill = fill != 0, ApplyNumberFormat = numberFormat != 0,
        };
        // order = the Style enum
        var cellFormats = new CellFormats(
            Format(0, 0, 0),
            Format(1, 2, 0),
            Format(0, 0, groupedInteger),
            Format(0, 0, percentFormat),
            Format(0, 0, decimalFormat),
            Format(2, 0, 0),
            Format(1, 0, 0),
            Format(1, 0, groupedInteger),
            Format(1, 0, percentFormat),
            Format(1, 0, decimalFormat));
        return new Stylesheet(formats, fonts, fills, borders, new CellStyleFormats(new CellFormat()), cellFormats);
    }
}
