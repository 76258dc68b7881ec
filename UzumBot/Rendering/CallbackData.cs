using System.Text;

namespace UzumBot.Rendering;

/// <summary>
/// Compact, versioned callback data: <c>1:ol:CR:0</c>. Telegram allows 1–64 <b>bytes</b>; anything longer is a
/// bug, so <see cref="Encode"/> throws. Long values (search text) stay server-side under a short key.
/// </summary>
public static class CallbackData
{
    public const int MaxBytes = 64;
    private const string Version = "1";
    private const char Separator = ':';

    public static string Encode(string command, params object[] args)
    {
        var sb = new StringBuilder(Version).Append(Separator).Append(command);
        foreach (var arg in args)
        {
            var text = Convert.ToString(arg, System.Globalization.CultureInfo.InvariantCulture) ?? "";
            if (text.Contains(Separator)) throw new ArgumentException($"Callback argument '{text}' contains '{Separator}'.", nameof(args));
            sb.Append(Separator).Append(text);
        }
        var data = sb.ToString();
        if (Encoding.UTF8.GetByteCount(data) > MaxBytes)
            throw new ArgumentException($"Callback data '{data}' is over {MaxBytes} bytes.", nameof(args));
        return data;
    }

    /// <summary>Null for anything that is not ours or not this version: a stale or forged button.</summary>
    public static CallbackCommand? Decode(string? data)
    {
        if (string.IsNullOrEmpty(data) || Encoding.UTF8.GetByteCount(data) > MaxBytes) return null;
        var parts = data.Split(Separator);
        if (parts.Length < 2 || parts[0] != Version || parts[1].Length == 0) return null;
        return new CallbackCommand(parts[1], parts[2..]);
    }
}

public sealed record CallbackCommand(string Name, IReadOnlyList<string> Args)
{
    public string? Arg(int index) => index < Args.Count ? Args[index] : null;

    public long? LongArg(int index) => long.TryParse(Arg(index), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;

    public int? IntArg(int index) => int.TryParse(Arg(index), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;
}
