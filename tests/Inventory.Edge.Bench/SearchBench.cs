using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Inventory.Edge.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Inventory.Edge.Bench;

/// <summary>
/// Catalog search latency: seeds a large catalog straight into the in-process edge's SQLite file (the FTS5
/// triggers index it as the API would), then times GET /api/products?q= over HTTP, one query at a time,
/// for the kinds of search a warehouse makes: a SKU, a scanned barcode, a word, a two-letter type-ahead
/// prefix and a fragment with a typo.
/// </summary>
internal static class SearchBench
{
    private const int SeedBatch = 25_000;
    private const int Examples = 2;
    private const double GoalP95Ms = 20;

    private enum Kind
    {
        Sku,
        Barcode,
        Word,
        Prefix,
        Typo,
    }

    /// <summary>A query and what it was after: <paramref name="Fragment"/> is a typo query's text before the typo.</summary>
    private sealed record Query(Kind Kind, string Text, GeneratedProduct Target, string? Fragment = null);

    private sealed record Outcome(Query Query, double Ms, int Results, bool More, bool Hit, bool ExactTarget, string? First);

    public static async Task<int> RunAsync(BenchArgs args, CancellationToken cancellationToken)
    {
        var productCount = args.Int("products", 200_000, 100, Catalog.MaxProducts);
        var queryCount = args.Int("queries", 2000, 1, 1_000_000);
        var warmupCount = args.Int("warmup-queries", 100, 0, 100_000);
        var seed = args.Int("seed", 42, 0, int.MaxValue);
        var maxSeconds = args.Seconds("max-seconds", 600, 1, 86_400);
        var settings = EdgeSettings.From(args, allowRemote: false);
        args.RejectUnknown();

        await using var edge = await BenchEdge.StartAsync(settings, maxConnections: 2, cancellationToken);
        Console.WriteLine("search: catalog search latency over HTTP (GET /api/products?q=…, default page of 50)");
        Console.WriteLine();
        Machine.Print(edge.DataDir);

        var products = Catalog.Generate(productCount, seed).ToArray();
        var seeding = Stopwatch.StartNew();
        var indexed = await SeedAsync(edge, products, cancellationToken);
        Console.WriteLine($"Seeded {products.Length:N0} products and {products.Length:N0} barcodes straight into SQLite in " +
            $"{seeding.Elapsed.TotalSeconds:0.0} s ({products.Length / seeding.Elapsed.TotalSeconds:N0} products/s); search index holds {indexed:N0} rows");
        Console.WriteLine($"Queries: {queryCount:N0} timed (after {warmupCount:N0} warm-up), one at a time, equal parts " +
            string.Join(", ", Enum.GetNames<Kind>().Select(n => n.ToLowerInvariant())) + $"; seed {seed}");
        Console.WriteLine();

        var random = new Random(seed + 1);
        var warmup = MakeQueries(products, warmupCount, random);
        var queries = MakeQueries(products, queryCount, random);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(TimeSpan.FromSeconds(maxSeconds));
        await RunAsync(edge, warmup, stop.Token);
        var outcomes = await RunAsync(edge, queries, stop.Token);
        cancellationToken.ThrowIfCancellationRequested();
        if (outcomes.Count < queries.Count)
        {
            Console.WriteLine($"Stopped after {outcomes.Count:N0} of {queries.Count:N0} queries: --max-seconds {maxSeconds:0} ran out.");
            Console.WriteLine();
        }

        Report(outcomes);
        Machine.PrintLoadAtEnd();
        return 0;
    }

    private static async Task<long> SeedAsync(BenchEdge edge, GeneratedProduct[] products, CancellationToken cancellationToken)
    {
        await using var connection = await edge.Services.GetRequiredService<EdgeDatabase>().OpenAsync(cancellationToken);
        await using var product = connection.CreateCommand();
        product.CommandText = """
            INSERT INTO products (id, sku, name, description, category_id, parent_id, attributes, cost_price, selling_price,
                reorder_point, reorder_quantity, max_level, unit, weight, image_url, is_active, version, created_at, updated_at)
            VALUES ($id, $sku, $name, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'each', NULL, NULL, 1, 1, $at, $at)
            """;
        var id = product.Parameters.Add("$id", SqliteType.Text);
        var sku = product.Parameters.Add("$sku", SqliteType.Text);
        var name = product.Parameters.Add("$name", SqliteType.Text);
        var at = product.Parameters.Add("$at", SqliteType.Integer);
        await using var barcode = connection.CreateCommand();
        barcode.CommandText = "INSERT INTO product_barcodes (code, product_id, kind, pack_quantity) VALUES ($code, $product, 'unit', 1)";
        var code = barcode.Parameters.Add("$code", SqliteType.Text);
        var owner = barcode.Parameters.Add("$product", SqliteType.Text);

        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        for (var start = 0; start < products.Length; start += SeedBatch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            product.Transaction = transaction;
            barcode.Transaction = transaction;
            product.Prepare();
            barcode.Prepare();
            foreach (var p in products.AsSpan(start, Math.Min(SeedBatch, products.Length - start)))
            {
                id.Value = p.Id.ToString("D");
                sku.Value = p.Sku;
                name.Value = p.Name;
                at.Value = now;
                product.ExecuteNonQuery();
                code.Value = p.Barcode;
                owner.Value = id.Value;
                barcode.ExecuteNonQuery();
            }

            await transaction.CommitAsync(cancellationToken);
        }

        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM product_search WHERE barcodes <> ''";
        return (long)(await count.ExecuteScalarAsync(cancellationToken))!;
    }

