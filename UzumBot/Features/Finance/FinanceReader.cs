using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using UzumBot.Caching;
using UzumBot.Storage;
using UzumBot.Uzum;

namespace UzumBot.Features.Finance;

public sealed class FinanceOptions
{
    public const string Section = "Finance";

    /// <summary>How long finance pages, catalogue and counts read for one screen are reused.</summary>
    [Range(0, 3600)]
    public int CacheSeconds { get; set; } = 60;
}

/// <summary>What UZUM said about money in a period: its finance lines and expenses (each filtered to the period).</summary>
public sealed record FinanceData(FinancePeriod Period, IReadOnlyList<OrderItem> Lines, IReadOnlyList<Expense> Expenses)
{
    public FinanceData Narrow(FinancePeriod period) =>
        new(period, FinanceRules.Within(Lines, period).ToList(), FinanceRules.Within(Expenses, period).ToList());
}

/// <summary>
/// Reads finance lines and expenses for the session's shops through the short cache. A window read once serves every
/// narrower period inside it while it is fresh (30 days after 90 costs no call); both lists are paged until a short
/// page by the client, never by totalElements.
/// </summary>
public sealed class FinanceReader(ShortCache cache, CostPriceStore costs, IOptions<FinanceOptions> options)
{
    private readonly Lock _windowsLock = new();
    private readonly Dictionary<string, FinancePeriod> _windows = [];

    public TimeSpan Ttl => TimeSpan.FromSeconds(options.Value.CacheSeconds);

    /// <summary>The period's data when a fresh read covers it; no call.</summary>
    public FinanceData? TryCached(SessionContext session, FinancePeriod period)
    {
        var scope = Scope(session);
        if (cache.TryGet<FinanceData>(Key(scope, period), out var exact)) return exact;
        FinancePeriod? covering;
        lock (_windowsLock) covering = _windows.TryGetValue(scope, out var w) && w.First <= period.First && w.Last >= period.Last ? w : null;
        return covering is { } wide && cache.TryGet<FinanceData>(Key(scope, wide), out var cached) ? cached.Narrow(period) : null;
    }

    public async Task<FinanceData> ReadAsync(SessionContext session, FinancePeriod period, CancellationToken ct)
    {
        if (TryCached(session, period) is { } fresh) return fresh;
        var scope = Scope(session);

        var data = await cache.GetOrFetchAsync(Key(scope, period), Ttl, async () =>
        {
            // the API takes Unix seconds with both ends included: stop one second before the next local midnight
            var to = period.End - TimeSpan.FromSeconds(1);
            var lines = session.Uzum.GetFinanceOrdersAsync(session.Token, session.ShopIds, period.Start, to, ct);
            var expenses = session.Uzum.GetExpensesAsync(session.Token, session.ShopIds, period.Start, to, ct);
            return new FinanceData(period, await lines, await expenses).Narrow(period);
        });
        lock (_windowsLock)
            if (!_windows.TryGetValue(scope, out var known) || known.Days < period.Days || !cache.TryGet<FinanceData>(Key(scope, known), out _))
                _windows[scope] = period;
        return data;
    }

    /// <summary>🔄: the next read of this session's shops goes to UZUM again.</summary>
    public void Forget(SessionContext session)
    {
        var scope = Scope(session);
        lock (_windowsLock) _windows.Remove(scope);
        cache.Invalidate(session.Tenant.Id + ":");
    }

    /// <summary>The owner's typed cost prices of the tenant, by SKU code.</summary>
    public IReadOnlyDictionary<string, long> CostPrices(SessionContext session) => costs.ForTenant(session.Tenant.Id);

    private static string Scope(SessionContext session) => $"{session.Tenant.Id}:{string.Join(',', session.ShopIds)}:finance";

    private static string Key(string scope, FinancePeriod period) => $"{scope}:{period}";
}
