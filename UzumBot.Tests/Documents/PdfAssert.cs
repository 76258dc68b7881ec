using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace UzumBot.Tests.Documents;

internal static class PdfAssert
{
    public static IReadOnlyList<(double WidthMm, double HeightMm)> PageSizes(byte[] pdf)
    {
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        return document.Pages.Cast<PdfPage>().Select(p => (p.Width.Millimeter, p.Height.Millimeter)).ToList();
    }

    public static void Size((double WidthMm, double HeightMm) page, double widthMm, double heightMm)
    {
        Assert.InRange(page.WidthMm, widthMm - 0.5, widthMm + 0.5);
        Assert.InRange(page.HeightMm, heightMm - 0.5, heightMm + 0.5);
    }
}

/// <summary>A fact that runs only where poppler's pdftoppm is installed (it is not on a fresh CI machine).</summary>
public sealed class PdftoppmFactAttribute : FactAttribute
{
    public PdftoppmFactAttribute()
    {
        if (Pdftoppm.Path is null) Skip = "pdftoppm (poppler-utils) is not installed";
    }
}

internal static class Pdftoppm
{
    public static string? Path { get; } = Find();

    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin")
            .Select(dir => System.IO.Path.Combine(dir, "pdftoppm"))
            .FirstOrDefault(File.Exists);

    /// <summary>Renders page 1 as 8-bit grey at the given dpi and returns the raw pixels (PGM, parsed here).</summary>
    public static (byte[] Pixels, int Width, int Height) RenderGray(byte[] pdf, int dpi, int page = 1)
    {
        var dir = Directory.CreateTempSubdirectory("label-");
        try
        {
            var input = System.IO.Path.Combine(dir.FullName, "in.pdf");
            File.WriteAllBytes(input, pdf);
            var start = new System.Diagnostics.ProcessStartInfo(Path!, ["-gray", "-r", dpi.ToString(), "-f", page.ToString(), "-l", page.ToString(), "-singlefile", input, System.IO.Path.Combine(dir.FullName, "out")])
            {
                RedirectStandardError = true,
            };
            using var process = System.Diagnostics.Process.Start(start)!;
            process.WaitForExit(30_000);
            Assert.Equal(0, process.ExitCode);
            return ParsePgm(File.ReadAllBytes(System.IO.Path.Combine(dir.FullName, "out.pgm")));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static (byte[], int, int) ParsePgm(byte[] bytes)
    {
        var pos = 0;
        string Token()
        {
            while (char.IsWhiteSpace((char)bytes[pos]) || bytes[pos] == '#')
            {
                if (bytes[pos] == '#') while (bytes[pos] != '\n') pos++;
                pos++;
            }
            var start = pos;
            while (!char.IsWhiteSpace((char)bytes[pos])) pos++;
            return System.Text.Encoding.ASCII.GetString(bytes, start, pos - start);
        }
        Assert.Equal("P5", Token());
        var width = int.Parse(Token());
        var height = int.Parse(Token());
        Assert.Equal("255", Token());
        pos++; // the single whitespace before the raster
        return (bytes[pos..(pos + width * height)], width, height);
    }
}
