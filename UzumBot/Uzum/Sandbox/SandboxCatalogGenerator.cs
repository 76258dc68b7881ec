namespace UzumBot.Uzum.Sandbox;

/// <summary>Builds a seller's shops and catalogue: Russian and Uzbek Latin titles, SKUs with mixed-script codes.</summary>
internal static class SandboxCatalogGenerator
{
    public const int ProductsPerShop = 65;

    private static readonly (string Name, string Code)[][] ShopNames =
    [
        [("Bahor Textile", "BAHOR"), ("Ipak Yoʻli Moda", "IPAK"), ("Lola Kids", "LOLA"), ("Samarqand Style", "SAMST")],
        [("Ширин Уй", "SHIRIN"), ("Rishton Sopol", "RISHT"), ("Уютный Дом", "UYUT"), ("Chinni Bozor", "CHINNI")],
    ];

    private sealed record Kind(string Category, string CharTitle, int Commission, int MinPrice, int MaxPrice, string[] Sizes, string Ikpu,
        string[] RussianModifiers, string[] UzbekModifiers);

    private static readonly Kind Clothing = new("Kiyim", "Rang, Oʻlcham", 25, 59, 450, ["S", "M", "L", "XL", "XXL"], "06109002003006003",
        ["хлопок", "из штапеля", "с принтом", "классика", "premium", "новая коллекция", "большие размеры", "лето 2026"],
        ["milliy naqsh", "paxta", "yangi kolleksiya", "klassik", "Margʻilon ipagi", "oʻzbek ornamenti", "yozgi", "premium"]);
    private static readonly Kind Kids = new("Bolalar kiyimi", "Rang, Oʻlcham", 20, 39, 220, ["98", "110", "122", "134"], "06111009001000000",
        ["хлопок", "для мальчиков", "для девочек", "с принтом", "в школу", "новая коллекция"],
        ["qoʻlda tikilgan", "paxta", "oʻgʻil bolalar uchun", "qiz bolalar uchun", "maktab uchun", "bayramona"]);
    private static readonly Kind Textile = new("Uy toʻqimachiligi", "Rang, Oʻlcham", 18, 45, 690, ["50X90", "70X140", "1.5", "2.0"], "06302001001000000",
        ["сатин", "бязь", "махра", "жаккард", "100% хлопок", "в подарочной упаковке"],
        ["satin", "paxta", "adras", "jakkard", "sovgʻabop qadoqda", "milliy naqsh"]);
    private static readonly Kind Ceramics = new("Sopol idishlar", "Rang, Oʻlcham", 15, 35, 600, ["20SM", "25SM", "30SM"], "06912001001000000",
        ["ручной работы", "риштанская роспись", "с орнаментом", "набор", "в подарочной упаковке", "глазурь"],
        ["qoʻlda ishlangan", "Rishton naqshi", "koʻk naqsh", "sovgʻabop", "Gʻijduvon uslubi", "oʻzbek ornamenti"]);
    private static readonly Kind Home = new("Uy-roʻzgʻor buyumlari", "Rang", 12, 25, 890, [], "07323001001000000",
        ["26 см", "нержавеющая сталь", "5 шт", "антипригарное покрытие", "для кухни", "premium"],
        ["8 l", "zanglamas poʻlat", "5 dona", "choʻyan", "oshxona uchun", "premium"]);

    // (code stem, base title, kind); each base gets several modifiers so titles stay distinct.
    private static readonly (string Stem, string Title, Kind Kind)[] Bases =
    [
        ("FUTB", "Футболка мужская", Clothing), ("PLAT", "Платье летнее", Clothing), ("PIJA", "Пижама женская", Clothing),
        ("HUDI", "Худи оверсайз", Clothing), ("KURT", "Куртка демисезонная", Clothing), ("ATLS", "Atlas koʻylak", Clothing),
        ("SHIM", "Erkaklar shimi", Clothing), ("XALT", "Ayollar xalati", Clothing), ("DOPP", "Bolalar doʻppisi", Kids),
        ("KOST", "Костюм детский", Kids), ("BKOY", "Bolalar koʻylagi", Kids), ("POST", "Постельное бельё", Textile),
        ("POLO", "Полотенце махровое", Textile), ("KORP", "Koʻrpa-toʻshak toʻplami", Textile), ("PARD", "Parda tul", Textile),
        ("LAGN", "Rishton sopol lagan", Ceramics), ("PIYL", "Piyola toʻplami", Ceramics), ("CHOY", "Choynak", Ceramics),
        ("TARL", "Тарелка керамическая", Ceramics), ("KRUZ", "Кружка керамическая", Ceramics), ("KOSA", "Kosa", Ceramics),
        ("SKOV", "Сковорода антипригарная", Home), ("QOZN", "Qozon, choʻyan", Home), ("PICH", "Oshxona pichoqlari toʻplami", Home),
        ("KONT", "Контейнеры для хранения", Home), ("ORGA", "Органайзер для кухни", Home),
    ];

    // Titles that exercise escaping and glyph coverage in every consumer.
    private static readonly (string Title, string Stem, Kind Kind)[] SpecialTitles =
    [
        ("Футболка *NEW* [XL] <хлопок> & 100% cotton_kids.", "FUTB", Kids),
        ("Choynak «Rishton» — qoʻlda bezatilgan, 1,2 l (ʻaslʼ)", "CHOY", Ceramics),
        ("Пижама_женская `шёлк` #1 | 50% off!", "PIJA", Clothing),
        ("Oʻgʻil bolalar kostyumi — Ёлка / Ўқув / Қишки", "KOST", Kids),
    ];

