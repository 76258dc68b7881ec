using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using UzumBot.Localization;
using UzumBot.Uzum.Sandbox;

namespace UzumBot.Documents;

/// <summary>
/// Writes a <see cref="TableReport"/> as an A4 portrait PDF: the title, shop, period and generation time on top,
/// each table with its header row repeated on every page it runs onto, long text wrapped in its cell, and a
/// footer "shop · generated … · page N of M" on every page. Text is Liberation Sans (Cyrillic, Uzbek ʻ), embedded
/// with a ToUnicode map so it can be searched and copied. No emoji: the font has none.
/// </summary>
public static class PdfTableWriter
{
    private static readonly double Margin = XUnit.FromMillimeter(12).Point;
    private const double CellPadding = 2.5;
    private const int MaxLinesPerCell = 3;

    public static byte[] Write(TableReport report)
    {
        PdfFonts.EnsureInstalled();
        using var document = new PdfDocument();
        document.Info.Title = PdfSafe(report.Title);
        document.Info.Creator = "UzumBot";
        var layout = new Layout(document);

        layout.Text(report.Title, layout.TitleFont);
        layout.Text(report.Period is null ? report.ShopName : report.ShopName + " · " + report.Period, layout.SubtitleFont);
        layout.Text(report.GeneratedLine, layout.SmallFont);
        layout.Gap(6);
        foreach (var table in report.Tables) layout.Table(table.Validated(), report.EmptyTable);
        layout.Finish();

        var footerLeft = PdfSafe(report.ShopName + " · " + report.GeneratedLine);
        for (var i = 0; i < document.PageCount; i++)
        {
            using var gfx = XGraphics.FromPdfPage(document.Pages[i], XGraphicsPdfPageOptions.Append);
            var page = document.Pages[i];
            var y = page.Height.Point - Margin + 4;
            var box = new XRect(Margin, y, page.Width.Point - 2 * Margin, 10);
            gfx.DrawString(footerLeft, layout.SmallFont, XBrushes.Gray, box, XStringFormats.TopLeft);
            gfx.DrawString(string.Format(CultureInfo.InvariantCulture, report.PageFormat, i + 1, document.PageCount),
                layout.SmallFont, XBrushes.Gray, box, XStringFormats.TopRight);
        }

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    /// <summary>How a cell reads on paper: numbers grouped with no-break spaces, fractions as percent with a comma.</summary>
    public static string CellText(object? value, CellKind kind) => value switch
    {
        null => "",
        string s => s,
        _ when kind is CellKind.Percent => (Convert.ToDouble(value, CultureInfo.InvariantCulture) * 100).ToString("0.0", Comma) + Formats.GroupSeparator + "%",
        _ when kind is CellKind.Decimal => Convert.ToDouble(value, CultureInfo.InvariantCulture).ToString("0.0", Comma),
        double d => Formats.Number((long)Math.Round(d)),
        _ => Formats.Number(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
    };

    private static readonly NumberFormatInfo Comma = new() { NumberDecimalSeparator = ",", NegativeSign = "−" };

    /// <summary>Control characters would break the content stream; emoji have no glyph in the font.</summary>
    private static string PdfSafe(string text) =>
        new(text.Where(c => !char.IsControl(c) && !char.IsSurrogate(c) && c is not ('\uFE0F' or '\u200D')).ToArray());

    /// <summary>Places text top to bottom, opening a new A4 page when the next block does not fit.</summary>
    private sealed class Layout
    {
        private readonly PdfDocument _document;
        private XGraphics? _gfx;
        private double _y;
        private double _bottom;
        private double _width;

        public readonly XFont TitleFont = new(PdfFonts.FamilyName, 15, XFontStyleEx.Bold);
        public readonly XFont SubtitleFont = new(PdfFonts.FamilyName, 10.5, XFontStyleEx.Regular);
        public readonly XFont SmallFont = new(PdfFonts.FamilyName, 7.5, XFontStyleEx.Regular);
        private readonly XFont _tableTitleFont = new(PdfFonts.FamilyName, 11, XFontStyleEx.Bold);
        private readonly XFont _cellFont = new(PdfFonts.FamilyName, 8, XFontStyleEx.Regular);
        private readonly XFont _boldCellFont = new(PdfFonts.FamilyName, 8, XFontStyleEx.Bold);
        private static readonly XBrush HeaderFill = new XSolidBrush(XColor.FromArgb(228, 232, 240));
        private static readonly XBrush StripeFill = new XSolidBrush(XColor.FromArgb(246, 247, 250));
        private static readonly XPen RulePen = new(XColor.FromArgb(190, 195, 205), 0.4);

        public Layout(PdfDocument document)
        {
            _document = document;
            NewPage();
        }

        private XGraphics Gfx => _gfx!;

        private void NewPage()
        {
            _gfx?.Dispose();
            var page = _document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            page.Orientation = PdfSharp.PageOrientation.Portrait;
            _gfx = XGraphics.FromPdfPage(page);
            _y = Margin;
            _bottom = page.Height.Point - Margin;
            _width = page.Width.Point - 2 * Margin;
        }

        private void Ensure(double height)
        {
            if (_y + height > _bottom) NewPage();
        }

        public void Gap(double points) => _y += points;

        public void Text(string text, XFont font)
        {
            var lineHeight = font.GetHeight() * 1.15;
            foreach (var line in TextFit.Wrap(Gfx, PdfSafe(text), font, _width, maxLines: 4))
            {
                Ensure(lineHeight);
                Gfx.DrawString(line, font, XBrushes.Black, new XRect(Margin, _y, _width, lineHeight), XStringFormats.TopLeft);
                _y += lineHeight;
            }
        }

        public void Table(ReportTable table, string emptyText)
        {
            var widths = ColumnWidths(table.Columns);
            var headerCells = table.Columns.Select(c => (object?)c.Header).ToArray();
            var header = Measure(headerCells, table.Columns, widths, _boldCellFont, headerRow: true);
            var titleHeight = _tableTitleFont.GetHeight() * 1.4;

            Gap(4);
            Ensure(titleHeight + header.Height + RowHeight(1));
            Gfx.DrawString(PdfSafe(table.Title), _tableTitleFont, XBrushes.Black, new XRect(Margin, _y, _width, titleHeight), XStringFormats.TopLeft);
            _y += titleHeight;
            DrawRow(header, table.Columns, widths, _boldCellFont, HeaderFill);

            if (table.Rows.Count == 0) Text(emptyText, _cellFont);
            for (var i = 0; i < table.Rows.Count; i++)
                Row(Measure(table.Rows[i], table.Columns, widths, _cellFont, headerRow: false), table, widths, header, i % 2 == 1 ? StripeFill : null, _cellFont);
            if (table.Totals is { } totals)
                Row(Measure(totals, table.Columns, widths, _boldCellFont, headerRow: false), table, widths, header, HeaderFill, _boldCellFont);
            Gap(8);
        }

        private void Row(MeasuredRow row, ReportTable table, double[] widths, MeasuredRow header, XBrush? fill, XFont font)
        {
            if (_y + row.Height > _bottom)
            {
                NewPage();
                DrawRow(header, table.Columns, widths, _boldCellFont, HeaderFill);
            }
            DrawRow(row, table.Columns, widths, font, fill);
        }

        private double RowHeight(int lines) => lines * _cellFont.GetHeight() * 1.1 + 2 * CellPadding;

        private sealed record MeasuredRow(IReadOnlyList<IReadOnlyList<string>> Lines, double Height);

        private MeasuredRow Measure(IReadOnlyList<object?> cells, IReadOnlyList<TableColumn> columns, double[] widths, XFont font, bool headerRow)
        {
            var lines = new List<IReadOnlyList<string>>(cells.Count);
            for (var c = 0; c < cells.Count; c++)
            {
                var text = PdfSafe(CellText(cells[c], columns[c].Kind));
                var room = widths[c] - 2 * CellPadding;
                var wrapped = columns[c].Kind == CellKind.Text || headerRow
                    ? TextFit.Wrap(Gfx, text, font, room, MaxLinesPerCell).Select(l => TextFit.Truncate(Gfx, l, font, room, forceEllipsis: false)).ToList()
                    : [TextFit.Truncate(Gfx, text, font, room, forceEllipsis: false)];
                lines.Add(wrapped);
            }
            return new MeasuredRow(lines, RowHeight(Math.Max(1, lines.Max(l => l.Count))));
        }

        private void DrawRow(MeasuredRow row, IReadOnlyList<TableColumn> columns, double[] widths, XFont font, XBrush? fill)
        {
            if (fill is not null) Gfx.DrawRectangle(fill, Margin, _y, _width, row.Height);
            var x = Margin;
            var lineHeight = font.GetHeight() * 1.1;
            for (var c = 0; c < columns.Count; c++)
            {
                var format = columns[c].Kind == CellKind.Text ? XStringFormats.TopLeft : XStringFormats.TopRight;
                var lineY = _y + CellPadding;
                foreach (var line in row.Lines[c])
                {
                    Gfx.DrawString(line, font, XBrushes.Black, new XRect(x + CellPadding, lineY, widths[c] - 2 * CellPadding, lineHeight), format);
                    lineY += lineHeight;
                }
                x += widths[c];
            }
            _y += row.Height;
            Gfx.DrawLine(RulePen, Margin, _y, Margin + _width, _y);
        }

        private double[] ColumnWidths(IReadOnlyList<TableColumn> columns)
        {
            var total = columns.Sum(c => Math.Max(0.1, c.Width));
            return columns.Select(c => _width * Math.Max(0.1, c.Width) / total).ToArray();
        }

        public void Finish() => _gfx?.Dispose();
    }
}
