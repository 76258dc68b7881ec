using System.Collections.Concurrent;
using UzumBot.Security;
using UzumBot.Uzum;

namespace UzumBot.Conversation;

/// <summary>
/// What onboarding holds between steps and must never write to disk: the checked token (until the PIN seals it),
/// an invitee's opened data key (until their PIN wraps it), and the PIN's first entry (until it is repeated).
/// In memory only, with a short expiry; lost in a restart, in which case the user is asked again.
/// </summary>
public sealed class PendingSecrets(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<long, Entry> _byChat = new();
    private readonly ConcurrentDictionary<long, (string Code, DateTimeOffset ExpiresAt)> _startCodes = new();

    /// <summary>A deep-link code (/start CODE) waiting for the language choice; null clears it.</summary>
    public void PutStartCode(long chatId, string? code)
    {
        if (code is null) _startCodes.TryRemove(chatId, out _);
        else _startCodes[chatId] = (code, time.GetUtcNow() + Lifetime);
    }

    public string? TakeStartCode(long chatId) =>
        _startCodes.TryRemove(chatId, out var entry) && entry.ExpiresAt > time.GetUtcNow() ? entry.Code : null;

    /// <param name="Invite">Set when a team member joins an existing tenant.</param>
    public sealed record Entry(UzumToken Token, IReadOnlyList<Shop> Shops, bool IsDemo, string? FirstPin, DateTimeOffset ExpiresAt, PendingInvite? Invite = null);

    /// <summary>An invite redeemed but not finished: the tenant, the role, and the data key opened with the code.</summary>
    public sealed record PendingInvite(string TenantId, Role Role, string CodeHash, DataKey Key);

    public void PutToken(long chatId, UzumToken token, IReadOnlyList<Shop> shops, bool isDemo) =>
        Replace(chatId, new Entry(token, shops, isDemo, null, time.GetUtcNow() + Lifetime));

    /// <summary>Takes ownership of the invite's key.</summary>
    public void PutInvite(long chatId, UzumToken token, IReadOnlyList<Shop> shops, bool isDemo, PendingInvite invite) =>
        Replace(chatId, new Entry(token, shops, isDemo, null, time.GetUtcNow() + Lifetime, invite));

    public bool TryGet(long chatId, out Entry entry)
    {
        if (_byChat.TryGetValue(chatId, out var found) && found.ExpiresAt > time.GetUtcNow())
        {
            entry = found;
            return true;
        }
        Forget(chatId);
        entry = null!;
        return false;
    }

    public void PutFirstPin(long chatId, string? pin)
    {
        if (TryGet(chatId, out var entry)) _byChat[chatId] = entry with { FirstPin = pin };
    }

    public void Forget(long chatId)
    {
        if (_byChat.TryRemove(chatId, out var entry)) entry.Invite?.Key.Dispose();
    }

    private void Replace(long chatId, Entry entry)
    {
        Forget(chatId);
        _byChat[chatId] = entry;
    }
}
