using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Inventory.Edge.Bench;

/// <summary>
/// Durable movement throughput over real HTTP: N clients loop on POST /api/inventory/receive (and /ship
/// with --mix), each with a fresh client-made id; only 201 counts as acknowledged, i.e. committed with
/// fsync by the edge's group-commit writer. With --lots N the load is ships without a lot, run per level first on
/// products with one lot and then on products with N lots (seeded straight into SQLite), so one run gives the cost of
/// the writer's first-expiry-first allocation as the ratio of the two figures.
/// </summary>
internal sealed class MovementsBench
{
    private static readonly IReadOnlyList<int> DefaultClients = [1, 16, 64];

    /// <summary>How long past its end a phase may run before in-flight requests are abandoned.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(45);

    /// <summary>The goal of --lots: ship throughput with N lots per product at least this share of the single-lot figure.</summary>
    private const double LotsGoal = 0.8;

    /// <summary>Units per lot in the --lots seed: a few lots per product empty during a run, so FEFO moves on as it would.</summary>
    private const long UnitsPerLot = 200;

    private readonly BenchEdge _edge;
    private readonly string[] _products;
    private readonly string _location;
    private readonly bool _mix;
    private readonly bool _shipOnly;
    private readonly ErrorLog _errors;

    private MovementsBench(BenchEdge edge, string[] products, string location, bool mix, bool shipOnly, ErrorLog errors)
    {
        _edge = edge;
        _products = products;
        _location = location;
        _mix = mix;
        _shipOnly = shipOnly;
        _errors = errors;
    }

