using System.Globalization;
using System.Text;

namespace UzumBot.Conversation;

/// <summary>What a typed PIN is taken as: trimmed, with any Unicode decimal digits (full-width, Arabic-Indic) as ASCII.</summary>
public static class PinInput
{
    public static string Normalize(string typed)
    {
        var trimmed = typed.Trim();
        var sb = new StringBuilder(trimmed.Length);
        foreach (var c in trimmed)
            sb.Append(CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DecimalDigitNumber
                ? (char)('0' + CharUnicodeInfo.GetDecimalDigitValue(c))
                : c);
        return sb.ToString();
    }
}
