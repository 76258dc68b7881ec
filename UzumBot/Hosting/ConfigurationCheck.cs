using Microsoft.Extensions.Configuration;

namespace UzumBot.Hosting;

/// <summary>Checks the configuration keys before anything starts and names every key that is missing or malformed.</summary>
public static class ConfigurationCheck
{
    public static IReadOnlyList<string> Problems(IConfiguration config, bool demo)
    {
        var problems = new List<string>();
        if (!demo && string.IsNullOrWhiteSpace(config["Telegram:BotToken"]))
            problems.Add("Telegram:BotToken is required (environment variable Telegram__BotToken), unless you run with --demo.");
        RequireAbsoluteUrl(config, "Telegram:ApiBaseUrl", problems);
        RequireAbsoluteUrl(config, "Uzum:BaseUrl", problems);
        RequireInt(config, "Uzum:MinRequestIntervalMs", 0, 60_000, problems);
        RequireNumber(config, "Security:UnlockHours", 0, 24 * 90, problems);
        if (config["Storage:Path"] is { } path && string.IsNullOrWhiteSpace(path)) problems.Add("Storage:Path must not be empty.");
        if (config["Security:Pepper"] is { Length: > 0 } pepper && !IsBase64(pepper, 32))
            problems.Add("Security:Pepper must be base64 of at least 32 bytes.");
        if (config["Security:ServerKey"] is { Length: > 0 } serverKey && !(IsBase64(serverKey, 32) && Convert.FromBase64String(serverKey.Trim()).Length == 32))
            problems.Add("Security:ServerKey must be base64 of exactly 32 bytes.");
        if (!string.IsNullOrWhiteSpace(config["Bot:AdminIds"]))
            problems.Add("Bot:AdminIds is a list: set Bot__AdminIds__0, Bot__AdminIds__1, … (or a JSON array in appsettings.json).");
        foreach (var admin in config.GetSection("Bot:AdminIds").GetChildren())
            if (!long.TryParse(admin.Value, out _)) problems.Add($"Bot:AdminIds contains '{admin.Value}', which is not a Telegram user id.");
        return problems;
    }

    private static void RequireAbsoluteUrl(IConfiguration config, string key, List<string> problems)
    {
        if (config[key] is { } value && !(Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            problems.Add($"{key} must be an absolute http(s) URL, not '{value}'.");
    }

    private static void RequireInt(IConfiguration config, string key, int min, int max, List<string> problems)
    {
        if (config[key] is { } value && !(int.TryParse(value, out var n) && n >= min && n <= max))
            problems.Add($"{key} must be a whole number from {min} to {max}, not '{value}'.");
    }

    private static void RequireNumber(IConfiguration config, string key, double min, double max, List<string> problems)
    {
        if (config[key] is { } value && !(double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= min && n <= max))
            problems.Add($"{key} must be a number from {min} to {max}, not '{value}'.");
    }

    private static bool IsBase64(string value, int minBytes)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value.Trim(), buffer, out var written) && written >= minBytes;
    }
}
