using System.Text;
using UzumBot.Rendering;
using UzumBot.Tests.Fakes;

namespace UzumBot.Tests.Support;

/// <summary>
/// What Telegram would refuse in a screen (T1–T3): callback data outside 1–64 bytes or not ours, an empty or
/// broken button label, HTML it cannot parse, text over 4096 characters. One check for every feature's screens.
/// </summary>
public static class Sendable
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <returns>The visible text, for further assertions.</returns>
    public static string Assert(string name, Screen screen, string? commandPrefix = null)
    {
        foreach (var button in screen.Keyboard.SelectMany(r => r))
        {
            var bytes = Encoding.UTF8.GetByteCount(button.Data);
            Xunit.Assert.True(bytes is >= 1 and <= CallbackData.MaxBytes, $"{name}: '{button.Data}' is {bytes} bytes");
            var command = CallbackData.Decode(button.Data);
            Xunit.Assert.True(command is not null, $"{name}: '{button.Data}' does not decode");
            if (commandPrefix is not null && command!.Name != "tl" && command.Name != "m")
                Xunit.Assert.StartsWith(commandPrefix, command.Name, StringComparison.Ordinal);
            Xunit.Assert.False(string.IsNullOrWhiteSpace(button.Text), $"{name}: a button without text");
            Strict.GetByteCount(button.Text); // throws on half an emoji
        }
        Xunit.Assert.True(screen.Keyboard.SelectMany(r => r).Count() <= 100, $"{name}: too many buttons");
        Xunit.Assert.True(TelegramHtml.TryParse(screen.Html, strictAmpersand: true, out var parsed, out var error), $"{name}: {error}\n{screen.Html}");
        Xunit.Assert.InRange(parsed.Length, 1, 4096);
        return parsed.Text;
    }
}
