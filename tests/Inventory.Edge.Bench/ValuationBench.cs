using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Inventory.Edge.Bench;

/// <summary>
/// Stock valuation over a large ledger: seeds products and movements (receipts with costs, shipments,
/// transfers between two locations) straight into the in-process edge's SQLite file, derives the levels
/// from them, then times GET /api/reports/stock-valuation over HTTP for each method, as of now and as of
/// the middle of the ledger's history.
/// </summary>
internal static class ValuationBench
{
    private const double GoalSeconds = 5;

    public static async Task<int> RunAsync(BenchArgs args, CancellationToken cancellationToken)
    {
        var productCount = args.Int("products", 200_000, 10, Catalog.MaxProducts);
        var movementCount = args.Int("movements", 1_000_000, 10, 50_000_000);
        var runs = args.Int("runs", 3, 1, 100);
        var seed = args.Int("seed", 42, 0, int.MaxValue);
        var settings = EdgeSettings.From(args, allowRemote: false);
        args.RejectUnknown();

        await using var edge = await BenchEdge.StartAsync(settings, maxConnections: 2, cancellationToken);
        Console.WriteLine("valuation: GET /api/reports/stock-valuation over a seeded ledger");
        Console.WriteLine();
        Machine.Print(edge.DataDir);

        var locations = await LedgerSeed.CreateLocationsAsync(edge, "VAL", cancellationToken);
        var products = Catalog.Generate(productCount, seed).ToArray();
        var seeding = Stopwatch.StartNew();
        var (first, last) = await LedgerSeed.SeedAsync(edge, products, locations, movementCount, seed, cancellationToken);
        Console.WriteLine($"Seeded {products.Length:N0} products and {movementCount:N0} movements (receive with unit cost, ship, transfer pairs " +
            $"over 2 locations) straight into SQLite in {seeding.Elapsed.TotalSeconds:0.0} s; levels derived from them");
        Console.WriteLine();

        var middle = DateTimeOffset.FromUnixTimeMilliseconds((first + last) / 2);
        var table = new Table("method", "as of", "run", "seconds", "items", "total value", "MB");
        var worst = 0.0;
        foreach (var method in new[] { "fifo", "lifo", "wac" })
        {
            foreach (var (label, asOf) in new[] { ("now", (DateTimeOffset?)null), ("middle", middle) })
            {
                for (var run = 1; run <= runs; run++)
                {
                    var path = $"/api/reports/stock-valuation?method={method}" + (asOf is { } a ? "&asOf=" + Uri.EscapeDataString(a.ToString("O")) : "");
                    var start = Stopwatch.GetTimestamp();
                    using var response = await edge.SlowHttp.GetAsync(path, cancellationToken);
                    var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                    var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        throw new BenchFailure($"GET {path}: {(int)response.StatusCode} {BenchEdge.Shorten(System.Text.Encoding.UTF8.GetString(bytes))}");
                    }

                    using var body = JsonDocument.Parse(bytes);
                    worst = Math.Max(worst, seconds);
                    table.Add(method, label, Machine.Int(run), seconds.ToString("0.00", CultureInfo.InvariantCulture),
                        Machine.Int(body.RootElement.GetProperty("items").GetArrayLength()),
                        body.RootElement.GetProperty("totalValue").GetDecimal().ToString("N2", CultureInfo.InvariantCulture),
                        (bytes.Length / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture));
                }
            }
        }

        Console.WriteLine("Results (send to last byte of the JSON answer, one call at a time)");
        Console.Write(table);
        Console.WriteLine();
        Console.WriteLine($"Goal: <= {GoalSeconds:0} s per valuation of {movementCount:N0} movements over {productCount:N0} products: " +
            $"{(worst <= GoalSeconds ? "met" : "NOT met")} (slowest {worst:0.00} s)");
        Machine.PrintLoadAtEnd();
        return 0;
    }
}
