using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace UzumBot.Security;

/// <summary>
/// Envelope encryption of UZUM tokens (product §4). A token is sealed under a random per-tenant data key; the data
/// key is stored only wrapped: per member under their PIN, per pending invite under its code, and optionally under
/// the server key for automation (<see cref="ServerKey"/>, apart from the pepper).
/// <para>
/// PIN and code methods run PBKDF2 (hundreds of milliseconds of CPU): call them through <c>Task.Run</c>.
/// <see cref="Seal"/>, <see cref="Open"/> and the server-key methods are cheap.
/// </para>
/// <para>
/// Wrong secrets make the <c>TryUnwrap…</c> methods return null. A record that is structurally broken (unknown
/// version, wrong lengths, absurd iteration count) or of the wrong <see cref="WrapKind"/> throws instead.
/// </para>
/// </summary>
public sealed class TokenVault
{
    private const int NonceLength = 12;
    private const int TagLength = 16;

    private readonly ServerPepper _pepper;
    private readonly int _lowestAccepted;

    public TokenVault(ServerPepper pepper) : this(pepper, Kdf.MinimumIterations) { }

    /// <param name="iterations">PBKDF2 iterations for new wraps; at least <see cref="Kdf.MinimumIterations"/>.</param>
    public TokenVault(ServerPepper pepper, int iterations) : this(pepper, iterations, allowBelowMinimum: false) { }

    /// <summary>Tests only: permits a low iteration count to keep the suite fast.</summary>
    internal TokenVault(ServerPepper pepper, int iterations, bool allowBelowMinimum)
    {
        ArgumentNullException.ThrowIfNull(pepper);
        _lowestAccepted = allowBelowMinimum ? 1 : Kdf.MinimumIterations;
        if (iterations < _lowestAccepted || iterations > Kdf.MaximumIterations)
            throw new ArgumentOutOfRangeException(nameof(iterations), iterations,
                $"PBKDF2 iterations must be between {Kdf.MinimumIterations} and {Kdf.MaximumIterations}.");
        _pepper = pepper;
        Iterations = iterations;
    }

    /// <summary>PBKDF2 iterations used for new PIN and code wraps.</summary>
    public int Iterations { get; }

