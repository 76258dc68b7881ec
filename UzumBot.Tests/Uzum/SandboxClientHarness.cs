using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using UzumBot.Hosting;
using UzumBot.Uzum;
using UzumBot.Uzum.Sandbox;

namespace UzumBot.Tests.Uzum;

/// <summary>
/// The real <see cref="SandboxServer"/> on 127.0.0.1:0 plus the real <see cref="IUzumClient"/> registered by
/// <c>AddUzumClient()</c>, its options bound from the documented <c>Uzum:*</c> keys with fast test timings.
/// </summary>
public sealed class SandboxClientHarness : IAsyncDisposable
{
    public const string RawToken = "sandbox-clientfaults-seller";
    public static readonly UzumToken Token = new(RawToken);

    public required SandboxServer Sandbox { get; init; }
    public required ServiceProvider Services { get; init; }
    public IUzumClient Client => Services.GetRequiredService<IUzumClient>();

    /// <summary>The seller data behind <see cref="Token"/> (generated on first use, the same the HTTP side serves).</summary>
    public SandboxSellerData Seller => Sandbox.Data.For(RawToken);

    public static async Task<SandboxClientHarness> StartAsync(SandboxOptions? sandbox = null,
        IReadOnlyDictionary<string, string?>? uzum = null)
    {
        var server = new SandboxServer(sandbox ?? new SandboxOptions { BurstCapacity = 1000, ReplenishRate = 1000 });
        await server.StartAsync("http://127.0.0.1:0");
        var settings = new Dictionary<string, string?>
        {
            ["Uzum:BaseUrl"] = server.ApiBaseUrl,
            ["Uzum:MinRequestIntervalMs"] = "0",
            ["Uzum:BackoffBaseMs"] = "20",
            ["Uzum:MaxGetAttempts"] = "4",
            ["Uzum:AttemptTimeoutSeconds"] = "5",
        };
        foreach (var (key, value) in uzum ?? new Dictionary<string, string?>()) settings["Uzum:" + key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddOptions<UzumOptions>().Bind(configuration.GetSection(UzumOptions.Section));
        services.AddUzumClient();
        return new SandboxClientHarness { Sandbox = server, Services = services.BuildServiceProvider() };
    }

    /// <summary>
    /// Pays for JIT, the first connection and a seller's data generation before a timing test measures anything:
    /// generates <see cref="Token"/>'s data in-process and sends one request with a throwaway sandbox token.
    /// </summary>
    public async Task WarmUpAsync()
    {
        _ = Seller;
        var throwaway = "sandbox-warmup-" + Guid.NewGuid().ToString("N");
        await Client.GetShopsAsync(new UzumToken(throwaway), CancellationToken.None);
        Sandbox.RequestLog.Clear();
    }

    /// <summary>Waits (briefly) until the log holds at least <paramref name="count"/> matching entries: an aborted request is logged when the server notices.</summary>
    public async Task<IReadOnlyList<SandboxRequest>> WaitForLogAsync(string method, string pattern, int count, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var entries = Sandbox.RequestLog.Matching(method, pattern);
            if (entries.Count >= count || DateTime.UtcNow > deadline) return entries;
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Sandbox.DisposeAsync();
    }
}
