using UzumBot.Storage;

namespace UzumBot.Features;

/// <summary>What a plan allows (product §7). The operator changes plans; payment is outside the bot.</summary>
public sealed record PlanLimits(string Name, int MaxShops, int OrdersShownPerMonth, bool Reports, bool Automation);

public static class Plans
{
    public const string Free = "FREE";
    public const string Business = "BUSINESS";
    public const string Corporate = "CORPORATE";

    public static readonly TimeSpan TrialLength = TimeSpan.FromDays(14);

    public static readonly IReadOnlyList<string> All = [Free, Business, Corporate];

    public static PlanLimits Limits(string plan) => plan switch
    {
        Free => new PlanLimits(Free, 1, 50, Reports: false, Automation: false),
        Business => new PlanLimits(Business, 3, 500, Reports: true, Automation: true),
        Corporate => new PlanLimits(Corporate, int.MaxValue, int.MaxValue, Reports: true, Automation: true),
        _ => Limits(Free),
    };

    /// <summary>The plan in force: a trial that ran out falls back to FREE until the operator chooses.</summary>
    public static string Effective(TenantDocument tenant, DateTimeOffset now) =>
        tenant.TrialEndsAt is { } end && DateTime.SpecifyKind(end, DateTimeKind.Utc) <= now.UtcDateTime ? Free : tenant.Plan;

    public static PlanLimits For(TenantDocument tenant, DateTimeOffset now) => Limits(Effective(tenant, now));
}
