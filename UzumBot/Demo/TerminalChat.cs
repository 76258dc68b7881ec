using System.Text.RegularExpressions;
using UzumBot.Conversation;
using UzumBot.Localization;
using UzumBot.Rendering;

namespace UzumBot.Demo;

/// <summary>
/// The --demo transport: the same engine and the same Screens as Telegram, printed to a terminal. Inline buttons
/// become numbered choices; documents are written to a folder instead of being sent.
/// </summary>
public sealed partial class TerminalChat(ChatEngine engine, TextReader input, TextWriter output, string documentsFolder)
{
    private const int MenuMessageId = 1;

    /// <summary>The demo's Telegram user (and private chat) — /user N acts as another person, to try team invites.</summary>
    private long _user = 1;
    private long ChatId => _user;
    private long UserId => _user;

    private IReadOnlyList<Button> _buttons = [];
    private int _nextMessageId = 100;

    public async Task RunAsync(Lang lang, string ownerCode, CancellationToken ct)
    {
        var s = Strings.Instance;
        // Before a language is chosen, say everything in both.
        foreach (var l in new[] { lang, lang.Other() })
        {
            output.WriteLine(s[l, "demo.intro"]);
            output.WriteLine(s.Format(l, "demo.code_hint", ownerCode));
            output.WriteLine(s[l, "demo.token_hint"]);
            output.WriteLine(s.Format(l, "demo.documents_folder", documentsFolder));
            output.WriteLine();
        }

        await SendAsync(Text("/start"), ct);
        while (!ct.IsCancellationRequested)
        {
            output.Write($"\n{s[CurrentLang(lang), "demo.prompt"]} > ");
            var line = await input.ReadLineAsync(ct);
            if (line is null || line.Trim() is "/quit" or "/exit") break;
            line = line.Trim();
            if (line.Length == 0) continue;
            if (line.StartsWith("/user", StringComparison.OrdinalIgnoreCase))
            {
                SwitchUser(line, lang);
                continue;
            }
            // A number is a button when a button has that number; a lone wrong digit is a mistyped choice; any other
            // number is typed text (a PIN, an order id).
            if (int.TryParse(line, out var choice) && choice >= 1 && choice <= _buttons.Count)
            {
                await SendAsync(new Incoming { ChatId = ChatId, UserId = UserId, FirstName = DemoName, CallbackData = _buttons[choice - 1].Data, CallbackMessageId = MenuMessageId }, ct);
                continue;
            }
            if (line.Length == 1 && char.IsAsciiDigit(line[0]))
            {
                output.WriteLine(s[CurrentLang(lang), "demo.bad_choice"]);
                continue;
            }
            await SendAsync(Text(line), ct);
        }
    }

    private void SwitchUser(string line, Lang lang)
    {
        var s = Strings.Instance;
        if (!long.TryParse(line[5..].Trim(), out var user) || user is < 1 or > 99)
        {
            output.WriteLine(s[CurrentLang(lang), "demo.user_usage"]);
            return;
        }
        _user = user;
        _buttons = [];
        _lastScreen = null;
        output.WriteLine(s.Format(CurrentLang(lang), "demo.user_switched", user));
    }

    private Lang CurrentLang(Lang fallback) => engine.Peek(ChatId) is { } chat ? Onboarding.LangOf(chat) : fallback;

    private Incoming Text(string text) => new() { ChatId = ChatId, UserId = UserId, FirstName = DemoName, Text = text, MessageId = _nextMessageId++ };

    private string DemoName => "Demo " + _user.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task SendAsync(Incoming incoming, CancellationToken ct)
    {
        var lang = CurrentLang(Lang.Ru);
        if (incoming.IsTap && engine.Acknowledge(incoming) is { } quick) output.WriteLine("» " + quick);
        var reply = await engine.HandleAsync(incoming.IsTap ? incoming with { Progress = new PrintedProgress(output) } : incoming, ct);
        lang = CurrentLang(lang);
        if (reply.DeleteIncomingMessage) output.WriteLine(Strings.Instance[lang, "demo.deleted"]);
        if (reply.Notice is { } notice) output.WriteLine("» " + notice);
        if (reply.Screen is { } screen) Print(screen);
        if (reply.Photo is { Content: { } image } photo)
        {
            Directory.CreateDirectory(documentsFolder);
            var path = Path.Combine(documentsFolder, photo.FileName);
            await File.WriteAllBytesAsync(path, image, ct);
            output.WriteLine(Strings.Instance.Format(lang, "demo.document_saved", path));
        }
        if (reply.Photo is { } shown) Print(shown.Caption);
        foreach (var document in reply.Documents)
        {
            Directory.CreateDirectory(documentsFolder);
            var path = Path.Combine(documentsFolder, document.FileName);
            await File.WriteAllBytesAsync(path, document.Content, ct);
            output.WriteLine(PlainText(document.CaptionHtml));
            output.WriteLine(Strings.Instance.Format(lang, "demo.document_saved", path));
        }
        // A document does not replace the menu: show its buttons again so the next choice is at hand.
        if (reply.Screen is null && reply.Photo is null && _lastScreen is { } last) PrintButtons(last);
    }

    private Screen? _lastScreen;

    private void Print(Screen screen)
    {
        output.WriteLine();
        output.WriteLine(new string('─', 48));
        output.WriteLine(PlainText(screen.Html));
        PrintButtons(screen);
        _lastScreen = screen;
    }

    private void PrintButtons(Screen screen)
    {
        var buttons = new List<Button>();
        foreach (var row in screen.Keyboard)
        {
            var cells = row.Select(button =>
            {
                buttons.Add(button);
                return $"[{buttons.Count}] {button.Text}";
            });
            output.WriteLine("  " + string.Join("   ", cells));
        }
        _buttons = buttons;
    }

    public static string PlainText(string html) => Html.Decode(Tags().Replace(html, ""));

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    /// <summary>The terminal's progress line: each report printed as plain text (a terminal has no message to edit).</summary>
    private sealed class PrintedProgress(TextWriter output) : Rendering.IProgressLine
    {
        public Task ShowAsync(string html, CancellationToken ct)
        {
            output.WriteLine("… " + PlainText(html));
            return Task.CompletedTask;
        }
    }
}
