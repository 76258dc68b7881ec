using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using UglyToad.PdfPig;

namespace UzumBot.Tests.Documents;

/// <summary>Opens what the report writers produced, as a reader would: the PDF's pages and text, the XLSX's sheets and cells.</summary>
internal static class ReportDocuments
{
    public sealed record PdfPageView(double WidthMm, double HeightMm, string Text);

    public static IReadOnlyList<PdfPageView> Pdf(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages().Select(p => new PdfPageView(p.Width * 25.4 / 72, p.Height * 25.4 / 72, p.Text)).ToList();
    }

    /// <summary>The text of every page, words joined by spaces (PdfPig keeps no spaces between separately drawn strings).</summary>
    public static string PdfWords(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }

    public static void AssertA4(PdfPageView page)
    {
        var (w, h) = page.WidthMm < page.HeightMm ? (page.WidthMm, page.HeightMm) : (page.HeightMm, page.WidthMm);
        Assert.InRange(w, 209.5, 210.5);
        Assert.InRange(h, 296.5, 297.5);
    }

    public sealed record XlsxCell(string Reference, bool IsNumber, string Text, double? Number);

    public sealed record XlsxSheet(string Name, IReadOnlyDictionary<string, XlsxCell> Cells, string? FrozenTopLeft);

    public static IReadOnlyList<XlsxSheet> Xlsx(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var book = document.WorkbookPart!;
        return book.Workbook.Sheets!.Elements<Sheet>().Select(sheet =>
        {
            var part = (WorksheetPart)book.GetPartById(sheet.Id!);
            var cells = part.Worksheet.Descendants<Cell>().Select(Read).ToDictionary(c => c.Reference);
            var pane = part.Worksheet.Descendants<Pane>().FirstOrDefault();
            var frozen = pane?.State?.Value == PaneStateValues.Frozen ? pane.TopLeftCell?.Value : null;
            return new XlsxSheet(sheet.Name!, cells, frozen);
        }).ToList();
    }

    private static XlsxCell Read(Cell cell)
    {
        var reference = cell.CellReference!.Value!;
        if (cell.DataType?.Value == CellValues.InlineString) return new XlsxCell(reference, false, cell.InlineString!.InnerText, null);
        if (cell.DataType is null || cell.DataType.Value == CellValues.Number)
        {
            var raw = cell.CellValue!.Text;
            return new XlsxCell(reference, true, raw, double.Parse(raw, System.Globalization.CultureInfo.InvariantCulture));
        }
        return new XlsxCell(reference, false, cell.InnerText, null);
    }
}
