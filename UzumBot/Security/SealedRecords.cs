namespace UzumBot.Security;

// Plain data for storage: parameterless construction plus init properties, so any mapper (LiteDB, JSON) can
// round-trip them. ToString never shows the bytes.

/// <summary>A UZUM token encrypted with a tenant's data key (AES-256-GCM, bound to the tenant id).</summary>
public sealed class SealedToken
{
    public const int CurrentVersion = 1;

    public required int Version { get; init; }
    public required byte[] Nonce { get; init; }
    public required byte[] Ciphertext { get; init; }
    public required byte[] Tag { get; init; }

    public override string ToString() => $"SealedToken(v{Version}, {Ciphertext?.Length ?? 0} bytes)";
}

public enum WrapKind
{
    /// <summary>Key from a member's PIN + pepper (PBKDF2).</summary>
    Pin,
    /// <summary>Key from a pending invite's access code + pepper (PBKDF2).</summary>
    InviteCode,
    /// <summary>Key from the server key alone (HKDF; see ServerKey): the automation opt-in.</summary>
    Server,
}

/// <summary>A data key encrypted (AES-256-GCM) under a key-encryption key derived from a PIN, a code or the server key.</summary>
public sealed class WrappedKey
{
    public const int CurrentVersion = 1;

    public required int Version { get; init; }
    public required WrapKind Kind { get; init; }
    /// <summary>PBKDF2 iterations used for this wrap (0 for <see cref="WrapKind.Server"/>). Kept so the count can be raised later.</summary>
    public required int Iterations { get; init; }
    /// <summary>Random per-wrap PBKDF2 salt (empty for <see cref="WrapKind.Server"/>).</summary>
    public required byte[] Salt { get; init; }
    public required byte[] Nonce { get; init; }
    public required byte[] Ciphertext { get; init; }
    public required byte[] Tag { get; init; }

    public override string ToString() => $"WrappedKey(v{Version}, {Kind}, {Iterations} iterations)";
}
