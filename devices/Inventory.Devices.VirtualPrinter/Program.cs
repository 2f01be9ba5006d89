using System.Net;
using System.Net.Sockets;
using Inventory.Devices.Mqtt;

// A stand-in for a Zebra printer on the LAN: listens on raw TCP (port 9100 like the real thing), keeps each
// job it receives as a file, and prints a line per job. For trying the gateway without paper.
const string Help = """
    Inventory virtual ZPL printer: listens on raw TCP like a label printer and keeps what it receives.

    Usage: dotnet run --project devices/Inventory.Devices.VirtualPrinter -- [options]
      --port 9100        TCP port to listen on (0 picks a free one; the chosen port is printed)
      --bind 127.0.0.1   address to listen on (0.0.0.0 for the whole LAN)
      --out jobs         folder for the received jobs (job-0001.zpl, ...)
      --help
    """;

try
{
    var args0 = new CommandLine(args);
    if (args0.Help)
    {
        Console.WriteLine(Help);
        return 0;
    }

    var port = args0.Number("port", 9100);
    var bind = IPAddress.Parse(args0.Get("bind") ?? "127.0.0.1");
    var folder = Path.GetFullPath(args0.Get("out") ?? "jobs");
    Directory.CreateDirectory(folder);
    using var stop = CtrlC.Cancels();

    var listener = new TcpListener(bind, port);
    listener.Start();
    Console.WriteLine($"listening on {listener.LocalEndpoint}; jobs go to {folder}");
    var count = Directory.GetFiles(folder, "job-*.zpl").Length;
    try
    {
        while (!stop.IsCancellationRequested)
        {
            using var client = await listener.AcceptTcpClientAsync(stop.Token);
            await using var stream = client.GetStream();
            using var job = new MemoryStream();
            await stream.CopyToAsync(job, stop.Token);
            if (job.Length == 0)
            {
                continue;
            }

            count++;
            var path = Path.Combine(folder, $"job-{count:D4}.zpl");
            // Written under a temporary name and moved, so a reader never sees half a job.
            await File.WriteAllBytesAsync(path + ".part", job.ToArray(), stop.Token);
            File.Move(path + ".part", path);
            var text = System.Text.Encoding.ASCII.GetString(job.ToArray());
            var labels = text.Split("^XA", StringSplitOptions.None).Length - 1;
            Console.WriteLine($"job {count}: {job.Length} bytes, {labels} label(s) -> {Path.GetFileName(path)}");
        }
    }
    catch (OperationCanceledException) when (stop.IsCancellationRequested)
    {
        // Ctrl+C.
    }
    finally
    {
        listener.Stop();
    }

    return 0;
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 2;
}
