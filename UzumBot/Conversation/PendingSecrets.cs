using System.Collections.Concurrent;
using UzumBot.Uzum;

namespace UzumBot.Conversation;

/// <summary>
/// What onboarding holds between steps and must never write to disk: the checked token (until the PIN seals it)
/// and the PIN's first entry (until it is repeated). In memory only, with a short expiry; lost in a restart, in
/// which case the user is asked again.
/// </summary>
public sealed class PendingSecrets(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<long, Entry> _byChat = new();

    public sealed record Entry(UzumToken Token, IReadOnlyList<Shop> Shops, bool IsDemo, string? FirstPin, DateTimeOffset ExpiresAt);

    public void PutToken(long chatId, UzumToken token, IReadOnlyList<Shop> shops, bool isDemo) =>
        _byChat[chatId] = new Entry(token, shops, isDemo, null, time.GetUtcNow() + Lifetime);

    public bool TryGet(long chatId, out Entry entry)
    {
        if (_byChat.TryGetValue(chatId, out var found) && found.ExpiresAt > time.GetUtcNow())
        {
            entry = found;
            return true;
        }
        _byChat.TryRemove(chatId, out _);
        entry = null!;
        return false;
    }

    public void PutFirstPin(long chatId, string? pin)
    {
        if (TryGet(chatId, out var entry)) _byChat[chatId] = entry with { FirstPin = pin };
    }

    public void Forget(long chatId) => _byChat.TryRemove(chatId, out _);
}
