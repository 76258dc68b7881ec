using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using UzumBot.Hosting;
using UzumBot.Uzum;
using UzumBot.Uzum.Sandbox;

/// <summary>
/// The in-process sandbox on loopback and the real UZUM client pointed at it with production spacing (200 ms a token),
/// so a benchmark measures what a seller would wait for and counts the calls in <see cref="Sandbox"/>'s request log.
/// </summary>
internal sealed class BenchmarkSandbox : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private BenchmarkSandbox(SandboxServer sandbox, ServiceProvider provider)
    {
        Sandbox = sandbox;
        _provider = provider;
        Client = provider.GetRequiredService<IUzumClient>();
    }

    public SandboxServer Sandbox { get; }

    public IUzumClient Client { get; }

    public static async Task<BenchmarkSandbox> StartAsync()
    {
        var sandbox = new SandboxServer(new SandboxOptions { BurstCapacity = 10_000, ReplenishRate = 10_000 });
        await sandbox.StartAsync();
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Uzum:BaseUrl"] = sandbox.ApiBaseUrl,
            ["Uzum:MinRequestIntervalMs"] = "200",
        }).Build();
        var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddOptions<UzumOptions>().Bind(config.GetSection(UzumOptions.Section));
        services.AddUzumClient();
        return new BenchmarkSandbox(sandbox, services.BuildServiceProvider());
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        await Sandbox.DisposeAsync();
    }
}
