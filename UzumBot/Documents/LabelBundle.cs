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
    /// <summary>
    /// All inputs that can be read, merged in order (always parsed, even one); the indexes of those that could not
    /// be read are given back instead of failing the whole bundle. Null when none could be read.
    /// </summary>
    public static byte[]? MergeReadable(IReadOnlyList<byte[]> pdfs, out IReadOnlyList<int> unreadable)
    {
        ArgumentNullException.ThrowIfNull(pdfs);
        var skipped = new List<int>();
        unreadable = skipped;
        PdfFonts.EnsureInstalled();
        using var output = new PdfDocument();
        for (var i = 0; i < pdfs.Count; i++)
        {
            try
            {
                if (!LooksLikePdf(pdfs[i])) throw new InvalidDataException("not a PDF");
                using var input = PdfReader.Open(new MemoryStream(pdfs[i], writable: false), PdfDocumentOpenMode.Import);
                if (input.PageCount == 0) throw new InvalidDataException("no pages");
                foreach (var page in input.Pages)
                    output.AddPage(page);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                skipped.Add(i);
            }
        }
        if (output.PageCount == 0) return null;
        using var result = new MemoryStream();
        output.Save(result, closeStream: false);
        return result.ToArray();
    }

    public static byte[] Merge(IReadOnlyList<byte[]> pdfs)
    {
        ArgumentNullException.ThrowIfNull(pdfs);
        if (pdfs.Count == 0) throw new ArgumentException("Nothing to merge: the list of PDFs is empty.", nameof(pdfs));
        for (var i = 0; i < pdfs.Count; i++)
            if (!LooksLikePdf(pdfs[i]))
                throw new InvalidDataException($"Document {i + 1} of {pdfs.Count} is not a PDF (it does not start with %PDF).");
        if (pdfs.Count == 1) return pdfs[0];

        var merged = MergeReadable(pdfs, out var unreadable);
        if (unreadable.Count > 0)
            throw new InvalidDataException($"Document {unreadable[0] + 1} of {pdfs.Count} could not be read as a PDF.");
        return merged!;
    }

    public static bool LooksLikePdf(byte[]? bytes) =>
        bytes is { Length: >= 4 } && bytes[0] == (byte)'%' && bytes[1] == (byte)'P' && bytes[2] == (byte)'D' && bytes[3] == (byte)'F';
}
