using UzumBot.Features.Finance;
using UzumBot.Rendering;
using UzumBot.Security;

namespace UzumBot.Features.Dashboard;

/// <summary>🏠 Dashboard: counts, the period's money (money roles), marks, and the chart as a photo refreshed in place.</summary>
public sealed class DashboardFeature(DashboardReader reader, FinanceReader finance, TimeProvider time) : IFeature, ITextInputFeature
{
    public const string Home = "d";
    public const string Custom = "dp";
    public const string Refresh = "dr";
    private const string PeriodInputName = "dashboard/period";

    public IReadOnlyDictionary<string, Permission> Commands { get; } = new Dictionary<string, Permission>
    {
        [Home] = Permission.ViewDashboard,
        [Custom] = Permission.ViewDashboard,
        [Refresh] = Permission.ViewDashboard,
    };

    public string InputPrefix => "dashboard/";

    public Permission RequiredFor(string input) => Permission.ViewDashboard;

    public async Task<Reply> HandleAsync(SessionContext session, CallbackCommand command, CancellationToken ct)
    {
        if (command.Name == Custom)
        {
            session.AwaitText(PeriodInputName);
            return Reply.Of(new FinanceScreens(session).AskPeriod(null, Home));
        }
        var arg = command.Arg(0) ?? PeriodArg.Default;
        var now = time.GetUtcNow();
        if (PeriodArg.Resolve(arg, now) is not { } period) return Reply.Of(new FinanceScreens(session).NotFound());
        if (command.Name == Refresh) finance.Forget(session);
        return await ShowAsync(session, arg, period, now, ct);
    }

    public Task<Reply> HandleTextAsync(SessionContext session, string input, string text, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var parsed = PeriodInput.Parse(text, FinancePeriod.DayOf(now));
        if (parsed.Period is not { } period)
        {
            session.AwaitText(PeriodInputName);
            return Task.FromResult(Reply.Of(new FinanceScreens(session).AskPeriod(parsed.ErrorKey, Home)));
        }
        return ShowAsync(session, PeriodArg.Of(period), period, now, ct);
    }

    private async Task<Reply> ShowAsync(SessionContext session, string arg, FinancePeriod period, DateTimeOffset now, CancellationToken ct)
    {
        var data = await reader.ReadAsync(session, period, ct);
        var screens = new DashboardScreens(session, now);
        var caption = screens.Caption(arg, data, finance.CostPrices(session));
        var days = FinanceRules.ByDay(data.Finance?.Lines ?? [], period);
        var png = DashboardChart.Render(days, screens.ChartLabels(period));
        return new Reply { Photo = new OutgoingPhoto(caption, png, FileName: "dashboard.png") };
    }
}
