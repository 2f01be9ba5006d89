using System.Threading.Channels;
using Inventory.Edge.Features.Ledger;

namespace Inventory.Edge.Features.Realtime;

/// <summary>
/// Hands committed movement results from the writer to whoever broadcasts them. The writer never waits
/// here: when listeners fall far behind, the oldest notices are dropped, and clients catch up with
/// <see cref="InventoryHub.ChangesSince"/> (the ledger, not this queue, is the record).
/// </summary>
public sealed class LedgerNotifications
{
    private readonly Channel<MovementResult> _channel = Channel.CreateBounded<MovementResult>(
        new BoundedChannelOptions(50_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    private readonly Lock _gate = new();
    private Action[] _listeners = [];

    public ChannelReader<MovementResult> Reader => _channel.Reader;

    /// <summary>
    /// A callback after each commit, for whoever only needs to know that something was committed (the sync agent's
    /// wake-up). It runs on the writer's thread, so it must be cheap and never block.
    /// </summary>
    public void Subscribe(Action listener)
    {
        lock (_gate)
        {
            _listeners = [.. _listeners, listener];
        }
    }

    /// <summary>Called by the writer after a commit, never before: a client never sees a level that could still roll back.</summary>
    public void Committed(MovementResult result)
    {
        _channel.Writer.TryWrite(result);
        foreach (var listener in Volatile.Read(ref _listeners))
        {
            listener();
        }
    }
}
