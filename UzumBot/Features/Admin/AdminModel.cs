using UzumBot.Storage;

namespace UzumBot.Features.Admin;

/// <summary>One line of the operator's client list: a tenant, how many people it has, when any of them was last seen.</summary>
public sealed record ClientRow(TenantDocument Tenant, int Members, DateTime? LastSeenAt);

/// <summary>The operator's home figures. Plans are counted as in force now (a run-out trial counts as FREE).</summary>
public sealed record AdminStats(int Tenants, int Members, IReadOnlyDictionary<string, int> ByPlan, int OnTrial, int TrialsEndingSoon)
{
    public static readonly TimeSpan Soon = TimeSpan.FromDays(3);

    public static AdminStats From(IReadOnlyCollection<TenantDocument> tenants, int members, DateTimeOffset now)
    {
        var byPlan = Plans.All.ToDictionary(p => p, p => tenants.Count(t => Plans.Effective(t, now) == p));
        var onTrial = tenants.Count(t => AdminScreens.TrialEnd(t, now) is not null);
        var endingSoon = tenants.Count(t => AdminScreens.TrialEnd(t, now) is { } end && end - now <= Soon);
        return new AdminStats(tenants.Count, members, byPlan, onTrial, endingSoon);
    }
}

/// <summary>The owner-code presets the operator picks from (uses and days are ours, never taken from a callback).</summary>
public sealed record CodePreset(int Uses, int Days, string LabelKey)
{
    public static readonly IReadOnlyList<CodePreset> All =
    [
        new(1, 7, "admin.code.preset.single"),
        new(5, 30, "admin.code.preset.multi"),
    ];
}
