using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace UzumBot.Localization;

/// <summary>
/// Every user-visible string, in Russian and Uzbek (Latin), loaded from the embedded resources
/// <c>Localization/ru.json</c> and <c>uz.json</c> plus one pair per feature (<c>team.ru.json</c>, <c>team.uz.json</c>, …).
/// A key defined twice is an error. Templates use <c>{0}</c>-style placeholders and may contain the bot's own HTML
/// (values passed in must already be encoded).
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
        var names = assembly.GetManifestResourceNames()
            .Where(n => n.Contains(".Localization.", StringComparison.Ordinal) && n.EndsWith($".{code}.json", StringComparison.Ordinal));
        var all = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            foreach (var (key, value) in JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [])
                if (!all.TryAdd(key, value)) throw new InvalidDataException($"The string '{key}' is defined twice ({name}).");
        }
        return all.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
