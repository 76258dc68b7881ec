using System.Globalization;

namespace UzumBot.Uzum.Sandbox;

/// <summary>Builds expenses (logistics, its refunds, marketing, daily storage), FBO supply invoices and returns.</summary>
internal static class SandboxLedgerGenerator
{
    private static readonly TimeSpan Tashkent = TimeSpan.FromHours(5);

    public static List<SandboxExpense> Expenses(int seed, IReadOnlyList<SandboxShop> shops, IReadOnlyList<SandboxFinanceLine> lines, DateTimeOffset now, Random rng)
    {
        var id = 170_000_000 + (seed % 900) * 100_000L;
        var expenses = new List<SandboxExpense>();
        foreach (var line in lines.Where(l => l.DateIssued is not null && l.LogisticDeliveryFee > 0))
        {
            var at = Min(line.DateIssued!.Value + TimeSpan.FromMinutes(rng.Next(5, 600)), now);
            expenses.Add(new SandboxExpense(id++, line.Sku.ShopId, at, at - TimeSpan.FromSeconds(rng.Next(1, 90)),
                $"Buyurtma № {line.OrderId} uchun logistika xizmatlari uchun to'lov.", "Logistika", "logistics-volume",
                line.LogisticDeliveryFee, line.Amount, "CONFIRMED", line.Id.ToString(CultureInfo.InvariantCulture), "OUTCOME"));
            if (rng.Next(5) == 0)
            {
                var service = at - TimeSpan.FromHours(rng.Next(1, 6));
                var price = line.SellPrice * line.Amount * 5 / 100;
                expenses.Add(new SandboxExpense(id++, line.Sku.ShopId, at, service,
                    $"Buyurtmalarni koʻpaytirish toʻlovi, tovar IDsi — {line.Sku.Product.ProductId}. Sotuvdan foiz — 5%.", "Marketing", "У000120",
                    price, 1, "CONFIRMED", $"AD#{line.Id}-{line.Sku.Product.ProductId}-{service.ToOffset(Tashkent):yyyy-MM-dd}", "OUTCOME"));
            }
        }
        foreach (var line in lines.Where(l => l.AmountReturns > 0))
        {
            var at = Min(line.Date + TimeSpan.FromDays(rng.Next(3, 9)), now);
            expenses.Add(new SandboxExpense(id++, line.Sku.ShopId, at, at - TimeSpan.FromSeconds(rng.Next(1, 90)),
                $"Buyurtma № {line.OrderId} uchun logistika to'lovini qaytarish", "Logistika", "return-logistics-volume",
                6_000L * line.AmountReturns, line.AmountReturns, "CONFIRMED", $"{51_000_000 + line.Id % 1_000_000}:{line.Id}", "INCOME"));
        }
        var today = new DateTimeOffset(now.ToOffset(Tashkent).Date, Tashkent);
        foreach (var shop in shops)
            for (var day = 1; day <= SandboxOrderGenerator.HistoryDays; day++)
            {
                var service = today - TimeSpan.FromDays(day);
                var at = service + TimeSpan.FromHours(24 + rng.Next(1, 8)) + TimeSpan.FromMilliseconds(rng.Next(1000));
                if (at > now) at = now;
                expenses.Add(new SandboxExpense(id++, shop.Id, at, service, "Saqlash xizmatlari uchun to'lov", "Ombor", "С000003",
                    rng.Next(20, 95) * 720L, 1, "CONFIRMED", $"{service:yyyy-MM-dd}_{shop.Id}", "OUTCOME"));
            }
        return expenses;
    }

    private static readonly (string Value, string Text, string Color)[] InvoiceStatuses =
    [
        ("ACCEPTED", "Qabul qilindi", "#51AE42"), ("ACCEPTED", "Qabul qilindi", "#51AE42"), ("ACCEPTED", "Qabul qilindi", "#51AE42"),
        ("IN_TRANSIT", "Yoʻlda", "#3C8CE7"), ("CREATED", "Yaratilgan", "#8C8C8C"), ("CANCELED", "Bekor qilingan", "#F44336"),
    ];

