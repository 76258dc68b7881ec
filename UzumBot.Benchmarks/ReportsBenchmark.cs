using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using UzumBot.Caching;
using UzumBot.Conversation;
using UzumBot.Features;
using UzumBot.Features.Finance;
using UzumBot.Features.Reports;
using UzumBot.Hosting;
using UzumBot.Localization;
using UzumBot.Security;
using UzumBot.Storage;
using UzumBot.Uzum;
using UzumBot.Uzum.Sandbox;

/// <summary>
/// The sales &amp; stock report for 90 days: once end to end against the in-process sandbox (its two shops, UZUM calls
/// counted, 200 ms spacing), once for a synthetic shop of 500 SKUs (compute, PDF, XLSX; no UZUM in the figure).
/// </summary>
internal static class ReportsBenchmark
{
    /// <param name="outputFolder">Where to leave the sandbox report's PDF and XLSX for a look, if given.</param>
    public static async Task RunAsync(string? outputFolder)
    {
        await using var bench = await BenchmarkSandbox.StartAsync();
        var sandbox = bench.Sandbox;
        var client = bench.Client;
        var token = new UzumToken("sandbox-large-reports");
        var shops = await client.GetShopsAsync(token, CancellationToken.None);
        var session = Session(client, token, shops);
        var now = DateTimeOffset.UtcNow;
        var period = FinancePeriod.LastDays(90, now);
        var screens = new ReportsScreens(session, now);

        sandbox.RequestLog.Clear();
        var sw = Stopwatch.StartNew();
        var dataFolder = Directory.CreateTempSubdirectory("uzumbot-bench-");
        using var database = new UzumBot.Storage.Database(Path.Combine(dataFolder.FullName, "bench.db"));
        var cache = new ShortCache(TimeProvider.System);
        var input = await new ReportsReader(cache, new UzumBot.Features.Catalog.CatalogReader(cache, TimeProvider.System), new UzumBot.Storage.CostPriceStore(database)).LoadAsync(session, session.ShopIds, period, ReportNeeds.Sales, (_, _, _) => Task.CompletedTask, CancellationToken.None);
        var fetched = sw.ElapsedMilliseconds;
        var documents = screens.Documents(ReportKind.SalesStock, 0, input);
        sw.Stop();
        if (outputFolder is not null)
            foreach (var document in documents) File.WriteAllBytes(Path.Combine(outputFolder, document.FileName), document.Content);
        Console.WriteLine($"sales & stock, 90 days, sandbox ({input.Skus.Count} SKUs, {input.Lines.Count} finance lines): {sw.ElapsedMilliseconds} ms "
            + $"({fetched} ms fetching), {sandbox.RequestLog.Entries.Count} UZUM calls "
            + $"({string.Join(", ", sandbox.RequestLog.Entries.GroupBy(e => e.Path.StartsWith("/v1/product/") ? "catalogue" : e.Path).Select(g => $"{g.Key} ×{g.Count()}"))}); "
            + $"PDF {documents[0].Content.Length / 1024} KiB, XLSX {documents[1].Content.Length / 1024} KiB");

        var big = Synthetic(500, period);
        screens.Documents(ReportKind.SalesStock, 0, big); // warm-up
        var runs = new List<(long Compute, long Pdf, long Xlsx, int Pages, int PdfKiB, int XlsxKiB)>();
        for (var i = 0; i < 5; i++)
        {
            var t = Stopwatch.StartNew();
            var again = Synthetic(500, period);
            var tables = new ReportTables(session).For(ReportKind.SalesStock, again);
            var compute = t.ElapsedMilliseconds;
            var report = DocumentText.Report(session, "Sales & stock", "Benchmark shop", period.ToString(), now, tables);
            t.Restart();
            var pdf = UzumBot.Documents.PdfTableWriter.Write(report);
            var pdfMs = t.ElapsedMilliseconds;
            t.Restart();
            var xlsx = UzumBot.Documents.XlsxTableWriter.Write(report);
            runs.Add((compute, pdfMs, t.ElapsedMilliseconds, PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(pdf), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import).PageCount, pdf.Length / 1024, xlsx.Length / 1024));
        }
        var median = runs.OrderBy(r => r.Compute + r.Pdf + r.Xlsx).ElementAt(runs.Count / 2);
        Console.WriteLine($"sales & stock, 500 SKUs × 90 days (synthetic, {big.Lines.Count} lines), median of 5: compute {median.Compute} ms, "
            + $"PDF {median.Pdf} ms ({median.Pages} pages, {median.PdfKiB} KiB), XLSX {median.Xlsx} ms ({median.XlsxKiB} KiB)");
        Console.WriteLine($"   fetching those 500 SKUs: 5 catalogue pages of 100 per shop + the 90-day finance lines in pages (see the client), each ≥ 200 ms apart");
    }

    private static ReportInput Synthetic(int skuCount, FinancePeriod period)
    {
        var rng = new Random(500);
        var skus = Enumerable.Range(0, skuCount).Select(i => new StockSku(1, $"ATLAS-{i}-ЗЕЛЕН-L", $"Atlas koʻylak, milliy naqsh №{i}", rng.Next(0, 60), rng.Next(0, 20), 50_000 + i * 10)).ToList();
        var lines = new List<OrderItem>();
        var id = 0L;
        foreach (var day in period.EachDay())
            for (var k = 0; k < 40; k++)
            {
                var sku = skus[rng.Next(skuCount)];
                var units = rng.Next(1, 3);
                lines.Add(new OrderItem
                {
                    Id = ++id, OrderId = 1_000_000 + id, SkuTitle = sku.SkuCode, ProductTitle = sku.ProductTitle, Status = "TO_WITHDRAW",
                    Date = FinancePeriod.StartOf(day).AddHours(10), SellPrice = 149_000, Amount = units, Commission = 37_250 * units,
                    SellerProfit = 105_750 * units, PurchasePrice = sku.PurchasePrice ?? 0, AmountReturns = rng.Next(30) == 0 ? 1 : 0,
                });
            }
        return new ReportInput(period, skus, lines, []);
    }

    private static DataKey AnyDataKey()
    {
        var folder = Directory.CreateTempSubdirectory("uzumbot-bench-").FullName;
        var vault = new TokenVault(ServerPepper.Load(new SecurityOptions { PepperPath = Path.Combine(folder, "pepper.key") }));
        var key = vault.Seal("sandbox-large-reports", "bench").Key;
        Directory.Delete(folder, recursive: true);
        return key;
    }

    private static SessionContext Session(IUzumClient client, UzumToken token, IReadOnlyList<Shop> shops) => new(
        new Incoming { ChatId = 1, UserId = 1 },
        new ChatDocument { ChatId = 1, UserId = 1, Language = Lang.Ru.Code(), State = "Ready" },
        Lang.Ru,
        new MemberDocument { UserId = 1, TenantId = "bench", Role = Role.Owner.ToString() },
        new TenantDocument { Id = "bench", Plan = "CORPORATE", Shops = shops.Select(s => new ShopDocument { Id = s.Id, Name = s.Name ?? "" }).ToList() },
        Role.Owner,
        new UnlockedSession(token, AnyDataKey()),
        client);
}
