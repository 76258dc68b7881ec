namespace UzumBot.Uzum;

/// <summary>A seller's raw UZUM API token. Its <see cref="ToString"/> never reveals more than the last 4 characters.</summary>
public readonly record struct UzumToken(string Value)
{
    public string Redacted => Value.Length <= 4 ? "…" : "…" + Value[^4..];

    public override string ToString() => Redacted;

    /// <summary>
    /// Cleans a pasted token: trims, drops a leading "Bearer " (any case), refuses inner whitespace.
    /// Returns null when nothing usable is left.
    /// </summary>
    public static UzumToken? TryNormalize(string? pasted)
    {
        if (pasted is null) return null;
        var value = pasted.Trim();
        if (value.StartsWith("bearer ", StringComparison.OrdinalIgnoreCase) || value.StartsWith("bearer\t", StringComparison.OrdinalIgnoreCase))
            value = value[7..].Trim();
        if (value.Length < 8 || value.Length > 512) return null;
        foreach (var c in value)
            if (char.IsWhiteSpace(c) || char.IsControl(c)) return null;
        return new UzumToken(value);
    }
}
