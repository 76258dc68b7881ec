using System.Security.Cryptography;
using System.Text;
using UzumBot.Hosting;

namespace UzumBot.Security;

/// <summary>
/// The server pepper: a secret kept outside the database (a key file or the <c>Security:Pepper</c> setting).
/// Without it a stolen database cannot be brute-forced offline, because every PIN/code derivation and every
/// server-side key is keyed by it. The bytes never leave this assembly and are never printed.
/// </summary>
public sealed class ServerPepper
{
    /// <summary>Size of a generated pepper file, and the minimum size of a configured pepper.</summary>
    public const int Length = 32;

    private readonly byte[] _bytes;

    private ServerPepper(byte[] bytes) => _bytes = bytes;

    /// <summary>
    /// Uses <see cref="SecurityOptions.Pepper"/> when set; otherwise reads <see cref="SecurityOptions.PepperPath"/>,
    /// creating it (owner-only) with fresh random bytes on first run. Throws <see cref="InvalidOperationException"/>
    /// naming the setting when the configured value or file is unusable.
    /// </summary>
    public static ServerPepper Load(SecurityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.Pepper))
            return FromBase64(options.Pepper);
        if (string.IsNullOrWhiteSpace(options.PepperPath))
            throw new InvalidOperationException("Security:PepperPath is empty and Security:Pepper is not set.");
        return FromFile(options.PepperPath);
    }

    private static ServerPepper FromBase64(string value)
    {
        byte[] bytes;
        try { bytes = Convert.FromBase64String(value.Trim()); }
        catch (FormatException) { throw new InvalidOperationException("Security:Pepper is not valid base64."); }
        if (bytes.Length < Length)
        {
            CryptographicOperations.ZeroMemory(bytes);
            throw new InvalidOperationException($"Security:Pepper must decode to at least {Length} bytes.");
        }
        return new ServerPepper(bytes);
    }

    private static ServerPepper FromFile(string path) =>
        new(SecretFile.ReadOrCreate(path, Length, "Security:PepperPath"));

    /// <summary>For tests: a pepper from the given bytes (copied).</summary>
    internal static ServerPepper FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < Length) throw new ArgumentException($"A pepper needs at least {Length} bytes.", nameof(bytes));
        return new ServerPepper(bytes.ToArray());
    }

    /// <summary>An independent 256-bit key for one purpose (HKDF-SHA256 with the purpose as info). Zero it after use.</summary>
    internal byte[] DeriveKey(string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, _bytes, 32, salt: [], info: Encoding.UTF8.GetBytes(purpose));

    public override string ToString() => "ServerPepper(***)";
}
