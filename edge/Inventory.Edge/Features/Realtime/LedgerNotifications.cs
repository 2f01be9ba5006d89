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

    public ChannelReader<MovementResult> Reader => _channel.Reader;

    /// <summary>Called by the writer after a commit, never before: a client never sees a level that could still roll back.</summary>
    public void Committed(MovementResult result) => _channel.Writer.TryWrite(result);
}
