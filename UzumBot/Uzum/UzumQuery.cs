using System.Globalization;
using System.Text;

namespace UzumBot.Uzum;

/// <summary>
/// Builds UZUM query strings. Arrays go out as repeated keys (<c>shopIds=101&amp;shopIds=202</c>) — never CSV,
/// never <c>shopIds[0]=</c>. Keys and values are percent-encoded (UTF-8), so Cyrillic, spaces and <c>&amp;</c>
/// in a search query survive. Null values are left out.
/// </summary>
public sealed class UzumQuery
{
    private readonly List<KeyValuePair<string, string>> _pairs = [];

    public UzumQuery Add(string key, string? value)
    {
        if (value is not null) _pairs.Add(new(key, value));
        return this;
    }

    public UzumQuery Add(string key, long? value) =>
        Add(key, value?.ToString(CultureInfo.InvariantCulture));

    public UzumQuery Add(string key, bool? value) =>
        Add(key, value is null ? null : value.Value ? "true" : "false");

    public UzumQuery AddEach(string key, IEnumerable<long> values)
    {
        foreach (var v in values) Add(key, v);
        return this;
    }

    public UzumQuery AddEach(string key, IEnumerable<string> values)
    {
        foreach (var v in values) Add(key, v);
        return this;
    }

    /// <summary>The encoded query without the leading '?'; empty when nothing was added.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        foreach (var (key, value) in _pairs)
        {
            if (sb.Length > 0) sb.Append('&');
            sb.Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value));
        }
        return sb.ToString();
    }

    /// <summary><paramref name="path"/> with this query appended (no '?' when the query is empty).</summary>
    public string AppendTo(string path)
    {
        var query = ToString();
        return query.Length == 0 ? path : path + "?" + query;
    }
}
