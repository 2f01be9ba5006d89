using System.Threading.Channels;

namespace Inventory.Edge.Features.Alerts;

/// <summary>
/// An alert that opened or closed. <see cref="Type"/> is "reorder" or "expiry"; for an expiry alert
/// <see cref="Available"/> is the lot's quantity at the location and Lot, Kind (window | expired) and Expiry are set.
/// </summary>
public sealed record AlertChanged(
    Guid AlertId, Guid ProductId, string Sku, Guid LocationId, string LocationCode, string Status, long Available, int? ReorderPoint,
    DateTimeOffset At, string Type = AlertChanged.Reorder, string? Lot = null, string? Kind = null, DateOnly? Expiry = null)
{
    public const string Reorder = "reorder";
    public const string ExpiryType = "expiry";
}

/// <summary>
/// Alerts that opened or closed, published after the movement (or expiry scan) that caused them committed
/// (never for a change that rolled back). The SignalR hub reads <see cref="Reader"/> and forwards each event to its
/// location's group. The buffer is bounded and drops the oldest event when nobody reads: the writer must
/// never wait for a reader, and GET /api/alerts stays the source of truth. Two writers publish (the movement
/// writer and the expiry scanner), hence not SingleWriter.
/// </summary>
public sealed class AlertEvents
{
    private readonly Channel<AlertChanged> _channel = Channel.CreateBounded<AlertChanged>(
        new BoundedChannelOptions(1024) { FullMode = BoundedChannelFullMode.DropOldest, SingleWriter = false });

    public ChannelReader<AlertChanged> Reader => _channel.Reader;

    internal void Publish(AlertChanged change) => _channel.Writer.TryWrite(change);
}
