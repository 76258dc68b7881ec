using System.Security.Cryptography;
using UzumBot.Security;

namespace UzumBot.Tests.Security;

internal static class SecurityTestKit
{
    public const int FastIterations = 1_000;

    public static ServerPepper NewPepper() => ServerPepper.FromBytes(RandomNumberGenerator.GetBytes(ServerPepper.Length));

    public static ServerKey NewServerKey() => ServerKey.FromBytes(RandomNumberGenerator.GetBytes(ServerKey.Length));

    public static TokenVault FastVault(ServerPepper? pepper = null) =>
        new(pepper ?? NewPepper(), FastIterations, allowBelowMinimum: true);

    public static bool Contains(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> needle) => haystack.IndexOf(needle) >= 0;
}
