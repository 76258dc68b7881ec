using Microsoft.Extensions.Options;
using UzumBot.Uzum.Sandbox;

namespace UzumBot.Hosting;

/// <summary>
/// The built-in sandbox marketplace behind the 🧪 demo shop (and behind everything in --demo), served on a random
/// loopback port and started on first use.
/// </summary>
public sealed class LocalSandbox(IOptions<SandboxOptions> options, TimeProvider time) : IAsyncDisposable
{
    private readonly SemaphoreSlim _startLock = new(1, 1);
    private SandboxServer? _server;

    public async Task<Uri> BaseUrlAsync(CancellationToken ct)
    {
        if (_server is { } running) return new Uri(running.BaseUrl);
        await _startLock.WaitAsync(ct);
        try
        {
            if (_server is null)
            {
                var server = new SandboxServer(options.Value, time);
                await server.StartAsync("http://127.0.0.1:0", ct);
                _server = server;
            }
            return new Uri(_server.BaseUrl);
        }
        finally
        {
            _startLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }
}

/// <summary>Sends a request meant for the demo shop to the local sandbox, whatever port it got.</summary>
public sealed class LocalSandboxHandler(LocalSandbox sandbox) : DelegatingHandler
{
    public static readonly Uri Placeholder = new("http://demo-sandbox.invalid/");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var target = await sandbox.BaseUrlAsync(cancellationToken);
        if (request.RequestUri is { } uri)
        {
            var relative = Placeholder.MakeRelativeUri(uri).ToString();
            request.RequestUri = new Uri(new Uri(target.ToString().TrimEnd('/') + "/"), relative);
        }
        return await base.SendAsync(request, cancellationToken);
    }
}
