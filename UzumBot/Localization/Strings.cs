using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace UzumBot.Localization;

/// <summary>
/// Every user-visible string, in Russian and Uzbek (Latin), loaded from the embedded resources
/// <c>Localization/ru.json</c> and <c>uz.json</c>. Templates use <c>{0}</c>-style placeholders and may contain
/// the bot's own HTML (values passed in must already be encoded).
/// </summary>
public sealed class Strings
{
    public static Strings Instance { get; } = Load();

    private readonly FrozenDictionary<string, string> _ru;
    private readonly FrozenDictionary<string, string> _uz;

    private Strings(FrozenDictionary<string, string> ru, FrozenDictionary<string, string> uz)
    {
        _ru = ru;
        _uz = uz;
    }

    public IReadOnlyCollection<string> Keys(Lang lang) => (lang == Lang.Uz ? _uz : _ru).Keys;

    public string this[Lang lang, string key] => Get(lang, key);

    public string Get(Lang lang, string key)
    {
        var table = lang == Lang.Uz ? _uz : _ru;
        return table.TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No '{lang.Code()}' string for key '{key}'.");
    }

    public string Format(Lang lang, string key, params object?[] args) =>
        string.Format(CultureInfo.InvariantCulture, Get(lang, key), args);

    public bool Has(Lang lang, string key) => (lang == Lang.Uz ? _uz : _ru).ContainsKey(key);

    private static Strings Load() => new(Read("ru"), Read("uz"));

    private static FrozenDictionary<string, string> Read(string code)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith($".Localization.{code}.json", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        var map = JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [];
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
