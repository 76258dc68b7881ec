using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using UzumBot.Security;
using Xunit.Abstractions;
using static UzumBot.Tests.Security.SecurityTestKit;

namespace UzumBot.Tests.Security;

public sealed class TokenVaultTests(ITestOutputHelper output)
{
    private const string Token = "uzum-token-7f3a9c2e41b84d6fa0e5c3b2";
    private const string Tenant = "tenant-42";
    private const long Member = 1234567;

    [Fact]
    public void Seal_wrap_unwrap_open_round_trips()
    {
        var vault = FastVault();
        var (sealedToken, key) = vault.Seal(Token, Tenant);
        var wrapped = vault.WrapWithPin(key, "4821", Tenant, Member);
        key.Dispose();

        using var unwrapped = vault.TryUnwrapWithPin(wrapped, "4821", Tenant, Member);
        Assert.NotNull(unwrapped);
        Assert.Equal(Token, vault.Open(sealedToken, unwrapped, Tenant));
    }

    [Fact]
    public void Wrong_pin_returns_null_without_throwing()
    {
        var vault = FastVault();
        var (_, key) = vault.Seal(Token, Tenant);
        var wrapped = vault.WrapWithPin(key, "4821", Tenant, Member);

        Assert.Null(vault.TryUnwrapWithPin(wrapped, "4822", Tenant, Member));
        Assert.Null(vault.TryUnwrapWithPin(wrapped, "482", Tenant, Member)); // malformed PIN
        Assert.Null(vault.TryUnwrapWithPin(wrapped, "4821", Tenant, Member + 1)); // another member's binding
        Assert.Null(vault.TryUnwrapWithPin(wrapped, "4821", "tenant-43", Member));
    }

    [Fact]
    public void Open_with_wrong_tenant_fails()
    {
        var vault = FastVault();
        var (sealedToken, key) = vault.Seal(Token, Tenant);
        Assert.ThrowsAny<CryptographicException>(() => vault.Open(sealedToken, key, "tenant-43"));
    }

    [Fact]
    public void Open_with_another_data_key_fails()
    {
        var vault = FastVault();
        var (sealedToken, _) = vault.Seal(Token, Tenant);
        var (_, otherKey) = vault.Seal(Token, Tenant);
        Assert.ThrowsAny<CryptographicException>(() => vault.Open(sealedToken, otherKey, Tenant));
    }

    [Theory]
    [InlineData("ciphertext")]
    [InlineData("nonce")]
    [InlineData("tag")]
    public void Tampered_sealed_token_fails(string field)
    {
        var vault = FastVault();
        var (s, key) = vault.Seal(Token, Tenant);
        var target = field switch { "ciphertext" => s.Ciphertext, "nonce" => s.Nonce, _ => s.Tag };
        target[0] ^= 0x01;
        Assert.ThrowsAny<CryptographicException>(() => vault.Open(s, key, Tenant));
    }

    [Fact]
    public void Tampered_wrap_does_not_unwrap()
    {
        var vault = FastVault();
        var (_, key) = vault.Seal(Token, Tenant);
        var wrapped = vault.WrapWithPin(key, "4821", Tenant, Member);
        wrapped.Ciphertext[5] ^= 0x80;
        Assert.Null(vault.TryUnwrapWithPin(wrapped, "4821", Tenant, Member));
    }

    [Fact]
    public void Changing_the_stored_iteration_count_breaks_the_wrap()
    {
        var vault = FastVault();
        var (_, key) = vault.Seal(Token, Tenant);
        var wrapped = vault.WrapWithPin(key, "4821", Tenant, Member);
        var lowered = new WrappedKey
        {
            Version = wrapped.Version, Kind = wrapped.Kind, Iterations = wrapped.Iterations - 1, Salt = wrapped.Salt,
            Nonce = wrapped.Nonce, Ciphertext = wrapped.Ciphertext, Tag = wrapped.Tag,
        };
        Assert.Null(vault.TryUnwrapWithPin(lowered, "4821", Tenant, Member));
    }

    [Fact]
    public void Two_seals_of_the_same_token_differ()
    {
        var vault = FastVault();
        var (a, keyA) = vault.Seal(Token, Tenant);
        var (b, keyB) = vault.Seal(Token, Tenant);
        Assert.NotEqual(a.Nonce, b.Nonce);
        Assert.NotEqual(a.Ciphertext, b.Ciphertext);
        Assert.NotEqual(keyA.Bytes.ToArray(), keyB.Bytes.ToArray());

        var w1 = vault.WrapWithPin(keyA, "4821", Tenant, Member);
        var w2 = vault.WrapWithPin(keyA, "4821", Tenant, Member);
        Assert.NotEqual(w1.Salt, w2.Salt);
        Assert.NotEqual(w1.Ciphertext, w2.Ciphertext);
    }

