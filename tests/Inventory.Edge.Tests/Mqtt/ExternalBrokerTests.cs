using System.Diagnostics;
using System.Globalization;
using Inventory.Edge.Features.Mqtt;
using Inventory.Edge.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Inventory.Edge.Tests.Mqtt;

/// <summary>
/// The edge as a client of a real Mosquitto (Inventory:Mqtt:ExternalBroker), which runs with a password
/// file made by mosquitto_passwd and the ACL shipped in deploy/mosquitto.
/// </summary>
public sealed class ExternalBrokerTests(ExternalBrokerTests.Broker broker) : IClassFixture<ExternalBrokerTests.Broker>
{
    public sealed class Broker : IAsyncLifetime
    {
        private const string EdgePassword = "edge-broker-password";
        private Process? _mosquitto;
        private Task<string>? _stderrPump;

        public Broker()
        {
            Port = MqttEdge.FreePort();
            Edge.Settings["Inventory:Mqtt:ExternalBroker"] = $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";
            Edge.Settings["Inventory:Mqtt:ExternalUsername"] = "inventory-edge";
            Edge.Settings["Inventory:Mqtt:ExternalPassword"] = EdgePassword;
        }

        public EdgeHost Edge { get; } = new();

        public int Port { get; }

        public (string Id, string Secret) A { get; private set; }

        public (string Id, string Secret) B { get; private set; }

