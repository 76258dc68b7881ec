using System.Diagnostics;

namespace UzumBot.Tests.EndToEnd;

/// <summary>Runs the real UzumBot executable (the build output the test project references) as a separate process.</summary>
public sealed class Cli : IAsyncDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _output = new();

    private Cli(Process process) => _process = process;

    public string Output { get { lock (_output) return _output.ToString(); } }

    public static string AssemblyPath => Path.Combine(AppContext.BaseDirectory, "UzumBot.dll");

    public static Cli Start(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        info.ArgumentList.Add(AssemblyPath);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        foreach (var (key, value) in environment) info.Environment[key.Replace(":", "__")] = value;
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start UzumBot.");
        var cli = new Cli(process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (cli._output) cli._output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (cli._output) cli._output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return cli;
    }

    /// <summary>Runs to the end and returns the exit code with everything printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        await using var cli = Start(environment, args);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await cli._process.WaitForExitAsync(timeout.Token);
        cli._process.WaitForExit();
        return (cli._process.ExitCode, cli.Output);
    }

    /// <summary>Creates an owner code with <c>codes create --role owner</c>: the code is alone on the last line.</summary>
    public static async Task<string> CreateOwnerCodeAsync(IReadOnlyDictionary<string, string?> environment)
    {
        var (exit, output) = await RunAsync(environment, "codes", "create", "--role", "owner", "--uses", "1", "--days", "1");
        Assert.True(exit == 0, output);
        return output.TrimEnd().Split('\n')[^1].Trim();
    }

    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited) throw new InvalidOperationException($"UzumBot exited ({_process.ExitCode}):\n{Output}");
            if (DateTime.UtcNow > until) throw new TimeoutException($"No '{text}' in the output:\n{Output}");
            await Task.Delay(50);
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Sends SIGTERM (as a supervisor would) and returns the exit code; fails when the process ignores it.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        using (var kill = System.Diagnostics.Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) kill.WaitForExit();
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
