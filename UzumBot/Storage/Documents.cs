using LiteDB;
using UzumBot.Security;

namespace UzumBot.Storage;

// The documents LiteDB stores. Secrets are only ever stored sealed or wrapped (see Security/); nothing here holds a
// token, a PIN or a data key in clear.

/// <summary>One Telegram chat: where its conversation stands and what its menu message is.</summary>
public sealed class ChatDocument
{
    [BsonId] public long ChatId { get; set; }
    public string State { get; set; } = "New";
    public string Language { get; set; } = "ru";
    public bool LanguageChosen { get; set; }
    public long? UserId { get; set; }
    /// <summary>The message the bot edits in place for menus.</summary>
    public int? MenuMessageId { get; set; }
    /// <summary>Hash of the access code accepted at the code step, until onboarding ends.</summary>
    public string? PendingCodeHash { get; set; }
    /// <summary>What the next text message answers (a feature's input name, e.g. "settings.pin.old"); null: nothing.</summary>
    public string? Awaiting { get; set; }
    /// <summary>Short keys for long callback values (search queries and the like), kept server-side.</summary>
    public Dictionary<string, string> Bag { get; set; } = [];
    /// <summary>A button tapped while the chat was locked (e.g. ✅ on an alert): carried out once the PIN is right.</summary>
    public string? TapAfterPin { get; set; }
    public DateTime? TapAfterPinAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A seller account: one UZUM token, its shops, its team.</summary>
public sealed class TenantDocument
{
    [BsonId] public string Id { get; set; } = "";
    public long OwnerUserId { get; set; }
    public bool IsDemo { get; set; }
    /// <summary>Keyed fingerprint of the token: finds a second owner connecting the same token.</summary>
    public string TokenFingerprint { get; set; } = "";
    public SealedToken? SealedToken { get; set; }
    public List<ShopDocument> Shops { get; set; } = [];
    /// <summary>The shop chosen in settings; null means all shops.</summary>
    public long? SelectedShopId { get; set; }
    public string Plan { get; set; } = "BUSINESS";
    /// <summary>A new tenant's BUSINESS trial ends here; after it the plan is FREE unless the operator chose one.</summary>
    public DateTime? TrialEndsAt { get; set; }
    public DateTime CreatedAt { get; set; }
}

public sealed class ShopDocument
{
    public long Id { get; set; }
    public string Name { get; set; } = "";
}

/// <summary>A person in a tenant, keyed by Telegram user id.</summary>
public sealed class MemberDocument
{
    [BsonId] public long UserId { get; set; }
    public string TenantId { get; set; } = "";
    public string Role { get; set; } = "Owner";
    public string? DisplayName { get; set; }
    public WrappedKey? PinWrap { get; set; }
    public int PinFailures { get; set; }
    public int PinLockoutLevel { get; set; }
    public DateTime? PinLockedUntil { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastSeenAt { get; set; }
}

/// <summary>An access code, stored only as its SHA-256 hash.</summary>
public sealed class AccessCodeDocument
{
    [BsonId] public string Hash { get; set; } = "";
    public string Role { get; set; } = "Owner";
    public string? TenantId { get; set; }
    public DateTime ExpiresAt { get; set; }
    public int UsesLeft { get; set; }
    public int Uses { get; set; }
    public DateTime CreatedAt { get; set; }
    public long? CreatedBy { get; set; }
    public bool Revoked { get; set; }
    /// <summary>For a team invite: the tenant's data key wrapped under the code itself.</summary>
    public WrappedKey? KeyWrap { get; set; }
}

/// <summary>One audit entry: who, when, what, and whether it worked. Never holds a secret.</summary>
public sealed class AuditDocument
{
    [BsonId] public ObjectId Id { get; set; } = ObjectId.NewObjectId();
    public string? TenantId { get; set; }
    public long UserId { get; set; }
    public long ChatId { get; set; }
    public string Action { get; set; } = "";
    public bool Success { get; set; }
    /// <summary>A short, non-secret detail: an order id, a role, a plan.</summary>
    public string? Detail { get; set; }
    public DateTime At { get; set; }
}

/// <summary>Per-chat guard against guessing access codes.</summary>
public sealed class CodeAttemptsDocument
{
    [BsonId] public long ChatId { get; set; }
    public int Failures { get; set; }
    public int LockoutLevel { get; set; }
    public DateTime? PausedUntil { get; set; }
}

public sealed class SettingDocument
{
    [BsonId] public string Key { get; set; } = "";
    public string Value { get; set; } = "";
}
