using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using UzumBot.Hosting;
using UzumBot.Uzum.Sandbox;

namespace UzumBot.Tests.Sandbox;

/// <summary>A started sandbox server and a plain HttpClient that talks to it with the demo token.</summary>
public sealed class SandboxHarness : IAsyncLifetime
{
    public SandboxHarness() : this(new SandboxOptions { BurstCapacity = 10_000, ReplenishRate = 10_000 })
    {
    }

    internal SandboxHarness(SandboxOptions options, TimeProvider? time = null) => Server = new SandboxServer(options, time);

    public SandboxServer Server { get; }
    public HttpClient Http { get; } = new();

    public async Task InitializeAsync() => Http.BaseAddress = new Uri(await Server.StartAsync("http://127.0.0.1:0") + "/");

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }

    public Task<Reply> Get(string path, string? token = SandboxSeller.DemoToken) => Send(HttpMethod.Get, path, null, token);

    public Task<Reply> Post(string path, object? body = null, string? token = SandboxSeller.DemoToken) => Send(HttpMethod.Post, path, body, token);

    public async Task<Reply> Send(HttpMethod method, string path, object? body, string? token)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (token is not null) request.Headers.TryAddWithoutValidation("Authorization", token);
        if (body is not null) request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Reply(response.StatusCode, text, response.Headers, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>The two shop ids of the demo seller.</summary>
    public async Task<long[]> ShopIds(string token = SandboxSeller.DemoToken) =>
        (await Get("v1/shops", token)).Json.EnumerateArray().Select(s => s.GetProperty("id").GetInt64()).ToArray();
}

public sealed record Reply(HttpStatusCode Status, string Text, HttpResponseHeaders Headers, JsonElement Json)
{
    public JsonElement Payload => Json.GetProperty("payload");

    public string? ErrorCode => Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty("errors", out var e) && e.GetArrayLength() > 0
        ? e[0].GetProperty("code").GetString()
        : null;
}

/// <summary>The shared fixture payloads (/work/shared/uzum/sandbox-fixtures.json), found by walking up from the test binaries.</summary>
public static class Fixtures
{
    private static readonly Lazy<JsonElement?> All = new(Load);

    public static JsonElement? Get(string keyPrefix) =>
        All.Value is { } all && all.GetProperty("fixtures").EnumerateObject().FirstOrDefault(p => p.Name.StartsWith(keyPrefix, StringComparison.Ordinal))
            is { Value.ValueKind: not JsonValueKind.Undefined } found
            ? found.Value
            : null;

    private static JsonElement? Load()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var file = Path.Combine(dir.FullName, "shared", "uzum", "sandbox-fixtures.json");
            if (File.Exists(file)) return JsonDocument.Parse(File.ReadAllText(file)).RootElement.Clone();
        }
        return null;
    }

    public static SortedSet<string> Keys(JsonElement element) =>
        new(element.ValueKind == JsonValueKind.Object ? element.EnumerateObject().Select(p => p.Name) : [], StringComparer.Ordinal);

    /// <summary>The keys of the first element when the value is an array (the value itself otherwise).</summary>
    public static JsonElement First(JsonElement element) =>
        element.ValueKind == JsonValueKind.Array ? element[0] : element;
}
