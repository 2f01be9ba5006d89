using System.Threading.Channels;

namespace Inventory.Edge.Features.Purchasing;

/// <summary>Wakes the PO mailer after a send at this box, so the mail is queued at once rather than at the next poll.</summary>
public sealed class PurchaseOrderMailSignal
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Wake() => _wake.Writer.TryWrite(true);

    internal ChannelReader<bool> Reader => _wake.Reader;
}
