using System.Security.Cryptography;
using System.Text;

namespace UzumBot.Security;

/// <summary>
/// Human-typeable access codes like <c>K7QX-M3PA-9RTE</c>: 12 characters from a 31-symbol alphabet without
/// 0/O/1/I/L (≈ 59 bits of entropy).
/// </summary>
public static class AccessCodeGenerator
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public const int Length = 12;
    private const int GroupLength = 4;

    // Cyrillic capitals that look like Latin ones: a Russian keyboard layout produces these.
    // А В Е К М Н Р С Т Х: Cyrillic capitals that look like Latin ones (escaped: no Cyrillic literals in code)
    private const string CyrillicLookalikes = "\u0410\u0412\u0415\u041A\u041C\u041D\u0420\u0421\u0422\u0425";
    private const string LatinEquivalents = "ABEKMHPCTX";

    /// <summary>A new random code, grouped for display. Show it once; store only <see cref="AccessCodeHasher.Hash"/>.</summary>
    public static string New() => Format(RandomNumberGenerator.GetString(Alphabet, Length));

    /// <summary>
    /// The canonical 12-character form (no dashes), or null when the input is not a code. Accepts lowercase,
    /// Cyrillic look-alike letters and any dashes, spaces or underscores.
    /// </summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrEmpty(input) || input.Length > 64) return null;
        var result = new StringBuilder(Length);
        foreach (var raw in input)
        {
            if (raw is '-' or '_' or '‐' or '–' or '—' || char.IsWhiteSpace(raw)) continue;
            var c = char.ToUpperInvariant(raw);
            var lookalike = CyrillicLookalikes.IndexOf(c);
            if (lookalike >= 0) c = LatinEquivalents[lookalike];
            if (!Alphabet.Contains(c) || result.Length == Length) return null;
            result.Append(c);
        }
        return result.Length == Length ? result.ToString() : null;
    }

    /// <summary>Display form <c>XXXX-XXXX-XXXX</c> of a code in any accepted spelling; throws <see cref="FormatException"/> otherwise.</summary>
    public static string Format(string code)
    {
        var c = Normalize(code) ?? throw new FormatException("Not a well-formed access code.");
        return string.Join('-', Enumerable.Range(0, Length / GroupLength).Select(i => c.Substring(i * GroupLength, GroupLength)));
    }
}

/// <summary>
/// SHA-256 (lowercase hex) of the normalized code, as stored. Not peppered on purpose: a code has ≈ 59 bits of
/// entropy, expires and has a use limit, so its hash cannot be reversed offline anyway, and codes issued by the
/// operator stay valid independent of the pepper. (The invite code's key wrap, by contrast, is peppered.)
/// </summary>
public static class AccessCodeHasher
{
    public static string Hash(string code) =>
        TryHash(code) ?? throw new FormatException("Not a well-formed access code.");

    /// <summary>Null when the input is not a well-formed code (count it as a failed attempt).</summary>
    public static string? TryHash(string? input) =>
        AccessCodeGenerator.Normalize(input) is { } code
            ? Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(code)))
            : null;
}

/// <param name="Hash">SHA-256 hex from <see cref="AccessCodeHasher"/>.</param>
/// <param name="TenantId">Null for an owner code from the operator (creates a tenant); the tenant for a team invite.</param>
public sealed record AccessCodeGrant(string Hash, Role Role, DateTimeOffset ExpiresAt, int UsesLeft, string? TenantId)
{
    /// <summary>The grant after one successful use.</summary>
    public AccessCodeGrant Consumed() => this with { UsesLeft = Math.Max(0, UsesLeft - 1) };
}

public enum AccessCodeStatus { Valid, Expired, UsedUp, Unknown }

public static class AccessCodeCheck
{
    /// <param name="grant">The grant found by hash, or null when none matched.</param>
    public static AccessCodeStatus Check(AccessCodeGrant? grant, DateTimeOffset now) => grant switch
    {
        null => AccessCodeStatus.Unknown,
        { UsesLeft: <= 0 } => AccessCodeStatus.UsedUp,
        _ when now >= grant.ExpiresAt => AccessCodeStatus.Expired,
        _ => AccessCodeStatus.Valid,
    };
}
