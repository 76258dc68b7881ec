using UzumBot.Documents;
using UzumBot.Uzum;
using UzumBot.Uzum.Sandbox;

namespace UzumBot.Tests.Documents;

public class LabelBundleTests
{
    [Fact]
    public void One_pdf_comes_back_unchanged()
    {
        var pdf = LabelPdf.Render(124500101, "Atlas koʻylak", LabelSize.Large, 1, 1);
        Assert.Same(pdf, LabelBundle.Merge([pdf]));
    }

    [Fact]
    public void Merge_keeps_every_page_and_its_size()
    {
        var merged = LabelBundle.Merge([
            LabelPdf.Render(1, "A", LabelSize.Large, 1, 2),
            LabelPdf.Render(1, "B", LabelSize.Large, 2, 2),
            LabelPdf.Render(2, "C", LabelSize.Big, 1, 1),
        ]);
        var pages = PdfAssert.PageSizes(merged);
        Assert.Equal(3, pages.Count);
        PdfAssert.Size(pages[0], 58, 40);
        PdfAssert.Size(pages[1], 58, 40);
        PdfAssert.Size(pages[2], 43, 25);
    }

    [Fact]
    public void Merged_bundles_can_be_merged_again()
    {
        var twoPages = LabelBundle.Merge([LabelPdf.Render(1, "A", LabelSize.Big, 1, 1), LabelPdf.Render(2, "B", LabelSize.Big, 1, 1)]);
        var all = LabelBundle.Merge([twoPages, LabelPdf.Render(3, "C", LabelSize.Large, 1, 1)]);
        Assert.Equal(3, PdfAssert.PageSizes(all).Count);
    }

    [Fact]
    public void Non_pdf_input_is_refused_clearly()
    {
        var pdf = LabelPdf.Render(1, "A", LabelSize.Big, 1, 1);
        var error = Assert.Throws<InvalidDataException>(() => LabelBundle.Merge([pdf, "<html>oops</html>"u8.ToArray()]));
        Assert.Contains("2 of 2", error.Message);
        Assert.Throws<InvalidDataException>(() => LabelBundle.Merge(["%PDF-garbage"u8.ToArray(), pdf]));
    }

    [Fact]
    public void Fonts_install_once_from_any_thread()
    {
        Parallel.For(0, 8, _ => PdfFonts.EnsureInstalled());
        Assert.IsType<PdfFonts>(PdfSharp.Fonts.GlobalFontSettings.FontResolver);
        Assert.NotNull(((PdfFonts)PdfSharp.Fonts.GlobalFontSettings.FontResolver!).GetFont(
            PdfSharp.Fonts.GlobalFontSettings.FontResolver!.ResolveTypeface("Arial", true, false)!.FaceName));
    }
}
