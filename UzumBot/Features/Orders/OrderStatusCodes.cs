using UzumBot.Uzum;

namespace UzumBot.Features.Orders;

/// <summary>Two-letter codes that carry a status in callback data, and the emoji each status wears.</summary>
public static class OrderStatusCodes
{
    private static readonly (string Status, string Code, string Emoji)[] Table =
    [
        (OrderStatuses.Created, "CR", "🆕"),
        (OrderStatuses.Packing, "PA", "📦"),
        (OrderStatuses.PendingDelivery, "PD", "⏳"),
        (OrderStatuses.Delivering, "DG", "🚚"),
        (OrderStatuses.Delivered, "DD", "📬"),
        (OrderStatuses.AcceptedAtDeliveryPoint, "AD", "🏤"),
        (OrderStatuses.DeliveredToCustomerDeliveryPoint, "DP", "📍"),
        (OrderStatuses.Completed, "CO", "✅"),
        (OrderStatuses.Canceled, "CA", "❌"),
        (OrderStatuses.PendingCancellation, "PC", "⌛"),
        (OrderStatuses.Returned, "RE", "↩️"),
    ];

    /// <summary>The chips on the orders home screen; the rest sit behind "more statuses".</summary>
    public static readonly IReadOnlyList<string> Main =
    [
        OrderStatuses.Created, OrderStatuses.Packing, OrderStatuses.Delivering, OrderStatuses.DeliveredToCustomerDeliveryPoint,
        OrderStatuses.Completed, OrderStatuses.Canceled, OrderStatuses.Returned,
    ];

    public static readonly IReadOnlyList<string> More =
        OrderStatuses.All.Where(s => !Main.Contains(s)).ToArray();

    public static string Code(string status) => Table.First(t => t.Status == status).Code;

    public static string? StatusOf(string? code) => Table.FirstOrDefault(t => t.Code == code).Status;

    public static string Emoji(string? status) => Table.FirstOrDefault(t => t.Status == status).Emoji ?? "•";

    /// <summary>The resource key of a status name; unknown statuses are shown as UZUM sent them.</summary>
    public static string NameKey(string status) => "status." + status;

    /// <summary>The status of one order (RU "cancelled", singular), where <see cref="NameKey"/> names a chip of many.</summary>
    public static string SingularKey(string status) => "status.one." + status;
}
