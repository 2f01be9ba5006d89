using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Inventory.Edge.Features.Realtime;
using Inventory.Edge.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace Inventory.Edge.Tests.Mqtt;

/// <summary>
/// Whole paths through real parts: a device's MQTT scan seen live by a SignalR client; a label job that
/// waits for an offline printer and then reaches the (virtual) printer through the gateway; the
/// fixed-scanner program scanning into the edge's own broker.
/// </summary>
public sealed class EndToEndTests(MqttEdge mqtt) : IClassFixture<MqttEdge>, IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly string _jobs = Path.Combine(Path.GetTempPath(), "inventory-tests", "e2e-jobs-" + Guid.NewGuid().ToString("N"));

    private string Port => mqtt.Port.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task MqttScan_SeenLiveBySignalRClient()
    {
        using var manager = await mqtt.Edge.ClientAsync();
        var stock = await manager.StockedProductAsync();
        var (device, secret) = await manager.RegisterAsync();
        var changes = Channel.CreateUnbounded<LevelChanged>();
        var token = manager.DefaultRequestHeaders.Authorization!.Parameter;
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(mqtt.Edge.BaseAddress, InventoryHub.Path), o => o.AccessTokenProvider = () => Task.FromResult(token))
            .Build();
        hub.On<LevelChanged>(InventoryHub.LevelChangedMethod, c => changes.Writer.TryWrite(c));
        await hub.StartReadyAsync();
        var scanId = Guid.CreateVersion7();

        var published = await Cli.RunAsync("mosquitto_pub", ["-h", "127.0.0.1", "-p", Port, "-V", "mqttv5", "-i", device, "-u", device, "-P", secret,
            "-q", "1", "-t", mqtt.ScanTopic(device),
            "-m", JsonSerializer.Serialize(new { id = scanId, code = stock.Barcode, action = "receive", location = stock.LocationCode, qty = 3 })]);

        Assert.Equal(0, published.ExitCode);
        using var timeout = new CancellationTokenSource(Wait);
        LevelChanged change;
        do
        {
            change = await changes.Reader.ReadAsync(timeout.Token);
        }
        while (change.MovementId != scanId);

        Assert.Equal(stock.Product, change.ProductId);
        Assert.Equal(3, change.Quantity);
    }

    [Fact]
    public async Task LabelJob_ForOfflinePrinter_WaitsThenPrintsThroughGateway()
    {
        using var manager = await mqtt.Edge.ClientAsync();
        var product = await manager.CreateProductAsync("LBL-" + Guid.NewGuid().ToString("N")[..6], null, Devices.Ean13());
        var (printer, secret) = await manager.RegisterAsync("printer");

        var queued = await manager.PostOkAsync("/api/labels/print", new { printerId = printer, productId = product, copies = 2 }, HttpStatusCode.Accepted);
        Assert.Equal("queued", queued.GetProperty("status").GetString());
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal("queued", (await JobAsync(manager, printer)).GetProperty("status").GetString());

        var printerPort = MqttEdge.FreePort();
        using var virtualPrinter = Device("Inventory.Devices.VirtualPrinter", null, "--port", printerPort.ToString(CultureInfo.InvariantCulture), "--out", _jobs);
        using var gateway = Device("Inventory.Devices.PrinterGateway", secret,
            "--broker", "127.0.0.1:" + Port, "--site", mqtt.Site, "--device", printer, "--printer", "127.0.0.1:" + printerPort.ToString(CultureInfo.InvariantCulture));
        try
        {
            var file = Path.Combine(_jobs, "job-0001.zpl");
            var deadline = DateTime.UtcNow + Wait;
            while (!File.Exists(file) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            Assert.True(File.Exists(file), "The label never reached the printer.");
            var zpl = await File.ReadAllTextAsync(file);
            Assert.StartsWith("^XA", zpl, StringComparison.Ordinal);
            Assert.Contains("^PQ2^XZ", zpl, StringComparison.Ordinal);
            Assert.Equal("delivered", (await JobAsync(manager, printer)).GetProperty("status").GetString());
        }
        finally
        {
            gateway.Kill(entireProcessTree: true);
            virtualPrinter.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public async Task LabelJob_ForAReceipt_OneLabelPerCase()
    {
        using var manager = await mqtt.Edge.ClientAsync();
        var location = await manager.CreateLocationAsync();
        var product = (await manager.PostOkAsync("/api/products", new
        {
            sku = "CASE-" + Guid.NewGuid().ToString("N")[..6], name = "Gloves", barcodes = new[] { "4006381333931" },
            caseBarcodes = new[] { new { code = "14006381333938", packQuantity = 12 } },
        })).GetProperty("id").GetGuid();
        var receipt = await manager.ReceiveAsync(product, location, 30, new { lot = "L7", expiry = "2027-03-31" });
        var (printer, _) = await manager.RegisterAsync("printer");

        var job = await manager.PostOkAsync("/api/labels/print",
            new { printerId = printer, movementId = receipt.GetProperty("movements")[0].GetProperty("id").GetGuid(), per = "case" }, HttpStatusCode.Accepted);

        Assert.Equal(3, job.GetProperty("copies").GetInt32());
    }

    [Fact]
    public async Task ScannerProgram_ScansIntoTheEdgesBroker()
    {
        using var manager = await mqtt.Edge.ClientAsync();
        var stock = await manager.StockedProductAsync();
        var (device, secret) = await manager.RegisterAsync();
        using var scanner = Device("Inventory.Devices.Scanner", secret,
            "--broker", "127.0.0.1:" + Port, "--site", mqtt.Site, "--device", device, "--action", "receive", "--location", stock.LocationCode, "--linger", "3");

        await scanner.StandardInput.WriteLineAsync(":qty 4");
        await scanner.StandardInput.WriteLineAsync(stock.Barcode);
        await scanner.StandardInput.WriteLineAsync(stock.Barcode);
        scanner.StandardInput.Close();
        var output = await scanner.StandardOutput.ReadToEndAsync();
        using var exit = new CancellationTokenSource(Wait);
        await scanner.WaitForExitAsync(exit.Token);

        Assert.Equal(8, await manager.QuantityAsync(stock.Product, stock.Location));
        Assert.Contains("OK", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Print_UnknownPrinterOrScannerId_404()
    {
        using var manager = await mqtt.Edge.ClientAsync();
        var product = await manager.CreateProductAsync();
        var (scannerId, _) = await manager.RegisterAsync();

        var unknown = await manager.PostAsJsonAsync("/api/labels/print", new { printerId = "NOPE", productId = product });
        var notAPrinter = await manager.PostAsJsonAsync("/api/labels/print", new { printerId = scannerId, productId = product });

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notAPrinter.StatusCode);
    }

    public void Dispose()
    {
        if (Directory.Exists(_jobs))
        {
            Directory.Delete(_jobs, recursive: true);
        }
    }

    private static async Task<JsonElement> JobAsync(HttpClient manager, string printer) =>
        (await manager.GetFromJsonAsync<JsonElement>($"/api/labels/jobs?printerId={printer}"))[0];

    /// <summary>One of devices/'s programs, run as a process with its secret in the environment as documented.</summary>
    private static Process Device(string name, string? secret, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, name + ".dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        if (secret is not null)
        {
            info.Environment["INVENTORY_DEVICE_SECRET"] = secret;
        }

        var process = Process.Start(info)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        if (name != "Inventory.Devices.Scanner")
        {
            process.OutputDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
        }

        return process;
    }
}
