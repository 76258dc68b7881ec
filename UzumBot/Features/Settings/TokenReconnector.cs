using UzumBot.Conversation;
using UzumBot.Security;
using UzumBot.Storage;
using UzumBot.Uzum;

namespace UzumBot.Features.Settings;

/// <summary>
/// Re-seals a tenant under a checked new token with a brand-new data key. Only the owner gets a wrap of the new key;
/// the other members keep their records but lose their wraps (so nothing of the old key is left to open), open
/// invites are revoked, and every other session of the tenant is locked.
/// </summary>
public sealed class TokenReconnector(Database db, TokenVault vault, TokenFingerprint fingerprints, AccessCodeStore codes, UnlockedSessions sessions)
{
    /// <summary>True when the token is already connected to a different tenant (one token, one owner).</summary>
    public bool BelongsToAnotherTenant(UzumToken token, string tenantId)
    {
        var fingerprint = fingerprints.Compute(token);
        return db.Tenants.Find(t => t.TokenFingerprint == fingerprint).Any(t => t.Id != tenantId && !t.IsDemo);
    }

    public async Task ReconnectAsync(SessionContext session, UzumToken token, IReadOnlyList<Shop> shops, string pin, CancellationToken ct)
    {
        var tenant = db.Tenants.FindById(session.Tenant.Id) ?? throw new InvalidOperationException("The tenant is gone.");
        var owner = session.Member;
        var (sealedToken, key) = vault.Seal(token.Value, tenant.Id);
        try
        {
            var wrap = await Task.Run(() => vault.WrapWithPin(key, pin, tenant.Id, owner.UserId), ct);

            tenant.SealedToken = sealedToken;
            tenant.TokenFingerprint = tenant.IsDemo ? "demo:" + tenant.Id : fingerprints.Compute(token);
            tenant.Shops = shops.Select(s => new ShopDocument { Id = s.Id, Name = s.Name ?? s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }).ToList();
            if (tenant.SelectedShopId is { } selected && !shops.Any(s => s.Id == selected)) tenant.SelectedShopId = null;
            db.Tenants.Update(tenant);

            owner.PinWrap = wrap;
            owner.PinFailures = 0;
            owner.PinLockoutLevel = 0;
            owner.PinLockedUntil = null;
            db.Members.Update(owner);

            var others = db.Members.Find(m => m.TenantId == tenant.Id && m.UserId != owner.UserId).ToArray();
            foreach (var member in others)
            {
                member.PinWrap = null;
                db.Members.Update(member);
            }
            foreach (var invite in codes.OpenInvites(tenant.Id)) codes.Revoke(tenant.Id, invite.Hash);
            sessions.LockAll(others.Select(m => m.UserId));

            sessions.Unlock(owner.UserId, token, key);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }
}