    /// <summary>Encrypts a token under a fresh data key. The caller owns (and must dispose) the returned key.</summary>
    public (SealedToken Sealed, DataKey Key) Seal(string token, string tenantId)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        var key = DataKey.Generate();
        var plaintext = Encoding.UTF8.GetBytes(token);
        try
        {
            var nonce = RandomNumberGenerator.GetBytes(NonceLength);
            var ciphertext = new byte[plaintext.Length];
            var tag = new byte[TagLength];
            using (var aes = new AesGcm(key.Bytes, TagLength))
                aes.Encrypt(nonce, plaintext, ciphertext, tag, TokenAad(tenantId));
            return (new SealedToken { Version = SealedToken.CurrentVersion, Nonce = nonce, Ciphertext = ciphertext, Tag = tag }, key);
        }
        catch
        {
            key.Dispose();
            throw;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    /// <summary>Decrypts a sealed token. A wrong key, a wrong tenant or any tampering throws <see cref="CryptographicException"/>.</summary>
    public string Open(SealedToken sealedToken, DataKey key, string tenantId)
    {
        ArgumentNullException.ThrowIfNull(sealedToken);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        if (sealedToken.Version != SealedToken.CurrentVersion)
            throw new CryptographicException($"Unsupported sealed token version {sealedToken.Version}.");
        RequireLengths(sealedToken.Nonce, sealedToken.Tag, sealedToken.Ciphertext, expectedCiphertext: null);
        var plaintext = new byte[sealedToken.Ciphertext.Length];
        try
        {
            using (var aes = new AesGcm(key.Bytes, TagLength))
                aes.Decrypt(sealedToken.Nonce, sealedToken.Ciphertext, sealedToken.Tag, plaintext, TokenAad(tenantId));
            return Encoding.UTF8.GetString(plaintext);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    /// <summary>Wraps the data key under a member's PIN. CPU-heavy. Throws <see cref="ArgumentException"/> for a PIN that breaks <see cref="PinRules"/>.</summary>
    public WrappedKey WrapWithPin(DataKey key, string pin, string tenantId, long memberId)
    {
        if (!PinRules.IsValidFormat(pin)) throw new ArgumentException("The PIN must be 4-6 ASCII digits.", nameof(pin));
        return WrapDerived(key, WrapKind.Pin, pin, PinBinding(tenantId, memberId));
    }

    /// <summary>Null when the PIN is wrong (or malformed). CPU-heavy.</summary>
    public DataKey? TryUnwrapWithPin(WrappedKey wrapped, string pin, string tenantId, long memberId)
    {
        RequireKind(wrapped, WrapKind.Pin);
        return PinRules.IsValidFormat(pin) ? UnwrapDerived(wrapped, pin, PinBinding(tenantId, memberId)) : null;
    }

    /// <summary>Wraps the data key under a pending invite's access code (normalized first). CPU-heavy.</summary>
    public WrappedKey WrapWithCode(DataKey key, string inviteCode, string tenantId)
    {
        var code = AccessCodeGenerator.Normalize(inviteCode)
            ?? throw new ArgumentException("Not a well-formed access code.", nameof(inviteCode));
        return WrapDerived(key, WrapKind.InviteCode, code, Binding(tenantId));
    }

    /// <summary>Null when the code is wrong (or malformed). CPU-heavy.</summary>
    public DataKey? TryUnwrapWithCode(WrappedKey wrapped, string inviteCode, string tenantId)
    {
        RequireKind(wrapped, WrapKind.InviteCode);
        var code = AccessCodeGenerator.Normalize(inviteCode);
        return code is null ? null : UnwrapDerived(wrapped, code, Binding(tenantId));
    }

    /// <summary>
    /// Wraps the data key under the server key's current key (automation opt-in): anyone holding that key and the
    /// database can open it. Store <see cref="ServerKey.CurrentId"/> with it to open it again.
    /// </summary>
    public WrappedKey WrapWithServerKey(DataKey key, ServerKey serverKey, string tenantId)
    {
        ArgumentNullException.ThrowIfNull(serverKey);
        var kek = serverKey.Kek(serverKey.CurrentId)!;
        try { return Wrap(key, kek, WrapKind.Server, iterations: 0, salt: [], Aad(WrapKind.Server, 0, Binding(tenantId))); }
        finally { CryptographicOperations.ZeroMemory(kek); }
    }

    /// <summary>Null when the ring lacks the key <paramref name="keyId"/>, or the wrap was made with another key or for another tenant.</summary>
    public DataKey? TryUnwrapWithServerKey(WrappedKey wrapped, ServerKey serverKey, string keyId, string tenantId)
    {
        ArgumentNullException.ThrowIfNull(serverKey);
        RequireKind(wrapped, WrapKind.Server);
        RequireVersion(wrapped);
        if (serverKey.Kek(keyId) is not { } kek) return null;
        try { return Unwrap(wrapped, kek, Aad(WrapKind.Server, 0, Binding(tenantId))); }
        finally { CryptographicOperations.ZeroMemory(kek); }
    }

    /// <summary>True when a PIN/code wrap uses fewer iterations than this vault would now: re-wrap it after the next successful unwrap.</summary>
    public bool NeedsRewrap(WrappedKey wrapped) =>
        wrapped.Version != WrappedKey.CurrentVersion || (wrapped.Kind != WrapKind.Server && wrapped.Iterations < Iterations);

    private WrappedKey WrapDerived(DataKey key, WrapKind kind, string secret, string binding)
    {
        var salt = RandomNumberGenerator.GetBytes(Kdf.SaltLength);
        var kek = Kdf.DeriveKek(_pepper, Purpose(kind), secret, salt, Iterations);
        try { return Wrap(key, kek, kind, Iterations, salt, Aad(kind, Iterations, binding)); }
        finally { CryptographicOperations.ZeroMemory(kek); }
    }

    private DataKey? UnwrapDerived(WrappedKey wrapped, string secret, string binding)
    {
        RequireVersion(wrapped);
        if (wrapped.Iterations < _lowestAccepted || wrapped.Iterations > Kdf.MaximumIterations)
            throw new CryptographicException($"Wrapped key has an out-of-range iteration count ({wrapped.Iterations}).");
        if (wrapped.Salt is not { Length: Kdf.SaltLength })
            throw new CryptographicException("Wrapped key has a malformed salt.");
        var kek = Kdf.DeriveKek(_pepper, Purpose(wrapped.Kind), secret, wrapped.Salt, wrapped.Iterations);
        try { return Unwrap(wrapped, kek, Aad(wrapped.Kind, wrapped.Iterations, binding)); }
        finally { CryptographicOperations.ZeroMemory(kek); }
    }

    private static WrappedKey Wrap(DataKey key, byte[] kek, WrapKind kind, int iterations, byte[] salt, byte[] aad)
    {
        ArgumentNullException.ThrowIfNull(key);
        var nonce = RandomNumberGenerator.GetBytes(NonceLength);
        var ciphertext = new byte[DataKey.Length];
        var tag = new byte[TagLength];
        using (var aes = new AesGcm(kek, TagLength))
            aes.Encrypt(nonce, key.Bytes, ciphertext, tag, aad);
        return new WrappedKey
        {
            Version = WrappedKey.CurrentVersion, Kind = kind, Iterations = iterations, Salt = salt,
            Nonce = nonce, Ciphertext = ciphertext, Tag = tag,
        };
    }

    private static DataKey? Unwrap(WrappedKey wrapped, byte[] kek, byte[] aad)
    {
        RequireLengths(wrapped.Nonce, wrapped.Tag, wrapped.Ciphertext, DataKey.Length);
        var key = DataKey.Allocate();
        try
        {
            using var aes = new AesGcm(kek, TagLength);
            aes.Decrypt(wrapped.Nonce, wrapped.Ciphertext, wrapped.Tag, key.Bytes, aad);
            return key;
        }
        catch (AuthenticationTagMismatchException)
        {
            key.Dispose();
            return null;
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    private static void RequireKind(WrappedKey wrapped, WrapKind kind)
    {
        ArgumentNullException.ThrowIfNull(wrapped);
        if (wrapped.Kind != kind)
            throw new ArgumentException($"Expected a {kind} wrap but got {wrapped.Kind}.", nameof(wrapped));
    }

    private static void RequireVersion(WrappedKey wrapped)
    {
        if (wrapped.Version != WrappedKey.CurrentVersion)
            throw new CryptographicException($"Unsupported wrapped key version {wrapped.Version}.");
    }

    private static void RequireLengths(byte[]? nonce, byte[]? tag, byte[]? ciphertext, int? expectedCiphertext)
    {
        if (nonce is not { Length: NonceLength } || tag is not { Length: TagLength } || ciphertext is null
            || (expectedCiphertext is { } n && ciphertext.Length != n))
            throw new CryptographicException("Encrypted record is malformed.");
    }

    private static string Purpose(WrapKind kind) => kind switch
    {
        WrapKind.Pin => "pin",
        WrapKind.InviteCode => "invite-code",
        WrapKind.Server => "automation",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static byte[] TokenAad(string tenantId) => Encoding.UTF8.GetBytes("uzumbot:token:v1:" + tenantId);

    // The tenant id goes last: every earlier field is colon-free, so the encoding is unambiguous.
    private static byte[] Aad(WrapKind kind, int iterations, string binding) =>
        Encoding.UTF8.GetBytes($"uzumbot:wrap:v{WrappedKey.CurrentVersion}:{Purpose(kind)}:{iterations.ToString(CultureInfo.InvariantCulture)}:{binding}");

    private static string PinBinding(string tenantId, long memberId) =>
        memberId.ToString(CultureInfo.InvariantCulture) + ":" + Binding(tenantId);

    private static string Binding(string tenantId)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        return tenantId;
    }
}
