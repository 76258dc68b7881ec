using Microsoft.Extensions.DependencyInjection;
using UzumBot.Features.Finance;
using UzumBot.Features.Menu;
using UzumBot.Rendering;
using UzumBot.Security;

namespace UzumBot.Features.Reports;

/// <summary>📈 Reports: six reports for a shop or all shops and a period, each delivered as a PDF and an XLSX.</summary>
public sealed class ReportsFeature(ReportsReader reader, TimeProvider time) : IFeature
{
    public const string Home = "r";
    public const string Options = "ro";
    public const string Make = "rm";

    public IReadOnlyDictionary<string, Permission> Commands { get; } = new Dictionary<string, Permission>
    {
        [Home] = Permission.ViewInvoices,
        [Options] = Permission.ViewInvoices,
        [Make] = Permission.ViewInvoices,
    };

    public string? AcknowledgementKey(string command) => command == Make ? "reports.preparing" : null;

    public async Task<Reply> HandleAsync(SessionContext session, CallbackCommand command, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var screens = new ReportsScreens(session, now);
        if (!session.Plan.Reports || command.Name == Home) return Reply.Of(screens.Home());
        var kind = ReportKinds.Parse(command.IntArg(0));
        if (kind is null) return Reply.Of(screens.Home());
        switch (command.Name)
        {
            case Options:
                return Reply.Of(screens.Options(kind.Value, command.LongArg(1) ?? 0));
            case Make when command.IntArg(1) is { } days && command.LongArg(2) is { } shopId:
                var periods = ReportKinds.Periods(kind.Value);
                if (periods.Count > 0 && !periods.Contains(days) || periods.Count == 0 && days != 0) return Reply.Of(screens.Options(kind.Value, shopId));
                var period = FinancePeriod.LastDays(Math.Max(1, days), now);
                var needs = ReportKinds.Needs(kind.Value, session.Can(Permission.ViewMoney));
                var name = session.T("reports.name." + (int)kind.Value);
                var input = await reader.LoadAsync(session, screens.Scope(shopId), period, needs,
                    (key, n, of) => session.Progress.ShowAsync(session.F(key, name, n, of), ct), ct);
                await session.Progress.ShowAsync(session.F("reports.progress.writing", name), ct);
                return new Reply
                {
                    Screen = screens.Options(kind.Value, shopId, session.T("reports.ready")),
                    Documents = screens.Documents(kind.Value, shopId, input),
                    ShowsUploadAction = true,
                };
            default:
                return Reply.Of(screens.Home());
        }
    }
}

public static class ReportsServices
{
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddSingleton<ReportsReader>();
        services.AddSingleton<ReportsFeature>();
        services.AddSingleton<IFeature>(sp => sp.GetRequiredService<ReportsFeature>());
        services.AddSingleton(new MenuEntry(MenuSlot.Reports, "menu.reports", ReportsFeature.Home, Permission.ViewInvoices));
        return services;
    }
}
