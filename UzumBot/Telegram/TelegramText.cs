using System.Text;
using System.Text.RegularExpressions;
using UzumBot.Localization;

namespace UzumBot.Telegram;

/// <summary>Telegram's text limits, applied to the bot's own HTML without cutting a tag or an entity (T2).</summary>
public static partial class TelegramText
{
    public const int MaxMessageLength = 4096;
    public const int MaxCaptionLength = 1024;

    /// <summary>The length Telegram counts: tags stripped, entities decoded, UTF-16 code units.</summary>
    public static int VisibleLength(string html) => Html.Decode(Tags().Replace(html, "")).Length;

    /// <summary>
    /// Splits HTML into parts that each fit, at line breaks. Our templates never open a tag on one line and close
    /// it on another, so cutting between lines keeps every part well formed; a single over-long line is cut
    /// between entities and tags.
    /// </summary>
    public static IReadOnlyList<string> Split(string html, int limit = MaxMessageLength)
    {
        if (VisibleLength(html) <= limit) return [html];
        var parts = new List<string>();
        var current = new StringBuilder();
        foreach (var line in html.Split('\n'))
        {
            foreach (var piece in VisibleLength(line) > limit ? CutLine(line, limit) : [line])
            {
                var candidate = current.Length == 0 ? piece : current + "\n" + piece;
                if (VisibleLength(candidate) > limit && current.Length > 0)
                {
                    parts.Add(current.ToString());
                    current.Clear().Append(piece);
                }
                else
                {
                    current.Clear().Append(candidate);
                }
            }
        }
        if (current.Length > 0) parts.Add(current.ToString());
        return parts;
    }

    /// <summary>Fits one message: keeps whole lines from the start and ends with an ellipsis.</summary>
    public static string Fit(string html, int limit = MaxMessageLength)
    {
        var parts = Split(html, limit - 2);
        return parts.Count == 1 ? parts[0] : parts[0] + "\n…";
    }

    private static IEnumerable<string> CutLine(string line, int limit)
    {
        // Tokens are tags, entities or single characters; a plain-text line from data has only the latter two.
        var tokens = Tokens().Matches(line).Select(m => m.Value);
        var current = new StringBuilder();
        var visible = 0;
        foreach (var token in tokens)
        {
            var tokenLength = token.StartsWith('<') ? 0 : 1;
            if (visible + tokenLength > limit)
            {
                yield return current.ToString();
                current.Clear();
                visible = 0;
            }
            current.Append(token);
            visible += tokenLength;
        }
        if (current.Length > 0) yield return current.ToString();
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex("<[^>]*>|&[#a-zA-Z0-9]+;|[\\s\\S]")]
    private static partial Regex Tokens();
}
