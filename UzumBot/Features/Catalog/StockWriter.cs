using UzumBot.Uzum;

namespace UzumBot.Features.Catalog;

/// <summary>
/// FBS stock through <c>POST /v2/fbs/sku/stocks</c>: rows round-tripped as UZUM gave them with only the amount changed,
/// in batches of at most 100. UZUM rejects a whole batch for one bad row, so a rejected batch is split in halves until
/// the bad rows stand alone; the good ones are applied. Each POST is sent once: only a definite refusal (an API error)
/// is split — after a timeout or "unavailable" nobody knows what UZUM applied, so the caller reads back instead.
/// </summary>
public static class StockWriter
{
    public sealed record Rejected(SkuStock Row, string? Code);

    public static async Task<IReadOnlyList<Rejected>> SendAsync(IUzumClient uzum, UzumToken token, IReadOnlyList<SkuStock> rows, CancellationToken ct)
    {
        var rejected = new List<Rejected>();
        foreach (var batch in rows.Chunk(UzumClient.StockUpdateBatchSize))
            await SendSplittingAsync(uzum, token, batch, rejected, ct);
        return rejected;
    }

    private static async Task SendSplittingAsync(IUzumClient uzum, UzumToken token, SkuStock[] batch, List<Rejected> rejected, CancellationToken ct)
    {
        try
        {
            await uzum.UpdateFbsStocksAsync(token, batch, ct);
        }
        catch (UzumApiException ex) when (ex.Status == System.Net.HttpStatusCode.BadRequest)
        {
            if (batch.Length == 1)
            {
                rejected.Add(new Rejected(batch[0], ex.Code));
                return;
            }
            var half = batch.Length / 2;
            await SendSplittingAsync(uzum, token, batch[..half], rejected, ct);
            await SendSplittingAsync(uzum, token, batch[half..], rejected, ct);
        }
    }
}
