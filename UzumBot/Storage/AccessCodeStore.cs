using UzumBot.Security;

namespace UzumBot.Storage;

/// <summary>How a typed code fares: the security check's verdict plus revocation, which only the store knows.</summary>
public enum CodeVerdict
{
    Valid,
    Expired,
    UsedUp,
    Revoked,
    Unknown,
}

/// <summary>Access codes: owner codes from the operator, team invites from an owner. Shown once, stored as SHA-256.</summary>
public sealed class AccessCodeStore(Database db, TimeProvider time)
{
    /// <summary>Read-decrement-write of a use is one step: two people racing for a 1-use code cannot both get it.</summary>
    private readonly object _consume = new();

    /// <summary>Creates an owner code and returns it in display form.</summary>
    public string Create(Role role, int uses, TimeSpan validFor, string? tenantId = null, long? createdBy = null) =>
        Insert(role, uses, validFor, tenantId, createdBy, keyWrap: null);

    /// <summary>
    /// Creates a team invite: <paramref name="wrapUnderCode"/> wraps the tenant's data key under the new code, so
    /// redeeming it can open the key without the owner's PIN.
    /// </summary>
    public string CreateInvite(string tenantId, Role role, int uses, TimeSpan validFor, long createdBy, Func<string, WrappedKey> wrapUnderCode)
    {
        if (role == Role.Owner) throw new ArgumentException("An invite is for a manager or a viewer.", nameof(role));
        return Insert(role, uses, validFor, tenantId, createdBy, wrapUnderCode);
    }

    private string Insert(Role role, int uses, TimeSpan validFor, string? tenantId, long? createdBy, Func<string, WrappedKey>? keyWrap)
    {
        if (uses < 1) throw new ArgumentOutOfRangeException(nameof(uses), "A code needs at least one use.");
        if (validFor <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(validFor), "A code must be valid for some time.");
        var code = AccessCodeGenerator.New();
        var now = time.GetUtcNow();
        db.AccessCodes.Insert(new AccessCodeDocument
        {
            Hash = AccessCodeHasher.Hash(code),
            Role = role.ToString(),
            TenantId = tenantId,
            ExpiresAt = (now + validFor).UtcDateTime,
            UsesLeft = uses,
            Uses = uses,
            CreatedAt = now.UtcDateTime,
            CreatedBy = createdBy,
            KeyWrap = keyWrap?.Invoke(code),
        });
        return code;
    }

    /// <summary>Checks a typed code; the stored code comes back only when it is valid now.</summary>
    public (CodeVerdict Verdict, AccessCodeDocument? Code) Check(string? typed)
    {
        SweepExpired();
        var hash = AccessCodeHasher.TryHash(typed);
        var doc = hash is null ? null : db.AccessCodes.FindById(hash);
        if (doc is null) return (CodeVerdict.Unknown, null);
        if (doc.Revoked) return (CodeVerdict.Revoked, null);
        var grant = new AccessCodeGrant(doc.Hash, Enum.Parse<Role>(doc.Role), Utc(doc.ExpiresAt), doc.UsesLeft, doc.TenantId);
        return AccessCodeCheck.Check(grant, time.GetUtcNow()) switch
        {
            AccessCodeStatus.Valid => (CodeVerdict.Valid, doc),
            AccessCodeStatus.Expired => (CodeVerdict.Expired, null),
            AccessCodeStatus.UsedUp => (CodeVerdict.UsedUp, null),
            _ => (CodeVerdict.Unknown, null),
        };
    }

    /// <summary>Uses one use of the code; false when it was used up, expired or revoked in the meantime.</summary>
    public bool TryConsume(string hash)
    {
        lock (_consume)
        {
            var doc = db.AccessCodes.FindById(hash);
            if (doc is null || doc.Revoked || doc.UsesLeft < 1 || doc.ExpiresAt <= time.GetUtcNow().UtcDateTime) return false;
            doc.UsesLeft--;
            if (doc.UsesLeft == 0) doc.KeyWrap = null; // a spent invite keeps no wrap of the key
            return db.AccessCodes.Update(doc);
        }
    }

    /// <summary>Expired invites drop their wrap of the data key: an old code must not open the current key.</summary>
    public int SweepExpired()
    {
        var now = time.GetUtcNow().UtcDateTime;
        var stale = db.AccessCodes.Find(c => c.KeyWrap != null && c.ExpiresAt <= now).ToArray();
        foreach (var doc in stale)
        {
            doc.KeyWrap = null;
            db.AccessCodes.Update(doc);
        }
        return stale.Length;
    }

    /// <summary>The tenant's invites that can still be used, newest first.</summary>
    public IReadOnlyList<AccessCodeDocument> OpenInvites(string tenantId)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.AccessCodes.Find(c => c.TenantId == tenantId && !c.Revoked && c.UsesLeft > 0 && c.ExpiresAt > now)
            .OrderByDescending(c => c.CreatedAt).ToArray();
    }

    /// <summary>Revokes an invite of this tenant (its key wrap is dropped at once); false when there is none.</summary>
    public bool Revoke(string tenantId, string hash)
    {
        var doc = db.AccessCodes.FindById(hash);
        if (doc is null || doc.TenantId != tenantId) return false;
        doc.Revoked = true;
        doc.KeyWrap = null;
        return db.AccessCodes.Update(doc);
    }

    public void DeleteTenantCodes(string tenantId) => db.AccessCodes.DeleteMany(c => c.TenantId == tenantId);

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
