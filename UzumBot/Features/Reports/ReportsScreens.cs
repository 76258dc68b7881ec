using System.Text;
using UzumBot.Documents;
using UzumBot.Features.Finance;
using UzumBot.Features.Menu;
using UzumBot.Localization;
using UzumBot.Rendering;

namespace UzumBot.Features.Reports;

/// <summary>The reports menu, a report's options (period, shop) and the two documents of a finished report.</summary>
public sealed class ReportsScreens(SessionContext session, DateTimeOffset now)
{
    public Screen Home()
    {
        var text = new StringBuilder().Append("📈 <b>").Append(session.T("reports.title")).Append("</b> · ").Append(Html.Encode(session.ShopTitle));
        var keyboard = new Keyboard();
        if (!session.Plan.Reports)
            text.Append("\n\n").Append(session.F("reports.plan_required", Html.Encode(session.Plan.Name)));
        else
        {
            text.Append('\n').Append(session.T("reports.home.hint"));
            keyboard.Grid(ReportKinds.All.Select(k => new Button(session.T("reports.kind." + (int)k), CallbackData.Encode(ReportsFeature.Options, (int)k, 0))), 2);
        }
        return new Screen(text.ToString(), keyboard.Row(MenuScreens.BackToMenu(session.Lang)).Build());
    }

    /// <param name="shopId">0 for the session's shops, else one of them.</param>
    public Screen Options(ReportKind kind, long shopId, string? notice = null)
    {
        var text = new StringBuilder();
        if (notice is not null) text.Append(notice).Append("\n\n");
        text.Append("📈 <b>").Append(session.T("reports.name." + (int)kind)).Append("</b> · ").Append(Html.Encode(ScopeName(shopId)))
            .Append('\n').Append(session.T("reports.about." + (int)kind)).Append("\n\n");
        var periods = ReportKinds.Periods(kind);
        var keyboard = new Keyboard();
        if (periods.Count == 0)
        {
            text.Append(session.T("reports.now"));
            keyboard.Row(new Button(session.T("reports.make"), CallbackData.Encode(ReportsFeature.Make, (int)kind, 0, shopId)));
        }
        else
        {
            text.Append(session.T(kind == ReportKind.DeadStock ? "reports.choose_days" : "reports.choose_period"));
            keyboard.Row(periods.Select(d => new Button(session.F("reports.period.days", d), CallbackData.Encode(ReportsFeature.Make, (int)kind, d, shopId))).ToArray());
        }
        var shops = session.Tenant.Shops.Where(s => session.Owns(s.Id)).ToArray();
        if (shops.Length > 1)
            keyboard.Grid(new[] { (Id: 0L, Name: session.T("reports.scope.all")) }.Concat(shops.Select(s => (s.Id, s.Name)))
                .Select(s => new Button((s.Id == shopId ? "✅ " : "") + s.Name, CallbackData.Encode(ReportsFeature.Options, (int)kind, s.Id))), 3);
        keyboard.Row(new Button(session.T("reports.back_home"), CallbackData.Encode(ReportsFeature.Home)));
        return new Screen(text.ToString(), keyboard.Build());
    }

    /// <summary>The shops a report covers: one chosen on its screen, or the session's (the chosen shop or all).</summary>
    public IReadOnlyList<long> Scope(long shopId) => shopId != 0 && session.Owns(shopId) ? [shopId] : session.ShopIds;

    public string ScopeName(long shopId) => Scope(shopId) is [var one] ? DocumentText.ShopName(session, one) : session.T("reports.scope.all");

    /// <summary>The report as a PDF and an XLSX of the same tables, named by kind and period.</summary>
    public IReadOnlyList<OutgoingDocument> Documents(ReportKind kind, long shopId, ReportInput input)
    {
        var name = session.T("reports.name." + (int)kind);
        var period = PeriodLine(kind, input.Period);
        var report = DocumentText.Report(session, name, ScopeName(shopId), period, now, new ReportTables(session).For(kind, input));
        var file = $"report-{ReportKinds.Slug(kind)}-{input.Period.First:yyyy-MM-dd}-{input.Period.Last:yyyy-MM-dd}";
        var caption = session.F("reports.caption", Html.Encode(name), Html.Encode(period));
        return [new OutgoingDocument(file + ".pdf", PdfTableWriter.Write(report), caption), new OutgoingDocument(file + ".xlsx", XlsxTableWriter.Write(report), caption)];
    }

    private string PeriodLine(ReportKind kind, FinancePeriod period) => kind switch
    {
        ReportKind.Inventory => session.F("reports.on_date", Formats.DateTime(now)),
        ReportKind.DeadStock => session.F("reports.dead_period", period.First.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture), period.Days),
        _ => session.F("reports.period_line", period.First.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture), period.Last.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture)),
    };
}
