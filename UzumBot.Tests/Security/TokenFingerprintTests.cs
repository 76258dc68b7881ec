using UzumBot.Security;
using UzumBot.Uzum;
using static UzumBot.Tests.Security.SecurityTestKit;

namespace UzumBot.Tests.Security;

public sealed class TokenFingerprintTests
{
    [Fact]
    public void Same_token_same_fingerprint_other_token_or_pepper_differs()
    {
        var pepper = NewPepper();
        var fp = new TokenFingerprint(pepper);
        var a = fp.Compute("token-aaaaaaaa");
        Assert.Equal(a, new TokenFingerprint(pepper).Compute("token-aaaaaaaa"));
        Assert.Equal(a, fp.Compute(UzumToken.TryNormalize("  Bearer token-aaaaaaaa ")!.Value));
        Assert.NotEqual(a, fp.Compute("token-aaaaaaab"));
        Assert.NotEqual(a, new TokenFingerprint(NewPepper()).Compute("token-aaaaaaaa"));
        Assert.Matches("^[0-9a-f]{64}$", a);
        Assert.DoesNotContain("token", a);
    }

    [Fact]
    public void Matches_compares_exactly()
    {
        var fp = new TokenFingerprint(NewPepper());
        var a = fp.Compute("token-aaaaaaaa");
        Assert.True(TokenFingerprint.Matches(a, string.Concat(a)));
        Assert.False(TokenFingerprint.Matches(a, fp.Compute("token-bbbbbbbb")));
        Assert.False(TokenFingerprint.Matches(a, a[..^1]));
        Assert.False(TokenFingerprint.Matches(a, null));
        Assert.False(TokenFingerprint.Matches(null, null));
    }
}
