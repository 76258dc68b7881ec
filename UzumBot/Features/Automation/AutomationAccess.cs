using System.Security.Cryptography;
using UzumBot.Security;
using UzumBot.Storage;
using UzumBot.Uzum;

namespace UzumBot.Features.Automation;

/// <summary>
/// The owner's opt-in (product §4): enabling stores one more wrap of the tenant's data key, under the server key,
/// so jobs can open the token while nobody is signed in; disabling deletes that wrap at once (and compacts the
/// data file, so its bytes do not linger in a free page) and every job of the tenant with it.
/// </summary>
public sealed class AutomationAccess(Database db, TokenVault vault, ServerKey serverKey, TimeProvider time)
{
    private readonly Lock _writes = new();

    public AutomationDocument? Find(string tenantId) => db.Automation.FindById(tenantId);

    public bool IsEnabled(string tenantId) => Find(tenantId)?.ServerWrap is not null;

    /// <summary><paramref name="key"/> is the unlocked owner's data key (not taken over).</summary>
    public void Enable(TenantDocument tenant, DataKey key, long ownerId)
    {
        lock (_writes) EnableLocked(tenant, key, ownerId);
    }

    private void EnableLocked(TenantDocument tenant, DataKey key, long ownerId)
    {
        var doc = Find(tenant.Id) ?? new AutomationDocument { TenantId = tenant.Id };
        doc.ServerWrap = vault.WrapWithServerKey(key, serverKey, tenant.Id);
        doc.ServerKeyId = serverKey.CurrentId;
        doc.EnabledBy = ownerId;
        doc.EnabledAt = time.GetUtcNow().UtcDateTime;
        doc.BaselineTaken = false;
        doc.TokenRefusedAt = null;
        db.Automation.Upsert(doc);
    }

    public void Disable(string tenantId)
    {
        Forget(tenantId, keepSettings: true);
        db.Compact();
    }

    /// <summary>Drops the wrap and all pending work; with <paramref name="keepSettings"/> false (tenant gone) everything.</summary>
    internal void Forget(string tenantId, bool keepSettings)
    {
        lock (_writes) ForgetLocked(tenantId, keepSettings);
    }

    private void ForgetLocked(string tenantId, bool keepSettings)
    {
        if (Find(tenantId) is { } doc)
        {
            if (keepSettings)
            {
                doc.ServerWrap = null;
                doc.ServerKeyId = null;
                doc.TokenRefusedAt = null;
                db.Automation.Update(doc);
            }
            else
            {
                db.Automation.Delete(tenantId);
            }
        }
        db.Jobs.DeleteMany(j => j.TenantId == tenantId);
        db.HeldAlerts.DeleteMany(h => h.TenantId == tenantId);
        db.AnnouncedOrders.DeleteMany(a => a.TenantId == tenantId);
        if (!keepSettings)
        {
            db.Notices.DeleteMany(n => n.TenantId == tenantId);
            db.AutomationMembers.DeleteMany(m => m.TenantId == tenantId);
        }
    }

    /// <summary>The tenant's token opened with the server wrap; null when automation is off or the wrap no longer fits.</summary>
    public UzumToken? OpenToken(TenantDocument tenant)
    {
        if (Find(tenant.Id) is not { ServerWrap: { } wrap, ServerKeyId: { } keyId } || tenant.SealedToken is null) return null;
        using var key = vault.TryUnwrapWithServerKey(wrap, serverKey, keyId, tenant.Id);
        if (key is null) return null;
        try { return new UzumToken(vault.Open(tenant.SealedToken, key, tenant.Id)); }
        catch (CryptographicException) { return null; }
    }

    /// <summary>The token was reconnected under a new data key: an enabled tenant keeps automation (re-wrapped) and its pause ends.</summary>
    public void Rekeyed(TenantDocument tenant, DataKey newKey) => Change(tenant.Id, doc =>
    {
        doc.ServerWrap = vault.WrapWithServerKey(newKey, serverKey, tenant.Id);
        doc.ServerKeyId = serverKey.CurrentId;
        doc.TokenRefusedAt = null;
    });

    public void MarkTokenRefused(string tenantId) => Change(tenantId, doc => doc.TokenRefusedAt = time.GetUtcNow().UtcDateTime);

    public void MarkBaselineTaken(string tenantId) => Change(tenantId, doc => doc.BaselineTaken = true);

    public void SetLowStockDays(string tenantId, int days)
    {
        lock (_writes)
        {
            var doc = Find(tenantId) ?? new AutomationDocument { TenantId = tenantId };
            doc.LowStockDays = days;
            db.Automation.Upsert(doc);
        }
    }

    /// <summary>Changes an enabled tenant's document on a fresh read, so a job never writes back a wrap that was just deleted.</summary>
    private void Change(string tenantId, Action<AutomationDocument> change)
    {
        lock (_writes)
        {
            if (Find(tenantId) is not { ServerWrap: not null } doc) return;
            change(doc);
            db.Automation.Update(doc);
        }
    }
}