    private static List<Query> MakeQueries(GeneratedProduct[] products, int count, Random random)
    {
        var kinds = Enum.GetValues<Kind>();
        var queries = new List<Query>(count);
        for (var i = 0; i < count; i++)
        {
            var kind = kinds[i % kinds.Length];
            var target = products[random.Next(products.Length)];
            var words = target.Name.Split(' ');
            var letterWords = words.Where(w => w.Length >= 3 && w.All(char.IsLetter)).ToArray();
            queries.Add(kind switch
            {
                Kind.Sku => new Query(kind, target.Sku, target),
                Kind.Barcode => new Query(kind, target.Barcode, target),
                Kind.Word => new Query(kind, letterWords[random.Next(letterWords.Length)], target),
                Kind.Prefix => new Query(kind, letterWords[random.Next(letterWords.Length)][..2], target),
                _ => Typo(target, words, random),
            });
        }

        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(queries));
        return queries;
    }

    /// <summary>Two or three neighbouring words of the name with one letter dropped or two swapped in one of them.</summary>
    private static Query Typo(GeneratedProduct target, string[] words, Random random)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var length = Math.Min(words.Length, random.Next(2, 4));
            var first = random.Next(words.Length - length + 1);
            var fragmentWords = words[first..(first + length)];
            var candidates = Enumerable.Range(0, length).Where(w => fragmentWords[w].Length >= 4 && fragmentWords[w].All(char.IsLetter)).ToArray();
            if (candidates.Length == 0)
            {
                continue;
            }

            var which = candidates[random.Next(candidates.Length)];
            var word = fragmentWords[which];
            string typo;
            if (random.Next(2) == 0)
            {
                var drop = random.Next(1, word.Length);
                typo = word.Remove(drop, 1);
            }
            else
            {
                var swap = random.Next(1, word.Length - 1);
                typo = string.Concat(word.AsSpan(0, swap), word.AsSpan(swap + 1, 1), word.AsSpan(swap, 1), word.AsSpan(swap + 2));
            }

            if (string.Equals(typo, word, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var fragment = string.Join(' ', fragmentWords);
            fragmentWords[which] = typo;
            return new Query(Kind.Typo, string.Join(' ', fragmentWords), target, fragment);
        }

        throw new InvalidOperationException($"No word of '{target.Name}' takes a typo.");
    }

    private static async Task<List<Outcome>> RunAsync(BenchEdge edge, List<Query> queries, CancellationToken stop)
    {
        var outcomes = new List<Outcome>(queries.Count);
        foreach (var query in queries)
        {
            if (stop.IsCancellationRequested)
            {
                break;
            }

            var path = "/api/products?q=" + Uri.EscapeDataString(query.Text);
            var start = Stopwatch.GetTimestamp();
            string text;
            HttpStatusCode status;
            try
            {
                using var response = await edge.Http.GetAsync(path, stop);
                text = await response.Content.ReadAsStringAsync(stop);
                status = response.StatusCode;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                break;
            }

            var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (status != HttpStatusCode.OK)
            {
                throw new BenchFailure($"GET {path}: {(int)status} {BenchEdge.Shorten(text)}");
            }

            using var page = JsonDocument.Parse(text);
            var items = page.RootElement.GetProperty("items");
            var more = page.RootElement.GetProperty("next").ValueKind != JsonValueKind.Null;
            var exact = false;
            var fragmentFound = false;
            string? first = null;
            foreach (var item in items.EnumerateArray())
            {
                var name = item.GetProperty("name").GetString() ?? "";
                first ??= name;
                exact |= item.GetProperty("id").GetGuid() == query.Target.Id;
                fragmentFound |= query.Fragment is not null && name.Contains(query.Fragment, StringComparison.OrdinalIgnoreCase);
            }

            var count = items.GetArrayLength();
            var hit = query.Kind switch
            {
                Kind.Sku or Kind.Barcode => exact,
                Kind.Typo => fragmentFound || exact,
                _ => count > 0,
            };
            outcomes.Add(new Outcome(query, ms, count, more, hit, exact, first));
        }

        return outcomes;
    }

    private static void Report(List<Outcome> outcomes)
    {
        var table = new Table("kind", "queries", "p50 ms", "p95 ms", "p99 ms", "max ms", "mean ms", "results", "hit");
        void Row(string label, IReadOnlyCollection<Outcome> rows)
        {
            var summary = Summarize(rows);
            table.Add(
                label,
                Machine.Int(rows.Count),
                Latencies.Summary.Ms(summary.P50),
                Latencies.Summary.Ms(summary.P95),
                Latencies.Summary.Ms(summary.P99),
                Latencies.Summary.Ms(summary.Max),
                Latencies.Summary.Ms(summary.Mean),
                rows.Count == 0 ? "-" : rows.Average(o => o.Results).ToString("0.0", CultureInfo.InvariantCulture),
                Percent(rows.Count(o => o.Hit), rows.Count));
        }

        foreach (var kind in Enum.GetValues<Kind>())
        {
            Row(kind.ToString().ToLowerInvariant(), outcomes.Where(o => o.Query.Kind == kind).ToList());
        }

        Row("all", outcomes);
        Console.WriteLine("Results (latency: send to last byte of the answer, one query at a time)");
        Console.Write(table);
        Console.WriteLine("  results  mean items on the first page (at most 50)");
        Console.WriteLine("  hit      sku, barcode: that product is on the first page; word, prefix: anything found;");
        Console.WriteLine("           typo: a result's name holds the fragment as it was before the typo (or it is the product it came from)");
        Console.WriteLine();

        var typos = outcomes.Where(o => o.Query.Kind == Kind.Typo).ToList();
        if (typos.Count > 0)
        {
            Console.WriteLine("Typo queries");
            Console.WriteLine($"  intended fragment found  {Percent(typos.Count(o => o.Hit), typos.Count)} of {typos.Count:N0}");
            Console.WriteLine($"  exact source product     {Percent(typos.Count(o => o.ExactTarget), typos.Count)} on the first page");
            Console.WriteLine($"  nothing found            {Percent(typos.Count(o => o.Results == 0), typos.Count)}");
            Console.WriteLine($"  results                  {typos.Sum(o => o.Results):N0} in all, {typos.Average(o => o.Results):0.0} per query");
            Console.WriteLine();
        }

        Console.WriteLine("Examples");
        foreach (var kind in Enum.GetValues<Kind>())
        {
            foreach (var o in outcomes.Where(o => o.Query.Kind == kind).Take(Examples))
            {
                Console.WriteLine($"  {kind.ToString().ToLowerInvariant(),-8} {Quote(o.Query.Text),-34} {o.Ms,7:0.0} ms  {o.Results,2}{(o.More ? "+" : " ")} results, " +
                    $"{(o.Hit ? "hit " : "MISS")}  first: {(o.First is null ? "-" : Quote(o.First))}" +
                    (o.Query.Fragment is null ? "" : $"  (meant {Quote(o.Query.Fragment)})"));
            }
        }

        Console.WriteLine();
        Console.WriteLine("Slowest");
        foreach (var o in outcomes.OrderByDescending(o => o.Ms).Take(5))
        {
            Console.WriteLine($"  {o.Ms,7:0.0} ms  {o.Query.Kind.ToString().ToLowerInvariant(),-8} {Quote(o.Query.Text)}  {o.Results}{(o.More ? "+" : "")} results");
        }

        Console.WriteLine();
        var p95 = Summarize(outcomes).P95;
        Console.WriteLine($"Goal: p95 <= {GoalP95Ms:0} ms over all queries: {(p95 <= GoalP95Ms ? "met" : "NOT met")} (p95 {Latencies.Summary.Ms(p95)} ms)");
    }

    private static Latencies.Summary Summarize(IEnumerable<Outcome> rows)
    {
        var latencies = new Latencies();
        foreach (var o in rows)
        {
            latencies.AddMs(o.Ms);
        }

        return latencies.Summarize();
    }

    private static string Percent(int part, int whole) =>
        whole == 0 ? "-" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Quote(string text) => "\"" + text + "\"";
}
