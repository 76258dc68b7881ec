namespace UzumBot.Hosting;

public enum RunMode
{
    Bot,
    Demo,
    Sandbox,
    CreateCode,
    RotateServerKey,
    Help,
}

/// <summary>
/// The command line: no arguments runs the bot; <c>--demo</c>; <c>sandbox [--urls URL]</c>;
/// <c>codes create --role owner [--uses N] [--days N]</c>; <c>automation rotate-key</c>. Anything else left over (e.g. <c>--Storage:Path=x</c>)
/// goes to configuration.
/// </summary>
public sealed record CommandLine(RunMode Mode, string[] ConfigArgs, string? Urls = null, string Role = "owner", int Uses = 1, int Days = 7, string? Error = null)
{
    public const string Usage = """
        UzumBot — a Telegram bot for UZUM Market sellers.

          UzumBot                                   run the bot (long polling)
          UzumBot --demo                            chat with the built-in demo shop in this terminal
          UzumBot sandbox [--urls URL]              serve the sandbox marketplace (default http://127.0.0.1:5080)
          UzumBot codes create --role owner [--uses N] [--days N]
                                                    create an owner access code (printed alone on the last line)
          UzumBot automation rotate-key             replace the automation server key (Security:ServerKeyPath) and
                                                    re-wrap every tenant's automation key under the new one (bot stopped)

        Configuration: appsettings.json, environment variables (Telegram__BotToken, Uzum__BaseUrl, …)
        or --Section:Key=value arguments.
        """;

    public static CommandLine Parse(string[] args)
    {
        var rest = new List<string>(args);
        if (Take(rest, "--help") || Take(rest, "-h")) return new CommandLine(RunMode.Help, []);
        if (Take(rest, "--demo"))
            return Unknown(rest) is { } odd
                ? new CommandLine(RunMode.Help, [], Error: $"Unknown option '{odd}'.")
                : new CommandLine(RunMode.Demo, rest.ToArray());

        if (rest.Count > 0 && rest[0] == "sandbox")
        {
            rest.RemoveAt(0);
            var urls = TakeValue(rest, "--urls") ?? "http://127.0.0.1:5080";
            if (Unknown(rest) is { } stray) return new CommandLine(RunMode.Help, [], Error: $"Unknown argument '{stray}'.");
            return new CommandLine(RunMode.Sandbox, rest.ToArray(), Urls: urls);
        }

        if (rest.Count > 0 && rest[0] == "codes")
        {
            if (rest.Count < 2 || rest[1] != "create")
                return new CommandLine(RunMode.Help, [], Error: "Unknown codes command. Use: codes create --role owner [--uses N] [--days N]");
            rest.RemoveRange(0, 2);
            if (rest.Count(a => a == "--role") > 1) return new CommandLine(RunMode.Help, [], Error: "--role is given twice.");
            var role = TakeValue(rest, "--role")?.ToLowerInvariant();
            if (role is null) return new CommandLine(RunMode.Help, [], Error: "codes create needs --role owner.");
            if (role != "owner")
                return new CommandLine(RunMode.Help, [], Error: $"--role {role}: the operator creates owner codes; owners invite their team from the bot.");
            if (!TryNumber(TakeValue(rest, "--uses") ?? "1", 1, 1000, out var uses))
                return new CommandLine(RunMode.Help, [], Error: "--uses must be a whole number from 1 to 1000.");
            if (!TryNumber(TakeValue(rest, "--days") ?? "7", 1, 365, out var days))
                return new CommandLine(RunMode.Help, [], Error: "--days must be a whole number from 1 to 365.");
            if (Unknown(rest) is { } stray) return new CommandLine(RunMode.Help, [], Error: $"Unknown argument '{stray}'.");
            return new CommandLine(RunMode.CreateCode, rest.ToArray(), Role: role, Uses: uses, Days: days);
        }

        if (rest.Count > 0 && rest[0] == "automation")
        {
            if (rest.Count < 2 || rest[1] != "rotate-key")
                return new CommandLine(RunMode.Help, [], Error: "Unknown automation command. Use: automation rotate-key");
            rest.RemoveRange(0, 2);
            if (Unknown(rest) is { } stray) return new CommandLine(RunMode.Help, [], Error: $"Unknown argument '{stray}'.");
            return new CommandLine(RunMode.RotateServerKey, rest.ToArray());
        }

        if (rest.Count > 0 && !rest[0].StartsWith("--", StringComparison.Ordinal))
            return new CommandLine(RunMode.Help, [], Error: $"Unknown command '{rest[0]}'.");
        if (Unknown(rest) is { } unknown) return new CommandLine(RunMode.Help, [], Error: $"Unknown option '{unknown}'.");
        return new CommandLine(RunMode.Bot, rest.ToArray());
    }

    /// <summary>Configuration arguments look like --Section:Key=value (or --Section:Key value); anything else is a typo.</summary>
    private static string? Unknown(List<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf(':') > 2)
            {
                if (!arg.Contains('=')) i++; // the value follows
                continue;
            }
            return arg;
        }
        return null;
    }

    private static bool Take(List<string> args, string flag) => args.Remove(flag);

    private static string? TakeValue(List<string> args, string flag)
    {
        var i = args.IndexOf(flag);
        if (i >= 0 && i + 1 < args.Count)
        {
            var value = args[i + 1];
            args.RemoveRange(i, 2);
            return value;
        }
        var prefixed = args.FirstOrDefault(a => a.StartsWith(flag + "=", StringComparison.Ordinal));
        if (prefixed is null) return null;
        args.Remove(prefixed);
        return prefixed[(flag.Length + 1)..];
    }

    private static bool TryNumber(string text, int min, int max, out int value) =>
        int.TryParse(text, out value) && value >= min && value <= max;
}
