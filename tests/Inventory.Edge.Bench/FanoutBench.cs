using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Inventory.Edge.Features.Realtime;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Inventory.Edge.Bench;

/// <summary>
/// SignalR fan-out: N clients watch the site over WebSockets; the bench records movements one at a time
/// and measures, for every client, the time from sending the movement request to receiving its
/// levelChanged (so the commit is inside the figure). Every delivery is counted; a missing one is an error.
/// </summary>
internal static class FanoutBench
{
    public static async Task<int> RunAsync(BenchArgs args, CancellationToken cancellationToken)
    {
        var clients = args.Int("clients", 1000, 1, 10_000);
        var rounds = args.Int("rounds", 100, 1, 100_000);
        var interval = args.Seconds("interval", 0.1, 0, 60);
        var settings = EdgeSettings.From(args, allowRemote: true);
        args.RejectUnknown();

        await using var edge = await BenchEdge.StartAsync(settings, 4, cancellationToken);
        Console.WriteLine("fanout: one level change delivered to every connected SignalR client");
        Console.WriteLine();
        Machine.Print(edge.DataDir);
        Console.WriteLine("Run");
        Console.WriteLine($"  edge         {(edge.InProcess ? "in-process (clients and edge share the CPUs)" : "running edge")} at {edge.BaseAddress}");
        Console.WriteLine($"  workload     {clients:N0} WebSocket clients on /hubs/inventory (site group); {rounds} movements, one every {interval * 1000:0} ms");
        Console.WriteLine();

        var location = (await edge.SendAsync(HttpMethod.Post, "/api/locations",
            new { code = "FAN" + Random.Shared.Next(1000, 9999), name = "Fan-out", type = "warehouse" }, HttpStatusCode.Created, cancellationToken))
            .GetProperty("id").GetGuid();
        var product = (await edge.SendAsync(HttpMethod.Post, "/api/products",
            new { sku = "FAN-" + Guid.NewGuid().ToString("N")[..8], name = "Fan-out product", unit = "each" }, HttpStatusCode.Created, cancellationToken))
            .GetProperty("id").GetGuid();
        var token = edge.Http.DefaultRequestHeaders.Authorization!.Parameter!;

        var sent = new ConcurrentDictionary<Guid, long>();
        var latencies = new Latencies(clients * rounds);
        var latencyLock = new Lock();
        var delivered = 0L;
        var connections = new List<HubConnection>(clients);
        var connectWatch = Stopwatch.StartNew();
        try
        {
            using var gate = new SemaphoreSlim(32);
            var starts = Enumerable.Range(0, clients).Select(async _ =>
            {
                var connection = new HubConnectionBuilder()
                    .WithUrl(new Uri(edge.BaseAddress, InventoryHub.Path), o =>
                    {
                        o.Transports = HttpTransportType.WebSockets;
                        o.SkipNegotiation = true;
                        o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                    })
                    .Build();
                connection.On<LevelChanged>(InventoryHub.LevelChangedMethod, change =>
                {
                    var now = Stopwatch.GetTimestamp();
                    if (change.MovementId is { } id && sent.TryGetValue(id, out var start))
                    {
                        lock (latencyLock)
                        {
                            latencies.Add(start, now);
                        }

                        Interlocked.Increment(ref delivered);
                    }
                });
                await gate.WaitAsync(cancellationToken);
                try
                {
                    await connection.StartAsync(cancellationToken);
                }
                finally
                {
                    gate.Release();
                }

                lock (connections)
                {
                    connections.Add(connection);
                }
            }).ToList();
            await Task.WhenAll(starts);
            Console.WriteLine($"Connected {connections.Count:N0} clients in {connectWatch.Elapsed.TotalSeconds:0.0} s");

            for (var round = 0; round < rounds; round++)
            {
                var id = Guid.CreateVersion7();
                sent[id] = Stopwatch.GetTimestamp();
                await edge.SendAsync(HttpMethod.Post, "/api/inventory/receive",
                    new { id, productId = product, locationId = location, quantity = 1 }, HttpStatusCode.Created, cancellationToken);
                if (interval > 0)
                {
                    await Task.Delay(TimeSpan.FromSeconds(interval), cancellationToken);
                }
            }

            var expected = (long)clients * rounds;
            var deadline = Stopwatch.StartNew();
            while (Interlocked.Read(ref delivered) < expected && deadline.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(50, cancellationToken);
            }

            Summary(latencies, Interlocked.Read(ref delivered), expected);
            Machine.PrintLoadAtEnd();
            return Interlocked.Read(ref delivered) == expected ? 0 : 1;
        }
        finally
        {
            await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
        }
    }

    private static void Summary(Latencies latencies, long delivered, long expected)
    {
        var s = latencies.Summarize();
        var table = new Table("deliveries", "missing", "p50 ms", "p95 ms", "p99 ms", "max ms");
        table.Add(Machine.Int(delivered), Machine.Int(expected - delivered), Latencies.Summary.Ms(s.P50), Latencies.Summary.Ms(s.P95),
            Latencies.Summary.Ms(s.P99), Latencies.Summary.Ms(s.Max));
        Console.WriteLine();
        Console.WriteLine("Results (send of the movement request to a client's receipt of its levelChanged)");
        Console.WriteLine(table);
        Console.WriteLine($"Goal: p99 <= 250 ms to 1,000 clients: {(s.P99 <= 250 && delivered == expected ? "met" : "NOT met")} (p99 {Latencies.Summary.Ms(s.P99)} ms)");
    }
}
