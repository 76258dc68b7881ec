using System.Security.Cryptography;

namespace UzumBot.Security;

/// <summary>
/// A tenant's 256-bit data key in memory. <see cref="Dispose"/> zeroes it; use after that throws
/// <see cref="ObjectDisposedException"/>. Not safe to dispose while another thread uses it: hand each user its own
/// <see cref="Clone"/> (e.g. a session cache keeps one and gives out clones).
/// </summary>
public sealed class DataKey : IDisposable
{
    public const int Length = 32;

    private readonly byte[] _bytes;
    private bool _disposed;

    private DataKey(byte[] bytes) => _bytes = bytes;

    internal static DataKey Generate()
    {
        var key = Allocate();
        RandomNumberGenerator.Fill(key._bytes);
        return key;
    }

    internal static DataKey CopyOf(ReadOnlySpan<byte> source)
    {
        if (source.Length != Length) throw new CryptographicException("A data key must be 32 bytes.");
        var key = Allocate();
        source.CopyTo(key._bytes);
        return key;
    }

    // Pinned so the GC never leaves stray copies of the key behind when it compacts.
    internal static DataKey Allocate() => new(GC.AllocateUninitializedArray<byte>(Length, pinned: true));

    internal Span<byte> Bytes
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _bytes;
        }
    }

    public bool IsDisposed => _disposed;

    public DataKey Clone() => CopyOf(Bytes);

    public void Dispose()
    {
        if (_disposed) return;
        CryptographicOperations.ZeroMemory(_bytes);
        _disposed = true;
    }

    public override string ToString() => "DataKey(***)";
}