    [Fact]
    public void Stored_bytes_do_not_contain_the_token_pin_or_key()
    {
        var vault = FastVault();
        const string pin = "482193";
        var (sealedToken, key) = vault.Seal(Token, Tenant);
        var wrapped = vault.WrapWithPin(key, pin, Tenant, Member);
        var server = vault.WrapWithServerKey(key, NewServerKey(), Tenant);

        var raw = sealedToken.Nonce.Concat(sealedToken.Ciphertext).Concat(sealedToken.Tag)
            .Concat(wrapped.Salt).Concat(wrapped.Nonce).Concat(wrapped.Ciphertext).Concat(wrapped.Tag)
            .Concat(server.Nonce).Concat(server.Ciphertext).Concat(server.Tag).ToArray();
        var json = JsonSerializer.SerializeToUtf8Bytes(new object[] { sealedToken, wrapped, server });

        foreach (var haystack in new[] { raw, json })
        {
            Assert.False(Contains(haystack, Encoding.UTF8.GetBytes(Token)));
            Assert.False(Contains(haystack, Encoding.UTF8.GetBytes(Token[..8])));
            Assert.False(Contains(haystack, Encoding.UTF8.GetBytes(pin)));
            Assert.False(Contains(haystack, key.Bytes));
        }
        Assert.DoesNotContain(Token, Encoding.UTF8.GetString(json));
        Assert.DoesNotContain(pin, Encoding.UTF8.GetString(json));
    }

    [Fact]
    public void ToString_never_dumps_bytes()
    {
        var vault = FastVault();
        var (sealedToken, key) = vault.Seal(Token, Tenant);
        var wrapped = vault.WrapWithPin(key, "4821", Tenant, Member);
        var keyHex = Convert.ToHexString(key.Bytes);
        foreach (var text in new[] { sealedToken.ToString(), wrapped.ToString(), key.ToString(), NewPepper().ToString() })
        {
            Assert.DoesNotContain(keyHex, text);
            Assert.DoesNotContain(Convert.ToBase64String(wrapped.Ciphertext), text);
            Assert.DoesNotContain(Convert.ToBase64String(sealedToken.Ciphertext), text);
            Assert.DoesNotContain("System.Byte[]", text);
        }
    }

    [Fact]
    public void Pepper_matters_same_pin_other_pepper_cannot_unwrap()
    {
        var vault = FastVault();
        var (_, key) = vault.Seal(Token, Tenant);
        var wrapped = vault.WrapWithPin(key, "4821", Tenant, Member);
        var serverKey = NewServerKey();
        var server = vault.WrapWithServerKey(key, serverKey, Tenant);

        var otherVault = FastVault(); // new random pepper, same iterations
        Assert.Null(otherVault.TryUnwrapWithPin(wrapped, "4821", Tenant, Member));
        // The server wrap does not depend on the pepper at all: only on the server key.
        using var byServerKey = otherVault.TryUnwrapWithServerKey(server, serverKey, serverKey.CurrentId, Tenant);
        Assert.NotNull(byServerKey);
        var otherServerKey = NewServerKey();
        Assert.Null(vault.TryUnwrapWithServerKey(server, otherServerKey, otherServerKey.CurrentId, Tenant));
    }

    [Fact]
    public void Invite_code_wrap_accepts_any_spelling_of_the_code()
    {
        var vault = FastVault();
        var code = AccessCodeGenerator.New();
        var (sealedToken, key) = vault.Seal(Token, Tenant);
        var wrapped = vault.WrapWithCode(key, code, Tenant);
        Assert.Equal(WrapKind.InviteCode, wrapped.Kind);

        using var unwrapped = vault.TryUnwrapWithCode(wrapped, " " + code.Replace("-", "").ToLowerInvariant() + " ", Tenant);
        Assert.NotNull(unwrapped);
        Assert.Equal(Token, vault.Open(sealedToken, unwrapped, Tenant));

        Assert.Null(vault.TryUnwrapWithCode(wrapped, AccessCodeGenerator.New(), Tenant));
        Assert.Null(vault.TryUnwrapWithCode(wrapped, "not a code", Tenant));
        Assert.Null(vault.TryUnwrapWithCode(wrapped, code, "tenant-43"));
    }

    [Fact]
    public void Invite_accept_rewraps_under_the_new_members_pin()
    {
        var vault = FastVault();
        var code = AccessCodeGenerator.New();
        var (sealedToken, ownerKey) = vault.Seal(Token, Tenant);
        var invite = vault.WrapWithCode(ownerKey, code, Tenant);

        using var fromInvite = vault.TryUnwrapWithCode(invite, code, Tenant)!;
        var managerWrap = vault.WrapWithPin(fromInvite, "9090", Tenant, 777);
        using var managerKey = vault.TryUnwrapWithPin(managerWrap, "9090", Tenant, 777)!;
        Assert.Equal(Token, vault.Open(sealedToken, managerKey, Tenant));
    }

