using System.Diagnostics;
using UzumBot.Hosting;
using UzumBot.Security;

// Benchmarks, not tests:
//   dotnet run -c Release --project UzumBot.Benchmarks [runs]          key derivation per PIN check
//   dotnet run -c Release --project UzumBot.Benchmarks orders          100-label merge, a 50-order list
//   dotnet run -c Release --project UzumBot.Benchmarks catalog         catalogue, three searches, a card
//   dotnet run -c Release --project UzumBot.Benchmarks summaries [N]   the 09:00 summary to N owners (1000) under Telegram's limits
//   dotnet run -c Release --project UzumBot.Benchmarks reports [dir]   sales & stock report, 90 days, PDF + XLSX (left in dir)
if (args.FirstOrDefault() == "catalog")
{
    await CatalogBenchmark.RunAsync();
    return;
}
if (args.FirstOrDefault() == "summaries")
{
    await SummaryLoadBenchmark.RunAsync(args.Length > 1 && int.TryParse(args[1], out var owners) ? owners : 1000);
    return;
}
if (args.FirstOrDefault() == "reports")
{
    await ReportsBenchmark.RunAsync(args.ElementAtOrDefault(1));
    return;
}
if (args.FirstOrDefault() == "orders")
{
    await OrdersBenchmark.RunAsync();
    return;
}
var runs = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 10;
var folder = Directory.CreateTempSubdirectory("uzumbot-kdf-").FullName;
var pepper = ServerPepper.Load(new SecurityOptions { PepperPath = Path.Combine(folder, "pepper.key") });
var vault = new TokenVault(pepper);
var (_, key) = vault.Seal("sandbox-benchmark-token", "tenant");

vault.TryUnwrapWithPin(vault.WrapWithPin(key, "000000", "tenant", 1), "000000", "tenant", 1)?.Dispose(); // warm-up
var wraps = new List<double>();
var unwraps = new List<double>();
var wrong = new List<double>();
for (var i = 0; i < runs; i++)
{
    var sw = Stopwatch.StartNew();
    var wrap = vault.WrapWithPin(key, "482193", "tenant", 1);
    wraps.Add(sw.Elapsed.TotalMilliseconds);
    sw.Restart();
    vault.TryUnwrapWithPin(wrap, "482193", "tenant", 1)?.Dispose();
    unwraps.Add(sw.Elapsed.TotalMilliseconds);
    sw.Restart();
    vault.TryUnwrapWithPin(wrap, "111111", "tenant", 1)?.Dispose();
    wrong.Add(sw.Elapsed.TotalMilliseconds);
}
key.Dispose();
Directory.Delete(folder, recursive: true);

static string Stats(List<double> ms)
{
    ms.Sort();
    return $"median {ms[ms.Count / 2]:0} ms, min {ms[0]:0} ms, max {ms[^1]:0} ms";
}
Console.WriteLine($"PBKDF2-HMAC-SHA256, {vault.Iterations:N0} iterations, {runs} runs, {Environment.ProcessorCount} cores");
Console.WriteLine($"wrap (set a PIN):        {Stats(wraps)}");
Console.WriteLine($"unwrap (right PIN):      {Stats(unwraps)}");
Console.WriteLine($"unwrap (wrong PIN):      {Stats(wrong)}");
var coreHours = 1_000_000 * wrong[wrong.Count / 2] / 1000 / 3600;
Console.WriteLine($"offline guessing of a 6-digit PIN (only with the pepper): ~{coreHours:0} core-hours per member");
