using System.Collections.Concurrent;

namespace UzumBot.Uzum.Sandbox;

/// <summary>One request the sandbox answered. <see cref="Path"/> is relative to the API base.</summary>
public sealed record SandboxRequest(string Method, string Path, string Query, int Status)
{
    public string PathAndQuery => Path + Query;

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
