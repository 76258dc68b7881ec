using static UzumBot.Uzum.OrderStatuses;

namespace UzumBot.Uzum.Sandbox;

/// <summary>
/// Builds FBS/DBS orders in all 11 statuses over the last 120 days, their finance lines, and FBO sales that
/// exist only as finance lines (FBO orders never appear in /v2/fbs/orders).
/// </summary>
internal static class SandboxOrderGenerator
{
    public const int HistoryDays = 120;

    // Orders per status for the first shop; the second gets about a third. The first shop's 62 CREATED orders
    // make a client page past the 50-order limit.
    private static readonly (string Status, int Count)[] StatusCounts =
    [
        (Created, 62), (Packing, 9), (PendingDelivery, 5), (Delivering, 6), (Delivered, 5), (AcceptedAtDeliveryPoint, 4),
        (DeliveredToCustomerDeliveryPoint, 5), (Completed, 36), (Canceled, 12), (PendingCancellation, 3), (Returned, 6),
    ];

    private static readonly HashSet<string> DbsStatuses = [Created, Packing, Delivering, Completed, Canceled, Returned];

    public static readonly string[] SellerCancelReasons = ["OUT_OF_STOCK", "OUT_OF_PACKAGE", "OUT_OF_TIME", "OTHER"];

    private static readonly string[] Customers =
        ["Madina Rahimova", "Азиз Каримов", "Dilnoza Yusupova", "Шахзод Алиев", "Nodira Tosheva", "Бобур Рашидов", "Gulnora Xolmatova"];

    private static readonly string[] Addresses =
    [
        "Toshkent sh., Yunusobod tumani, 14-kvartal, 7-uy", "г. Ташкент, Мирзо-Улугбекский р-н, ул. Буюк Ипак Йули, 45",
        "Samarqand sh., Registon koʻchasi, 3-uy", "Toshkent sh., Chilonzor tumani, 9-mavze, 21-uy, 34-xonadon",
    ];

    private static readonly string[] ReturnCauses = ["WRONG_SIZE", "DEFECTED", "REGULAR", "Клиент не указал причину"];

    public static (List<SandboxOrder> Orders, List<SandboxFinanceLine> Lines) Generate(
        int seed, IReadOnlyList<SandboxShop> shops, IReadOnlyList<SandboxProduct> products, DateTimeOffset now, Random rng)
    {
        var orderId = 100_000_000 + (seed % 900) * 100_000L;
        var itemId = 200_000_000 + (seed % 900) * 100_000L;
        var orders = new List<SandboxOrder>();
        for (var s = 0; s < shops.Count; s++)
        {
            var skus = products.Where(p => p.ShopId == shops[s].Id).SelectMany(p => p.Skus).ToList();
            foreach (var (status, baseCount) in StatusCounts)
            {
                var count = s == 0 ? baseCount : Math.Max(2, baseCount / 3);
                for (var k = 0; k < count; k++)
                {
                    // the second order of every DBS-capable status is DBS, so each shop has DBS orders to show
                    var dbs = DbsStatuses.Contains(status) && (k == 1 || k > 1 && rng.Next(5) == 0);
                    // a few FBS orders ship in several parcels: their label answers an array of PDFs
                    var parcels = !dbs && (status == Created && k % 12 == 5 || status == Packing && k == 2) ? 2 + k % 2 : 1;
                    var order = NewOrder(orderId++, shops[s].Id, status, dbs, parcels, k, now, rng);
                    var itemCount = parcels > 1 ? parcels : rng.Next(10) switch { < 7 => 1, < 9 => 2, _ => 3 };
                    foreach (var sku in skus.OrderBy(_ => rng.Next()).Take(itemCount))
                        order.Items.Add(new SandboxOrderItem
                        {
                            Id = itemId++,
                            OrderId = order.Id,
                            Sku = sku,
                            SellPrice = sku.Price,
                            Amount = rng.Next(6) == 0 ? 2 : 1,
                            Date = order.DateCreated,
                            Status = ItemStatus(order, now),
                        });
                    orders.Add(order);
                }
            }
        }

        var lines = orders.SelectMany(o => o.Items.Select(i => FinanceLine(o, i, now, rng))).ToList();
        lines.AddRange(FboSales(products, now, rng, 700_000_000 + (seed % 900) * 100_000L, itemId));
        return (orders, lines);
    }

