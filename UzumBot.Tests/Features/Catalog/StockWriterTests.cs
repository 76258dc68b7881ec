using UzumBot.Features.Catalog;
using UzumBot.Tests.Uzum;
using UzumBot.Uzum;

namespace UzumBot.Tests.Features.Catalog;

/// <summary>UZUM refuses a whole stock batch for one bad row: the batch is split until the bad row stands alone.</summary>
public sealed class StockWriterTests
{
    private static readonly UzumToken Token = SandboxClientHarness.Token;

    [Fact]
    public async Task A_rejected_batch_is_split_the_good_rows_are_applied_and_the_bad_one_is_named()
    {
        await using var h = await SandboxClientHarness.StartAsync();
        var rows = (await h.Client.GetFbsStocksAsync(Token, CancellationToken.None)).Take(8).ToList();
        var bad = rows[5] with { Barcode = "0000000000000" };
        var sent = rows.Select((r, i) => i == 5 ? bad : r with { Amount = 40 + i }).ToList();
        h.Sandbox.RequestLog.Clear();

        var rejected = await StockWriter.SendAsync(h.Client, Token, sent, CancellationToken.None);

        var only = Assert.Single(rejected);
        Assert.Equal(bad.SkuId, only.Row.SkuId);
        Assert.Equal("storage-service-05", only.Code);
        // 8 (refused) → 4 ok + 4 (refused) → 2 (refused) + 2 ok → 1 ok + 1 (refused): seven POSTs, each sent once
        Assert.Equal(7, h.Sandbox.RequestLog.Count("POST", "/v2/fbs/sku/stocks"));
        lock (h.Seller.Gate)
            foreach (var (row, i) in sent.Select((r, i) => (r, i)).Where(x => x.i != 5))
                Assert.Equal(40 + i, h.Seller.Skus.Single(s => s.SkuId == row.SkuId).QuantityFbs);
        Assert.Equal(rows[5].Amount, (await h.Client.GetFbsStockAsync(Token, rows[5].SkuId, CancellationToken.None))!.Amount);
    }

    [Fact]
    public async Task A_good_batch_is_one_POST_and_a_refusal_that_is_not_a_400_is_not_split()
    {
        await using var h = await SandboxClientHarness.StartAsync();
        var rows = (await h.Client.GetFbsStocksAsync(Token, CancellationToken.None)).Take(3).Select(r => r with { Amount = 7 }).ToList();
        h.Sandbox.RequestLog.Clear();
        Assert.Empty(await StockWriter.SendAsync(h.Client, Token, rows, CancellationToken.None));
        Assert.Equal(1, h.Sandbox.RequestLog.Count("POST", "/v2/fbs/sku/stocks"));

        h.Sandbox.Faults.FailNext("POST", "/v2/fbs/sku/stocks", statusCode: 403, errorCode: UzumErrorCodes.AccessDenied);
        await Assert.ThrowsAsync<UzumApiException>(() => StockWriter.SendAsync(h.Client, Token, rows, CancellationToken.None));
        Assert.Equal(2, h.Sandbox.RequestLog.Count("POST", "/v2/fbs/sku/stocks"));
    }

    [Fact]
    public async Task One_row_is_read_by_the_cursor_in_one_call()
    {
        await using var h = await SandboxClientHarness.StartAsync();
        long skuId;
        lock (h.Seller.Gate) skuId = h.Seller.Skus.OrderBy(s => s.SkuId).ElementAt(150).SkuId;
        h.Sandbox.RequestLog.Clear();
        var row = await h.Client.GetFbsStockAsync(Token, skuId, CancellationToken.None);
        Assert.Equal(skuId, row!.SkuId);
        Assert.Equal(1, h.Sandbox.RequestLog.Count("GET", "/v3/fbs/sku/stocks"));
        Assert.Null(await h.Client.GetFbsStockAsync(Token, 1, CancellationToken.None));
    }
}
