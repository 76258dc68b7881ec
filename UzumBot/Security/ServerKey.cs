using System.Security.Cryptography;
using System.Text;
using UzumBot.Hosting;

namespace UzumBot.Security;

/// <summary>
/// The automation server key: the one secret that lets the bot open a tenant's data key while nobody types a PIN
/// (the owner's opt-in). Kept apart from the pepper — its own file (<c>Security:ServerKeyPath</c>) or setting
/// (<c>Security:ServerKey</c>) — so it can be rotated, or withheld from a machine, without touching any PIN wrap.
/// <para>
/// Each key has a short public id stored next to every wrap made with it. During a rotation the next key sits in
/// <c>&lt;ServerKeyPath&gt;.next</c>; a ring holding both opens wraps of either, so an interrupted rotation loses
/// nothing and running it again finishes it.
/// </para>
/// </summary>
public sealed class ServerKey
{
    public const int Length = 32;
    private const string KekPurpose = "uzumbot:automation-kek:v2";
    private const string IdPurpose = "uzumbot:server-key-id:v1";

    private readonly byte[] _current;
    private readonly byte[]? _next;

    private ServerKey(byte[] current, byte[]? next)
    {
        _current = current;
        _next = next;
        CurrentId = IdOf(current);
        NextId = next is null ? null : IdOf(next);
    }

    /// <summary>The id of the key new wraps are made with.</summary>
    public string CurrentId { get; }

    /// <summary>The id of a rotation's next key, when one is in progress.</summary>
    public string? NextId { get; }

    /// <summary><see cref="SecurityOptions.ServerKey"/> when set; otherwise the file, created owner-only on first run.</summary>
    public static ServerKey Load(SecurityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.ServerKey))
        {
            byte[] bytes;
            try { bytes = Convert.FromBase64String(options.ServerKey.Trim()); }
            catch (FormatException) { throw new InvalidOperationException("Security:ServerKey is not valid base64."); }
            if (bytes.Length != Length)
            {
                CryptographicOperations.ZeroMemory(bytes);
                throw new InvalidOperationException($"Security:ServerKey must decode to exactly {Length} bytes.");
            }
            return new ServerKey(bytes, null);
        }
        if (string.IsNullOrWhiteSpace(options.ServerKeyPath))
            throw new InvalidOperationException("Security:ServerKeyPath is empty and Security:ServerKey is not set.");
        var path = Path.GetFullPath(options.ServerKeyPath);
        var current = SecretFile.ReadOrCreate(path, Length, "Security:ServerKeyPath");
        var next = File.Exists(NextPath(path)) ? SecretFile.Read(NextPath(path), Length, "Security:ServerKeyPath (.next)") : null;
        return new ServerKey(current, next);
    }

    internal static string NextPath(string path) => Path.GetFullPath(path) + ".next";

    /// <summary>For tests: a key ring from the given bytes.</summary>
    internal static ServerKey FromBytes(ReadOnlySpan<byte> current, ReadOnlySpan<byte> next = default) =>
        new(current.ToArray(), next.IsEmpty ? null : next.ToArray());

    /// <summary>The key-encryption key of the key with <paramref name="keyId"/>; null when this ring does not hold it. Zero it after use.</summary>
    internal byte[]? Kek(string keyId) =>
        keyId == CurrentId ? Derive(_current, KekPurpose)
        : keyId == NextId ? Derive(_next!, KekPurpose)
        : null;

    /// <summary>The ring a finished rotation leaves: the next key becomes the only one.</summary>
    internal ServerKey Promoted() => _next is null ? this : new ServerKey(_next, null);

    private static byte[] Derive(byte[] key, string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, key, 32, salt: [], info: Encoding.UTF8.GetBytes(purpose));

    private static string IdOf(byte[] key)
    {
        var derived = Derive(key, IdPurpose);
        try { return Convert.ToHexStringLower(derived.AsSpan(0, 6)); }
        finally { CryptographicOperations.ZeroMemory(derived); }
    }

    public override string ToString() => $"ServerKey({CurrentId})";
}
