using PdfSharp.Drawing;

namespace UzumBot.Documents;

/// <summary>Word-wraps text into at most N lines of a given width, ending the last one with an ellipsis when cut.</summary>
internal static class TextFit
{
    private const string Ellipsis = "…";

    public static IReadOnlyList<string> Wrap(XGraphics gfx, string text, XFont font, double width, int maxLines)
    {
        var words = (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var lines = new List<string>();
        var current = "";
        var index = 0;
        while (index < words.Length && lines.Count < maxLines)
        {
            var candidate = current.Length == 0 ? words[index] : current + " " + words[index];
            if (Fits(gfx, candidate, font, width))
            {
                current = candidate;
                index++;
                continue;
            }
            if (current.Length == 0)
            {
                current = words[index];
                index++;
            }
            lines.Add(current);
            current = "";
        }
        if (current.Length > 0 && lines.Count < maxLines) lines.Add(current);
        if (lines.Count == 0) return lines;

        var cut = index < words.Length;
        var last = lines[^1];
        if (cut || !Fits(gfx, last, font, width)) lines[^1] = Truncate(gfx, last, font, width, forceEllipsis: cut);
        return lines;
    }

    public static string Truncate(XGraphics gfx, string text, XFont font, double width, bool forceEllipsis)
    {
        if (!forceEllipsis && Fits(gfx, text, font, width)) return text;
        // binary search for the longest prefix that fits with the ellipsis
        int low = 0, high = text.Length;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (Fits(gfx, text[..mid].TrimEnd() + Ellipsis, font, width)) low = mid;
            else high = mid - 1;
        }
        var end = low;
        // never split a surrogate pair
        if (end > 0 && char.IsHighSurrogate(text[end - 1])) end--;
        return text[..end].TrimEnd() + Ellipsis;
    }

    private static bool Fits(XGraphics gfx, string text, XFont font, double width) => gfx.MeasureString(text, font).Width <= width;
}
