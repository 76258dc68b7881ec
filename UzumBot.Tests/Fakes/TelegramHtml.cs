using System.Text;

namespace UzumBot.Tests.Fakes;

/// <summary>One formatting entity found by the parser: a Bot API MessageEntity type, UTF-16 offset and length.</summary>
public sealed record ParsedEntity(string Type, int Offset, int Length, string? Argument = null);

/// <summary>The visible text (tags stripped, entities decoded, outer whitespace trimmed) and its entities.</summary>
public sealed record ParsedText(string Text, IReadOnlyList<ParsedEntity> Entities)
{
    /// <summary>Length as Telegram's limits count it here: UTF-16 code units.</summary>
    public int Length => Text.Length;

    /// <summary>Canonical form used for "message is not modified": equal text and equal entities.</summary>
    public bool SameContentAs(ParsedText other) => Text == other.Text && Entities.SequenceEqual(other.Entities);

    public static ParsedText Plain(string text) => Trim(text, []);

    /// <summary>Telegram strips leading and trailing white space from a text; entities move with it.</summary>
    internal static ParsedText Trim(string text, IReadOnlyList<ParsedEntity> entities)
    {
        int start = 0, end = text.Length;
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (start == 0 && end == text.Length) return new ParsedText(text, entities);

        var moved = new List<ParsedEntity>();
        foreach (var e in entities)
        {
            int s = Math.Max(e.Offset, start), f = Math.Min(e.Offset + e.Length, end);
            if (f > s) moved.Add(e with { Offset = s - start, Length = f - s });
        }
        return new ParsedText(text[start..end], moved);
    }
}

/// <summary>
/// Telegram's HTML parse mode, checked the way the Bot API checks it (the same error texts, byte offsets in
/// UTF-8): only the supported tags, attributes quoted or name tokens, tags closed in order, entities
/// <c>&amp;lt; &amp;gt; &amp;amp; &amp;quot;</c> and numeric ones. A bare <c>&lt;</c> is a start tag with an
/// unsupported name, as in Telegram. With <c>strictAmpersand</c> the parser is stricter than Telegram (which keeps
/// an unknown <c>&amp;</c> as text): the Bot API documentation requires every <c>&amp;</c> to be escaped, and
/// a bot that encodes every value never trips it.
/// </summary>
public static class TelegramHtml
{
    private static readonly HashSet<string> SupportedTags =
    [
        "a", "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler",
        "code", "pre", "blockquote", "tg-emoji",
    ];

    private sealed record OpenTag(string Name, string? Argument, int Utf16Start, bool Expandable);

    public static bool TryParse(string html, bool strictAmpersand, out ParsedText result, out string error)
    {
        result = ParsedText.Plain("");
        error = "";
        var text = new StringBuilder(html.Length);
        var open = new List<OpenTag>();
        var entities = new List<ParsedEntity>();
        int n = html.Length, i = 0;

        string At(int charIndex) => Encoding.UTF8.GetByteCount(html.AsSpan(0, charIndex)).ToString();
        bool Fail(string message, out string err) { err = "can't parse entities: " + message; return false; }

        while (i < n)
        {
            char c = html[i];
            if (c == '&')
            {
                if (TryDecodeEntity(html, ref i, text, strictAmpersand)) continue;
                if (strictAmpersand)
                    return Fail($"Character '&' at byte offset {At(i)} doesn't start an HTML entity and must be escaped as \"&amp;\"", out error);
                text.Append(c);
                i++;
                continue;
            }
            if (c != '<')
            {
                text.Append(c);
                i++;
                continue;
            }

            int begin = i++;
            if (i < n && html[i] == '/')
            {
                // an end tag
                if (open.Count == 0) return Fail($"Unexpected end tag at byte offset {At(begin)}", out error);
                int nameStart = ++i;
                while (i < n && !IsSpace(html[i]) && html[i] != '>') i++;
                string endName = html[nameStart..i].ToLowerInvariant();
                while (i < n && IsSpace(html[i])) i++;
                if (i >= n || html[i] != '>') return Fail($"Unclosed end tag at byte offset {At(begin)}", out error);
                i++;

                var tag = open[^1];
                if (endName.Length > 0 && endName != tag.Name)
                    return Fail($"Unmatched end tag at byte offset {At(begin)}, expected \"</{tag.Name}>\", found \"</{endName}>\"", out error);
                open.RemoveAt(open.Count - 1);
                Close(tag, text.Length, open, entities);
                continue;
            }

            // a start tag
            int tagNameStart = i;
            while (i < n && !IsSpace(html[i]) && html[i] != '>') i++;
            if (i >= n) return Fail($"Unclosed start tag at byte offset {At(begin)}", out error);
            string name = html[tagNameStart..i].ToLowerInvariant();
            if (!SupportedTags.Contains(name))
                return Fail($"Unsupported start tag \"{name}\" at byte offset {At(begin)}", out error);

            string? argument = null;
            bool expandable = false;
            while (true)
            {
                while (i < n && IsSpace(html[i])) i++;
                if (i >= n) return Fail($"Unclosed start tag \"{name}\" at byte offset {At(begin)}", out error);
                if (html[i] == '>') break;

                int attributeStart = i;
                while (i < n && !IsSpace(html[i]) && html[i] != '=' && html[i] != '>') i++;
                string attribute = html[attributeStart..i].ToLowerInvariant();
                if (attribute.Length == 0)
                    return Fail($"Empty attribute name in the tag \"{name}\" at byte offset {At(begin)}", out error);
                while (i < n && IsSpace(html[i])) i++;
                if (i >= n) return Fail($"Unclosed start tag \"{name}\" at byte offset {At(begin)}", out error);
                if (html[i] != '=')
                {
                    if (name == "blockquote" && attribute == "expandable")
                    {
                        expandable = true;
                        continue;
                    }
                    return Fail($"Expected equal sign in declaration of an attribute of the tag \"{name}\" at byte offset {At(begin)}", out error);
                }
                i++;
                while (i < n && IsSpace(html[i])) i++;
                if (i >= n) return Fail($"Unclosed start tag \"{name}\" at byte offset {At(begin)}", out error);

                string value;
                if (html[i] is not ('"' or '\''))
                {
                    int tokenStart = i;
                    while (i < n && (char.IsAsciiLetterOrDigit(html[i]) || html[i] is '.' or '-')) i++;
                    value = html[tokenStart..i].ToLowerInvariant();
                    if (i >= n || (!IsSpace(html[i]) && html[i] != '>'))
                        return Fail($"Unexpected end of name token at byte offset {At(tokenStart)}", out error);
                }
                else
                {
                    int quoteAt = i;
                    char quote = html[i++];
                    var sb = new StringBuilder();
                    while (i < n && html[i] != quote)
                    {
                        if (html[i] == '&' && TryDecodeEntity(html, ref i, sb, strictSemicolon: false)) continue;
                        sb.Append(html[i++]);
                    }
                    if (i >= n) return Fail($"Unclosed start tag at byte offset {At(quoteAt)}", out error);
                    i++;
                    value = sb.ToString();
                }

                switch (name, attribute)
                {
                    case ("a", "href"):
                    case ("span", "class"):
                    case ("tg-emoji", "emoji-id"):
                        argument = value;
                        break;
                    case ("code", "class") when value.StartsWith("language-", StringComparison.Ordinal):
                        argument = value["language-".Length..];
                        break;
                    // any other attribute is ignored, as Telegram does
                }
            }
            i++; // '>'

            if (name == "span" && argument != "tg-spoiler")
                return Fail($"Tag \"span\" must have class \"tg-spoiler\" at byte offset {At(begin)}", out error);
            if (name == "tg-emoji" && string.IsNullOrEmpty(argument))
                return Fail($"Tag \"tg-emoji\" must have attribute \"emoji-id\" at byte offset {At(begin)}", out error);
            open.Add(new OpenTag(name, argument, text.Length, expandable));
        }

        if (open.Count > 0)
            return Fail($"Can't find end tag corresponding to start tag \"{open[^1].Name}\"", out error);

        entities.Sort((a, b) => a.Offset != b.Offset ? a.Offset.CompareTo(b.Offset) : b.Length.CompareTo(a.Length));
        result = ParsedText.Trim(text.ToString(), entities);
        return true;
    }

