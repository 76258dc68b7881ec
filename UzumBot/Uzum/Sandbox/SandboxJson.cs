using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace UzumBot.Uzum.Sandbox;

/// <summary>
/// Shapes sandbox data into UZUM's wire format: field names as the live API sends them, dates as epoch
/// milliseconds, money as integer so'm, catalogue barcodes as numbers and stock barcodes as strings.
/// Call under the seller's Gate: the results are snapshots.
/// </summary>
internal static class SandboxJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static long? Ms(DateTimeOffset? at) => at?.ToUnixTimeMilliseconds();

    /// <summary>UZUM's timestamp: a zone-less Tashkent LocalDateTime with nanoseconds.</summary>
    public static string Timestamp(DateTimeOffset now) =>
        now.ToOffset(TimeSpan.FromHours(5)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture) + "00";

    private static object Image(string photoKey, params int[] sizes) => new
    {
        photo = sizes.ToDictionary(s => s.ToString(CultureInfo.InvariantCulture), s => new
        {
            high = $"https://images.uzum.uz/{photoKey}/t_product_{s}_high.jpg",
            low = $"https://images.uzum.uz/{photoKey}/t_product_{s}_low.jpg",
        }),
        photoKey,
        color = (string?)null,
        hasVerticalPhoto = false,
    };

    public static object Shop(SandboxShop shop) => new { id = shop.Id, name = shop.Name };

    public static object Product(SandboxProduct p, DateTimeOffset now)
    {
        var active = p.Skus.Sum(s => s.QuantityActive);
        var fbs = p.Skus.Sum(s => s.QuantityFbs);
        var sold = p.Skus.Sum(s => s.QuantitySold);
        var returned = p.Skus.Sum(s => s.QuantityReturned);
        var (statusId, statusTitle, statusValue, statusDescription, statusColor) = ProductStatus(p);
        return new
        {
            productId = p.ProductId,
            category = p.Category,
            rating = p.Rating,
            feedbackQuantity = p.FeedbackQuantity,
            status = new
            {
                id = statusId,
                title = statusTitle,
                value = statusValue,
                description = statusDescription,
                color = statusColor,
                additional = Array.Empty<object>(),
            },
            moderationStatus = new { title = "Tasdiqlangan", color = "#51AE42", value = "MODERATED", hasAnySkuBlocked = p.Blocked ? true : (bool?)null },
            commission = (double?)null,
            commissionDto = new { minCommission = p.Skus.Min(s => s.Commission), maxCommission = p.Skus.Max(s => s.Commission) },
            skuList = p.Skus.Select(s => Sku(s, now)).ToList(),
            skuTitle = p.Code,
            image = $"https://images.uzum.uz/{p.PhotoKey}/t_product_540_high.jpg",
            previewImg = $"https://images.uzum.uz/{p.PhotoKey}/t_product_80_low.jpg",
            title = p.Title,
            quantityAvailable = active,
            quantityActive = active,
            quantityFbs = fbs,
            quantitySold = sold,
            quantityReturned = returned,
            returnedPercentage = Percent(returned, sold),
            price = p.Skus.Min(s => s.Price),
            viewers = sold * 23 + p.FeedbackQuantity,
            conversion = Math.Round(sold * 100.0 / Math.Max(1, sold * 23 + p.FeedbackQuantity), 2),
            roi = "64.3",
            rankInfo = Rank(sold, now),
            isActive = true,
            pstorage = true,
        };
    }

    private static (int Id, string Title, string Value, string Description, string Color) ProductStatus(SandboxProduct p) =>
        p.Archived ? (9, "Arxivda", "ARCHIVED", "Tovar arxivga koʻchirilgan", "#8C8C8C")
        : p.Blocked ? (6, "Bloklangan", "BLOCKED", "Tovar moderatsiya tomonidan bloklangan", "#F44336")
        : p.InStock ? (1, "Sotuvda", "IN_STOCK", "Sotish uchun tovarlar bor, stokda", "#51AE42")
        : (5, "Tugagan", "RUN_OUT", "Tovar tugadi", "#F44336");

    private static object Rank(int sold, DateTimeOffset now)
    {
        var rank = sold switch { > 200 => "A", > 80 => "B", > 20 => "C", > 0 => "D", _ => "N" };
        return new { rank, rankValue = rank, dateUpdated = Ms(now - TimeSpan.FromHours(7)) };
    }

    private static double Percent(int part, int whole) => whole == 0 ? 0 : Math.Round(part * 100.0 / whole, 2);

    private static object Sku(SandboxSku s, DateTimeOffset now) => new
    {
        skuTitle = s.SkuTitle,
        skuFullTitle = s.SkuFullTitle,
        productTitle = s.Product.Title,
        skuId = s.SkuId,
        quantityCreated = 0,
        quantityAvailable = s.QuantityActive,
        quantityActive = s.QuantityActive,
        quantityFbs = s.QuantityFbs,
        quantityAdditional = 0,
        quantityOnPhotoStudio = 0,
        quantityArchived = 0,
        quantitySold = s.QuantitySold,
        quantityReturned = s.QuantityReturned,
        quantityMissing = 0,
        quantityDefected = 0,
        quantityPending = 0,
        returnedPercentage = Percent(s.QuantityReturned, s.QuantitySold),
        barcode = s.Barcode,
        archived = s.Product.Archived,
        commission = s.Commission,
        characteristics = s.Characteristics,
        previewImage = $"https://images.uzum.uz/{s.Product.PhotoKey}",
        ikpu = s.Ikpu,
        photo = (object?)null,
        purchasePrice = (long?)null,
        price = s.Price,
        marketPrice = s.FullPrice,
        blockingReason = s.Product.Blocked ? "Rasm talablarga javob bermaydi" : null,
        blockReasons = Array.Empty<object>(),
        skuBlockReason = s.Product.Blocked ? new { title = "Bloklangan", message = "Rasm talablarga javob bermaydi", date = Ms(now - TimeSpan.FromDays(3)) } : null,
        blocked = s.Product.Blocked,
        rankInfo = Rank(s.QuantitySold, now),
        article = (string?)null,
        dimensionalGroup = "KGT",
        paidStoragePriceItem = 36,
        paidStorageAmount = 36 * s.QuantityActive,
        status = s.QuantityActive + s.QuantityFbs > 0
            ? new { value = "IN_STOCK", title = "Sotuvdagi", color = "#51AE42" }
            : new { value = "RUN_OUT", title = "Tugagan", color = "#F44336" },
        skuDimension = new { length = 300, width = 250, height = 40, weight = 320 },
        hasActiveDiscount = s.FullPrice > s.Price,
        sellerItemCode = s.SellerSkuCode,
        specialOffer = (object?)null,
        avgdsales = Math.Round(s.QuantitySold / 120.0, 2),
        avgdquantity = s.QuantityActive,
        pstorage = true,
    };

    public static object Order(SandboxOrder o) => new
    {
        id = o.Id,
        status = o.Status,
        scheme = o.Scheme,
        shopId = o.ShopId,
        price = o.Price,
        dateCreated = Ms(o.DateCreated),
        acceptUntil = Ms(o.AcceptUntil),
        deliverUntil = Ms(o.DeliverUntil),
        deliveringDate = Ms(o.DeliveringDate),
        deliveryDate = Ms(o.DeliveryDate),
        acceptedDate = Ms(o.AcceptedDate),
        deliveredToDeliveryPointDate = Ms(o.DeliveredToDeliveryPointDate),
        completedDate = Ms(o.CompletedDate),
        dateCancelled = Ms(o.DateCancelled),
        returnDate = Ms(o.ReturnDate),
        cancelReason = o.CancelReason,
        identifierRequired = false,
        invoiceNumber = o.InvoiceNumber,
        place = o.ParcelCount > 1 ? $"{o.ParcelCount} joy" : null,
        stock = o.IsDbs ? null : new { id = SandboxStock.Sergeli.Id, title = SandboxStock.Sergeli.Title },
        orderItems = o.Items.Select(i => OrderItem(o, i)).ToList(),
        timeSlot = o.Status == OrderStatuses.PendingDelivery
            ? new { timeFrom = Ms(o.DeliverUntil - TimeSpan.FromHours(3)), timeTo = Ms(o.DeliverUntil - TimeSpan.FromHours(1)) }
            : null,
        dropOffPoint = (object?)null,
        deliveryInfo = o.Delivery is { } d
            ? new { deliveryAddress = d.Address, customerFullname = d.CustomerFullname, customerPhone = d.CustomerPhone, deliveryComment = d.Comment }
            : null,
    };

    private static object OrderItem(SandboxOrder o, SandboxOrderItem i) => new
    {
        id = i.Id,
        status = i.Status,
        date = Ms(i.Date),
        orderId = o.Id,
        skuTitle = i.Sku.SkuFullTitle,
        sellerSkuCode = i.Sku.SellerSkuCode,
        productId = i.Sku.Product.ProductId,
        productImage = Image(i.Sku.Product.PhotoKey, 540),
        shopId = o.ShopId,
        dateIssued = Ms(o.CompletedDate),
        sellPrice = i.SellPrice,
        amount = i.Amount,
        amountReturns = 0,
        commission = 0,
        sellerProfit = 0,
        purchasePrice = 0,
        logisticDeliveryFee = 0,
        cancelled = (object?)null,
        withdrawnProfit = 0,
        returnCause = (string?)null,
        comment = (string?)null,
        skuCharValue = i.Sku.Characteristics,
        skuCharTitle = i.Sku.Product.CharTitle,
        productTitle = i.Sku.Product.Title,
    };

    public static object FinanceLine(SandboxFinanceLine l) => new
    {
        id = l.Id,
        status = l.Status,
        date = Ms(l.Date),
        orderId = l.OrderId,
        skuTitle = l.Sku.SkuFullTitle,
        productId = l.Sku.Product.ProductId,
        productImage = Image(l.Sku.Product.PhotoKey, 540),
        shopId = l.Sku.ShopId,
        dateIssued = Ms(l.DateIssued),
        sellPrice = l.SellPrice,
        amount = l.Amount,
        amountReturns = l.AmountReturns,
        commission = l.Commission,
        sellerProfit = l.SellerProfit,
        purchasePrice = l.PurchasePrice,
        logisticDeliveryFee = l.LogisticDeliveryFee,
        cancelled = (object?)null,
        withdrawnProfit = 0,
        comment = l.Comment,
        productTitle = l.Sku.Product.Title,
        returnCause = l.ReturnCause,
    };

    /// <summary>group=true: lines summed per product and SKU.</summary>
    public static object FinanceGroup(IGrouping<SandboxProduct, SandboxFinanceLine> group) => new
    {
        productId = group.Key.ProductId,
        shopId = group.Key.ShopId,
        productTitle = group.Key.Title,
        items = group.GroupBy(l => l.Sku).Select(g => new
        {
            skuTitle = g.Key.SkuFullTitle,
            skuId = g.Key.SkuId,
            productId = group.Key.ProductId,
            shopId = group.Key.ShopId,
            productTitle = group.Key.Title,
            image = Image(group.Key.PhotoKey, 80, 240, 540),
            amount = g.Sum(l => l.Amount),
            amountReturns = g.Sum(l => l.AmountReturns),
            characteristics = g.Key.Characteristics.Split(", "),
            sellPrice = g.Sum(l => l.SellPrice * l.Amount),
            purchasePrice = g.Sum(l => l.PurchasePrice),
            sellerDiscountAmount = 0,
            sellerProfit = g.Sum(l => l.SellerProfit),
            commission = g.Sum(l => l.Commission),
            withdrawnProfit = 0,
            logisticDeliveryFee = g.Sum(l => l.LogisticDeliveryFee),
            returnCause = string.Join(",", g.Select(l => l.ReturnCause ?? (l.Status == "CANCELED" ? "CANCELED" : null)).OfType<string>().Distinct()),
        }).ToList(),
    };

    public static object Expense(SandboxExpense e, long sellerId) => new
    {
        id = e.Id,
        dateCreated = Ms(e.DateCreated),
        dateUpdated = (long?)null,
        name = e.Name,
        source = e.Source,
        shopId = e.ShopId,
        sellerId,
        paymentPrice = e.PaymentPrice,
        amount = e.Amount,
        status = e.Status,
        externalId = e.ExternalId,
        code = e.Code,
        dateService = Ms(e.DateService),
        type = e.Type,
    };

    public static object StockRow(SandboxSku s) => new
    {
        skuId = s.SkuId,
        skuTitle = s.SkuFullTitle,
        productTitle = s.Product.Title,
        barcode = s.Barcode.ToString(CultureInfo.InvariantCulture),
        amount = s.QuantityFbs,
        fbsAllowed = true,
        dbsAllowed = s.DbsAllowed,
        fbsLinked = true,
        dbsLinked = s.DbsAllowed,
        sellerSkuCode = s.SellerSkuCode,
    };

    private static object Stock() => new
    {
        id = SandboxStock.Sergeli.Id,
        externalId = SandboxStock.Sergeli.ExternalId,
        title = SandboxStock.Sergeli.Title,
        address = SandboxStock.Sergeli.Address,
        timeFrom = "06:00",
        timeTo = "23:59",
        poolSource = SandboxStock.Sergeli.PoolSource,
        dimensionalGroups = new[] { new { group = (string?)null, title = "KGT" }, new { group = (string?)null, title = "OʻGT" } },
    };

    /// <summary>A supply invoice; <paramref name="shop"/> is set for the all-shops list, which also nests the lines.</summary>
    public static Dictionary<string, object?> Invoice(SandboxInvoice i, SandboxShop? shop)
    {
        var json = new Dictionary<string, object?>
        {
            ["id"] = i.Id,
            ["invoiceNumber"] = i.Id,
            ["deliveryCertificate"] = null,
            ["dateCreated"] = Ms(i.DateCreated),
            ["status"] = i.Status,
            ["invoiceStatus"] = new { text = i.StatusText, color = i.StatusColor, value = i.Status },
            ["fullPrice"] = i.FullPrice,
            ["timeSlotReservation"] = new
            {
                id = i.Id % 100_000 + 80_000,
                timeSlots = new[] { new { timeFrom = Ms(i.TimeFrom), timeTo = Ms(i.TimeFrom + TimeSpan.FromHours(1)) } },
                status = i.Status == "CANCELED" ? "CANCELED" : "RESERVED",
                timeFrom = Ms(i.TimeFrom),
                timeTo = Ms(i.TimeFrom + TimeSpan.FromHours(1)),
            },
            ["totalAccepted"] = i.TotalAccepted,
            ["totalToStock"] = i.TotalToStock,
            ["remainingAmountOfUpdates"] = i.Status == "CREATED" ? 3 : 0,
            ["dateAccepted"] = Ms(i.DateAccepted),
            ["expressAcceptanceDate"] = null,
            ["stock"] = Stock(),
            ["externalNumber"] = null,
        };
        if (shop is not null)
        {
            json["shopId"] = shop.Id;
            json["shopTitle"] = shop.Name;
            json["productForInvoiceDto"] = InvoiceProducts(i);
        }
        return json;
    }

    public static List<object> InvoiceProducts(SandboxInvoice i) => i.Lines.GroupBy(l => l.Sku.Product).Select(g => (object)new
    {
        id = g.First().Id,
        skuTitle = g.Key.Code,
        productTitle = g.Key.Title,
        quantityToStock = g.Sum(l => l.QuantityToStock),
        quantityAccepted = g.Sum(l => l.QuantityAccepted),
        purchasePrice = g.First().PurchasePrice,
        skuForInvoiceDtoList = g.Select(l => new
        {
            id = l.Sku.SkuId,
            skuTitle = l.Sku.SkuFullTitle,
            quantityToStock = l.QuantityToStock,
            quantityAccepted = l.QuantityAccepted,
            purchasePrice = l.PurchasePrice,
            photo = $"https://images.uzum.uz/{g.Key.PhotoKey}/t_product_240_high.jpg",
            issue = l.Issue,
        }).ToList(),
    }).ToList();

    public static object Return(SandboxReturn r, SandboxShop shop) => new
    {
        id = r.Id,
        dateCreated = Ms(r.DateCreated),
        status = r.Status,
        stock = Stock(),
        timeSlotReservation = (object?)null,
        paidStorage = new { startDate = Ms(r.DateCreated + TimeSpan.FromDays(14)), endDate = (long?)null, status = r.Status == "COMPLETED" ? "COMPLETED" : "PENDING" },
        executionDate = Ms(r.CompletedDate),
        assembledDate = Ms(r.AssembledDate),
        completedDate = Ms(r.CompletedDate),
        canceledDate = (long?)null,
        externalNumber = (string?)null,
        type = r.Type,
        shopId = shop.Id,
        shopTitle = shop.Name,
        returnItems = r.Items.Select(i => new
        {
            id = i.Id,
            skuId = i.Sku.SkuId,
            amount = i.Amount,
            packedAmount = i.PackedAmount,
            skuTitle = i.Sku.SkuFullTitle,
            productTitle = i.Sku.Product.Title,
            purchasePrice = i.Sku.PurchasePrice,
            photo = (string?)null,
        }).ToList(),
        totalAmount = r.Items.Sum(i => i.Amount),
        totalPackedAmount = r.Items.Sum(i => i.PackedAmount),
        countAllowedChange = r.Items.Sum(i => i.Amount),
        maxCountAllowedChange = r.Items.Sum(i => i.Amount),
    };
}
