using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using UzumBot.Documents;
using UzumBot.Hosting;
using UzumBot.Uzum;
using UzumBot.Uzum.Sandbox;

/// <summary>The packer's heavy taps against the in-process sandbox over loopback, with the UZUM calls each made.</summary>
internal static class OrdersBenchmark
{
    public static async Task RunAsync()
    {
        await using var bench = await BenchmarkSandbox.StartAsync();
        var sandbox = bench.Sandbox;
        var client = bench.Client;
        var token = new UzumToken("sandbox-benchmark-shift");
        var shops = (await client.GetShopsAsync(token, CancellationToken.None)).Select(s => s.Id).ToArray();

        sandbox.RequestLog.Clear();
        var sw = Stopwatch.StartNew();
        var created = await client.GetAllOrdersAsync(token, shops, OrderStatuses.Created, 500, CancellationToken.None);
        sw.Stop();
        Console.WriteLine($"open a list of {created.Items.Count} new orders (pages of 50, 200 ms spacing): {sw.ElapsedMilliseconds} ms, {sandbox.RequestLog.Entries.Count} UZUM calls");

        var ids = Enumerable.Range(0, 100).Select(i => 124_700_000L + i).ToArray();
        var rendered = ids.Select(id => LabelPdf.Render(id, "Atlas koʻylak, milliy naqsh", LabelSize.Large, 1, 1)).ToArray();
        var merge = Stopwatch.StartNew();
        var merged = LabelBundle.Merge(rendered);
        merge.Stop();
        Console.WriteLine($"merge 100 labels (58×40) into one PDF: {merge.ElapsedMilliseconds} ms, {merged.Length / 1024} KiB");

        var packing = sandbox.Data.For(token.Value).Orders.Where(o => o.Status == OrderStatuses.Packing && o.Scheme == "FBS").ToArray();
        sandbox.RequestLog.Clear();
        var fetch = Stopwatch.StartNew();
        var labels = new List<byte[]>();
        foreach (var order in packing) labels.AddRange(await client.GetLabelAsync(token, order.Id, LabelSize.Large, CancellationToken.None));
        var shift = LabelBundle.Merge(labels);
        fetch.Stop();
        Console.WriteLine($"🏷 all labels of the packing list: {packing.Length} orders, {labels.Count} parcels, {fetch.ElapsedMilliseconds} ms, {sandbox.RequestLog.Entries.Count} UZUM calls, {shift.Length / 1024} KiB");
        Console.WriteLine($"   at 200 ms spacing a 100-order shift needs ≥ {100 * 0.2:0} s of UZUM calls; the merge itself is the figure above");
    }
}
