using MQTTnet;
using System.Text;
using System.Text.Json;
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
    ":bin A-02", ":qty 12". Results are printed as they arrive: "OK  HMR-16 Claw Hammer  → 24 at WH1".
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
        ["action"] = line.Get("action") ?? "lookup",
        ["location"] = line.Get("location"),
        ["bin"] = line.Get("bin"),
        ["qty"] = line.Get("qty") ?? "1",
    };
    using var stop = CtrlC.Cancels();

    var resultTopic = Topics.Result(settings.Site, settings.DeviceId);
    await using var device = new DeviceClient(settings, [resultTopic], m => Console.Error.WriteLine(m));
    device.Client.ApplicationMessageReceivedAsync += e =>
    {
        Console.WriteLine(Describe(e.ApplicationMessage.ConvertPayloadToString()));
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

        var payload = new Dictionary<string, object?>
        {
            ["id"] = Guid.CreateVersion7(),
            ["code"] = code,
            ["action"] = scan["action"],
            ["location"] = scan["location"],
            ["bin"] = scan["bin"],
            ["qty"] = int.TryParse(scan["qty"], System.Globalization.CultureInfo.InvariantCulture, out var qty) ? qty : 1,
            ["at"] = DateTimeOffset.UtcNow,
        };
        await device.PublishAsync(Topics.Scan(settings.Site, settings.DeviceId), Encoding.UTF8.GetBytes(JsonSerializer.Serialize(payload)), stop.Token);
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

static string Describe(string json)
{
    try
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var ok = root.TryGetProperty("ok", out var okValue) && okValue.ValueKind == JsonValueKind.True;
        var message = root.TryGetProperty("message", out var m) ? m.GetString() : null;
        var product = root.TryGetProperty("product", out var p) && p.ValueKind == JsonValueKind.Object
            ? $"{p.GetProperty("sku").GetString()} {p.GetProperty("name").GetString()}"
            : "";
        var level = root.TryGetProperty("level", out var l) && l.ValueKind == JsonValueKind.Object
            ? $" -> {l.GetProperty("quantity").GetInt64()} on hand"
            : "";
        return $"{(ok ? "OK " : "ERR")} {product}{level} {message}".Trim();
    }
    catch (JsonException)
    {
        return "ERR unreadable result: " + json;
    }
}
