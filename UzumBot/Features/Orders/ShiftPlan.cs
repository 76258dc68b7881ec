using UzumBot.Localization;
using UzumBot.Uzum;

namespace UzumBot.Features.Orders;

/// <summary>
/// 🗓 Today, the packer's shift: new orders whose accept-until falls today (Tashkent) or has passed, and packing
/// orders due to be handed over by the end of today — each sorted by its deadline, the nearest first.
/// </summary>
public sealed record ShiftPlan(IReadOnlyList<SellerOrder> ToConfirm, IReadOnlyList<SellerOrder> ToPack, DateTimeOffset EndOfToday)
{
    public static ShiftPlan For(IEnumerable<SellerOrder> created, IEnumerable<SellerOrder> packing, DateTimeOffset now)
    {
        var local = Formats.ToLocal(now);
        var endOfToday = new DateTimeOffset(local.Date.AddDays(1), local.Offset);
        return new ShiftPlan(
            created.Where(o => o.AcceptUntil is { } until && until < endOfToday).OrderBy(o => o.AcceptUntil).ToArray(),
            packing.Where(o => o.DeliverUntil is { } until && until < endOfToday).OrderBy(o => o.DeliverUntil).ToArray(),
            endOfToday);
    }
}
