using System.Threading.Channels;

namespace Inventory.Edge.Features.Ledger;

/// <summary>
/// The writer's commit event: hands committed movement results to whoever broadcasts them (the realtime
/// feature reads <see cref="Reader"/>; the ledger never knows who listens). The writer never waits here: when
/// listeners fall far behind, the oldest notices are dropped, and clients catch up from the ledger itself
/// (the hub's ChangesSince): the ledger, not this queue, is the record.
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
