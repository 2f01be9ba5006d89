namespace Inventory.Edge.Infrastructure.Data.Entities;

/// <summary>The next number of a kind of document this box makes (purchase_order, …): one writer, no gaps by design.</summary>
public sealed class DocumentCounter
{
    public required string Kind { get; set; }
    public long Next { get; set; } = 1;
}
