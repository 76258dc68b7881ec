using UzumBot.Security;
using UzumBot.Storage;
using UzumBot.Telegram;

namespace UzumBot.Features.Automation;

/// <summary>
/// Each member's automation settings (alerts, summary, quiet hours) with defaults by role, and whether Telegram
/// lets the bot push to them (a 403 marks them until they write again).
/// </summary>
public sealed class MemberPreferences(Database db, TimeProvider time) : IPushRecipients
{
    /// <summary>The member's settings; defaults (not stored) until they change one.</summary>
    public AutomationMemberDocument For(MemberDocument member) =>
        db.AutomationMembers.FindById(member.UserId) is { } stored && stored.TenantId == member.TenantId
            ? stored
            : Defaults(member);

    public static AutomationMemberDocument Defaults(MemberDocument member)
    {
        var role = Enum.TryParse<Role>(member.Role, out var r) ? r : Role.Viewer;
        return new AutomationMemberDocument
        {
            UserId = member.UserId,
            TenantId = member.TenantId,
            Alerts = Permissions.Allows(role, Permission.ActOnOrders),
            Summary = role == Role.Owner,
        };
    }

    public AutomationMemberDocument Change(MemberDocument member, Action<AutomationMemberDocument> change)
    {
        var prefs = For(member);
        change(prefs);
        db.AutomationMembers.Upsert(prefs);
        return prefs;
    }

    /// <summary>Alerts go to members who act on orders and kept them on; the summary to money readers who subscribed.</summary>
    public static bool WantsAlerts(MemberDocument member, AutomationMemberDocument prefs) =>
        prefs.Alerts && Allows(member, Permission.ActOnOrders);

    public static bool WantsSummary(MemberDocument member, AutomationMemberDocument prefs) =>
        prefs.Summary && Allows(member, Permission.ViewMoney);

    public static bool Allows(MemberDocument member, Permission permission) =>
        Enum.TryParse<Role>(member.Role, out var role) && Permissions.Allows(role, permission);

    public static QuietHours Quiet(AutomationMemberDocument prefs) => new(prefs.QuietFromMinutes, prefs.QuietToMinutes);

    public bool IsBlocked(long chatId) => db.AutomationMembers.FindById(chatId)?.BlockedAt is not null;

    public void MarkBlocked(long chatId)
    {
        if (db.Members.FindById(chatId) is not { } member) return;
        Change(member, p => p.BlockedAt = time.GetUtcNow().UtcDateTime);
    }

    public void Heard(long chatId)
    {
        if (db.AutomationMembers.FindById(chatId) is { BlockedAt: not null } prefs)
        {
            prefs.BlockedAt = null;
            db.AutomationMembers.Update(prefs);
        }
    }
}