    [Fact]
    public void Server_key_wrap_round_trips_and_is_tenant_bound()
    {
        var pepper = NewPepper();
        var vault = FastVault(pepper);
        var (sealedToken, key) = vault.Seal(Token, Tenant);
        var serverKey = NewServerKey();
        var server = vault.WrapWithServerKey(key, serverKey, Tenant);
        Assert.Equal(WrapKind.Server, server.Kind);
        Assert.Equal(0, server.Iterations);

        // A restarted process with the same server key can open it: that is the automation trade-off.
        using var again = new TokenVault(pepper).TryUnwrapWithServerKey(server, serverKey, serverKey.CurrentId, Tenant);
        Assert.NotNull(again);
        Assert.Equal(Token, vault.Open(sealedToken, again, Tenant));
        Assert.Null(vault.TryUnwrapWithServerKey(server, serverKey, serverKey.CurrentId, "tenant-43"));
        Assert.Null(vault.TryUnwrapWithServerKey(server, serverKey, "000000000000", Tenant));
    }

    [Fact]
    public void Wrap_kind_mismatch_is_a_programming_error()
    {
        var vault = FastVault();
        var (_, key) = vault.Seal(Token, Tenant);
        var server = vault.WrapWithServerKey(key, NewServerKey(), Tenant);
        Assert.Throws<ArgumentException>(() => vault.TryUnwrapWithPin(server, "4821", Tenant, Member));
    }

    [Fact]
    public void Wrapping_with_a_malformed_pin_throws_without_echoing_it()
    {
        var vault = FastVault();
        var (_, key) = vault.Seal(Token, Tenant);
        var ex = Assert.Throws<ArgumentException>(() => vault.WrapWithPin(key, "12a4x9", Tenant, Member));
        Assert.DoesNotContain("12a4x9", ex.Message);
    }

    [Fact]
    public void Disposed_data_key_is_zeroed_and_unusable()
    {
        var vault = FastVault();
        var (sealedToken, key) = vault.Seal(Token, Tenant);
        using var clone = key.Clone();
        key.Dispose();
        Assert.True(key.IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => vault.Open(sealedToken, key, Tenant));
        Assert.Equal(Token, vault.Open(sealedToken, clone, Tenant));
    }

    [Fact]
    public void Iterations_can_only_be_raised()
    {
        var pepper = NewPepper();
        Assert.Equal(Kdf.MinimumIterations, new TokenVault(pepper).Iterations);
        Assert.Equal(700_000, new TokenVault(pepper, 700_000).Iterations);
        Assert.Throws<ArgumentOutOfRangeException>(() => new TokenVault(pepper, 599_999));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TokenVault(pepper, Kdf.MaximumIterations + 1));
    }

    [Fact]
    public void Production_vault_refuses_records_below_the_minimum()
    {
        var pepper = NewPepper();
        var (_, key) = FastVault(pepper).Seal(Token, Tenant);
        var weak = FastVault(pepper).WrapWithPin(key, "4821", Tenant, Member);
        var production = new TokenVault(pepper);
        Assert.True(production.NeedsRewrap(weak));
        Assert.Throws<CryptographicException>(() => production.TryUnwrapWithPin(weak, "4821", Tenant, Member));
    }

    [Fact]
    public void Default_vault_uses_600k_iterations_for_real()
    {
        Assert.True(Kdf.MinimumIterations >= 600_000);
        var vault = new TokenVault(NewPepper());
        var (sealedToken, key) = vault.Seal(Token, Tenant);

        var watch = Stopwatch.StartNew();
        var wrapped = vault.WrapWithPin(key, "4821", Tenant, Member);
        var wrapTime = watch.Elapsed;
        Assert.Equal(600_000, wrapped.Iterations);
        Assert.False(vault.NeedsRewrap(wrapped));

        watch.Restart();
        using var unwrapped = vault.TryUnwrapWithPin(wrapped, "4821", Tenant, Member);
        output.WriteLine($"PBKDF2 x {wrapped.Iterations}: wrap {wrapTime.TotalMilliseconds:F0} ms, unwrap {watch.Elapsed.TotalMilliseconds:F0} ms");
        Assert.NotNull(unwrapped);
        Assert.Equal(Token, vault.Open(sealedToken, unwrapped, Tenant));
    }

    [Fact]
    public void Records_round_trip_through_the_LiteDB_mapper()
    {
        var vault = FastVault();
        var (sealedToken, key) = vault.Seal(Token, Tenant);
        var wrapped = vault.WrapWithPin(key, "4821", Tenant, Member);
        var mapper = new LiteDB.BsonMapper();

        var s2 = mapper.ToObject<SealedToken>(mapper.ToDocument(sealedToken));
        var w2 = mapper.ToObject<WrappedKey>(mapper.ToDocument(wrapped));

        Assert.Equal(wrapped.Iterations, w2.Iterations);
        Assert.Equal(wrapped.Kind, w2.Kind);
        using var unwrapped = vault.TryUnwrapWithPin(w2, "4821", Tenant, Member);
        Assert.Equal(Token, vault.Open(s2, unwrapped!, Tenant));
    }
}
