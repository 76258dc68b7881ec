using UzumBot.Rendering;
using UzumBot.Security;
using UzumBot.Storage;

namespace UzumBot.Features.Automation;

/// <summary>
/// ⚙️ → 🤖 Automation: the owner's opt-in (the trade-off explained, ✅ to enable, ⛔ deletes the server wrap at
/// once) and the low-stock threshold; every member's own alerts, summary time and quiet hours.
/// </summary>
public sealed class AutomationFeature(AutomationAccess access, MemberPreferences preferences, Database db, AuditLog audit) : IFeature
{
    public const string Home = "au";
    public const string Enable = "aue";
    public const string Disable = "aud";
    public const string ToggleAlerts = "aua";
    public const string ToggleSummary = "aus";
    public const string ShiftSummary = "aut";
    public const string CycleQuiet = "auq";
    public const string CycleLowStock = "aul";

    public const string EnabledAction = "automation.enabled";
    public const string DisabledAction = "automation.disabled";

    public static readonly IReadOnlyList<int> LowStockChoices = [3, 5, 7, 10, 14];

    public IReadOnlyDictionary<string, Permission> Commands { get; } = new Dictionary<string, Permission>
    {
        [Home] = Permission.OwnSettings,
        [Enable] = Permission.ManageAutomation,
        [Disable] = Permission.ManageAutomation,
        [ToggleAlerts] = Permission.ActOnOrders,
        [ToggleSummary] = Permission.ViewMoney,
        [ShiftSummary] = Permission.ViewMoney,
        [CycleQuiet] = Permission.OwnSettings,
        [CycleLowStock] = Permission.ManageAutomation,
    };

    public Task<Reply> HandleAsync(SessionContext session, CallbackCommand command, CancellationToken ct)
    {
        var member = session.Member;
        string? notice = null;
        switch (command.Name)
        {
            case Enable when !session.Plan.Automation:
                notice = session.T("automation.plan_lacks");
                break;
            case Enable:
                access.Enable(session.Tenant, session.Unlocked.Key, member.UserId);
                audit.Record(EnabledAction, member.UserId, session.Update.ChatId, tenantId: session.Tenant.Id);
                notice = session.T("automation.enabled");
                break;
            case Disable:
                access.Disable(session.Tenant.Id);
                audit.Record(DisabledAction, member.UserId, session.Update.ChatId, tenantId: session.Tenant.Id);
                notice = session.T("automation.disabled");
                break;
            case ToggleAlerts:
                preferences.Change(member, p => p.Alerts = !p.Alerts);
                break;
            case ToggleSummary:
                preferences.Change(member, p => p.Summary = !p.Summary);
                ResetSummaryJob(session);
                break;
            case ShiftSummary when int.TryParse(command.Arg(0), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var step):
                preferences.Change(member, p => p.SummaryAtMinutes = QuietHours.Wrap(p.SummaryAtMinutes + Math.Clamp(step, -60, 60)));
                ResetSummaryJob(session);
                break;
            case CycleQuiet:
                preferences.Change(member, p =>
                {
                    var next = MemberPreferences.Quiet(p).NextPreset();
                    (p.QuietFromMinutes, p.QuietToMinutes) = (next.FromMinutes, next.ToMinutes);
                });
                ResetSummaryJob(session);
                break;
            case CycleLowStock:
                var current = access.Find(session.Tenant.Id)?.LowStockDays ?? 7;
                var index = LowStockChoices.ToList().IndexOf(current);
                access.SetLowStockDays(session.Tenant.Id, LowStockChoices[(index + 1) % LowStockChoices.Count]);
                break;
        }
        var screen = AutomationScreens.Home(session, access.Find(session.Tenant.Id), preferences.For(member));
        return Task.FromResult(new Reply { Screen = screen, Notice = notice });
    }

    /// <summary>The scheduler recreates the member's summary job from the new settings on its next tick.</summary>
    private void ResetSummaryJob(SessionContext session) =>
        db.Jobs.Delete(AutomationScheduler.SummaryJobId(session.Tenant.Id, session.Member.UserId));
}
