using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using UzumBot.Uzum;

namespace UzumBot.Tests.Uzum;

public class UzumRegistrationTests
{
    private sealed class CapturingLogger : ILoggerProvider, ILogger
    {
        public ConcurrentQueue<(LogLevel Level, string Category, string Text)> Lines { get; } = new();
        private string _category = "";

        public ILogger CreateLogger(string categoryName) => new CapturingLogger { _category = categoryName, Sink = Lines };
        private ConcurrentQueue<(LogLevel, string, string)>? Sink { get; init; }
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Sink?.Enqueue((logLevel, _category, formatter(state, exception) + " " + exception));

        public void Dispose() { }
    }

    [Fact]
    public async Task U1_the_token_never_reaches_a_log_line_while_method_path_and_status_do()
    {
        var logs = new CapturingLogger();
        await using var h = await UzumHarness.StartAsync(
            r => r.Index switch { 0 => Reply.Empty(503), 1 => Reply.Json("[]"), _ => Reply.Empty(403) },
            register: s => s.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace)));

        await h.Client.GetShopsAsync(UzumHarness.Token, CancellationToken.None);
        await Assert.ThrowsAsync<UzumApiException>(() => h.Client.GetOrderAsync(UzumHarness.Token, 9, CancellationToken.None));

        var lines = logs.Lines.ToList();
        Assert.Contains(lines, l => l.Category == typeof(UzumClient).FullName && l.Text.Contains("GET v1/shops -> 200"));
        Assert.Contains(lines, l => l.Text.Contains("GET v1/shops -> 503"));
        Assert.Contains(lines, l => l.Text.Contains("v1/fbs/order/9 -> 403"));
        Assert.DoesNotContain(lines, l => l.Text.Contains(UzumHarness.RawToken) || l.Text.Contains(UzumHarness.RawToken[..12]));
    }

    [Fact]
    public void AddUzumClient_keeps_a_registered_TimeProvider_and_shares_one_throttle_registry()
    {
        var fake = new FakeTimeProvider();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(fake);
        services.Configure<UzumBot.Hosting.UzumOptions>(o => o.BaseUrl = "http://127.0.0.1:1/api/seller-openapi");
        services.AddUzumClient();
        using var sp = services.BuildServiceProvider();

        Assert.Same(fake, sp.GetRequiredService<TimeProvider>());
        Assert.Same(sp.GetRequiredService<UzumThrottleRegistry>(), sp.GetRequiredService<UzumThrottleRegistry>());
        Assert.IsType<UzumClient>(sp.GetRequiredService<IUzumClient>());
    }

    [Fact]
    public void AddUzumClient_defaults_to_the_system_clock()
    {
        var services = new ServiceCollection().AddLogging().AddUzumClient();
        using var sp = services.BuildServiceProvider();
        Assert.Same(TimeProvider.System, sp.GetRequiredService<TimeProvider>());
    }

    [Theory]
    [InlineData("https://api-seller.uzum.uz/api/seller-openapi", "https://api-seller.uzum.uz/api/seller-openapi/v1/shops")]
    [InlineData("https://api-seller.uzum.uz/api/seller-openapi/", "https://api-seller.uzum.uz/api/seller-openapi/v1/shops")]
    public void Base_url_normalization(string configured, string expected) =>
        Assert.Equal(expected, new Uri(UzumClient.NormalizeBaseUrl(configured), "v1/shops").ToString());

    [Theory]
    [InlineData("")]
    [InlineData("api-seller.uzum.uz")]
    [InlineData("ftp://x/y")]
    public void Bad_base_url_names_the_setting(string configured)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => UzumClient.NormalizeBaseUrl(configured));
        Assert.Contains("Uzum:BaseUrl", ex.Message);
    }
}