    /// <summary>Supply invoices per shop: the first shop has enough for two pages of ten.</summary>
    public const int InvoicesOfFirstShop = 14;
    public const int InvoicesOfOtherShops = 6;
    /// <summary>Return invoices per shop.</summary>
    public const int ReturnsOfFirstShop = 12;
    public const int ReturnsOfOtherShops = 4;

    private static readonly string[] AcceptanceIssues = ["Kam keldi", "Nuqsonli tovar", "Shtrix-kod oʻqilmadi"];

    public static List<SandboxInvoice> Invoices(int seed, IReadOnlyList<SandboxShop> shops, IReadOnlyList<SandboxProduct> products, DateTimeOffset now, Random rng)
    {
        var id = 1_500_000 + (seed % 900) * 100L;
        var lineId = 3_000_000 + (seed % 900) * 1_000L;
        var invoices = new List<SandboxInvoice>();
        for (var s = 0; s < shops.Count; s++)
        {
            var shop = shops[s];
            var skus = products.Where(p => p.ShopId == shop.Id).SelectMany(p => p.Skus).ToList();
            var count = s == 0 ? InvoicesOfFirstShop : InvoicesOfOtherShops;
            for (var i = 0; i < count; i++)
            {
                var (value, text, color) = InvoiceStatuses[i % InvoiceStatuses.Length];
                var created = now - TimeSpan.FromDays(rng.Next(2, SandboxOrderGenerator.HistoryDays)) - TimeSpan.FromMinutes(rng.Next(1440));
                var accepted = value == "ACCEPTED";
                var lines = skus.OrderBy(_ => rng.Next()).Take(rng.Next(2, 7)).Select(sku =>
                {
                    var toStock = rng.Next(3, 40);
                    var shortBy = accepted && rng.Next(4) == 0 ? 1 + rng.Next(2) : 0;
                    var issue = shortBy > 0 ? AcceptanceIssues[rng.Next(AcceptanceIssues.Length)] : null;
                    return new SandboxInvoiceLine(lineId++, sku, toStock, accepted ? toStock - shortBy : 0, sku.PurchasePrice, issue);
                }).ToList();
                invoices.Add(new SandboxInvoice(id++, shop.Id, value, text, color, created, created + TimeSpan.FromDays(1),
                    accepted ? Min(created + TimeSpan.FromDays(1.5), now) : null, lines));
            }
        }
        return invoices.OrderByDescending(i => i.DateCreated).ToList();
    }

    public static List<SandboxReturn> Returns(int seed, IReadOnlyList<SandboxShop> shops, IReadOnlyList<SandboxProduct> products, DateTimeOffset now, Random rng)
    {
        var id = 171_000 + (seed % 900) * 100L;
        var itemId = 3_600_000 + (seed % 900) * 1_000L;
        (string Status, string Type)[] kinds = [("COMPLETED", "RETURN"), ("COMPLETED", "DEFECTED"), ("ASSEMBLED", "FBS"), ("CREATED", "RETURN")];
        var returns = new List<SandboxReturn>();
        for (var s = 0; s < shops.Count; s++)
        {
            var shop = shops[s];
            var skus = products.Where(p => p.ShopId == shop.Id).SelectMany(p => p.Skus).ToList();
            var count = s == 0 ? ReturnsOfFirstShop : ReturnsOfOtherShops;
            for (var k = 0; k < count; k++)
            {
                var (status, type) = kinds[k % kinds.Length];
                var created = now - TimeSpan.FromDays(rng.Next(3, 100));
                var items = skus.OrderBy(_ => rng.Next()).Take(rng.Next(1, 4)).Select(sku =>
                {
                    var amount = rng.Next(1, 4);
                    var packed = status == "CREATED" ? 0 : status == "ASSEMBLED" && amount > 1 ? amount - 1 : amount;
                    return new SandboxReturnItem(itemId++, sku, amount, packed);
                }).ToList();
                returns.Add(new SandboxReturn(id++, shop.Id, status, type, created,
                    status == "CREATED" ? null : created + TimeSpan.FromDays(1),
                    status == "COMPLETED" ? created + TimeSpan.FromDays(2) : null, items));
            }
        }
        return returns.OrderByDescending(r => r.DateCreated).ToList();
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