    private static SandboxOrder NewOrder(long id, long shopId, string status, bool dbs, int parcels, int k, DateTimeOffset now, Random rng)
    {
        TimeSpan Hours(double min, double max) => TimeSpan.FromMinutes(rng.Next((int)(min * 60), (int)(max * 60)));
        DateTimeOffset Past(DateTimeOffset at) => at < now ? at : now - TimeSpan.FromMinutes(1 + rng.Next(30));

        var created = status switch
        {
            Created => now - Hours(0.1, 20),
            Packing or PendingCancellation => now - Hours(4, 72),
            PendingDelivery or Delivering => now - Hours(24, 120),
            Delivered or AcceptedAtDeliveryPoint or DeliveredToCustomerDeliveryPoint => now - Hours(72, 240),
            Completed or Returned => now - Hours(24 * 8, 24 * (HistoryDays - 2)),
            _ => now - Hours(2, 24 * (HistoryDays - 1)),
        };
        // some new orders are close to their confirm deadline (under 2 hours)
        var acceptUntil = status == Created
            ? now + (k % 6 == 0 ? Hours(0.25, 1.9) : Hours(2.5, 40))
            : created + TimeSpan.FromHours(24);
        var order = new SandboxOrder
        {
            Id = id,
            ShopId = shopId,
            Scheme = dbs ? "DBS" : "FBS",
            Status = status,
            DateCreated = created,
            AcceptUntil = acceptUntil,
            DeliverUntil = acceptUntil + TimeSpan.FromHours(dbs ? 72 : 24),
            ParcelCount = parcels,
            Delivery = dbs
                ? new SandboxDelivery(Addresses[rng.Next(Addresses.Length)], Customers[rng.Next(Customers.Length)],
                    $"+99890{rng.Next(1_000_000, 9_999_999)}", rng.Next(3) == 0 ? "Domofon ishlamaydi, qoʻngʻiroq qiling" : null)
                : null,
        };
        if (status == Created) return order;

        if (status is Canceled)
        {
            order.DateCancelled = Past(created + Hours(0.5, 20));
            order.CancelReason = rng.Next(4) == 0 ? "CANCELED_BY_CUSTOMER" : SellerCancelReasons[rng.Next(SellerCancelReasons.Length)];
            return order;
        }
        order.AcceptedDate = Past(created + Hours(0.2, 4));
        if (status is Packing or PendingCancellation) return order;
        if (!dbs) order.InvoiceNumber = 120_000_000_000 + 300_000 + id % 100_000;
        if (status is PendingDelivery) return order;
        order.DeliveringDate = Past(order.AcceptedDate.Value + Hours(6, 30));
        if (status is Delivering) return order;
        if (status is AcceptedAtDeliveryPoint or DeliveredToCustomerDeliveryPoint)
            order.DeliveredToDeliveryPointDate = Past(order.DeliveringDate.Value + Hours(4, 36));
        if (status is AcceptedAtDeliveryPoint or DeliveredToCustomerDeliveryPoint) return order;
        order.DeliveryDate = Past(order.DeliveringDate.Value + Hours(4, 48));
        if (status is Delivered) return order;
        order.CompletedDate = Past(order.DeliveryDate.Value + Hours(1, 48));
        if (status is Returned) order.ReturnDate = Past(order.CompletedDate.Value + Hours(24, 240));
        return order;
    }

    private static string ItemStatus(SandboxOrder order, DateTimeOffset now) => order.Status switch
    {
        Canceled => "CANCELED",
        Completed when order.CompletedDate < now - TimeSpan.FromDays(10) => "TO_WITHDRAW",
        _ => "PROCESSING",
    };

