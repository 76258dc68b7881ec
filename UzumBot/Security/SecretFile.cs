using System.Security.Cryptography;

namespace UzumBot.Security;

/// <summary>
/// A fixed-length random secret in a file beside the data, created owner-only on first use. Written to a
/// temporary file created owner-only from the start, then moved into place without overwriting, so a concurrent
/// first start or a crash never leaves a half-written or world-readable secret behind.
/// </summary>
internal static class SecretFile
{
    public static byte[] ReadOrCreate(string path, int length, string setting)
    {
        path = Path.GetFullPath(path);
        if (!File.Exists(path)) Create(path, length, overwrite: false);
        return Read(path, length, setting);
    }

    public static byte[] Read(string path, int length, string setting)
    {
        var actual = new FileInfo(path).Length;
        if (actual != length)
            throw new InvalidOperationException(
                $"The key file '{path}' ({setting}) must hold exactly {length} bytes but holds {actual}. " +
                "Restore the original file: without it stored tokens cannot be decrypted.");
        return File.ReadAllBytes(path);
    }

    /// <summary>Writes fresh random bytes to <paramref name="path"/> (owner-only).</summary>
    public static void Create(string path, int length, bool overwrite)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        var bytes = RandomNumberGenerator.GetBytes(length);
        try
        {
            using (var stream = new FileStream(temp, options))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite); // umask cannot widen, but be explicit
            try { File.Move(temp, path, overwrite); }
            catch (IOException) when (!overwrite && File.Exists(path)) { /* another process won the race: use its file */ }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
