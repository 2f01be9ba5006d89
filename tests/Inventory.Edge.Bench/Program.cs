using Inventory.Edge.Bench;

// On-demand benchmarks of the edge, run by hand (never by the test suite):
//   dotnet run -c Release --project tests/Inventory.Edge.Bench -- <command> [options]
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // First Ctrl+C stops the run cleanly (the edge is shut down and its temp dir removed); a second one kills.
    e.Cancel = !cancel.IsCancellationRequested;
    cancel.Cancel();
};

try
{
    var parsed = BenchArgs.Parse(args);
    if (parsed.Help || parsed.Command is null)
    {
        Console.WriteLine(Help.Text);
        return parsed.Command is null && !parsed.Help ? 2 : 0;
    }

    return parsed.Command switch
    {
        "movements" => await MovementsBench.RunAsync(parsed, cancel.Token),
        "search" => await SearchBench.RunAsync(parsed, cancel.Token),
        "fanout" => await FanoutBench.RunAsync(parsed, cancel.Token),
        "valuation" => await ValuationBench.RunAsync(parsed, cancel.Token),
        "scanners" => await ScannersBench.RunAsync(parsed, cancel.Token),
        "sync-backlog" => await SyncBacklogBench.RunAsync(parsed, cancel.Token),
        "sync-lag" => await SyncLagBench.RunAsync(parsed, cancel.Token),
        "csv-read" => await CsvReadBench.RunAsync(parsed, cancel.Token),
        "po-from-alerts" => await FromAlertsBench.RunAsync(parsed, cancel.Token),
        "po-receive" => await PoReceiveBench.RunAsync(parsed, cancel.Token),
        "trace-cloud" => await TraceCloudBench.RunAsync(parsed, cancel.Token),
        "counts" => await CountsBench.RunAsync(parsed, cancel.Token),
        _ => throw new BenchUsageException($"Unknown command '{parsed.Command}'."),
    };
}
catch (BenchUsageException ex)
{
    await Console.Error.WriteLineAsync(ex.Message + " See --help.");
    return 2;
}
catch (BenchFailure ex)
{
    await Console.Error.WriteLineAsync("Benchmark failed: " + ex.Message);
    return 2;
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    await Console.Error.WriteLineAsync("Cancelled.");
    return 130;
}
