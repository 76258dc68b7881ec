using System.Globalization;
using UzumBot.Storage;
using UzumBot.Uzum;

namespace UzumBot.Features.Automation;

/// <summary>
/// Once per SKU per (Tashkent) day, when its days of stock fall under the owner's threshold: one message listing
/// the SKUs newly under it, to the members who get alerts. Recorded after the send (or the hold) worked.
/// </summary>
public sealed class LowStockAlerts(Database db, Pushes pushes, MemberPreferences preferences)
{
    public async Task RunAsync(TenantDocument tenant, AutomationDocument automation, IUzumClient uzum, UzumToken token, DateTimeOffset now, CancellationToken ct)
    {
        var shops = TenantReads.ShopIds(tenant, now);
        var products = await TenantReads.ProductsAsync(uzum, token, shops, ct);
        var lines = await TenantReads.RecentLinesAsync(uzum, token, shops, now, ct);
        var day = UzumBot.Features.Finance.FinancePeriod.DayOf(now).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var fresh = StockOutlook.Short(StockOutlook.Compute(products, lines), automation.LowStockDays)
            .Where(s => db.Notices.FindById(NoticeId(tenant, s, day)) is null).ToList();
        if (fresh.Count == 0) return;

        var recipients = db.Members.Find(m => m.TenantId == tenant.Id).Where(m => MemberPreferences.WantsAlerts(m, preferences.For(m))).ToList();
        var anyone = false;
        foreach (var member in recipients)
        {
            var lang = pushes.LangOf(member.UserId);
            var outcome = await pushes.AlertAsync(member, now, () => PushScreens.LowStock(lang, fresh, automation.LowStockDays),
                fresh.Select(s => "📉 " + PushScreens.LowStockLine(lang, s)));
            anyone |= outcome is Outcome.Sent or Outcome.Held;
        }
        if (!anyone) return;
        foreach (var sku in fresh) db.Notices.Upsert(new NoticeDocument { Id = NoticeId(tenant, sku, day), TenantId = tenant.Id, At = now.UtcDateTime });
    }

    private static string NoticeId(TenantDocument tenant, SkuOutlook sku, string day) =>
        string.Create(CultureInfo.InvariantCulture, $"lowstock:{tenant.Id}:{sku.SkuId}:{day}");
}
