using PdfSharp.Drawing;
using PdfSharp.Pdf;
using UzumBot.Documents;

namespace UzumBot.Uzum.Sandbox;

/// <summary>
/// Draws a parcel label like UZUM's: the order id as a Code128 barcode, the id in digits under it and the main
/// item's title, on a page of exactly 58×40 mm (LARGE) or 43×25 mm (BIG).
/// </summary>
public static class LabelPdf
{
    private const int QuietZoneModules = 10;
    // Thermal label printers print 203 dots per inch; whole-dot modules keep the bars crisp.
    private const double PrinterDot = 72.0 / 203.0;

    public static byte[] Render(long orderId, string title, LabelSize size, int parcelIndex, int parcelCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parcelCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(parcelIndex, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(parcelIndex, parcelCount);
        PdfFonts.EnsureInstalled();

        var (widthMm, heightMm) = size.Millimetres();
        var large = size == LabelSize.Large;
        using var document = new PdfDocument();
        document.Info.Title = $"Label {orderId} {parcelIndex}/{parcelCount}";
        var page = document.AddPage();
        page.Width = XUnit.FromMillimeter(widthMm);
        page.Height = XUnit.FromMillimeter(heightMm);

        using (var gfx = XGraphics.FromPdfPage(page))
        {
            var width = page.Width.Point;
            var height = page.Height.Point;
            var margin = XUnit.FromMillimeter(large ? 2 : 1.2).Point;
            var barHeight = height * (large ? 0.5 : 0.52);
            var digitsFont = new XFont(PdfFonts.FamilyName, large ? 9 : 6.5, XFontStyleEx.Bold);
            var titleFont = new XFont(PdfFonts.FamilyName, large ? 6.5 : 4.8, XFontStyleEx.Regular);
            var smallFont = new XFont(PdfFonts.FamilyName, large ? 6 : 4.5, XFontStyleEx.Bold);

            var digits = orderId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            DrawBarcode(gfx, digits, 0, margin, width, barHeight);

            var y = margin + barHeight + 1;
            var digitsHeight = gfx.MeasureString(digits, digitsFont).Height;
            gfx.DrawString(digits, digitsFont, XBrushes.Black, new XRect(0, y, width, digitsHeight), XStringFormats.TopCenter);
            y += digitsHeight + (large ? 1.5 : 0.5);

            var parcel = parcelCount > 1 ? $"{parcelIndex}/{parcelCount}" : null;
            var lineHeight = gfx.MeasureString("Ag", titleFont).Height;
            var lines = TextFit.Wrap(gfx, title, titleFont, width - 2 * margin, maxLines: large ? 2 : 1);
            foreach (var line in lines)
            {
                if (y + lineHeight > height - (parcel is null ? 0.5 : smallFont.Size + 1)) break;
                gfx.DrawString(line, titleFont, XBrushes.Black, new XRect(margin, y, width - 2 * margin, lineHeight), XStringFormats.TopCenter);
                y += lineHeight;
            }
            if (parcel is not null)
                gfx.DrawString(parcel, smallFont, XBrushes.Black,
                    new XRect(margin, height - margin - smallFont.Size, width - 2 * margin, smallFont.Size + 1), XStringFormats.BottomRight);
        }

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static void DrawBarcode(XGraphics gfx, string text, double left, double top, double width, double height)
    {
        var modules = new ZXing.OneD.Code128Writer().encode(text);
        var total = modules.Length + 2 * QuietZoneModules;
        var module = width / total;
        if (module >= PrinterDot) module = Math.Floor(module / PrinterDot) * PrinterDot;
        var x0 = left + (width - modules.Length * module) / 2;
        var i = 0;
        while (i < modules.Length)
        {
            if (!modules[i]) { i++; continue; }
            var run = i;
            while (run < modules.Length && modules[run]) run++;
            gfx.DrawRectangle(XBrushes.Black, x0 + i * module, top, (run - i) * module, height);
            i = run;
        }
    }
}
