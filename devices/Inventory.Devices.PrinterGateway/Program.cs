using System.Buffers;
using System.Net.Sockets;
using Inventory.Devices.Contracts;
using Inventory.Devices.Mqtt;

// Bridges the edge and a LAN label printer: takes ZPL jobs from the printer's MQTT jobs topic and sends
// each to the printer's raw TCP port. A job is acknowledged to the broker only once the printer took it,
// so a job for a printer that is off waits (in the broker's persistent session) until it is back on.
const string Help = """
    Inventory printer gateway: forwards ZPL jobs from the edge's MQTT broker to a raw TCP (9100) printer.

    Usage: dotnet run --project devices/Inventory.Devices.PrinterGateway -- --device P1 --printer 10.0.0.50 [options]
      --printer HOST[:PORT]   the label printer (raw TCP, default port 9100)
    """ + DeviceSettings.HelpText + """
      --help

    Status (JSON) goes to inventory/{site}/printers/{device}/status: {"state":"printed|retrying","bytes",...,"at"}.
    """;

try
{
    var line = new CommandLine(args);
    if (line.Help)
    {
        Console.WriteLine(Help);
        return 0;
    }

    var settings = DeviceSettings.From(line);
    var printer = line.Require("printer");
    var printerPort = 9100;
    if (printer.LastIndexOf(':') is var colon and > 0)
    {
        printerPort = int.Parse(printer[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        printer = printer[..colon];
    }

    using var stop = CtrlC.Cancels();

    var jobs = settings.Topics.PrinterJobs(settings.DeviceId);
    var status = settings.Topics.PrinterStatus(settings.DeviceId);
    await using var device = new DeviceClient(settings, [jobs], Console.WriteLine);
    device.Client.ApplicationMessageReceivedAsync += async e =>
    {
        // Acknowledged by hand, after the printer took the job: a crash before that means redelivery.
        e.AutoAcknowledge = false;
        // The payload is the ZPL (PrintJobMessage), sent to the printer byte for byte.
        var zpl = e.ApplicationMessage.Payload.ToArray();
        var delay = TimeSpan.FromSeconds(1);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var tcp = new TcpClient();
                await tcp.ConnectAsync(printer, printerPort, stop.Token);
                await using (var stream = tcp.GetStream())
                {
                    await stream.WriteAsync(zpl, stop.Token);
                    await stream.FlushAsync(stop.Token);
                }

                Console.WriteLine($"printed {zpl.Length} bytes on {printer}:{printerPort}");
                await device.PublishAsync(status, Status(PrinterStates.Printed, zpl.Length, null), stop.Token);
                await e.AcknowledgeAsync(stop.Token);
                return;
            }
            catch (SocketException ex)
            {
                Console.WriteLine($"printer {printer}:{printerPort} unreachable ({ex.SocketErrorCode}); retrying in {delay.TotalSeconds:0} s");
                await device.PublishAsync(status, Status(PrinterStates.Retrying, zpl.Length, ex.SocketErrorCode.ToString()), stop.Token);
                await Task.Delay(delay, stop.Token);
                delay = TimeSpan.FromSeconds(Math.Min(30, delay.TotalSeconds * 2));
            }
        }
    };

    try
    {
        await device.RunAsync(stop.Token);
    }
    catch (OperationCanceledException) when (stop.IsCancellationRequested)
    {
        // Ctrl+C.
    }

    return 0;

    static byte[] Status(string state, int bytes, string? error) =>
        DeviceJson.Serialize(new PrinterStatusMessage(state, bytes, error, DateTimeOffset.UtcNow));
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 2;
}
catch (UnauthorizedAccessException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 3;
}
