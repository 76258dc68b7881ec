using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using UzumBot.Features.Automation;
using UzumBot.Hosting;
using UzumBot.Localization;
using UzumBot.Storage;
using UzumBot.Tests.Fakes;
using UzumBot.Tests.Support;
using UzumBot.Uzum.Sandbox;

namespace UzumBot.Tests.EndToEnd;

/// <summary>
/// The real host on a fake clock (the scheduler, quiet hours and the sandbox's "now" all follow it), the fake Bot
/// API on the wall clock (Telegram's limits are wall-clock), and a way to restart the bot on the same data.
/// </summary>
public sealed class AutomationWorld : IAsyncDisposable
{
    private IHost? _host;

    private AutomationWorld(FakeTimeProvider clock, TestWorld world)
    {
        Clock = clock;
        World = world;
    }

    public FakeTimeProvider Clock { get; }
    public TestWorld World { get; }
    public FakeBotApi Telegram => World.Telegram;
    public SandboxServer Uzum => World.Uzum;
    public CapturedLogs Logs { get; } = new();
    public IServiceProvider Services => _host?.Services ?? throw new InvalidOperationException("The bot is not running.");
    public Database Db => Services.GetRequiredService<Database>();
    public AutomationScheduler Scheduler => Services.GetRequiredService<AutomationScheduler>();

    /// <summary>Tashkent local time of today (by the wall clock's date) as the fake clock's start.</summary>
    public static DateTimeOffset TashkentToday(int hour, int minute = 0)
    {
        var local = Formats.ToLocal(DateTimeOffset.UtcNow).Date;
        return new DateTimeOffset(local.AddHours(hour).AddMinutes(minute), TimeSpan.FromHours(5)).ToUniversalTime();
    }

    public static async Task<AutomationWorld> StartAsync(DateTimeOffset start)
    {
        var clock = new FakeTimeProvider(start);
        var telegram = new FakeBotApi();
        await telegram.StartAsync();
        var sandbox = new SandboxServer(new SandboxOptions { BurstCapacity = 1000, ReplenishRate = 1000 }, clock);
        await sandbox.StartAsync();
        var folder = Path.Combine(Path.GetTempPath(), "uzumbot-auto-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var world = new AutomationWorld(clock, new TestWorld { Telegram = telegram, Uzum = sandbox, DataFolder = folder });
        await world.StartBotAsync();
        return world;
    }

    public async Task StartBotAsync()
    {
        var settings = World.Configuration();
        settings["Security:ServerKeyPath"] = Path.Combine(World.DataFolder, "server.key");
        var builder = AppConfiguration.CreateHostBuilder([], settings);
        builder.Logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace);
        builder.Services.AddSingleton<TimeProvider>(Clock);
        builder.Services.AddUzumBotCore(builder.Configuration, demo: false).AddTelegramTransport();
        _host = builder.Build();
        await _host.StartAsync();
        await Telegram.WaitForPollingAsync(Telegram.GetUpdatesCalls + 1);
        await IdleAsync();
    }

    public async Task StopBotAsync()
    {
        if (_host is null) return;
        await _host.StopAsync(TimeSpan.FromSeconds(10));
        _host.Dispose();
        _host = null;
    }

    public async Task RestartBotAsync()
    {
        await StopBotAsync();
        await StartBotAsync();
    }

    public string CreateOwnerCode() =>
        Services.GetRequiredService<AccessCodeStore>().Create(UzumBot.Security.Role.Owner, 1, TimeSpan.FromDays(1));

    /// <summary>Moves the fake clock and waits until the scheduler has run the tick that the move set off.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        await IdleAsync();
        var before = Scheduler.CompletedTicks;
        Clock.Advance(by);
        await UntilAsync(() => Scheduler.CompletedTicks > before && !Scheduler.IsRunning, $"a scheduler tick after advancing {by}");
    }

    /// <summary>Moves the clock to the next Tashkent <paramref name="hour"/>:<paramref name="minute"/> (plus seconds).</summary>
    public Task AdvanceToLocalAsync(int hour, int minute, int second = 0)
    {
        var target = QuietHours.NextLocal(Clock.GetUtcNow(), hour * 60 + minute).AddSeconds(second);
        return AdvanceAsync(target - Clock.GetUtcNow());
    }

    private async Task IdleAsync() => await UntilAsync(() => Scheduler.CompletedTicks > 0 && !Scheduler.IsRunning, "the scheduler to be idle");

    private static async Task UntilAsync(Func<bool> condition, string what)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("Waited in vain for " + what);
            await Task.Delay(10);
        }
    }

    /// <summary>Onboards an owner and turns automation on from ⚙️ → 🤖.</summary>
    public async Task OnboardAndEnableAsync(long chatId, string token, string pin = "402917")
    {
        await Scenario.OnboardAsync(Telegram, chatId, CreateOwnerCode(), token, pin);
        Telegram.UserTapsButton(chatId, "Настройки");
        await Scenario.ExpectAsync(Telegram, chatId, "Настройки");
        Telegram.UserTapsButton(chatId, "Автоматизация");
        await Scenario.ExpectAsync(Telegram, chatId, "ключ данных магазина сохранится ещё раз");
        Telegram.UserTapsButton(chatId, "Включить");
        await Scenario.ExpectAsync(Telegram, chatId, "Включена с");
    }

    /// <summary>The bot's messages in the chat whose visible text contains <paramref name="text"/>.</summary>
    public IReadOnlyList<BotMessageView> Messages(long chatId, string text) =>
        Telegram.Chat(chatId).BotMessages.Where(m => !m.Deleted && m.Text.Contains(text, StringComparison.Ordinal)).ToList();

    public async ValueTask DisposeAsync()
    {
        await StopBotAsync();
        await World.DisposeAsync();
    }
}
