using UzumBot.Security;
using UzumBot.Storage;
using UzumBot.Uzum;

namespace UzumBot.Conversation;

/// <summary>
/// Connects a tenant to a (new or the same) token under a NEW data key: the owner's PIN wraps it; every other
/// member's wrap of the old key is dropped and open invites are revoked, so nobody opens the shop with an old
/// secret. Team members come back through new invites. Used for "forgot my PIN" and for reconnecting a token.
/// </summary>
public sealed class TenantRekey(Database db, TokenVault vault, TokenFingerprint fingerprints, AccessCodeStore codes, UnlockedSessions sessions, AuditLog audit, Features.Automation.AutomationAccess automation)
{
    /// <summary>True when <paramref name="token"/> belongs to the tenant's seller: the same token, or one that sees the same shops.</summary>
    public bool BelongsTo(TenantDocument tenant, UzumToken token, IReadOnlyList<Shop> shops) =>
        TokenFingerprint.Matches(tenant.TokenFingerprint, fingerprints.Compute(token))
        || shops.Any(s => tenant.Shops.Any(t => t.Id == s.Id));

    /// <summary>Another tenant already holds this token.</summary>
    public bool TakenElsewhere(TenantDocument tenant, UzumToken token)
    {
        var fingerprint = fingerprints.Compute(token);
        return db.Tenants.FindOne(t => t.TokenFingerprint == fingerprint && t.Id != tenant.Id) is not null;
    }

    /// <summary>Re-seals and re-wraps (PBKDF2: call from a background thread). Returns the new data key, owned by the caller.</summary>
    public DataKey Rekey(TenantDocument tenant, MemberDocument owner, UzumToken token, IReadOnlyList<Shop> shops, string pin, long chatId)
    {
        var (sealedToken, key) = vault.Seal(token.Value, tenant.Id);
        var wrap = vault.WrapWithPin(key, pin, tenant.Id, owner.UserId);

        tenant.SealedToken = sealedToken;
        tenant.TokenFingerprint = tenant.IsDemo ? tenant.TokenFingerprint : fingerprints.Compute(token);
        tenant.Shops = shops.Select(s => new ShopDocument { Id = s.Id, Name = s.Name ?? s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }).ToList();
        if (tenant.SelectedShopId is { } selected && tenant.Shops.All(s => s.Id != selected)) tenant.SelectedShopId = null;
        db.Tenants.Update(tenant);
        db.UpdateMember(owner.UserId, m =>
        {
            m.PinWrap = wrap;
            m.PinFailures = 0;
            m.PinLockoutLevel = 0;
            m.PinLockedUntil = null;
        });
        owner.PinWrap = wrap;

        foreach (var member in db.Members.Find(m => m.TenantId == tenant.Id && m.UserId != owner.UserId).ToArray())
        {
            db.UpdateMember(member.UserId, m => m.PinWrap = null);
            sessions.Lock(member.UserId);
        }
        foreach (var invite in codes.OpenInvites(tenant.Id)) codes.Revoke(tenant.Id, invite.Hash);
        // Automation stays on across a reconnect: its server wrap follows the new key, and a token pause ends.
        automation.Rekeyed(tenant, key);
        audit.Record(AuditActions.TokenReconnected, owner.UserId, chatId, tenantId: tenant.Id);
        return key;
    }
}