    private static void Close(OpenTag tag, int end, List<OpenTag> stillOpen, List<ParsedEntity> entities)
    {
        int length = end - tag.Utf16Start;
        if (length <= 0) return;
        string? type = tag.Name switch
        {
            "b" or "strong" => "bold",
            "i" or "em" => "italic",
            "u" or "ins" => "underline",
            "s" or "strike" or "del" => "strikethrough",
            "span" or "tg-spoiler" => "spoiler",
            "a" => tag.Argument is { Length: > 0 } ? "text_link" : null,
            "code" => "code",
            "pre" => "pre",
            "blockquote" => tag.Expandable ? "expandable_blockquote" : "blockquote",
            "tg-emoji" => "custom_emoji",
            _ => null,
        };
        if (type is null) return;

        // <pre><code class="language-x">…</code></pre> is one "pre" entity with a language
        if (type == "code" && stillOpen.Count > 0 && stillOpen[^1].Name == "pre")
        {
            if (tag.Argument is not null) stillOpen[^1] = stillOpen[^1] with { Argument = tag.Argument };
            return;
        }
        entities.Add(new ParsedEntity(type, tag.Utf16Start, length, tag.Argument));
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\r' or '\n' or '\f' or '\v';

    /// <summary>Decodes <c>&amp;lt; &amp;gt; &amp;amp; &amp;quot; &amp;#NN; &amp;#xHH;</c> at <paramref name="i"/>.</summary>
    private static bool TryDecodeEntity(string s, ref int i, StringBuilder into, bool strictSemicolon)
    {
        int p = i + 1, n = s.Length;
        int code;
        if (p < n && s[p] == '#')
        {
            p++;
            bool hex = p < n && s[p] is 'x' or 'X';
            if (hex) p++;
            int digitsStart = p;
            long value = 0;
            while (p < n && (hex ? char.IsAsciiHexDigit(s[p]) : char.IsAsciiDigit(s[p])))
            {
                value = value * (hex ? 16 : 10) + Convert.ToInt32(s[p].ToString(), hex ? 16 : 10);
                if (value > 0x10FFFF) return false;
                p++;
            }
            if (p == digitsStart || value == 0 || value is >= 0xD800 and <= 0xDFFF) return false;
            code = (int)value;
        }
        else
        {
            int nameStart = p;
            while (p < n && char.IsAsciiLetter(s[p])) p++;
            switch (s[nameStart..p])
            {
                case "lt": code = '<'; break;
                case "gt": code = '>'; break;
                case "amp": code = '&'; break;
                case "quot": code = '"'; break;
                default: return false;
            }
        }

        if (p < n && s[p] == ';') p++;
        else if (strictSemicolon) return false;
        into.Append(char.ConvertFromUtf32(code));
        i = p;
        return true;
    }
}
