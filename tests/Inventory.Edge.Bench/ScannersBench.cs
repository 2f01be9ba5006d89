using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Inventory.Domain.Catalog;
using Inventory.Edge.Features.Mqtt;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Inventory.Edge.Bench;

/// <summary>
/// N simulated fixed scanners on the embedded broker, each publishing receive scans at a fixed rate and
/// timing the result that comes back on its own result topic: the figure the issue asks for (200 × 10/s,
/// p99 ≤ 100 ms).
/// </summary>
internal static class ScannersBench
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(BenchArgs args, CancellationToken cancellationToken)
    {
        var devices = args.Int("devices", 200, 1, 5000);
        var rate = args.Seconds("rate", 10, 0.1, 1000);
        var seconds = args.Seconds("seconds", 20, 1, 3600);
        var warmup = args.Seconds("warmup", 3, 0, 600);
        var productCount = args.Int("products", 200, 1, 100_000);
        var settings = EdgeSettings.From(args, allowRemote: false);
        args.RejectUnknown();

        var port = FreePort();
        await using var edge = await BenchEdge.StartAsync(settings, 16, cancellationToken,
        [
            $"--Inventory:Mqtt:Port={port.ToString(CultureInfo.InvariantCulture)}",
            "--Inventory:Mqtt:BindAddress=127.0.0.1",
            // Above the offered rate, so the limiter is exercised on every scan but refuses none.
            $"--Inventory:Mqtt:ScanRateLimit={(rate * 2).ToString(CultureInfo.InvariantCulture)}",
        ]);
        var mqttPort = edge.Services.GetRequiredService<MqttListeners>().PlainPort!.Value;
        Console.WriteLine("scanners: scan -> result latency over MQTT (embedded broker)");
        Console.WriteLine();
        Machine.Print(edge.DataDir);
        Console.WriteLine("Run");
        Console.WriteLine($"  edge         in-process (scanners and edge share the CPUs), MQTT on 127.0.0.1:{mqttPort}");
        Console.WriteLine($"  workload     {devices} scanners x {rate:0.##} scans/s = {devices * rate:N0} scans/s offered; receive, quantity 1, random product of {productCount}");
        Console.WriteLine($"  phases       {warmup:0.#} s warm-up, then {seconds:0.#} s timed");
        Console.WriteLine();

        var setup = Stopwatch.StartNew();
        var locationCode = "BENCH";
        await edge.SendAsync(HttpMethod.Post, "/api/locations", new { code = locationCode, name = "Bench", type = "warehouse" }, HttpStatusCode.Created, cancellationToken);
        var barcodes = new string[productCount];
        for (var i = 0; i < productCount; i++)
        {
            var digits = "20" + i.ToString("D10", CultureInfo.InvariantCulture);
            barcodes[i] = digits + Gtin.CheckDigit(digits).ToString(CultureInfo.InvariantCulture);
            await edge.SendAsync(HttpMethod.Post, "/api/products", new { sku = $"SCAN-{i}", name = $"Scan bench {i}", barcodes = new[] { barcodes[i] } },
                HttpStatusCode.Created, cancellationToken);
        }

        var scanners = new List<Scanner>(devices);
        for (var i = 0; i < devices; i++)
        {
            var id = $"B{i:D4}";
            var body = await edge.SendAsync(HttpMethod.Post, "/api/devices", new { deviceId = id, kind = "scanner" }, HttpStatusCode.Created, cancellationToken);
            scanners.Add(new Scanner(id, body.GetProperty("secret").GetString()!));
        }

        await Parallel.ForEachAsync(scanners, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (s, ct) => await s.ConnectAsync(mqttPort, ct));
        Console.WriteLine($"Setup: 1 location, {productCount} products, {devices} devices registered and connected in {setup.Elapsed.TotalSeconds:0.0} s");

        var (commitsBefore, requestsBefore) = await LedgerStatsAsync(edge, cancellationToken);
        var clock = Stopwatch.StartNew();
        var measureFrom = TimeSpan.FromSeconds(warmup);
        var measureTo = measureFrom + TimeSpan.FromSeconds(seconds);
        var interval = TimeSpan.FromSeconds(1 / rate);
        await Task.WhenAll(scanners.Select(s => s.RunAsync(barcodes, locationCode, interval, clock, measureFrom, measureTo, cancellationToken)));
        // Answers still on their way get their full timeout before they count as missing.
        await Task.WhenAll(scanners.Select(s => s.DrainAsync(AnswerTimeout, cancellationToken)));
        var (commitsAfter, requestsAfter) = await LedgerStatsAsync(edge, cancellationToken);

        var latencies = Latencies.Merge(scanners.Select(s => s.Latencies));
        var sent = scanners.Sum(s => s.SentMeasured);
        var answered = latencies.Count;
        var errors = scanners.Sum(s => s.Errors) + (sent - answered - scanners.Sum(s => s.ErrorsMeasuredWithoutLatency));
        var summary = latencies.Summarize();
        var commits = commitsAfter - commitsBefore;
        var table = new Table("scanners", "offered/s", "sent", "answered", "answered/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors", "req/commit");
        table.Add(
            devices.ToString(CultureInfo.InvariantCulture),
            (devices * rate).ToString("N0", CultureInfo.InvariantCulture),
            Machine.Int(sent), Machine.Int(answered),
            (answered / seconds).ToString("N0", CultureInfo.InvariantCulture),
            Latencies.Summary.Ms(summary.P50), Latencies.Summary.Ms(summary.P95), Latencies.Summary.Ms(summary.P99), Latencies.Summary.Ms(summary.Max),
            Machine.Int(errors),
            commits == 0 ? "-" : ((double)(requestsAfter - requestsBefore) / commits).ToString("0.0", CultureInfo.InvariantCulture));
        Console.WriteLine();
        Console.Write(table);
        foreach (var sample in scanners.SelectMany(s => s.ErrorSamples).Take(5))
        {
            Console.WriteLine("  error: " + sample);
        }

        Machine.PrintLoadAtEnd();
        foreach (var s in scanners)
        {
            await s.DisposeAsync();
        }

        return errors > 0 ? 1 : 0;
    }

    private static async Task<(long Commits, long Requests)> LedgerStatsAsync(BenchEdge edge, CancellationToken cancellationToken)
    {
        var stats = await edge.SendAsync(HttpMethod.Get, "/api/ledger/stats", null, HttpStatusCode.OK, cancellationToken);
        return (stats.GetProperty("commits").GetInt64(), stats.GetProperty("requests").GetInt64());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>One simulated fixed scanner: an MQTTnet client that publishes scans and times their answers.</summary>
    private sealed class Scanner(string id, string secret) : IAsyncDisposable
    {
        private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
        private readonly ConcurrentDictionary<Guid, (long Sent, bool Measured)> _pending = new();
        private readonly ConcurrentQueue<string> _errorSamples = new();
        private int _errors;
        private int _errorsMeasuredWithoutLatency;

        public Latencies Latencies { get; } = new(512);

        public int SentMeasured { get; private set; }

        public int Errors => _errors;

        public int ErrorsMeasuredWithoutLatency => _errorsMeasuredWithoutLatency;

        public IEnumerable<string> ErrorSamples => _errorSamples;

        public async Task ConnectAsync(int port, CancellationToken cancellationToken)
        {
            _client.ApplicationMessageReceivedAsync += e =>
            {
                var now = Stopwatch.GetTimestamp();
                using var json = JsonDocument.Parse(e.ApplicationMessage.ConvertPayloadToString());
                var root = json.RootElement;
                if (root.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String
                    && _pending.TryRemove(idElement.GetGuid(), out var sent) && sent.Measured)
                {
                    if (root.GetProperty("ok").GetBoolean())
                    {
                        lock (Latencies)
                        {
                            Latencies.Add(sent.Sent, now);
                        }
                    }
                    else
                    {
                        Interlocked.Increment(ref _errors);
                        Interlocked.Increment(ref _errorsMeasuredWithoutLatency);
                        _errorSamples.Enqueue(root.GetProperty("message").GetString() ?? "?");
                    }
                }

                return Task.CompletedTask;
            };
            var options = new MqttClientOptionsBuilder()
                .WithTcpServer("127.0.0.1", port)
                .WithProtocolVersion(MqttProtocolVersion.V500)
                .WithClientId(id)
                .WithCredentials(id, secret)
                .WithTimeout(TimeSpan.FromSeconds(30))
                .Build();
            var result = await _client.ConnectAsync(options, cancellationToken);
            if (result.ResultCode != MqttClientConnectResultCode.Success)
            {
                throw new BenchFailure($"Scanner {id} could not connect: {result.ResultCode}");
            }

            await _client.SubscribeAsync($"inventory/WH1/devices/{id}/result", MqttQualityOfServiceLevel.AtLeastOnce, cancellationToken);
        }

        public async Task RunAsync(
            string[] barcodes, string location, TimeSpan interval, Stopwatch clock, TimeSpan measureFrom, TimeSpan measureTo, CancellationToken cancellationToken)
        {
            // Scanners do not fire in lock-step: each starts at a random point of its first interval.
            await Task.Delay(TimeSpan.FromTicks(Random.Shared.NextInt64(interval.Ticks)), cancellationToken);
            using var timer = new PeriodicTimer(interval);
            var topic = $"inventory/WH1/devices/{id}/scan";
            while (clock.Elapsed < measureTo && await timer.WaitForNextTickAsync(cancellationToken))
            {
                var scanId = Guid.CreateVersion7();
                var measured = clock.Elapsed >= measureFrom;
                var payload = JsonSerializer.SerializeToUtf8Bytes(new
                {
                    id = scanId, code = barcodes[Random.Shared.Next(barcodes.Length)], action = "receive", location, qty = 1,
                });
                _pending[scanId] = (Stopwatch.GetTimestamp(), measured);
                if (measured)
                {
                    SentMeasured++;
                }

                // Not awaited: a scanner keeps its pace; its answers are timed when they arrive.
                _ = _client.PublishAsync(
                    new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build(),
                    cancellationToken);
            }
        }

        public async Task DrainAsync(TimeSpan timeout, CancellationToken cancellationToken)
        {
            var until = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
            while (_pending.Values.Any(p => p.Measured) && Stopwatch.GetTimestamp() < until)
            {
                await Task.Delay(50, cancellationToken);
            }

            foreach (var left in _pending.Where(p => p.Value.Measured))
            {
                _errorSamples.Enqueue($"no answer to scan {left.Key} within {timeout.TotalSeconds:0} s");
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_client.IsConnected)
            {
                await _client.DisconnectAsync();
            }

            _client.Dispose();
        }
    }
}
