using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace UzumBot.Documents;

/// <summary>Joins several PDFs (e.g. one parcel label per PDF) into one file for a single print job.</summary>
public static class LabelBundle
{
    /// <summary>
    /// One input comes back unchanged; several are merged page by page, each page keeping its own size.
    /// Throws <see cref="InvalidDataException"/> when an input is not a PDF.
    /// </summary>
    public static byte[] Merge(IReadOnlyList<byte[]> pdfs)
    {
        ArgumentNullException.ThrowIfNull(pdfs);
        if (pdfs.Count == 0) throw new ArgumentException("Nothing to merge: the list of PDFs is empty.", nameof(pdfs));
        for (var i = 0; i < pdfs.Count; i++)
            if (!LooksLikePdf(pdfs[i]))
                throw new InvalidDataException($"Document {i + 1} of {pdfs.Count} is not a PDF (it does not start with %PDF).");
        if (pdfs.Count == 1) return pdfs[0];

        PdfFonts.EnsureInstalled();
        using var output = new PdfDocument();
        for (var i = 0; i < pdfs.Count; i++)
        {
            try
            {
                using var input = PdfReader.Open(new MemoryStream(pdfs[i], writable: false), PdfDocumentOpenMode.Import);
                foreach (var page in input.Pages)
                    output.AddPage(page);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                throw new InvalidDataException($"Document {i + 1} of {pdfs.Count} could not be read as a PDF: {e.Message}", e);
            }
        }
        using var result = new MemoryStream();
        output.Save(result, closeStream: false);
        return result.ToArray();
    }

    public static bool LooksLikePdf(byte[]? bytes) =>
        bytes is { Length: >= 4 } && bytes[0] == (byte)'%' && bytes[1] == (byte)'P' && bytes[2] == (byte)'D' && bytes[3] == (byte)'F';
}
