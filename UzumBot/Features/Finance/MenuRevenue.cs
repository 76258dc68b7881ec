using UzumBot.Caching;
using UzumBot.Uzum;

namespace UzumBot.Features.Finance;

/// <summary>
/// The main menu's "💰 revenue for 7 days" figure, kept cheap: taken from a fresh 7-day finance read when a screen
/// made one, else from finance lines alone (no expenses), remembered for <see cref="Ttl"/>. Null when UZUM did not answer.
/// </summary>
public sealed class MenuRevenue(ShortCache cache, FinanceReader finance, TimeProvider time)
{
    public static readonly TimeSpan Ttl = TimeSpan.FromMinutes(10);

    public async Task<long?> SevenDaysAsync(SessionContext session, CancellationToken ct)
    {
        var period = FinancePeriod.LastDays(7, time.GetUtcNow());
        if (finance.TryCached(session, period) is { } data) return Revenue(data.Lines);
        try
        {
            return await cache.GetOrFetchAsync($"{session.Tenant.Id}:{string.Join(',', session.ShopIds)}:menu-revenue:{period}", Ttl, async () =>
            {
                var lines = await session.Uzum.GetFinanceOrdersAsync(session.Token, session.ShopIds, period.Start, period.End - TimeSpan.FromSeconds(1), ct);
                return Revenue(FinanceRules.Within(lines, period));
            });
        }
        catch (Exception ex) when (ex is UzumUnavailableException or UzumApiException)
        {
            return null;
        }
    }

    private static long Revenue(IEnumerable<OrderItem> lines) => lines.Sum(FinanceRules.Revenue);
}
