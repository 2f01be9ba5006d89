namespace Inventory.Devices.Mqtt;

/// <summary>Ctrl+C (or SIGINT from a service manager) as a cancellation, so each program stops cleanly instead of dying mid-job.</summary>
public static class CtrlC
{
    public static CancellationTokenSource Cancels()
    {
        var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        return stop;
    }
}
