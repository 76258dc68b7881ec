using System.Globalization;
using UzumBot.Storage;
using UzumBot.Uzum;

namespace UzumBot.Features.Automation;

/// <summary>
/// The new-order check of one tenant: CREATED orders not announced yet go to the owner and managers who want
/// alerts (five or more at once as one message; inside quiet hours held for the digest). An order is recorded as
/// announced (shop, order, status) only after a send worked, so a restart repeats nothing and a failed send is
/// tried again next time for the members who missed it. The first check after enabling only records what exists.
/// </summary>
public sealed class NewOrderAlerts(Database db, AutomationAccess access, Pushes pushes, MemberPreferences preferences)
{
    public async Task RunAsync(TenantDocument tenant, AutomationDocument automation, IUzumClient uzum, UzumToken token, DateTimeOffset now, CancellationToken ct)
    {
        var shops = TenantReads.ShopIds(tenant, now);
        var orders = (await uzum.GetAllOrdersAsync(token, shops, OrderStatuses.Created, TenantReads.OrderCap, ct)).Items
            .Where(o => shops.Contains(o.ShopId)).ToList();
        var records = db.AnnouncedOrders.Find(a => a.TenantId == tenant.Id && a.Status == OrderStatuses.Created).ToDictionary(a => a.Id);

        if (!automation.BaselineTaken)
        {
            foreach (var order in orders.Where(o => !records.ContainsKey(IdOf(tenant, o))))
                db.AnnouncedOrders.Insert(Record(tenant, order, now));
            access.MarkBaselineTaken(tenant.Id);
            return;
        }

        var members = db.Members.Find(m => m.TenantId == tenant.Id).ToList();
        var recipients = members.Where(m => MemberPreferences.WantsAlerts(m, preferences.For(m))).ToList();
        var fresh = orders.Select(o => IdOf(tenant, o)).Where(id => !records.ContainsKey(id)).ToHashSet();
        var delivered = new Dictionary<string, AnnouncedOrderDocument>();

        foreach (var member in recipients)
        {
            var batch = orders.Where(o => records.TryGetValue(IdOf(tenant, o), out var r) ? r.Owed.Contains(member.UserId) : fresh.Contains(IdOf(tenant, o))).ToList();
            if (batch.Count == 0) continue;
            var outcomes = await AlertAsync(tenant, member, batch, now);
            for (var i = 0; i < batch.Count; i++)
            {
                var id = IdOf(tenant, batch[i]);
                var record = delivered.GetValueOrDefault(id) ?? records.GetValueOrDefault(id) ?? Record(tenant, batch[i], now);
                record.Owed.Remove(member.UserId);
                if (outcomes[i] is Outcome.Sent or Outcome.Held) record.DeliveredTo.Add(member.UserId);
                else if (outcomes[i] == Outcome.Failed) record.Owed.Add(member.UserId);
                delivered[id] = record;
                // Stored after this member's sends, before the next member's: a restart in between repeats nothing.
                // A fresh order nobody has received yet stays unstored, so it is tried again next time.
                if (records.ContainsKey(id) || record.DeliveredTo.Count > 0) db.AnnouncedOrders.Upsert(record);
            }
        }
        // Nobody wants alerts: the new orders are seen all the same, so switching alerts on later announces only newer ones.
        if (recipients.Count == 0)
            foreach (var order in orders.Where(o => fresh.Contains(IdOf(tenant, o))))
                db.AnnouncedOrders.Upsert(Record(tenant, order, now));

        foreach (var member in members) await pushes.DigestAsync(member, now);
        ForgetGone(tenant, orders, now);
    }

    /// <summary>Each order's outcome, in batch order: one folded message decides for all, single alerts each for their own.</summary>
    private async Task<IReadOnlyList<Outcome>> AlertAsync(TenantDocument tenant, MemberDocument member, IReadOnlyList<SellerOrder> batch, DateTimeOffset now)
    {
        var lang = pushes.LangOf(member.UserId);
        var lines = batch.Select(o => "🆕 " + PushScreens.OrderLine(lang, o)).ToList();
        if (batch.Count >= PushScreens.FoldAt)
        {
            var folded = await pushes.AlertAsync(member, now, () => PushScreens.Folded(lang, batch, now), lines);
            return batch.Select(_ => folded).ToArray();
        }
        return await Task.WhenAll(batch.Select((o, i) =>
            pushes.AlertAsync(member, now, () => PushScreens.Alert(lang, o, TenantReads.ShopName(tenant, o.ShopId), now), [lines[i]])));
    }

    /// <summary>Records of orders no longer new are dropped after a week (the id never comes back as CREATED).</summary>
    private void ForgetGone(TenantDocument tenant, IReadOnlyList<SellerOrder> current, DateTimeOffset now)
    {
        var live = current.Select(o => IdOf(tenant, o)).ToHashSet();
        var old = now.UtcDateTime.AddDays(-7);
        foreach (var record in db.AnnouncedOrders.Find(a => a.TenantId == tenant.Id && a.At < old).Where(a => !live.Contains(a.Id)).ToList())
            db.AnnouncedOrders.Delete(record.Id);
    }

    public static string IdOf(TenantDocument tenant, SellerOrder order) =>
        string.Create(CultureInfo.InvariantCulture, $"{tenant.Id}:{order.ShopId}:{order.Id}:{OrderStatuses.Created}");

    private static AnnouncedOrderDocument Record(TenantDocument tenant, SellerOrder order, DateTimeOffset now) => new()
    {
        Id = IdOf(tenant, order), TenantId = tenant.Id, ShopId = order.ShopId, OrderId = order.Id,
        Status = OrderStatuses.Created, At = now.UtcDateTime,
    };
}
