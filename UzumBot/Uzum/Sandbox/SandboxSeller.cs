using System.Security.Cryptography;
using System.Text;

namespace UzumBot.Uzum.Sandbox;

/// <summary>Which tokens the sandbox treats as sellers, and the stable seed each one's data grows from.</summary>
public static class SandboxSeller
{
    public const string TokenPrefix = "sandbox-";

    /// <summary>A seller whose account starts so (e.g. <c>sandbox-large-bench</c>) has a big catalogue: ~500 SKUs in 2 shops.</summary>
    public const string LargePrefix = "sandbox-large-";

    public static int ProductsPerShop(string token) =>
        Account(token).StartsWith(LargePrefix, StringComparison.Ordinal) ? 125 : SandboxCatalogGenerator.ProductsPerShop;

    /// <summary>The token the demo mode and the README use.</summary>
    public const string DemoToken = "sandbox-demo-shop";

    public static bool IsSandboxToken(string? token) =>
        token is not null && token.Length > TokenPrefix.Length && token.StartsWith(TokenPrefix, StringComparison.Ordinal)
        && !token.Any(char.IsWhiteSpace);

    /// <summary>
    /// The seller account a token belongs to: the part before the first '.', so <c>sandbox-bahor.key2</c> is a second
    /// API key of <c>sandbox-bahor</c> (same shops, same data), as a seller's new key in the cabinet would be.
    /// </summary>
    public static string Account(string token) => token.Split('.', 2)[0];

    /// <summary>A seed that is the same on every machine and run (string.GetHashCode is randomized per process).</summary>
    public static int Seed(string token)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(Account(token)));
        return BitConverter.ToInt32(hash, 0) & int.MaxValue;
    }
}
