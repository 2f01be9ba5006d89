using System.Threading.Channels;

namespace Inventory.Edge.Infrastructure.Hosting;

/// <summary>
/// Wakes a background loop early: raising costs one non-blocking channel write, and many raises before the loop
/// looks collapse into one. The loop still looks after its timeout, as a safety net for a missed raise.
/// </summary>
public abstract class WakeSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public void Raise() => _channel.Writer.TryWrite(true);

    /// <summary>Waits for a raise (or the timeout) and consumes it.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await _channel.Reader.ReadAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Timed out: the caller looks anyway.
        }
    }
}
