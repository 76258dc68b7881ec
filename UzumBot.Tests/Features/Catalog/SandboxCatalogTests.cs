using System.Net;
using UzumBot.Tests.Sandbox;
using UzumBot.Uzum.Sandbox;

namespace UzumBot.Tests.Features.Catalog;

/// <summary>The sandbox catalogue has what the catalogue screens must tell apart, and takes UZUM's filter values.</summary>
public sealed class SandboxCatalogTests : IClassFixture<SandboxHarness>
{
    private readonly SandboxHarness _h;

    public SandboxCatalogTests(SandboxHarness h) => _h = h;

    private async Task<List<string?>> Statuses(long shopId, string? filter)
    {
        var reply = await _h.Get($"v1/product/shop/{shopId}?page=0&size=100" + (filter is null ? "" : "&filter=" + filter));
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        return reply.Json.GetProperty("productList").EnumerateArray().Select(p => p.GetProperty("status").GetProperty("value").GetString()).ToList();
    }

    [Fact]
    public async Task Blocked_archived_and_run_out_products_are_there_and_the_filters_pick_them()
    {
        var shop = (await _h.ShopIds())[0];
        var all = await Statuses(shop, null);
        Assert.Equal(SandboxCatalogGenerator.ProductsPerShop, all.Count);
        Assert.Contains("BLOCKED", all);
        Assert.Contains("ARCHIVED", all);
        Assert.Contains("IN_STOCK", all);
        Assert.All(await Statuses(shop, "ARCHIVE"), s => Assert.Equal("ARCHIVED", s));
        Assert.All(await Statuses(shop, "WARNING"), s => Assert.Equal("BLOCKED", s));
        Assert.All(await Statuses(shop, "ACTIVE"), s => Assert.Equal("IN_STOCK", s));
        Assert.Equal(all.Count, (await Statuses(shop, "ALL")).Count);
        Assert.Equal(HttpStatusCode.BadRequest, (await _h.Get($"v1/product/shop/{shop}?page=0&size=100&filter=BOGUS")).Status);
    }

    [Fact]
    public async Task A_blocked_product_has_blocked_SKUs_and_an_archived_one_archived_SKUs()
    {
        var shop = (await _h.ShopIds())[0];
        var products = (await _h.Get($"v1/product/shop/{shop}?page=0&size=100")).Json.GetProperty("productList").EnumerateArray().ToList();
        var blocked = products.First(p => p.GetProperty("status").GetProperty("value").GetString() == "BLOCKED");
        Assert.All(blocked.GetProperty("skuList").EnumerateArray(), s => Assert.True(s.GetProperty("blocked").GetBoolean()));
        var archived = products.First(p => p.GetProperty("status").GetProperty("value").GetString() == "ARCHIVED");
        Assert.All(archived.GetProperty("skuList").EnumerateArray(), s => Assert.True(s.GetProperty("archived").GetBoolean()));
    }
}
