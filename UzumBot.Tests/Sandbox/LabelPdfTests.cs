using UzumBot.Tests.Documents;
using UzumBot.Uzum;
using UzumBot.Uzum.Sandbox;
using ZXing;
using ZXing.Common;

namespace UzumBot.Tests.Sandbox;

public class LabelPdfTests
{
    private const string LongTitle = "Футболка *NEW* [XL] <хлопок> & 100% cotton_kids. Oʻgʻil bolalar uchun, Ўзбекистон, Қишки — ёзги тўплам";

    [Theory]
    [InlineData(LabelSize.Large, 58, 40)]
    [InlineData(LabelSize.Big, 43, 25)]
    public void Page_is_exactly_the_label_size(LabelSize size, double width, double height)
    {
        var pdf = LabelPdf.Render(124500101, LongTitle, size, 1, 1);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(pdf[..4]));
        var pages = PdfAssert.PageSizes(pdf);
        PdfAssert.Size(Assert.Single(pages), width, height);
    }

    [Fact]
    public void Renders_empty_and_huge_titles()
    {
        Assert.NotEmpty(LabelPdf.Render(1, "", LabelSize.Big, 1, 1));
        Assert.NotEmpty(LabelPdf.Render(long.MaxValue, new string('Ж', 2000), LabelSize.Large, 3, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => LabelPdf.Render(1, "x", LabelSize.Big, 2, 1));
    }

    [PdftoppmFact]
    public void Barcode_reads_back_the_order_id_at_203_dpi()
    {
        foreach (var size in new[] { LabelSize.Large, LabelSize.Big })
        {
            const long orderId = 124500101;
            var (pixels, width, height) = Pdftoppm.RenderGray(LabelPdf.Render(orderId, LongTitle, size, 1, 2), 203);
            var reader = new BarcodeReaderGeneric
            {
                Options = new DecodingOptions { PossibleFormats = [BarcodeFormat.CODE_128], TryHarder = true },
            };
            var result = reader.Decode(new RGBLuminanceSource(pixels, width, height, RGBLuminanceSource.BitmapFormat.Gray8));
            Assert.NotNull(result);
            Assert.Equal(orderId.ToString(), result.Text);
        }
    }

    [Fact]
    public async Task Label_endpoint_pages_have_the_requested_size()
    {
        var h = new SandboxHarness();
        await h.InitializeAsync();
        try
        {
            var shop = (await h.ShopIds())[0];
            var id = (await h.Get($"v2/fbs/orders?shopIds={shop}&status=DELIVERING&scheme=FBS")).Payload.GetProperty("orders")[0].GetProperty("id").GetInt64();
            foreach (var (size, w, hh) in new[] { ("LARGE", 58.0, 40.0), ("BIG", 43.0, 25.0) })
            {
                var document = (await h.Get($"v1/fbs/order/{id}/labels/print?size={size}")).Payload.GetProperty("document");
                var pdf = Convert.FromBase64String(document.ValueKind == System.Text.Json.JsonValueKind.Array ? document[0].GetString()! : document.GetString()!);
                PdfAssert.Size(Assert.Single(PdfAssert.PageSizes(pdf)), w, hh);
            }
        }
        finally
        {
            await h.DisposeAsync();
        }
    }
}
