using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace UzumBot.Uzum.Sandbox;

/// <summary>Strict query parsing: a value that is present but malformed makes the request a 400.</summary>
internal sealed class SandboxQuery(IQueryCollection query)
{
    public bool Invalid { get; private set; }

    public bool Has(string key) => query.ContainsKey(key);

    public string? String(string key) => query.TryGetValue(key, out var v) && v.Count > 0 ? v[^1] : null;

    public long? Long(string key)
    {
        var raw = String(key);
        if (raw is null) return null;
        if (long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return value;
        Invalid = true;
        return null;
    }

    public int? Int(string key)
    {
        var value = Long(key);
        if (value is null) return null;
        if (value is >= int.MinValue and <= int.MaxValue) return (int)value;
        Invalid = true;
        return null;
    }

    public bool Bool(string key)
    {
        var raw = String(key);
        if (raw is null) return false;
        if (bool.TryParse(raw, out var value)) return value;
        Invalid = true;
        return false;
    }

    /// <summary>Repeated keys (shopIds=1&amp;shopIds=2); like Spring, a comma list in one value is accepted too.</summary>
    public List<long> Longs(string key)
    {
        var result = new List<long>();
        if (!query.TryGetValue(key, out var values)) return result;
        foreach (var part in values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (long.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)) result.Add(id);
            else Invalid = true;
        }
        return result;
    }

    public List<string> Strings(string key) =>
        query.TryGetValue(key, out var values)
            ? values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList()
            : [];
}
