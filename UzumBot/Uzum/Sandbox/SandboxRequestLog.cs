using System.Collections.Concurrent;

namespace UzumBot.Uzum.Sandbox;

/// <summary>
/// One request the sandbox answered. <see cref="Path"/> is relative to the API base. <see cref="ArrivedAt"/> is a
/// <see cref="System.Diagnostics.Stopwatch"/> timestamp taken when the request reached the gateway (before the rate
/// limit, auth, latency and faults), so tests can measure the spacing of arrivals.
/// </summary>
public sealed record SandboxRequest(string Method, string Path, string Query, int Status, long ArrivedAt = 0)
{
    public string PathAndQuery => Path + Query;

    /// <summary>Milliseconds between the arrival of <paramref name="earlier"/> and this request's.</summary>
    public double MsSince(SandboxRequest earlier) => System.Diagnostics.Stopwatch.GetElapsedTime(earlier.ArrivedAt, ArrivedAt).TotalMilliseconds;

    /// <summary>Every value of a query key, in order (repeated keys such as shopIds=1&amp;shopIds=2 give two).</summary>
    public IReadOnlyList<string> QueryValues(string key) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(Query).TryGetValue(key, out var values)
            ? values.Where(v => v is not null).Select(v => v!).ToList()
            : [];
}

/// <summary>What the sandbox was asked, for tests: "the POST was sent exactly once", "shopIds were repeated keys".</summary>
public sealed class SandboxRequestLog
{
    private readonly ConcurrentQueue<SandboxRequest> _entries = new();

    public IReadOnlyList<SandboxRequest> Entries => _entries.ToArray();

    public int Count(string method, string pathPattern) => Matching(method, pathPattern).Count;

    public IReadOnlyList<SandboxRequest> Matching(string method, string pathPattern) =>
        _entries.Where(e => string.Equals(e.Method, method, StringComparison.OrdinalIgnoreCase) && SandboxPath.Matches(pathPattern, e.Path)).ToList();

    public void Clear() => _entries.Clear();

    internal void Add(SandboxRequest request) => _entries.Enqueue(request);
}
