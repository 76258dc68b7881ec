using System.Security.Cryptography;
using System.Text;

namespace UzumBot.Security;

/// <summary>
/// Key derivation for PIN and invite-code wraps: PBKDF2-HMAC-SHA256 over a peppered secret.
/// <para>
/// The PBKDF2 password is <c>HMAC-SHA256(pepperKey, purpose ‖ 0x00 ‖ secret)</c> rather than <c>secret ‖ pepper</c>:
/// both are sound, but the HMAC gives a fixed 32-byte input (below the HMAC block size, so PBKDF2 never pre-hashes
/// it), an unambiguous encoding of purpose and secret, and the pepper itself never enters PBKDF2. Without the pepper
/// the PBKDF2 input is an unknown 256-bit value, so a stolen database offers nothing to enumerate; if the pepper
/// leaks as well, the iteration count is what remains between an attacker and the at most 1 111 000 PINs.
/// </para>
/// <para>One derivation at <see cref="MinimumIterations"/> takes a few hundred milliseconds of one core: run it on
/// the thread pool (<c>Task.Run</c>), never on a path that must answer instantly.</para>
/// </summary>
public static class Kdf
{
    /// <summary>OWASP 2023 figure for PBKDF2-HMAC-SHA256. The count may be configured higher, never lower.</summary>
    public const int MinimumIterations = 600_000;

    /// <summary>Upper bound accepted from a stored record, so a corrupted count cannot hang the process.</summary>
    public const int MaximumIterations = 10_000_000;

    internal const int SaltLength = 16;
    internal const string PepperKeyPurpose = "uzumbot:kdf-pepper:v1";

    internal static byte[] DeriveKek(ServerPepper pepper, string purpose, string secret, ReadOnlySpan<byte> salt, int iterations)
    {
        var pepperKey = pepper.DeriveKey(PepperKeyPurpose);
        var input = Encoding.UTF8.GetBytes(purpose + "\0" + secret);
        var password = HMACSHA256.HashData(pepperKey, input);
        try
        {
            return Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, 32);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pepperKey);
            CryptographicOperations.ZeroMemory(input);
            CryptographicOperations.ZeroMemory(password);
        }
    }
}
