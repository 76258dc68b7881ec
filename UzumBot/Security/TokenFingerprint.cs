using System.Security.Cryptography;
using System.Text;
using UzumBot.Uzum;

namespace UzumBot.Security;

/// <summary>
/// Keyed fingerprint of a UZUM token (HMAC-SHA256 under a pepper-derived key, lowercase hex), stored with the
/// tenant so a second owner connecting the same token is detected. Keyed, so the database alone cannot confirm a
/// guessed token. Fingerprint the normalized token (<see cref="UzumToken.TryNormalize"/>) so pasting variants agree.
/// </summary>
public sealed class TokenFingerprint
{
    private readonly byte[] _key;

    public TokenFingerprint(ServerPepper pepper)
    {
        ArgumentNullException.ThrowIfNull(pepper);
        _key = pepper.DeriveKey("uzumbot:token-fingerprint:v1");
    }

    public string Compute(UzumToken token) => Compute(token.Value);

    public string Compute(string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        return Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(token)));
    }

    /// <summary>Constant-time comparison of two fingerprints (or any two secrets-derived strings).</summary>
    public static bool Matches(string? a, string? b) =>
        a is not null && b is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    public override string ToString() => "TokenFingerprint(***)";
}