        public async Task InitializeAsync()
        {
            await Edge.InitializeAsync();
            using (var manager = await Edge.ClientAsync())
            {
                A = await manager.RegisterAsync();
                B = await manager.RegisterAsync();
            }

            var dir = Path.Combine(Edge.DataDir, "mosquitto");
            Directory.CreateDirectory(dir);
            var passwd = Path.Combine(dir, "inventory.passwd");
            await MustAsync(Cli.RunAsync("mosquitto_passwd", ["-c", "-b", passwd, "inventory-edge", EdgePassword]));
            await MustAsync(Cli.RunAsync("mosquitto_passwd", ["-b", passwd, A.Id, A.Secret]));
            await MustAsync(Cli.RunAsync("mosquitto_passwd", ["-b", passwd, B.Id, B.Secret]));
            var repoAcl = FindRepoFile("deploy/mosquitto/inventory.acl");
            var acl = Path.Combine(dir, "inventory.acl");
            await File.WriteAllTextAsync(acl, (await File.ReadAllTextAsync(repoAcl)).Replace("/WH1/", $"/{Edge.SiteCode}/", StringComparison.Ordinal));
            var conf = Path.Combine(dir, "mosquitto.conf");
            await File.WriteAllTextAsync(conf, $"""
                per_listener_settings false
                allow_anonymous false
                password_file {passwd}
                acl_file {acl}
                listener {Port.ToString(CultureInfo.InvariantCulture)} 127.0.0.1
                persistence false
                user {Environment.UserName}
                log_dest stderr
                """);

            _mosquitto = Cli.Start("mosquitto", ["-c", conf]);
            _mosquitto.OutputDataReceived += (_, _) => { };
            _mosquitto.BeginOutputReadLine();
            // mosquitto logs to stderr; the pipe is drained so it never blocks on a full buffer.
            _stderrPump = _mosquitto.StandardError.ReadToEndAsync();
            var edgeClient = Edge.Services.GetRequiredService<ExternalBrokerClient>();
            // The edge retries with back-off (1 s, 2 s, …) until the broker is up; wait for that, not for a fixed time.
            var deadline = Stopwatch.StartNew();
            while (!edgeClient.IsConnected)
            {
                if (_mosquitto.HasExited)
                {
                    Assert.Fail("mosquitto exited: " + await _stderrPump);
                }

                Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), "The edge never connected to mosquitto.");
                await Task.Delay(100);
            }
        }

        public async Task DisposeAsync()
        {
            if (_mosquitto is { HasExited: false })
            {
                _mosquitto.Kill();
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                await _mosquitto.WaitForExitAsync(timeout.Token);
            }

            _mosquitto?.Dispose();
            await Edge.DisposeAsync();
        }

        private static async Task MustAsync(Task<Cli.Result> run)
        {
            var result = await run;
            Assert.True(result.ExitCode == 0, result.All);
        }

        private static string FindRepoFile(string relative)
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relative);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new FileNotFoundException(relative);
        }
    }

    private string Topic(string deviceId, string leaf) => $"inventory/{broker.Edge.SiteCode}/devices/{deviceId}/{leaf}";

    private Task<Cli.Result> PubAsync((string Id, string Secret) device, string topic, string message) =>
        Cli.RunAsync("mosquitto_pub", ["-h", "127.0.0.1", "-p", broker.Port.ToString(CultureInfo.InvariantCulture), "-q", "1",
            "-u", device.Id, "-P", device.Secret, "-i", $"{device.Id}-pub", "-t", topic, "-m", message]);

    [Fact]
    public async Task ExternalBroker_ScanBecomesMovement_ResultOnDeviceTopic()
    {
        using var manager = await broker.Edge.ClientAsync();
        var stock = await manager.StockedProductAsync();
        await using var sub = await MosquittoSub.StartAsync(broker.Port, Topic(broker.A.Id, "result"), broker.A.Id, broker.A.Secret);

        var pub = await PubAsync(broker.A, Topic(broker.A.Id, "scan"),
            $$"""{"id":"{{Guid.CreateVersion7()}}","code":"{{stock.Barcode}}","action":"receive","location":"{{stock.LocationCode}}","qty":5}""");

        Assert.True(pub.ExitCode == 0, pub.All);
        var result = await sub.NextAsync();
        Assert.True(result.GetProperty("ok").GetBoolean(), result.ToString());
        Assert.Equal(5, await manager.QuantityAsync(stock.Product, stock.Location));
    }

    [Fact]
    public async Task ExternalBroker_GarbageAnswered_AndAclKeepsDevicesApart()
    {
        using var manager = await broker.Edge.ClientAsync();
        var stock = await manager.StockedProductAsync();
        await using var bSub = await MosquittoSub.StartAsync(broker.Port, Topic(broker.B.Id, "result"), broker.B.Id, broker.B.Secret, count: 2);

        // A publishing on B's scan topic is dropped by Mosquitto's ACL; B's own garbage and scan are answered in order.
        await PubAsync(broker.A, Topic(broker.B.Id, "scan"),
            $$"""{"code":"{{stock.Barcode}}","action":"receive","location":"{{stock.LocationCode}}","qty":50}""");
        await PubAsync(broker.B, Topic(broker.B.Id, "scan"), "garbage{");
        var first = await bSub.NextAsync();
        await PubAsync(broker.B, Topic(broker.B.Id, "scan"), $$"""{"code":"{{stock.Barcode}}","action":"receive","location":"{{stock.LocationCode}}","qty":1}""");
        var second = await bSub.NextAsync();

        Assert.Equal("Bad scan: not JSON", first.GetProperty("message").GetString());
        Assert.True(second.GetProperty("ok").GetBoolean(), second.ToString());
        Assert.Equal(1, await manager.QuantityAsync(stock.Product, stock.Location));
    }

    [Fact]
    public async Task ExternalBroker_RetainedScan_NotRecordedAgainWhenTheEdgeSubscribesAgain()
    {
        using var manager = await broker.Edge.ClientAsync();
        var stock = await manager.StockedProductAsync();
        await using var sub = await MosquittoSub.StartAsync(broker.Port, Topic(broker.B.Id, "result"), broker.B.Id, broker.B.Secret);

        // Retained and without an id: delivered live once (answered, recorded), then kept by the broker.
        var pub = await Cli.RunAsync("mosquitto_pub", ["-h", "127.0.0.1", "-p", broker.Port.ToString(CultureInfo.InvariantCulture), "-q", "1", "-r",
            "-u", broker.B.Id, "-P", broker.B.Secret, "-i", $"{broker.B.Id}-retain", "-t", Topic(broker.B.Id, "scan"),
            "-m", $$"""{"code":"{{stock.Barcode}}","action":"receive","location":"{{stock.LocationCode}}","qty":7}"""]);
        Assert.True(pub.ExitCode == 0, pub.All);
        Assert.True((await sub.NextAsync()).GetProperty("ok").GetBoolean());

        // As at a restart of the edge: a new connection and subscription, to which the broker hands the retained scan.
        var client = broker.Edge.Services.GetRequiredService<ExternalBrokerClient>();
        await client.StopAsync(CancellationToken.None);
        await client.StartAsync(CancellationToken.None);
        await WaitForLogAsync("Ignored a retained message on " + Topic(broker.B.Id, "scan"));

        Assert.Equal(7, await manager.QuantityAsync(stock.Product, stock.Location));
    }

    private async Task WaitForLogAsync(string line)
    {
        var logs = Path.Combine(broker.Edge.DataDir, "logs");
        var deadline = Stopwatch.StartNew();
        while (!Inventory.Testing.LogFiles.ReadAll(logs).Contains(line, StringComparison.Ordinal))
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(60), $"No log line '{line}' within 60 s.");
            await Task.Delay(100);
        }
    }
}
