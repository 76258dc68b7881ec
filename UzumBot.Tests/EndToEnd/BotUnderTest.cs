using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using UzumBot.Tests.Support;
using UzumBot.Hosting;
using UzumBot.Storage;

namespace UzumBot.Tests.EndToEnd;

/// <summary>
/// The real bot host (the same composition Program.cs runs), configured only through the documented keys and
/// pointed at a fake Bot API and a sandbox marketplace on loopback.
/// </summary>
public sealed class BotUnderTest : IAsyncDisposable
{
    private readonly IHost _host;

    private BotUnderTest(IHost host, CapturedLogs logs)
    {
        _host = host;
        Logs = logs;
    }

    public IServiceProvider Services => _host.Services;

    /// <summary>Every line the bot logged, at every level.</summary>
    public CapturedLogs Logs { get; } = new();

    public static async Task<BotUnderTest> StartAsync(TestWorld world, IDictionary<string, string?>? extra = null)
    {
        var settings = world.Configuration();
        if (extra is not null) foreach (var (k, v) in extra) settings[k] = v;
        var builder = AppConfiguration.CreateHostBuilder([], settings);
        var logs = new CapturedLogs();
        builder.Logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
        builder.Services.AddUzumBotCore(builder.Configuration, demo: false).AddTelegramTransport();
        var host = builder.Build();
        await host.StartAsync();
        return new BotUnderTest(host, logs);
    }

    public string CreateOwnerCode() =>
        Services.GetRequiredService<AccessCodeStore>().Create(UzumBot.Security.Role.Owner, 1, TimeSpan.FromDays(1));

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(TimeSpan.FromSeconds(10));
        _host.Dispose();
    }
}
