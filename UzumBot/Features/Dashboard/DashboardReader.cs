using UzumBot.Features.Finance;
using UzumBot.Features.Orders;
using UzumBot.Uzum;

namespace UzumBot.Features.Dashboard;

/// <summary>What one dashboard shows; a part UZUM did not give is null and the screen says so (U2).</summary>
public sealed record DashboardData(
    FinancePeriod Period,
    IReadOnlyList<ProductCard>? Catalogue,
    CappedList<SellerOrder>? NewOrders,
    IReadOnlyList<StatusCount> Counts,
    FinanceData? Finance);

/// <summary>
/// Reads a dashboard's parts at once, each through its short cache: the catalogue (pages of 100 per shop), the new
/// orders list the menu also reads, counts of the other ten statuses, and the period's finance lines and expenses.
/// The per-token throttle spaces the calls; a failed part leaves the rest standing.
/// </summary>
public sealed class DashboardReader(CatalogueReader catalogue, OrdersReader orders, FinanceReader finance)
{
    public async Task<DashboardData> ReadAsync(SessionContext session, FinancePeriod period, CancellationToken ct)
    {
        var products = Try(() => catalogue.ReadAsync(session, ct));
        var money = Try(() => finance.ReadAsync(session, period, ct));
        var newOrders = await Try(() => orders.ListAsync(session, OrderStatuses.Created, ct));
        // after the new-orders list: its count comes from that list, one call fewer
        var all = await orders.CountAsync(session, OrderStatuses.All, ct);
        return new DashboardData(period, await products, newOrders, all.ToList(), await money);
    }

    private static async Task<T?> Try<T>(Func<Task<T>> read) where T : class
    {
        try
        {
            return await read();
        }
        catch (Exception ex) when (ex is UzumUnavailableException or UzumApiException)
        {
            return null;
        }
    }
}
