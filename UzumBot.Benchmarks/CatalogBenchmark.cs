using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using UzumBot.Caching;
using UzumBot.Conversation;
using UzumBot.Features;
using UzumBot.Features.Catalog;
using UzumBot.Hosting;
using UzumBot.Localization;
using UzumBot.Security;
using UzumBot.Storage;
using UzumBot.Uzum;
using UzumBot.Uzum.Sandbox;

/// <summary>📦 Products against the in-process sandbox: the catalogue, three searches and a card, with the UZUM calls each made.</summary>
internal static class CatalogBenchmark
{
    public static async Task RunAsync()
    {
        await using var bench = await BenchmarkSandbox.StartAsync();
        var sandbox = bench.Sandbox;
        var client = bench.Client;
        var token = new UzumToken("sandbox-benchmark-catalog");
        var shops = await client.GetShopsAsync(token, CancellationToken.None);

        var folder = Directory.CreateTempSubdirectory("uzumbot-catalog-bench-").FullName;
        var pepper = ServerPepper.Load(new SecurityOptions { PepperPath = Path.Combine(folder, "pepper.key") });
        var (_, key) = new TokenVault(pepper).Seal(token.Value, "bench");
        var session = new SessionContext(
            new Incoming { ChatId = 1, UserId = 1 },
            new ChatDocument { ChatId = 1, UserId = 1, Language = Lang.Ru.Code(), State = "Ready" },
            Lang.Ru,
            new MemberDocument { UserId = 1, TenantId = "bench", Role = nameof(Role.Owner) },
            new TenantDocument { Id = "bench", Shops = shops.Select(s => new ShopDocument { Id = s.Id, Name = s.Name ?? "" }).ToList() },
            Role.Owner,
            new UnlockedSession(token, key),
            client);
        var reader = new CatalogReader(new ShortCache(TimeProvider.System), TimeProvider.System);
        var screens = new CatalogScreens(session);
        var seller = sandbox.Data.For(token.Value);
        var queries = new[] { seller.Products[3].Title[..12].ToUpperInvariant(), seller.Skus.First(s => s.SellerSkuCode is not null).SellerSkuCode!, seller.Skus.Last().Barcode.ToString(System.Globalization.CultureInfo.InvariantCulture) };

        // warm-up on another seller: JIT and the sandbox's own data generation are not the bot's cost
        var warmToken = new UzumToken("sandbox-benchmark-warmup");
        foreach (var shop in await client.GetShopsAsync(warmToken, CancellationToken.None))
            await client.GetProductsAsync(warmToken, shop.Id, 0, CatalogReader.PageSize, null, CancellationToken.None);
        await client.GetFinanceOrdersAsync(warmToken, (await client.GetShopsAsync(warmToken, CancellationToken.None)).Select(s => s.Id).ToArray(),
            DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow, CancellationToken.None);
        CatalogSearch.Find([], "warm");

        sandbox.RequestLog.Clear();
        var open = Stopwatch.StartNew();
        var products = await reader.ProductsAsync(session, CancellationToken.None);
        screens.List(products, CatalogView.Start);
        open.Stop();
        var openCalls = sandbox.RequestLog.Entries.Count;

        var search = Stopwatch.StartNew();
        var found = 0;
        foreach (var query in queries)
            found += screens.SearchResults(CatalogSearch.Find(await reader.ProductsAsync(session, CancellationToken.None), query), query, CatalogView.Start).Keyboard.Count;
        search.Stop();
        var searchCalls = sandbox.RequestLog.Entries.Count - openCalls;

        var card = Stopwatch.StartNew();
        var product = CatalogSearch.Find(products, queries[2])[0];
        screens.Card(product, 0, CatalogView.Start, await reader.SoldLast30DaysAsync(session, CancellationToken.None));
        card.Stop();
        var cardCalls = sandbox.RequestLog.Entries.Count - openCalls - searchCalls;

        Console.WriteLine($"📦 open the catalogue ({products.Count} products, {shops.Count} shops, 200 ms spacing): {open.ElapsedMilliseconds} ms, {openCalls} UZUM calls");
        Console.WriteLine($"🔍 three searches on the cached catalogue: {search.Elapsed.TotalMilliseconds:0.0} ms, {searchCalls} UZUM calls");
        Console.WriteLine($"🃏 first card (30 days of finance lines for days of stock): {card.ElapsedMilliseconds} ms, {cardCalls} UZUM calls; later cards read it from the cache");

        var repeat = Stopwatch.StartNew();
        for (var i = 0; i < 1000; i++) CatalogSearch.Find(products, queries[i % 3]);
        repeat.Stop();
        Console.WriteLine($"   one search over {products.Count} products: {repeat.Elapsed.TotalMilliseconds / 1000:0.000} ms (mean of 1000)");
        key.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