    private static SandboxFinanceLine FinanceLine(SandboxOrder order, SandboxOrderItem item, DateTimeOffset now, Random rng)
    {
        var line = NewLine(item.Id, order.Id, item.Sku, order.DateCreated, item.SellPrice, item.Amount, rng);
        switch (order.Status)
        {
            case Canceled:
                line.ZeroOut("CANCELED");
                break;
            case Returned:
                ReturnWhole(line, item.Amount, rng);
                line.Status = order.ReturnDate < now - TimeSpan.FromDays(10) ? "TO_WITHDRAW" : "PROCESSING";
                break;
            case Completed:
                line.DateIssued = order.CompletedDate;
                line.Status = item.Status;
                if (item.Amount > 1 && rng.Next(2) == 0) ReturnOne(line, rng);
                break;
        }
        return line;
    }

    /// <summary>FBO sales: shipped from UZUM's warehouse, visible only in finance.</summary>
    private static IEnumerable<SandboxFinanceLine> FboSales(IReadOnlyList<SandboxProduct> products, DateTimeOffset now, Random rng, long orderId, long lineId)
    {
        var skus = products.SelectMany(p => p.Skus).ToList();
        for (var i = 0; i < 160; i++)
        {
            var sku = skus[rng.Next(skus.Count)];
            var date = now - TimeSpan.FromMinutes(rng.Next(30, HistoryDays * 24 * 60));
            var amount = rng.Next(5) == 0 ? 2 : 1;
            var line = NewLine(lineId++, orderId++, sku, date, sku.Price, amount, rng);
            var age = now - date;
            var roll = rng.Next(20);
            if (roll == 0) line.ZeroOut("CANCELED");
            else if (roll == 1 && age > TimeSpan.FromDays(5)) ReturnWhole(line, amount, rng);
            else if (roll == 2 && amount > 1) ReturnOne(line, rng);
            else if (age > TimeSpan.FromDays(12))
            {
                line.Status = "TO_WITHDRAW";
                line.DateIssued = date + TimeSpan.FromDays(2 + rng.Next(3));
            }
            if (line.Status != "CANCELED" && line.DateIssued is null && age > TimeSpan.FromDays(3))
                line.DateIssued = date + TimeSpan.FromDays(1 + rng.Next(2));
            yield return line;
        }
    }

    private static SandboxFinanceLine NewLine(long id, long orderId, SandboxSku sku, DateTimeOffset date, long sellPrice, int amount, Random rng) => new()
    {
        Id = id,
        OrderId = orderId,
        Sku = sku,
        // UZUM's dates carry milliseconds
        Date = date + TimeSpan.FromMilliseconds(rng.Next(1000)),
        Status = "PROCESSING",
        SellPrice = sellPrice,
        Amount = amount,
        Commission = sellPrice * amount * sku.Commission / 100,
        PurchasePrice = sku.PurchasePrice, // per unit, like sellPrice
        LogisticDeliveryFee = DeliveryFee(sellPrice) * amount,
    };

    private static long DeliveryFee(long sellPrice) => sellPrice switch { < 100_000 => 4_000, < 300_000 => 6_000, _ => 9_500 };

    private static void ReturnWhole(SandboxFinanceLine line, int amount, Random rng)
    {
        line.ZeroOut("PROCESSING");
        line.AmountReturns = amount;
        line.ReturnCause = ReturnCauses[rng.Next(ReturnCauses.Length)];
        line.Comment = rng.Next(2) == 0 ? "Не нужен" : null;
    }

    private static void ReturnOne(SandboxFinanceLine line, Random rng)
    {
        var unit = line.SellPrice;
        line.Status = "PARTIALLY_CANCELLED";
        line.Amount -= 1;
        line.AmountReturns = 1;
        line.Commission = unit * line.Amount * line.Sku.Commission / 100;
        line.PurchasePrice = line.Sku.PurchasePrice;
        line.LogisticDeliveryFee = DeliveryFee(unit) * line.Amount;
        line.ReturnCause = ReturnCauses[rng.Next(ReturnCauses.Length)];
    }
}
