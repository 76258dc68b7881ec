using System.Net;

namespace UzumBot.Localization;

/// <summary>The one encoder for outside values put into HTML-parse-mode messages (Telegram wants &lt; &gt; &amp; escaped).</summary>
public static class Html
{
    public static string Encode(string? value) =>
        string.IsNullOrEmpty(value) ? "" : value.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");

    public static string Encode(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Decode(string html) => WebUtility.HtmlDecode(html);
}
