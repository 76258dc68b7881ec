using System.Text.RegularExpressions;
using UzumBot.Tests.Fakes;

namespace UzumBot.Tests.EndToEnd;

/// <summary>
/// The same path with nothing shared but configuration: `UzumBot sandbox` and `UzumBot` as their own processes,
/// configured only through the documented keys (environment variables), talking to the fake Bot API.
/// </summary>
public sealed partial class SeparateProcessTests
{
    [Fact]
    public async Task The_published_commands_alone_reach_a_label()
    {
        await using var telegram = new FakeBotApi();
        await telegram.StartAsync();
        var folder = Path.Combine(Path.GetTempPath(), "uzumbot-proc-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var sandbox = Cli.Start(new Dictionary<string, string?>(), "sandbox", "--urls", "http://127.0.0.1:0");
            await sandbox.WaitForOutputAsync("Sandbox marketplace on", TimeSpan.FromSeconds(30));
            var sandboxUrl = SandboxUrl().Match(sandbox.Output).Groups[1].Value;

            var environment = new Dictionary<string, string?>
            {
                ["Telegram:BotToken"] = telegram.Token,
                ["Telegram:ApiBaseUrl"] = telegram.BaseUrl,
                ["Uzum:BaseUrl"] = sandboxUrl + "/api/seller-openapi",
                ["Storage:Path"] = Path.Combine(folder, "uzumbot.db"),
                ["Security:PepperPath"] = Path.Combine(folder, "pepper.key"),
            };
            var code = await Cli.CreateOwnerCodeAsync(environment);

            await using var bot = Cli.Start(environment);
            await telegram.WaitForPollingAsync(1, TimeSpan.FromSeconds(30));

            var outcome = await Scenario.RunAsync(telegram, 555_001, code, "sandbox-process-Q1w2E3r4", "246810");
            Assert.NotEmpty(Scenario.PageSizesMm(outcome.LargeLabel));
            telegram.AssertNoErrors();

            // S1: while the bot holds the data file, a command that needs it refuses clearly instead of corrupting it.
            var (exit, output) = await Cli.RunAsync(environment, "codes", "create", "--role", "owner");
            Assert.NotEqual(0, exit);
            Assert.Contains("in use by another process", output);
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task A_missing_bot_token_stops_the_start_with_a_message_naming_the_key()
    {
        var (exit, output) = await Cli.RunAsync(new Dictionary<string, string?> { ["Telegram:BotToken"] = "", ["Uzum:MinRequestIntervalMs"] = "fast" });
        Assert.Equal(2, exit);
        Assert.Contains("Telegram:BotToken", output);
        Assert.Contains("Uzum:MinRequestIntervalMs", output);
    }

    [Fact]
    public async Task A_bot_token_Telegram_refuses_stops_the_process_with_a_failure_code()
    {
        await using var telegram = new FakeBotApi();
        await telegram.StartAsync();
        var folder = Path.Combine(Path.GetTempPath(), "uzumbot-proc-" + Guid.NewGuid().ToString("N"));
        var (exit, output) = await Cli.RunAsync(new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = "999:not-the-fakes-token",
            ["Telegram:ApiBaseUrl"] = telegram.BaseUrl,
            ["Storage:Path"] = Path.Combine(folder, "uzumbot.db"),
            ["Security:PepperPath"] = Path.Combine(folder, "pepper.key"),
        });
        Assert.Equal(1, exit);
        Assert.Contains("Telegram refused the bot token", output);
        Assert.DoesNotContain("not-the-fakes-token", output);
    }

    [Fact]
    public async Task The_sandbox_stops_on_SIGTERM()
    {
        await using var sandbox = Cli.Start(new Dictionary<string, string?>(), "sandbox", "--urls", "http://127.0.0.1:0");
        await sandbox.WaitForOutputAsync("Sandbox marketplace on", TimeSpan.FromSeconds(30));
        Assert.Equal(0, await sandbox.TerminateAsync(TimeSpan.FromSeconds(10)));
    }

    [GeneratedRegex(@"Sandbox marketplace on (http://127\.0\.0\.1:\d+)")]
    private static partial Regex SandboxUrl();
}