    public static async Task<int> RunAsync(BenchArgs args, CancellationToken cancellationToken)
    {
        var levels = args.IntList("clients", DefaultClients, 1, 1024);
        var seconds = args.Seconds("seconds", 10, 1, 3600);
        var warmup = args.Seconds("warmup", 2, 0, 600);
        var productCount = args.Int("products", 1000, 1, 100_000);
        var mix = args.Flag("mix");
        var lots = args.Int("lots", 0, 2, 1000);
        var settings = EdgeSettings.From(args, allowRemote: true);
        args.RejectUnknown();
        if (lots > 0 && mix)
        {
            throw new BenchUsageException("--lots runs ships only; it does not go with --mix.");
        }

        await using var edge = await BenchEdge.StartAsync(settings, levels.Max(), cancellationToken);
        if (lots > 0 && !edge.InProcess)
        {
            throw new BenchUsageException("--lots seeds its lots straight into SQLite: in-process edge only (no --url).");
        }

        Console.WriteLine("movements: durable movement throughput over HTTP");
        Console.WriteLine();
        Machine.Print(edge.DataDir);
        Console.WriteLine("Run");
        Console.WriteLine($"  edge         {(edge.InProcess ? "in-process (client and edge share the CPUs)" : "running edge")} at {edge.BaseAddress}");
        Console.WriteLine($"  MaxBatch     {edge.MaxBatchDescription(settings)}");
        Console.WriteLine($"  workload     {Workload(mix, lots)}, quantity 1, random product of {productCount:N0}, 1 location");
        Console.WriteLine($"  phases       per level{(lots > 0 ? $" and product set (1 lot, then {lots} lots)" : "")}: {warmup:0.#} s warm-up, then {seconds:0.#} s timed; clients {string.Join(",", levels)}");
        Console.WriteLine();

        var setup = Stopwatch.StartNew();
        var location = await CreateLocationAsync(edge, cancellationToken);
        var errors = new ErrorLog();
        var runs = new List<(int Lots, MovementsBench Bench)>();
        long seeded = 0;
        if (lots > 0)
        {
            var tag = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
            var single = await LotStockSeed.SeedAsync(edge, location, $"LOT1-{tag}", productCount, 1, UnitsPerLot * lots, 1, cancellationToken);
            var many = await LotStockSeed.SeedAsync(edge, location, $"LOTN-{tag}", productCount, lots, UnitsPerLot, 2, cancellationToken);
            seeded = productCount + (long)productCount * lots;
            runs.Add((1, new MovementsBench(edge, single, location, mix: false, shipOnly: true, errors)));
            runs.Add((lots, new MovementsBench(edge, many, location, mix: false, shipOnly: true, errors)));
            Console.WriteLine($"Setup: 1 location over HTTP; {productCount:N0} products with 1 lot of {UnitsPerLot * lots:N0} and {productCount:N0} " +
                $"with {lots} lots of {UnitsPerLot:N0} (distinct expiries, 10 bins) straight into SQLite in {setup.Elapsed.TotalSeconds:0.0} s");
        }
        else
        {
            var products = await CreateProductsAsync(edge, productCount, cancellationToken);
            runs.Add((0, new MovementsBench(edge, products, location, mix, shipOnly: false, errors)));
            Console.WriteLine($"Setup: 1 location and {products.Length:N0} products over HTTP in {setup.Elapsed.TotalSeconds:0.0} s");
        }

        Console.WriteLine();

        string[] columns = ["clients", "acked", "acked/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors", "commits", "req/commit"];
        var table = new Table(lots > 0 ? ["lots", .. columns] : columns);
        var perSecondOf = new Dictionary<(int Clients, int Lots), double>();
        long acknowledgedAll = 0;
        long unansweredAll = 0;
        var anyErrors = false;
        foreach (var clients in levels)
        foreach (var (lotCount, bench) in runs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Console.Write(lots > 0 ? $"  {clients} client(s), {lotCount} lot(s): " : $"  {clients} client(s): ");
            if (warmup > 0)
            {
                Console.Write($"warm-up {warmup:0.#} s… ");
                var warm = await bench.RunPhaseAsync("warm-up", clients, TimeSpan.FromSeconds(warmup), cancellationToken);
                acknowledgedAll += warm.Acknowledged;
                unansweredAll += warm.Unanswered;
                anyErrors |= warm.Errors > 0;
            }

            Console.Write($"timed {seconds:0.#} s… ");
            var before = await StatsAsync(edge, cancellationToken);
            var run = await bench.RunPhaseAsync("timed", clients, TimeSpan.FromSeconds(seconds), cancellationToken);
            var after = await StatsAsync(edge, cancellationToken);
            acknowledgedAll += run.Acknowledged;
            unansweredAll += run.Unanswered;
            anyErrors |= run.Errors > 0;

            var commits = after.Commits - before.Commits;
            var requests = after.Requests - before.Requests;
            var latency = run.Latencies.Summarize();
            var perSecond = run.Acknowledged / run.Elapsed.TotalSeconds;
            perSecondOf[(clients, lotCount)] = perSecond;
            string[] lotCell = lots > 0 ? [lotCount.ToString(CultureInfo.InvariantCulture)] : [];
            table.Add(
                [.. lotCell,
                clients.ToString(CultureInfo.InvariantCulture),
                Machine.Int(run.Acknowledged),
                perSecond.ToString("N0", CultureInfo.InvariantCulture),
                Latencies.Summary.Ms(latency.P50),
                Latencies.Summary.Ms(latency.P95),
                Latencies.Summary.Ms(latency.P99),
                Latencies.Summary.Ms(latency.Max),
                Machine.Int(run.Errors),
                Machine.Int(commits),
                commits > 0 ? ((double)requests / commits).ToString("0.0", CultureInfo.InvariantCulture) : "-"]);
            Console.WriteLine($"{perSecond:N0} acked/s");
        }

        Console.WriteLine();
        Console.WriteLine("Results (timed phases; latency of acknowledged requests, send to last byte of the answer)");
        Console.Write(table);
        Console.WriteLine("  acked/s    201 answers / (start of the phase to the last answer; requests in flight at the end are waited for)");
        Console.WriteLine("  req/commit (requests committed) / (transactions committed) from GET /api/ledger/stats around the timed phase");
        Console.WriteLine();
        if (lots > 0)
        {
            PrintLotsRatio(levels, lots, perSecondOf);
        }

        errors.Print();

        var integrityOk = await CheckIntegrityAsync(edge, acknowledgedAll, unansweredAll, seeded, cancellationToken);
        Machine.PrintLoadAtEnd();
        return integrityOk && !anyErrors ? 0 : 1;
    }

    private static string Workload(bool mix, int lots) =>
        lots > 0 ? $"ship only, no lot named (the writer allocates first expiry first), per level on 1-lot then {lots}-lot products"
        : mix ? "receive/ship alternating (each ship takes what the same client just received)"
        : "receive only";

