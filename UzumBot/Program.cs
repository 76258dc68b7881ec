using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UzumBot.Conversation;
using UzumBot.Demo;
using UzumBot.Hosting;
using UzumBot.Localization;
using UzumBot.Security;
using UzumBot.Storage;
using UzumBot.Uzum.Sandbox;

var command = CommandLine.Parse(args);
if (command.Error is not null)
{
    Console.Error.WriteLine(command.Error);
    Console.Error.WriteLine(CommandLine.Usage);
    return 2;
}

switch (command.Mode)
{
    case RunMode.Help:
        Console.WriteLine(CommandLine.Usage);
        return 0;

    case RunMode.Sandbox:
    {
        var config = AppConfiguration.Build(command.ConfigArgs);
        var options = config.GetSection(SandboxOptions.Section).Get<SandboxOptions>() ?? new SandboxOptions();
        await using var server = new SandboxServer(options, TimeProvider.System);
        await server.StartAsync(command.Urls!);
        Console.WriteLine($"Sandbox marketplace on {server.BaseUrl} — any token starting '{SandboxSeller.TokenPrefix}' is a seller. Ctrl+C stops.");
        var stop = new TaskCompletionSource();
        using var sigint = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, c => { c.Cancel = true; stop.TrySetResult(); });
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c => { c.Cancel = true; stop.TrySetResult(); });
        await stop.Task;
        return 0;
    }

    case RunMode.CreateCode:
    {
        var config = AppConfiguration.Build(command.ConfigArgs);
        var problems = ConfigurationCheck.Problems(config, demo: true);
        if (problems.Count > 0) return Fail(problems);
        try
        {
            using var db = new Database(config["Storage:Path"] ?? "data/uzumbot.db");
            var code = new AccessCodeStore(db, TimeProvider.System).Create(Role.Owner, command.Uses, TimeSpan.FromDays(command.Days));
            Console.WriteLine($"Owner access code: {command.Uses} use(s), valid {command.Days} day(s). It is shown once:");
            Console.WriteLine(code);
            return 0;
        }
        catch (DataFileBusyException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }
    }

    case RunMode.RotateServerKey:
    {
        var config = AppConfiguration.Build(command.ConfigArgs);
        var problems = ConfigurationCheck.Problems(config, demo: true);
        if (problems.Count > 0) return Fail(problems);
        var security = config.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        try
        {
            using var db = new Database(config["Storage:Path"] ?? "data/uzumbot.db");
            var result = UzumBot.Features.Automation.ServerKeyRotation.Rotate(db, security, new TokenVault(ServerPepper.Load(security)));
            Console.WriteLine($"Server key {result.OldKeyId} replaced by {result.NewKeyId}: {result.Rewrapped} automation wrap(s) re-wrapped" +
                (result.Unreadable > 0 ? $", {result.Unreadable} could not be opened and were left as they were." : "."));
            return 0;
        }
        catch (Exception ex) when (ex is DataFileBusyException or InvalidOperationException)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }
    }

    case RunMode.Demo:
    {
        var folder = Path.Combine(Path.GetTempPath(), "uzumbot-demo-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture));
        var overrides = new Dictionary<string, string?>
        {
            ["Storage:Path"] = Path.Combine(folder, "uzumbot.db"),
            ["Security:PepperPath"] = Path.Combine(folder, "pepper.key"),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        var builder = AppConfiguration.CreateHostBuilder(command.ConfigArgs, overrides);
        builder.Services.AddUzumBotCore(builder.Configuration, demo: true);
        using var host = builder.Build();
        await host.StartAsync();
        var code = host.Services.GetRequiredService<AccessCodeStore>().Create(Role.Owner, uses: 5, TimeSpan.FromDays(1));
        var chat = new TerminalChat(host.Services.GetRequiredService<ChatEngine>(), Console.In, Console.Out, Path.Combine(folder, "documents"));
        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
        try
        {
            await chat.RunAsync(Lang.Ru, code, cts.Token);
        }
        catch (OperationCanceledException)
        {
        }
        await host.StopAsync();
        host.Dispose();
        // The demo's data (database, pepper) lives only for the run; the documents stay for the user to open.
        foreach (var file in Directory.GetFiles(folder)) File.Delete(file);
        return 0;
    }

    default:
    {
        var builder = AppConfiguration.CreateHostBuilder(command.ConfigArgs);
        var problems = ConfigurationCheck.Problems(builder.Configuration, demo: false);
        if (problems.Count > 0) return Fail(problems);
        builder.Services.AddUzumBotCore(builder.Configuration, demo: false).AddTelegramTransport();
        using var host = builder.Build();
        try
        {
            await host.RunAsync();
            return Environment.ExitCode;
        }
        catch (DataFileBusyException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }
        catch (OptionsValidationException ex)
        {
            return Fail(ex.Failures.ToList());
        }
    }
}

static int Fail(IReadOnlyList<string> problems)
{
    Console.Error.WriteLine("UzumBot cannot start; fix the configuration:");
    foreach (var problem in problems) Console.Error.WriteLine("  - " + problem);
    return 2;
}
