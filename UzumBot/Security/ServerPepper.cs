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

    private static ServerPepper FromFile(string path)
    {
        path = Path.GetFullPath(path);
        if (!File.Exists(path))
            CreateFile(path);
        var length = new FileInfo(path).Length;
        if (length != Length)
            throw new InvalidOperationException(
                $"The pepper file '{path}' (Security:PepperPath) must hold exactly {Length} bytes but holds {length}. " +
                "Restore the original file: without it stored tokens cannot be decrypted.");
        return new ServerPepper(File.ReadAllBytes(path));
    }

    // Written to a temporary file created owner-only from the start, then moved into place without overwriting,
    // so a concurrent first start or a crash never leaves a half-written or world-readable pepper behind.
    private static void CreateFile(string path)
    {
        var directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        var bytes = RandomNumberGenerator.GetBytes(Length);
        try
        {
            using (var stream = new FileStream(temp, options))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite); // umask cannot widen, but be explicit
            try { File.Move(temp, path, overwrite: false); }
            catch (IOException) when (File.Exists(path)) { /* another process won the race: use its file */ }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

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
