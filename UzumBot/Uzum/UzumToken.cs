namespace UzumBot.Uzum;

/// <summary>A seller's raw UZUM API token. Its <see cref="ToString"/> never reveals more than the last 4 characters.</summary>
public readonly record struct UzumToken(string Value)
{
    public string Redacted => Value.Length <= 4 ? "…" : "…" + Value[^4..];

    public override string ToString() => Redacted;

    public const int MinLength = 8;
    public const int MaxLength = 512;

    /// <summary>
    /// Cleans a pasted token: trims, drops a leading "Bearer " (any case), refuses inner whitespace.
    /// Returns null when nothing usable is left.
    /// </summary>
    public static UzumToken? TryNormalize(string? pasted) => Check(pasted, out var token) == TokenProblem.None ? token : null;

    /// <summary>Like <see cref="TryNormalize"/>, saying what is wrong so the user can be told.</summary>
    public static TokenProblem Check(string? pasted, out UzumToken token)
    {
        token = default;
        var value = (pasted ?? "").Trim();
        if (value.StartsWith("bearer ", StringComparison.OrdinalIgnoreCase) || value.StartsWith("bearer\t", StringComparison.OrdinalIgnoreCase))
            value = value[7..].Trim();
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c)) return TokenProblem.InnerWhitespace;
            // A header carries ASCII only: an emoji or a Cyrillic look-alike is a paste error, not a token.
            if (c > '~') return TokenProblem.NotAscii;
        }
        if (value.Length < MinLength) return TokenProblem.TooShort;
        if (value.Length > MaxLength) return TokenProblem.TooLong;
        token = new UzumToken(value);
        return TokenProblem.None;
    }
}

public enum TokenProblem
{
    None,
    InnerWhitespace,
    NotAscii,
    TooShort,
    TooLong,
}