    private static readonly (string Code, string Uz)[] Colors =
        [("ЧЕРН", "Qora"), ("БЕЛ", "Oq"), ("СИН", "Koʻk"), ("КРАС", "Qizil"), ("ЗЕЛЕН", "Yashil"), ("СЕР", "Kulrang"), ("БЕЖ", "Bej")];

    public static List<SandboxShop> Shops(int seed, Random rng)
    {
        var baseId = 10_000 + seed % 80_000;
        return
        [
            Pick(ShopNames[0], rng, baseId),
            Pick(ShopNames[1], rng, baseId + 1),
        ];

        static SandboxShop Pick((string Name, string Code)[] names, Random rng, long id)
        {
            var (name, code) = names[rng.Next(names.Length)];
            return new SandboxShop(id, name, code);
        }
    }

    public static List<SandboxProduct> Products(int seed, IReadOnlyList<SandboxShop> shops, Random rng, int perShop = ProductsPerShop)
    {
        var titles = new List<(string Title, string Stem, Kind Kind)>();
        foreach (var (stem, title, kind) in Bases)
        {
            var modifiers = IsCyrillic(title) ? kind.RussianModifiers : kind.UzbekModifiers;
            foreach (var modifier in modifiers)
                titles.Add(($"{title}, {modifier}", stem, kind));
        }
        Shuffle(titles, rng);

        var productBase = 2_000_000 + (seed % 900) * 1_000L;
        var skuBase = 10_000_000 + (seed % 900) * 10_000L;
        var products = new List<SandboxProduct>();
        var skuIndex = 0;
        var stemCounter = new Dictionary<string, int>();
        for (var s = 0; s < shops.Count; s++)
        {
            for (var p = 0; p < perShop; p++)
            {
                // a large catalogue reuses titles (codes stay unique by their stem's counter)
                var (title, stem, kind) = p < SpecialTitles.Length && s == p % 2
                    ? SpecialTitles[p]
                    : titles[(s * perShop + p) % titles.Count];
                var number = stemCounter[stem] = stemCounter.GetValueOrDefault(stem) + 1;
                var product = new SandboxProduct
                {
                    ProductId = productBase + products.Count,
                    ShopId = shops[s].Id,
                    Title = title,
                    Category = kind.Category,
                    Code = $"{stem}-{number}",
                    PhotoKey = PhotoKey(rng),
                    Rating = (3.6 + rng.Next(15) / 10.0).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture),
                    FeedbackQuantity = rng.Next(0, 240),
                    CharTitle = kind.CharTitle,
                    // from the position, not the generator, so the rest of the data stays as it was
                    Blocked = p % 16 == 9,
                    Archived = p % 21 == 13,
                };
                AddSkus(product, kind, rng, () => skuBase + skuIndex++);
                products.Add(product);
            }
        }
        return products;
    }

    private static void AddSkus(SandboxProduct product, Kind kind, Random rng, Func<long> nextSkuId)
    {
        var count = rng.Next(1, 5);
        var basePrice = rng.Next(kind.MinPrice, kind.MaxPrice + 1) * 1_000L;
        var colors = Colors.OrderBy(_ => rng.Next()).Take(2).ToArray();
        for (var i = 0; i < count; i++)
        {
            var (colorCode, colorUz) = colors[i % colors.Length];
            var size = kind.Sizes.Length == 0 ? null : kind.Sizes[(i / colors.Length + rng.Next(kind.Sizes.Length)) % kind.Sizes.Length];
            if (kind.Sizes.Length == 0 && i >= colors.Length) (colorCode, colorUz) = Colors[(i + 3) % Colors.Length];
            var suffix = size is null ? colorCode : $"{colorCode}-{size}";
            if (product.Skus.Any(x => x.SkuTitle == suffix)) continue;
            var skuId = nextSkuId();
            var price = basePrice + (size is null ? 0 : i * 5_000L);
            var sold = rng.Next(0, 320);
            product.Skus.Add(new SandboxSku
            {
                SkuId = skuId,
                Product = product,
                SkuTitle = suffix,
                SkuFullTitle = $"{product.Code}-{suffix}",
                Characteristics = size is null ? colorUz : $"{colorUz}, {size}",
                Barcode = 4_780_000_000_000 + skuId,
                Commission = kind.Commission,
                PurchasePrice = price * rng.Next(40, 61) / 100 / 1_000 * 1_000,
                Ikpu = kind.Ikpu,
                DbsAllowed = rng.Next(3) == 0,
                SellerSkuCode = rng.Next(5) == 0 ? $"SC-{skuId % 100_000}" : null,
                Price = price,
                FullPrice = price + rng.Next(0, 7) * 10_000L,
                QuantityActive = rng.Next(4) == 0 ? 0 : rng.Next(1, 80),
                QuantityFbs = rng.Next(5) == 0 ? 0 : rng.Next(1, 35),
                QuantitySold = sold,
                QuantityReturned = sold / rng.Next(8, 30),
            });
        }
    }

    private static bool IsCyrillic(string text) => text.Any(c => c is >= 'А' and <= 'я');

    private static string PhotoKey(Random rng)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        return new string(Enumerable.Range(0, 20).Select(_ => alphabet[rng.Next(alphabet.Length)]).ToArray());
    }

    public static void Shuffle<T>(IList<T> list, Random rng)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }
}
