using UzumBot.Security;

namespace UzumBot.Storage;

/// <summary>Access codes: created (shown once, stored as SHA-256), looked up and consumed.</summary>
public sealed class AccessCodeStore(Database db, TimeProvider time)
{
    /// <summary>Creates a code and returns it in display form; only its hash is stored.</summary>
    public string Create(Role role, int uses, TimeSpan validFor, string? tenantId = null, long? createdBy = null)
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
            CreatedAt = now.UtcDateTime,
            CreatedBy = createdBy,
        });
        return code;
    }

    public AccessCodeGrant? Find(string hash)
    {
        var doc = db.AccessCodes.FindById(hash);
        return doc is null
            ? null
            : new AccessCodeGrant(doc.Hash, Enum.Parse<Role>(doc.Role), new DateTimeOffset(doc.ExpiresAt, TimeSpan.Zero), doc.UsesLeft, doc.TenantId);
    }

    /// <summary>Checks a typed code; the grant comes back only when it is valid now.</summary>
    public (AccessCodeStatus Status, AccessCodeGrant? Grant) Check(string? typed)
    {
        var hash = AccessCodeHasher.TryHash(typed);
        var grant = hash is null ? null : Find(hash);
        var status = AccessCodeCheck.Check(grant, time.GetUtcNow());
        return (status, status == AccessCodeStatus.Valid ? grant : null);
    }

    /// <summary>Uses one use of the code; false when it was used up or expired in the meantime.</summary>
    public bool TryConsume(string hash)
    {
        var doc = db.AccessCodes.FindById(hash);
        if (doc is null || doc.UsesLeft < 1 || doc.ExpiresAt <= time.GetUtcNow().UtcDateTime) return false;
        doc.UsesLeft--;
        return db.AccessCodes.Update(doc);
    }
}
