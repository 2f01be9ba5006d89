using System.Threading.Channels;

namespace Inventory.Edge.Features.Sync;

/// <summary>
/// "Something new to push": raised after a ledger commit and after an outbox write. Costs the raiser one
/// non-blocking channel write; many raises before the agent looks collapse into one.
/// </summary>
public sealed class SyncSignal
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
            // Timed out: the caller looks anyway, as a safety net for a missed raise.
        }
    }
}
