using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Inventory.Devices.Tests;

public sealed class DeviceProgramTests(MosquittoBroker broker) : IClassFixture<MosquittoBroker>, IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private const string Zpl = "^XA^FO50,50^A0N,40,40^FDClaw Hammer^FS^BY2^FO50,120^BCN,80,Y,N,N^FDHMR-16^FS^XZ";

    private readonly string _jobs = Path.Combine(Path.GetTempPath(), "inventory-tests", "jobs-" + Guid.NewGuid().ToString("N"));

    private string Port => broker.Port.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task VirtualPrinter_KeepsWhatItReceives()
    {
        var port = RunningProgram.FreePort();
        await using var printer = RunningProgram.Device("Inventory.Devices.VirtualPrinter", "--port", P(port), "--out", _jobs);
        await printer.WaitForLineAsync("listening", Wait);

        using (var client = new TcpClient())
        {
            await client.ConnectAsync("127.0.0.1", port);
            await client.GetStream().WriteAsync(Encoding.ASCII.GetBytes(Zpl));
        }

        await printer.WaitForLineAsync("1 label(s)", Wait);
        Assert.Equal(Zpl, await File.ReadAllTextAsync(Path.Combine(_jobs, "job-0001.zpl")));
    }

    [Fact]
    public async Task Gateway_ForwardsAJobToThePrinter_AndReportsStatus()
    {
        var printerPort = RunningProgram.FreePort();
        await using var printer = RunningProgram.Device("Inventory.Devices.VirtualPrinter", "--port", P(printerPort), "--out", _jobs);
        await printer.WaitForLineAsync("listening", Wait);
        await using var gateway = Gateway("P1", printerPort);
        await gateway.WaitForLineAsync("connected", Wait);
        await using var status = await broker.SubscribeAsync("inventory/WH1/printers/P1/status");

        await broker.PublishAsync("inventory/WH1/printers/P1/jobs", Zpl);

        await printer.WaitForLineAsync("1 label(s)", Wait);
        Assert.Contains("\"state\":\"printed\"", await status.WaitForLineAsync("state", Wait), StringComparison.Ordinal);
        Assert.Equal(Zpl, await File.ReadAllTextAsync(Path.Combine(_jobs, "job-0001.zpl")));
    }

    [Fact]
    public async Task Gateway_JobSentWhileGatewayAndPrinterWereOff_IsPrintedWhenBothReturn()
    {
        var printerPort = RunningProgram.FreePort();
        await using (var first = Gateway("P2", printerPort))
        {
            // The first connection creates the persistent session the broker keeps jobs in.
            await first.WaitForLineAsync("connected", Wait);
        }

        await broker.PublishAsync("inventory/WH1/printers/P2/jobs", Zpl);
        await using var gateway = Gateway("P2", printerPort);
        await gateway.WaitForLineAsync("unreachable", Wait);
        await using var printer = RunningProgram.Device("Inventory.Devices.VirtualPrinter", "--port", P(printerPort), "--out", _jobs);

        await printer.WaitForLineAsync("1 label(s)", Wait);
        Assert.Equal(Zpl, await File.ReadAllTextAsync(Path.Combine(_jobs, "job-0001.zpl")));
    }

    [Fact]
    public async Task Scanner_PublishesEachLineAsAScan_WithSettingsLines()
    {
        await using var scans = await broker.SubscribeAsync("inventory/WH1/devices/S1/scan");
        await using var scanner = RunningProgram.Device("Inventory.Devices.Scanner",
            "--broker", "127.0.0.1:" + Port, "--device", "S1", "--secret", "unused-here", "--action", "receive", "--location", "WH1", "--linger", "0");
        await scanner.WaitForLineAsync("connected", Wait);

        await scanner.Input.WriteLineAsync(":qty 12");
        await scanner.Input.WriteLineAsync("4006381333931");
        await scanner.Input.FlushAsync();

        var scan = await scans.WaitForLineAsync("4006381333931", Wait);
        Assert.Contains("\"action\":\"receive\"", scan, StringComparison.Ordinal);
        Assert.Contains("\"location\":\"WH1\"", scan, StringComparison.Ordinal);
        Assert.Contains("\"qty\":12", scan, StringComparison.Ordinal);
        Assert.Contains("\"id\":", scan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Programs_HaveHelp()
    {
        foreach (var name in new[] { "Inventory.Devices.Scanner", "Inventory.Devices.PrinterGateway", "Inventory.Devices.VirtualPrinter" })
        {
            await using var program = RunningProgram.Device(name, "--help");
            await program.WaitForLineAsync("Usage:", Wait);
            Assert.Equal(0, await program.WaitForExitAsync(Wait));
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_jobs))
        {
            Directory.Delete(_jobs, recursive: true);
        }
    }

    private RunningProgram Gateway(string device, int printerPort) =>
        RunningProgram.Device("Inventory.Devices.PrinterGateway",
            "--broker", "127.0.0.1:" + Port, "--device", device, "--secret", "unused-here", "--printer", "127.0.0.1:" + P(printerPort));

    private static string P(int port) => port.ToString(CultureInfo.InvariantCulture);
}
