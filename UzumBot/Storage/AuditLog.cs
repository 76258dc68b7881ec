namespace UzumBot.Storage;

/// <summary>What the audit log records. Stored as text, so new actions need no migration.</summary>
public static class AuditActions
{
    public const string SignInCode = "signin.code";
    public const string SignInPin = "signin.pin";
    public const string SignInWindow = "signin.window";
    public const string SignInInvite = "signin.invite";
    public const string TenantCreated = "tenant.created";
    public const string InviteCreated = "invite.created";
    public const string InviteRedeemed = "invite.redeemed";
    public const string InviteRevoked = "invite.revoked";
    public const string RoleChanged = "member.role";
    public const string MemberRemoved = "member.removed";
    public const string MemberLeft = "member.left";
    public const string PinChanged = "pin.changed";
    public const string TokenReconnected = "token.reconnected";
    public const string OrderConfirmed = "order.confirmed";
    public const string OrderCancelled = "order.cancelled";
    public const string OrderHandedOver = "order.handed_over";
    public const string OrderDelivered = "order.delivered";
    public const string ProductStockChanged = "product.stock";
    public const string ProductPriceChanged = "product.price";
    public const string DataDeleted = "data.deleted";
    public const string PlanChanged = "plan.changed";
}

/// <summary>Who did what, when, and whether it worked: sign-ins, invites, team changes, destructive actions.</summary>
public sealed class AuditLog(Database db, TimeProvider time)
{
    public void Record(string action, long userId, long chatId, bool success = true, string? tenantId = null, string? detail = null) =>
        db.Audit.Insert(new AuditDocument
        {
            Action = action, UserId = userId, ChatId = chatId, Success = success, TenantId = tenantId, Detail = detail,
            At = time.GetUtcNow().UtcDateTime,
        });

    public IReadOnlyList<AuditDocument> ForUser(long userId) =>
        db.Audit.Find(a => a.UserId == userId).OrderBy(a => a.At).ToArray();

    /// <summary>The newest entries of a tenant, newest first.</summary>
    public IReadOnlyList<AuditDocument> Latest(string tenantId, int count = 50) =>
        db.Audit.Find(a => a.TenantId == tenantId).OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(count).ToArray();
}