    /// <summary>The allocation cost: N-lot over single-lot ships per second at each level, against the goal.</summary>
    private static void PrintLotsRatio(IReadOnlyList<int> levels, int lots, Dictionary<(int Clients, int Lots), double> perSecondOf)
    {
        var ratios = new Table("clients", "1 lot acked/s", $"{lots} lots acked/s", "ratio", $"goal >= {LotsGoal:P0}");
        foreach (var clients in levels.Distinct())
        {
            var one = perSecondOf[(clients, 1)];
            var many = perSecondOf[(clients, lots)];
            var ratio = one > 0 ? many / one : 0;
            ratios.Add(
                clients.ToString(CultureInfo.InvariantCulture),
                one.ToString("N0", CultureInfo.InvariantCulture),
                many.ToString("N0", CultureInfo.InvariantCulture),
                ratio.ToString("P0", CultureInfo.InvariantCulture),
                ratio >= LotsGoal ? "met" : "NOT MET");
        }

        Console.WriteLine($"Allocation cost ({lots} lots per product against 1; same run, same edge)");
        Console.Write(ratios);
        Console.WriteLine();
    }

    private async Task<PhaseResult> RunPhaseAsync(string phase, int clients, TimeSpan duration, CancellationToken cancellationToken)
    {
        using var hardStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        hardStop.CancelAfter(duration + Grace);
        var start = Stopwatch.GetTimestamp();
        var end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = new Task<ClientResult>[clients];
        for (var i = 0; i < clients; i++)
        {
            workers[i] = Task.Run(() => ClientAsync(phase, end, hardStop.Token), CancellationToken.None);
        }

        var results = await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(start);
        cancellationToken.ThrowIfCancellationRequested();
        return new PhaseResult(
            results.Sum(r => r.Acknowledged),
            results.Sum(r => r.Errors),
            results.Sum(r => r.Unanswered),
            Latencies.Merge(results.Select(r => r.Latencies)),
            elapsed);
    }

    /// <summary>One simulated client: one request at a time until the phase ends (checked before each send).</summary>
    private async Task<ClientResult> ClientAsync(string phase, long endTimestamp, CancellationToken hardStop)
    {
        var result = new ClientResult();
        string? toShip = null;
        while (!hardStop.IsCancellationRequested && Stopwatch.GetTimestamp() < endTimestamp)
        {
            var ship = _shipOnly || toShip is not null;
            var product = toShip ?? _products[Random.Shared.Next(_products.Length)];
            var path = ship ? "/api/inventory/ship" : "/api/inventory/receive";
            var id = Guid.CreateVersion7();
            var body = ship
                ? $$"""{"id":"{{id}}","productId":"{{product}}","locationId":"{{_location}}","quantity":1}"""
                : $$"""{"id":"{{id}}","productId":"{{product}}","locationId":"{{_location}}","quantity":1,"unitCost":1.0}""";
            toShip = null;
            var start = Stopwatch.GetTimestamp();
            try
            {
                using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = await _edge.Http.PostAsync(path, content, hardStop);
                var answer = await response.Content.ReadAsByteArrayAsync(hardStop);
                var end = Stopwatch.GetTimestamp();
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    result.Acknowledged++;
                    result.Latencies.Add(start, end);
                    toShip = _mix && !ship ? product : null;
                }
                else
                {
                    result.Errors++;
                    _errors.Record(phase, $"{(int)response.StatusCode} {path}", Encoding.UTF8.GetString(answer));
                }
            }
            catch (OperationCanceledException) when (hardStop.IsCancellationRequested)
            {
                // The phase overran its grace period (or Ctrl+C): the request in flight is abandoned.
                result.Errors++;
                result.Unanswered++;
                _errors.Record(phase, "abandoned at the hard stop", path);
                break;
            }
            catch (TaskCanceledException ex)
            {
                result.Errors++;
                result.Unanswered++;
                _errors.Record(phase, "timed out", $"{path}: {ex.Message}");
            }
            catch (HttpRequestException ex)
            {
                result.Errors++;
                result.Unanswered++;
                _errors.Record(phase, "request failed", $"{path}: {ex.Message}");
            }
        }

