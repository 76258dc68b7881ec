using UzumBot.Hosting;
using UzumBot.Tests.Fakes;
using UzumBot.Uzum.Sandbox;

namespace UzumBot.Tests.EndToEnd;

/// <summary>What surrounds the bot in an end-to-end test: a fake Bot API, the sandbox marketplace, a data folder.</summary>
public sealed class TestWorld : IAsyncDisposable
{
    public required FakeBotApi Telegram { get; init; }
    public required SandboxServer Uzum { get; init; }
    public required string DataFolder { get; init; }

    public string DatabasePath => Path.Combine(DataFolder, "uzumbot.db");
    public string PepperPath => Path.Combine(DataFolder, "pepper.key");

    public static async Task<TestWorld> StartAsync(SandboxOptions? sandbox = null, FakeBotApiOptions? telegram = null)
    {
        var fake = new FakeBotApi(telegram);
        await fake.StartAsync();
        var uzum = new SandboxServer(sandbox ?? new SandboxOptions { BurstCapacity = 1000, ReplenishRate = 1000 });
        await uzum.StartAsync();
        var folder = Path.Combine(Path.GetTempPath(), "uzumbot-e2e-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return new TestWorld { Telegram = fake, Uzum = uzum, DataFolder = folder };
    }

    /// <summary>Only the documented configuration keys.</summary>
    public Dictionary<string, string?> Configuration() => new()
    {
        ["Telegram:BotToken"] = Telegram.Token,
        ["Telegram:ApiBaseUrl"] = Telegram.BaseUrl,
        ["Uzum:BaseUrl"] = Uzum.ApiBaseUrl,
        ["Uzum:MinRequestIntervalMs"] = "0",
        ["Storage:Path"] = DatabasePath,
        ["Security:PepperPath"] = PepperPath,
        ["Logging:LogLevel:Default"] = "Warning",
    };

    public async ValueTask DisposeAsync()
    {
        await Telegram.DisposeAsync();
        await Uzum.DisposeAsync();
        try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { }
    }
}
