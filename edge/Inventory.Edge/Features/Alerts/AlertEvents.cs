using System.Threading.Channels;

namespace Inventory.Edge.Features.Alerts;

public sealed record AlertChanged(
    Guid AlertId, Guid ProductId, string Sku, Guid LocationId, string LocationCode, string Status, long Available, int? ReorderPoint,
    DateTimeOffset At);

/// <summary>
/// Alerts that opened or closed, published after the movement that caused them committed (never for a
/// change that rolled back). The SignalR hub reads <see cref="Reader"/> and forwards each event to its
/// location's group. The buffer is bounded and drops the oldest event when nobody reads: the writer must
/// never wait for a reader, and GET /api/alerts stays the source of truth.
/// </summary>
public sealed class AlertEvents
{
    private readonly Channel<AlertChanged> _channel = Channel.CreateBounded<AlertChanged>(
        new BoundedChannelOptions(1024) { FullMode = BoundedChannelFullMode.DropOldest, SingleWriter = true });

    public ChannelReader<AlertChanged> Reader => _channel.Reader;

    internal void Publish(AlertChanged change) => _channel.Writer.TryWrite(change);
}
