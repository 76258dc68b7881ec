using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using UzumBot.Conversation;
using UzumBot.Demo;
using UzumBot.Hosting;
using UzumBot.Localization;
using UzumBot.Security;
using UzumBot.Storage;

namespace UzumBot.Tests.Demo;

/// <summary>--demo as a newcomer types it: numbers for buttons, text for the rest; the same engine as Telegram.</summary>
public sealed partial class TerminalDemoTests
{
    [Fact]
    public async Task A_newcomer_reaches_a_label_invites_a_manager_as_another_user_and_deletes_the_shop()
    {
        var folder = Path.Combine(Path.GetTempPath(), "uzumbot-demo-test-" + Guid.NewGuid().ToString("N"));
        var builder = AppConfiguration.CreateHostBuilder([], new Dictionary<string, string?>
        {
            ["Storage:Path"] = Path.Combine(folder, "uzumbot.db"),
            ["Security:PepperPath"] = Path.Combine(folder, "pepper.key"),
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.Services.AddUzumBotCore(builder.Configuration, demo: true);
        using var host = builder.Build();
        await host.StartAsync();
        var code = host.Services.GetRequiredService<AccessCodeStore>().Create(Role.Owner, 1, TimeSpan.FromDays(1));

        var output = new StringWriter();
        var script = new DemoScript(output);
        var chat = new TerminalChat(host.Services.GetRequiredService<ChatEngine>(), script, output, Path.Combine(folder, "documents"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await chat.RunAsync(Lang.Ru, code, timeout.Token);
        await host.StopAsync();

        var transcript = output.ToString();
        Assert.True(script.Finished, "the script did not reach its end:\n" + transcript[^Math.Min(3000, transcript.Length)..]);
        var label = Directory.GetFiles(Path.Combine(folder, "documents"), "label-*-LARGE-58x40.pdf").Single();
        Assert.StartsWith("%PDF", Encoding.ASCII.GetString(File.ReadAllBytes(label), 0, 4));
        Assert.Contains("🧑‍💼 Менеджер", transcript);
        Assert.Contains(Strings.Instance[Lang.Ru, "demo.deleted"], transcript);
        Assert.DoesNotContain("Exception", transcript);
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>Answers each prompt from what the terminal printed last, like a person reading the screen.</summary>
    private sealed partial class DemoScript(StringWriter output) : TextReader
    {
        private int _step;
        private int _read;
        private string? _invite;
        private readonly Queue<string> _orders = new();

        public bool Finished { get; private set; }

        public override ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
        {
            var all = output.ToString();
            var screen = all[_read..];
            _read = all.Length;
            return ValueTask.FromResult(Next(all, screen));
        }

        private string? Next(string all, string screen)
        {
            if (_step++ > 80) return null;
            string Choose(string label) => ButtonNumber(screen, label) ?? throw new InvalidOperationException($"No button '{label}' on:\n{screen}");

            if (screen.Contains("Выберите язык")) return Choose("Русский");
            if (screen.Contains("Введите код доступа")) return OwnerCode().Match(all).Groups[1].Value;
            if (screen.Contains("Что подключаем")) return Choose("Демо-магазин");
            if (screen.Contains("Придумайте PIN") || screen.Contains("Повторите PIN")) return "246813";
            if (_invite is null && screen.Contains("Приглашение создано")) { _invite = CodeShape().Match(screen).Value; return "/user 2"; }
            if (screen.Contains("Теперь вы — пользователь 2")) return "/start " + _invite;
            if (screen.Contains("🏠") && screen.Contains("🧑‍💼 Менеджер")) return "/user 1";
            if (screen.Contains("Теперь вы — пользователь 1")) return "/start";
            if (screen.Contains("🗑") && !screen.Contains("⚙️ Настройки")) return ButtonNumber(screen, "Продолжить") ?? ButtonNumber(screen, "Да") ?? Choose("Удалить навсегда");
            if (screen.Contains("📎") && _invite is null) return "/start"; // the label is saved: back to the menu
            if (screen.Contains("Добро пожаловать") && _invite is not null && _step > 20) { Finished = true; return null; }
            if (screen.Contains("👑 Владелец") && _invite is null && !all.Contains("📎")) return Choose("Заказы");
            if (screen.Contains("👑 Владелец") && _invite is null) return Choose("Настройки");
            if (screen.Contains("👑 Владелец") && _invite is not null) return Choose("Настройки");
            if (screen.Contains("📋 Заказы ·")) return Choose("Сборка");
            if (screen.Contains("📦 Сборка ·"))
            {
                if (_orders.Count == 0) foreach (Match m in OrderButton().Matches(screen)) _orders.Enqueue(m.Groups[1].Value);
                return _orders.Dequeue();
            }
            if (screen.Contains("Заказ #")) return ButtonNumber(screen, "58×40") ?? Choose("К списку");
            if (screen.Contains("⚙️ Настройки") && _invite is null) return Choose("Команда");
            if (screen.Contains("⚙️ Настройки")) return Choose("Удалить мои данные");
            if (screen.Contains("Команда ·")) return Choose("Пригласить");
            if (screen.Contains("Кого приглашаем")) return Choose("Менеджер");
            if (screen.Contains("Сколько действует код")) return Choose("1 день");
            if (screen.Contains("Сколько человек")) return Choose("1 чел.");
            if (screen.Contains("удален") || screen.Contains("удалён")) { Finished = true; return null; }
            throw new InvalidOperationException("The script does not know this screen:\n" + screen);
        }

        private static string? ButtonNumber(string screen, string label)
        {
            foreach (Match m in Buttons().Matches(screen))
                if (m.Groups[2].Value.Contains(label, StringComparison.Ordinal)) return m.Groups[1].Value;
            return null;
        }

        [GeneratedRegex(@"\[(\d+)\] ([^\[\n]+)")]
        private static partial Regex Buttons();

        [GeneratedRegex(@"\[(\d+)\] #\d+")]
        private static partial Regex OrderButton();

        [GeneratedRegex(@"Код доступа владельца для демо: (\S+)")]
        private static partial Regex OwnerCode();

        [GeneratedRegex("[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}")]
        private static partial Regex CodeShape();
    }
}