        return result;
    }

    internal static async Task<string> CreateLocationAsync(BenchEdge edge, CancellationToken cancellationToken)
    {
        using var content = System.Net.Http.Json.JsonContent.Create(
            new { code = "BENCH", name = "Bench", type = "warehouse" }, options: BenchEdge.Json);
        using var response = await edge.Http.PostAsync("/api/locations", content, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode == HttpStatusCode.Created)
        {
            return JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid().ToString();
        }

        if (response.StatusCode != HttpStatusCode.Conflict)
        {
            throw new BenchFailure($"POST /api/locations: {(int)response.StatusCode} {BenchEdge.Shorten(text)}");
        }

        // A running edge benched before already has it.
        var all = await edge.SendAsync(HttpMethod.Get, "/api/locations", null, HttpStatusCode.OK, cancellationToken);
        foreach (var location in all.EnumerateArray())
        {
            if (location.GetProperty("code").GetString() == "BENCH")
            {
                return location.GetProperty("id").GetGuid().ToString();
            }
        }

        throw new BenchFailure("Location BENCH exists but is not listed (deactivated?).");
    }

    internal static async Task<string[]> CreateProductsAsync(BenchEdge edge, int count, CancellationToken cancellationToken)
    {
        // A run tag keeps SKUs unique when a running edge is benched more than once.
        var run = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var ids = new string[count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var sku = $"BENCH-{run}-{i + 1:D6}";
                var body = await edge.SendAsync(
                    HttpMethod.Post, "/api/products", new { sku, name = $"Bench item {i + 1}", unit = "each" }, HttpStatusCode.Created, ct);
                ids[i] = body.GetProperty("id").GetGuid().ToString();
            });
        return ids;
    }

    private static async Task<(long Commits, long Requests)> StatsAsync(BenchEdge edge, CancellationToken cancellationToken)
    {
        var stats = await edge.SendAsync(HttpMethod.Get, "/api/ledger/stats", null, HttpStatusCode.OK, cancellationToken);
        return (stats.GetProperty("commits").GetInt64(), stats.GetProperty("requests").GetInt64());
    }

    /// <summary>
    /// The ledger and the levels must agree after the storm; on a fresh in-process edge the ledger must also
    /// hold every acknowledged movement (and at most those plus the ones whose answer never came).
    /// </summary>
    private static async Task<bool> CheckIntegrityAsync(
        BenchEdge edge, long acknowledged, long unanswered, long seeded, CancellationToken cancellationToken)
    {
        var report = await edge.SendAsync(HttpMethod.Post, "/api/integrity/check", null, HttpStatusCode.OK, cancellationToken, slow: true);
        var ok = report.GetProperty("ok").GetBoolean();
        var movements = report.GetProperty("movements").GetInt64();
        var differences = report.GetProperty("differences").GetArrayLength();
        Console.WriteLine("Integrity (POST /api/integrity/check after the run)");
        Console.WriteLine($"  ledger vs levels  {(ok ? "ok" : $"MISMATCH: {differences} difference(s)")} " +
            $"({movements:N0} movements, {report.GetProperty("levels").GetInt32():N0} levels, {report.GetProperty("elapsedMs").GetDouble():0} ms)");
        if (!ok)
        {
            foreach (var difference in report.GetProperty("differences").EnumerateArray().Take(5))
            {
                Console.WriteLine("    " + BenchEdge.Shorten(difference.GetRawText()));
            }
        }

        if (edge.InProcess)
        {
            var durable = movements - seeded >= acknowledged && movements - seeded <= acknowledged + unanswered;
            Console.WriteLine($"  acknowledged      {acknowledged:N0} answered 201 (warm-ups included), {unanswered:N0} unanswered" +
                (seeded > 0 ? $", {seeded:N0} seeded: " : ": ") +
                (durable ? "all in the ledger" : "LEDGER DISAGREES"));
            ok &= durable;
        }

        Console.WriteLine();
        return ok;
    }

    private sealed class ClientResult
    {
        public long Acknowledged { get; set; }
        public long Errors { get; set; }
        public long Unanswered { get; set; }
        public Latencies Latencies { get; } = new(4096);
    }

    private sealed record PhaseResult(long Acknowledged, long Errors, long Unanswered, Latencies Latencies, TimeSpan Elapsed);
}
