namespace UzumBot.Uzum;

/// <summary>
/// The 11 values the <c>status</c> filter of <c>/v2/fbs/orders</c> accepts. It is single-valued and defaults
/// to CREATED, so "all orders" means one call per status. Statuses in responses are open strings.
/// Note the spelling: CANCELED (one L).
/// </summary>
public static class OrderStatuses
{
    public const string Created = "CREATED";
    public const string Packing = "PACKING";
    public const string PendingDelivery = "PENDING_DELIVERY";
    public const string Delivering = "DELIVERING";
    public const string Delivered = "DELIVERED";
    public const string AcceptedAtDeliveryPoint = "ACCEPTED_AT_DP";
    public const string DeliveredToCustomerDeliveryPoint = "DELIVERED_TO_CUSTOMER_DELIVERY_POINT";
    public const string Completed = "COMPLETED";
    public const string Canceled = "CANCELED";
    public const string PendingCancellation = "PENDING_CANCELLATION";
    public const string Returned = "RETURNED";

    public static readonly IReadOnlyList<string> All =
    [
        Created, Packing, PendingDelivery, Delivering, Delivered, AcceptedAtDeliveryPoint,
        DeliveredToCustomerDeliveryPoint, Completed, Canceled, PendingCancellation, Returned,
    ];

    public static bool IsKnown(string? status) => status is not null && All.Contains(status);
}
