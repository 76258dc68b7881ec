using UzumBot.Documents;
using UzumBot.Uzum;
using UzumBot.Uzum.Sandbox;
using ZXing;
using ZXing.Common;

namespace UzumBot.Tests.Documents;

/// <summary>The shift's labels in one PDF: 100 orders, 100 pages, each its own order's barcode.</summary>
public sealed class ShiftLabelsTests
{
    private static readonly long[] OrderIds = Enumerable.Range(0, 100).Select(i => 124_600_000L + i * 7).ToArray();

    [Theory]
    [InlineData(LabelSize.Large, 58, 40)]
    [InlineData(LabelSize.Big, 43, 25)]
    public void A_hundred_labels_merge_into_a_hundred_pages_of_the_label_size(LabelSize size, double widthMm, double heightMm)
    {
        var merged = LabelBundle.Merge(OrderIds.Select(id => LabelPdf.Render(id, "Футболка хлопковая №" + id, size, 1, 1)).ToArray());
        var pages = PdfAssert.PageSizes(merged);
        Assert.Equal(100, pages.Count);
        Assert.All(pages, p => PdfAssert.Size(p, widthMm, heightMm));
    }

    [PdftoppmFact]
    public void Each_sampled_page_carries_its_own_order_barcode_in_list_order()
    {
        var merged = LabelBundle.Merge(OrderIds.Select(id => LabelPdf.Render(id, "Atlas koʻylak", LabelSize.Large, 1, 1)).ToArray());
        var reader = new BarcodeReaderGeneric { Options = new DecodingOptions { PossibleFormats = [BarcodeFormat.CODE_128], TryHarder = true } };
        foreach (var page in new[] { 1, 37, 100 })
        {
            var (pixels, width, height) = Pdftoppm.RenderGray(merged, 203, page);
            var result = reader.Decode(new RGBLuminanceSource(pixels, width, height, RGBLuminanceSource.BitmapFormat.Gray8));
            Assert.NotNull(result);
            Assert.Equal(OrderIds[page - 1].ToString(System.Globalization.CultureInfo.InvariantCulture), result.Text);
        }
    }
}
