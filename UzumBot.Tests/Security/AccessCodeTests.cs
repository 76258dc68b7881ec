using System.Text.RegularExpressions;
using UzumBot.Security;

namespace UzumBot.Tests.Security;

public sealed class AccessCodeTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 12, 9, 0, 0, TimeSpan.FromHours(5));

    [Fact]
    public void New_codes_are_grouped_unambiguous_and_random()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => AccessCodeGenerator.New()).ToList();
        Assert.All(codes, c => Assert.Matches(new Regex("^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$"), c));
        Assert.All(codes, c => Assert.DoesNotMatch("[01OIL]", c));
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Theory]
    [InlineData("K7QX-M3PA-9RTE")]
    [InlineData("k7qx-m3pa-9rte")]
    [InlineData("K7QXM3PA9RTE")]
    [InlineData("  k7qx m3pa 9rte ")]
    [InlineData("K7QX--M3PA---9RTE-")]
    [InlineData("K7QX_M3PA_9RTE")]
    [InlineData("K7QX–M3PA–9RTE")] // en dashes from a phone keyboard
    [InlineData("К7QX-М3РА-9RТЕ")] // Cyrillic К, М, Р, А, Т, Е
    public void Normalization_accepts_common_spellings(string input)
    {
        Assert.Equal("K7QXM3PA9RTE", AccessCodeGenerator.Normalize(input));
        Assert.Equal("K7QX-M3PA-9RTE", AccessCodeGenerator.Format(input));
        Assert.Equal(AccessCodeHasher.Hash("K7QX-M3PA-9RTE"), AccessCodeHasher.Hash(input));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("K7QX-M3PA-9RT")] // too short
    [InlineData("K7QX-M3PA-9RTEE")] // too long
    [InlineData("K7QX-M3PA-9RT0")] // 0 is not in the alphabet
    [InlineData("K7QX-M3PA-9RTO")]
    [InlineData("K7QX-M3PA-9RT1")]
    [InlineData("K7QX-M3PA-9RTI")]
    [InlineData("K7QX-M3PA-9RTL")]
    [InlineData("K7QX-M3PA-9RT!")]
    [InlineData("K7QX-M3PA-9RTＥ")] // full-width E
    public void Normalization_rejects_non_codes(string? input)
    {
        Assert.Null(AccessCodeGenerator.Normalize(input));
        Assert.Null(AccessCodeHasher.TryHash(input));
    }

    [Fact]
    public void Hash_is_sha256_hex_of_the_canonical_form()
    {
        // SHA-256("K7QXM3PA9RTE"), computed independently of the hasher.
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("K7QXM3PA9RTE"u8));
        Assert.Equal(expected, AccessCodeHasher.Hash("k7qx-m3pa-9rte"));
        Assert.Equal(64, expected.Length);
        Assert.NotEqual(AccessCodeHasher.Hash("K7QX-M3PA-9RTE"), AccessCodeHasher.Hash("K7QX-M3PA-9RTF"));
        Assert.Throws<FormatException>(() => AccessCodeHasher.Hash("nope"));
    }

    [Fact]
    public void Check_reports_each_state()
    {
        var grant = new AccessCodeGrant(AccessCodeHasher.Hash("K7QX-M3PA-9RTE"), Role.Manager, Now.AddDays(1), 1, "tenant-1");
        Assert.Equal(AccessCodeStatus.Valid, AccessCodeCheck.Check(grant, Now));
        Assert.Equal(AccessCodeStatus.Unknown, AccessCodeCheck.Check(null, Now));
        Assert.Equal(AccessCodeStatus.Expired, AccessCodeCheck.Check(grant, Now.AddDays(1)));
        Assert.Equal(AccessCodeStatus.Expired, AccessCodeCheck.Check(grant, Now.AddDays(2)));

        var used = grant.Consumed();
        Assert.Equal(0, used.UsesLeft);
        Assert.Equal(AccessCodeStatus.UsedUp, AccessCodeCheck.Check(used, Now));
        Assert.Equal(0, used.Consumed().UsesLeft);
        Assert.Equal(AccessCodeStatus.Valid, AccessCodeCheck.Check((grant with { UsesLeft = 3 }).Consumed(), Now));
    }
}
