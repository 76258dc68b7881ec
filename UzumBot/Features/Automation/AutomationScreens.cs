using System.Text;
using UzumBot.Features.Settings;
using UzumBot.Localization;
using UzumBot.Rendering;
using UzumBot.Security;
using UzumBot.Storage;

namespace UzumBot.Features.Automation;

/// <summary>The 🤖 Automation settings screen. Pure.</summary>
public static class AutomationScreens
{
    public static Screen Home(SessionContext session, AutomationDocument? automation, AutomationMemberDocument prefs)
    {
        var enabled = automation?.ServerWrap is not null;
        var isOwner = session.Role == Role.Owner;
        var text = new StringBuilder("🤖 <b>").Append(session.T("automation.title")).Append("</b>\n\n");
        if (!session.Plan.Automation)
            text.Append(session.F("automation.plan_lacks_line", Html.Encode(session.Plan.Name))).Append("\n\n");
        if (enabled)
        {
            text.Append(session.F("automation.state.on", Formats.DateTime(new DateTimeOffset(DateTime.SpecifyKind(automation!.EnabledAt ?? default, DateTimeKind.Utc)))));
            if (automation.TokenRefusedAt is not null) text.Append('\n').Append(session.T("automation.token.paused"));
        }
        else
        {
            text.Append(session.T("automation.state.off"));
            if (isOwner) text.Append("\n\n").Append(session.T("automation.explain"));
        }

        var quiet = MemberPreferences.Quiet(prefs);
        text.Append("\n\n<b>").Append(session.T("automation.yours")).Append("</b>");
        var keyboard = new Keyboard();
        if (session.Can(Permission.ActOnOrders))
        {
            text.Append('\n').Append(session.F("automation.alerts", OnOff(session, prefs.Alerts)));
            keyboard.Row(new Button(session.F("automation.button.alerts", OnOff(session, prefs.Alerts)), CallbackData.Encode(AutomationFeature.ToggleAlerts)));
        }
        if (session.Can(Permission.ViewMoney))
        {
            text.Append('\n').Append(session.F("automation.summary", OnOff(session, prefs.Summary), QuietHours.Clock(prefs.SummaryAtMinutes)));
            keyboard.Row(
                new Button(session.F("automation.button.summary", OnOff(session, prefs.Summary)), CallbackData.Encode(AutomationFeature.ToggleSummary)),
                new Button("−1 " + session.T("automation.hour"), CallbackData.Encode(AutomationFeature.ShiftSummary, -60)),
                new Button("+1 " + session.T("automation.hour"), CallbackData.Encode(AutomationFeature.ShiftSummary, 60)));
        }
        text.Append('\n').Append(quiet.IsNone
            ? session.T("automation.quiet.none")
            : session.F("automation.quiet", QuietHours.Clock(quiet.FromMinutes), QuietHours.Clock(quiet.ToMinutes)));
        keyboard.Row(new Button(session.T("automation.button.quiet"), CallbackData.Encode(AutomationFeature.CycleQuiet)));
        if (isOwner)
        {
            var days = automation?.LowStockDays ?? 7;
            text.Append('\n').Append(session.F("automation.low_stock", days));
            keyboard.Row(new Button(session.F("automation.button.low_stock", days), CallbackData.Encode(AutomationFeature.CycleLowStock)));
            keyboard.Row(enabled
                ? new Button(session.T("automation.button.disable"), CallbackData.Encode(AutomationFeature.Disable))
                : new Button(session.T("automation.button.enable"), CallbackData.Encode(AutomationFeature.Enable)));
        }
        else if (!enabled)
        {
            text.Append("\n\n").Append(session.T("automation.owner_off"));
        }
        keyboard.Row(new Button(session.T("settings.button.back"), CallbackData.Encode(SettingsFeature.Home)));
        return new Screen(text.ToString(), keyboard.Build());
    }

    private static string OnOff(SessionContext session, bool on) => session.T(on ? "automation.on" : "automation.off");
}
