using PdfSharp.Drawing;
using PdfSharp.Pdf;
using UzumBot.Documents;

namespace UzumBot.Tests.Documents;

public sealed class TextFitTests
{
    [Fact]
    public void A_word_wider_than_the_line_is_broken_between_characters_and_nothing_is_lost()
    {
        PdfFonts.EnsureInstalled();
        using var document = new PdfDocument();
        using var gfx = XGraphics.FromPdfPage(document.AddPage());
        var font = new XFont(PdfFonts.FamilyName, 8);
        const string code = "FUTBOLKA-XLOPOK-DETSKAYA-BELAYA-XL-2026";
        var width = gfx.MeasureString("FUTBOLKA-XLOP", font).Width;

        var lines = TextFit.Wrap(gfx, code, font, width, maxLines: 5);

        Assert.True(lines.Count > 1);
        Assert.Equal(code, string.Concat(lines));
        Assert.All(lines, l => Assert.True(gfx.MeasureString(l, font).Width <= width, l));
    }
}
