using System.Text.RegularExpressions;
using UzumBot.Localization;

namespace UzumBot.Tests.Localization;

public sealed partial class StringsTests
{
    [Fact]
    public void Russian_and_Uzbek_have_the_same_keys()
    {
        var ru = Strings.Instance.Keys(Lang.Ru).ToHashSet();
        var uz = Strings.Instance.Keys(Lang.Uz).ToHashSet();
        Assert.Empty(ru.Except(uz));
        Assert.Empty(uz.Except(ru));
        Assert.True(ru.Count > 50);
    }

    [Fact]
    public void Every_string_is_filled_and_takes_the_same_placeholders_in_both_languages()
    {
        foreach (var key in Strings.Instance.Keys(Lang.Ru))
        {
            var ru = Strings.Instance[Lang.Ru, key];
            var uz = Strings.Instance[Lang.Uz, key];
            Assert.False(string.IsNullOrWhiteSpace(ru), key);
            Assert.False(string.IsNullOrWhiteSpace(uz), key);
            Assert.Equal(Placeholders(ru), Placeholders(uz));
        }
    }

    [Fact]
    public void Uzbek_uses_the_turned_comma_not_an_apostrophe()
    {
        // oʻ and gʻ take U+02BB; an ASCII apostrophe or a typographic quote there is the classic mistake.
        foreach (var key in Strings.Instance.Keys(Lang.Uz))
            Assert.DoesNotMatch(MisspelledOkina(), Strings.Instance[Lang.Uz, key]);
    }

    [Fact]
    public void Every_key_the_code_asks_for_exists()
    {
        var root = FindRepositoryRoot();
        // The UZUM client, the sandbox and storage have no user-visible strings (and use dotted names of their own,
        // such as audit actions).
        string[] skipped = ["Uzum", "Storage"];
        var source = string.Join('\n', Directory.GetFiles(Path.Combine(root, "UzumBot"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !skipped.Any(d => f.Contains(Path.DirectorySeparatorChar + d + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
            .Select(File.ReadAllText));
        var used = UsedKey().Matches(source).Select(m => m.Groups[1].Value).Where(k => k.Contains('.')).Distinct();
        foreach (var key in used)
            Assert.True(Strings.Instance.Has(Lang.Ru, key) || key.EndsWith('.'), $"'{key}' is used in code but missing from ru.json");
    }

    private static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "UzumBot.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("UzumBot.sln not found above the test binaries.");
    }

    private static string[] Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Value).Order().ToArray();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"[oOgG]['’‘`ʼ][a-z]")]
    private static partial Regex MisspelledOkina();

    [GeneratedRegex("\"((?:common|onboarding|signin|menu|orders|uzum|role|demo|paging|shops|time|money)\\.[a-z_.0-9-]+)\"")]
    private static partial Regex UsedKey();
}
