using System.Buffers;
using System.Text.Json;
using Inventory.Devices.Contracts;
using Inventory.Devices.Mqtt;

// A fixed scanner (or a keyboard-wedge scanner on a small PC): each line read is a scanned code,
// published to the edge as a scan; each result the edge sends back is printed.
const string Help = """
    Inventory fixed-scanner client: reads codes line by line and publishes them as scans.

    Usage: dotnet run --project devices/Inventory.Devices.Scanner -- --device S1 [options] < codes.txt
      --input PATH        read codes from a serial or keyboard device file instead of standard input
      --action receive    lookup|receive|pick|adjust|count|move
      --location WH1      location code the scans are for
      --bin A-01-02       bin, optional
      --qty 1             quantity per scan
    """ + DeviceSettings.HelpText + """
      --help

    A line starting with ':' changes a setting instead of scanning: ":action pick", ":location WH2",
    ":bin A-02", ":qty 12". Results are printed as they arrive: "OK HMR-16 Claw Hammer -> 24 on hand".
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
    var scan = new Dictionary<string, string?>
    {
        ["action"] = line.Get("action") ?? ScanActions.Lookup,
        ["location"] = line.Get("location"),
        ["bin"] = line.Get("bin"),
        ["qty"] = line.Get("qty") ?? "1",
    };
    using var stop = CtrlC.Cancels();

    var topics = settings.Topics;
    var resultTopic = topics.Result(settings.DeviceId);
    await using var device = new DeviceClient(settings, [resultTopic], m => Console.Error.WriteLine(m));
    device.Client.ApplicationMessageReceivedAsync += e =>
    {
        Console.WriteLine(Describe(e.ApplicationMessage.Payload.ToArray()));
        return Task.CompletedTask;
    };
    await device.ConnectAsync(stop.Token);
    var keepConnected = device.RunAsync(stop.Token);

    using var input = line.Get("input") is { } path ? new StreamReader(path) : new StreamReader(Console.OpenStandardInput());
    while (!stop.IsCancellationRequested && await input.ReadLineAsync(stop.Token) is { } raw)
    {
        var code = raw.Trim();
        if (code.Length == 0)
        {
            continue;
        }

        if (code.StartsWith(':'))
        {
            var parts = code[1..].Split(' ', 2, StringSplitOptions.TrimEntries);
            scan[parts[0]] = parts.Length > 1 ? parts[1] : null;
            Console.Error.WriteLine($"{parts[0]} = {scan[parts[0]]}");
            continue;
        }

        var request = new ScanRequest(
            Id: Guid.CreateVersion7(),
            Code: code,
            Action: scan["action"],
            Location: scan["location"],
            LocationId: null,
            Bin: scan["bin"],
            Qty: int.TryParse(scan["qty"], System.Globalization.CultureInfo.InvariantCulture, out var qty) ? qty : 1,
            At: DateTimeOffset.UtcNow);
        await device.PublishAsync(topics.Scan(settings.DeviceId), DeviceJson.Serialize(request), stop.Token);
    }

    // Input ended (a file of codes): give the last results a moment to arrive, then stop.
    await Task.Delay(TimeSpan.FromSeconds(line.Number("linger", 2)), CancellationToken.None);
    await stop.CancelAsync();
    try
    {
        await keepConnected;
    }
    catch (OperationCanceledException)
    {
        // Stopping.
    }

    return 0;
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

static string Describe(byte[] payload)
{
    try
    {
        if (DeviceJson.Deserialize<ScanResult>(payload) is not { } result)
        {
            return "ERR unreadable result: null";
        }

        var product = result.Product is { } p ? $"{p.Sku} {p.Name}" : "";
        var level = result.Level is { } l ? $" -> {l.Quantity} on hand" : "";
        return $"{(result.Ok ? "OK " : "ERR")} {product}{level} {result.Message}".Trim();
    }
    catch (JsonException)
    {
        return "ERR unreadable result: " + System.Text.Encoding.UTF8.GetString(payload);
    }
}
