namespace UzumBot.Uzum.Sandbox;

/// <summary>
/// Scripted and random faults for tests. Path patterns are relative to the API base (e.g. <c>/v2/fbs/orders</c>),
/// match by whole segments as a prefix, and <c>*</c> (or <c>...</c>) stands for one segment:
/// <c>/v1/fbs/order/*/cancel</c>.
/// </summary>
public sealed class SandboxFaults(double faultRate = 0)
{
    private sealed class Script(string method, string pattern, int count)
    {
        public string Method { get; } = method;
        public string Pattern { get; } = pattern;
        public int Remaining { get; set; } = count;
        public int StatusCode { get; init; }
        public TimeSpan Delay { get; init; }
        public string? ErrorCode { get; init; }
        public bool AfterApplying { get; init; }
    }

    private readonly Lock _gate = new();
    private readonly List<Script> _scripts = [];
    private long _requests;

    /// <summary>
    /// The next <paramref name="count"/> matching requests fail with <paramref name="statusCode"/> before doing anything.
    /// 429 is answered like the gateway does (empty body, Retry-After: 1); other statuses carry an error envelope with
    /// <paramref name="errorCode"/> (e.g. seller-order-14 with 400 for "label service busy").
    /// </summary>
    public void FailNext(string method, string pathPattern, int count = 1, int statusCode = 500, string? errorCode = null) =>
        Add(new Script(method, pathPattern, count) { StatusCode = statusCode, ErrorCode = errorCode });

    /// <summary>The next matching requests wait <paramref name="delay"/> first (for client timeout tests).</summary>
    public void DelayNext(string method, string pathPattern, TimeSpan delay, int count = 1) =>
        Add(new Script(method, pathPattern, count) { Delay = delay });

    /// <summary>
    /// The next matching requests are carried out (a cancel IS applied), then answered with
    /// <paramref name="statusCode"/> as if a gateway lost the response: the client must not retry blindly.
    /// </summary>
    public void FailAfterApplying(string method, string pathPattern, int count = 1, int statusCode = 504) =>
        Add(new Script(method, pathPattern, count) { StatusCode = statusCode, AfterApplying = true });

    public void Clear()
    {
        lock (_gate) _scripts.Clear();
    }

    private void Add(Script script)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(script.Remaining, 1);
        lock (_gate) _scripts.Add(script);
    }

    internal TimeSpan TakeDelay(string method, string path) => Take(method, path, s => s.Delay > TimeSpan.Zero)?.Delay ?? TimeSpan.Zero;

    internal (int Status, string? Code)? TakeFailure(string method, string path) =>
        Take(method, path, s => s.StatusCode != 0 && !s.AfterApplying) is { } s ? (s.StatusCode, s.ErrorCode) : null;

    internal int? TakeFailureAfterApplying(string method, string path) => Take(method, path, s => s.AfterApplying)?.StatusCode;

    /// <summary>FaultRate as an exact share: with 0.25 every 4th request fails, alternating 500 and 503.</summary>
    internal (int Status, string? Code)? RandomFailure()
    {
        if (faultRate <= 0) return null;
        var n = Interlocked.Increment(ref _requests);
        var due = Math.Floor(n * faultRate) > Math.Floor((n - 1) * faultRate);
        if (!due) return null;
        return (Math.Floor(n * faultRate) % 2 == 1 ? 500 : 503, null);
    }

    private Script? Take(string method, string path, Func<Script, bool> kind)
    {
        lock (_gate)
        {
            var script = _scripts.FirstOrDefault(s => kind(s) && string.Equals(s.Method, method, StringComparison.OrdinalIgnoreCase)
                                                       && SandboxPath.Matches(s.Pattern, path));
            if (script is null) return null;
            if (--script.Remaining == 0) _scripts.Remove(script);
            return script;
        }
    }
}

internal static class SandboxPath
{
    public static bool Matches(string pattern, string path)
    {
        var want = pattern.Split('?')[0].Split('/', StringSplitOptions.RemoveEmptyEntries);
        var got = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (want.Length > got.Length) return false;
        for (var i = 0; i < want.Length; i++)
            if (want[i] is not ("*" or "...") && !string.Equals(want[i], got[i], StringComparison.OrdinalIgnoreCase))
                return false;
        return true;
    }
}
