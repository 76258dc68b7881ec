using Microsoft.Extensions.Time.Testing;
using UzumBot.Security;
using UzumBot.Storage;

namespace UzumBot.Tests.Storage;

public sealed class AccessCodeStoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "uzumbot-codes-" + Guid.NewGuid().ToString("N"));
    private readonly Database _db;

    public AccessCodeStoreTests() => _db = new Database(Path.Combine(_folder, "data.db"));

    [Fact]
    public async Task A_one_use_code_raced_by_eight_redeemers_is_used_once()
    {
        var store = new AccessCodeStore(_db, TimeProvider.System);
        for (var round = 0; round < 20; round++)
        {
            var code = store.Create(Role.Owner, uses: 1, TimeSpan.FromHours(1));
            var hash = AccessCodeHasher.Hash(code);
            using var start = new ManualResetEventSlim();
            var racers = Enumerable.Range(0, 8).Select(_ => Task.Run(() => { start.Wait(); return store.TryConsume(hash); })).ToArray();
            start.Set();
            var wins = (await Task.WhenAll(racers)).Count(won => won);
            Assert.Equal(1, wins);
            Assert.Equal(CodeVerdict.UsedUp, store.Check(code).Verdict);
        }
    }

    [Fact]
    public void An_expired_invite_keeps_no_wrap_of_the_key()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var store = new AccessCodeStore(_db, clock);
        var wrap = new WrappedKey { Version = 1, Kind = WrapKind.InviteCode, Iterations = 1, Salt = new byte[16], Nonce = new byte[12], Ciphertext = new byte[32], Tag = new byte[16] };
        var code = store.CreateInvite("t1", Role.Manager, 3, TimeSpan.FromHours(1), 1, _ => wrap);
        Assert.NotNull(_db.AccessCodes.FindById(AccessCodeHasher.Hash(code)).KeyWrap);

        clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(CodeVerdict.Expired, store.Check(code).Verdict);
        Assert.Null(_db.AccessCodes.FindById(AccessCodeHasher.Hash(code)).KeyWrap);
    }

    public void Dispose()
    {
        _db.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
