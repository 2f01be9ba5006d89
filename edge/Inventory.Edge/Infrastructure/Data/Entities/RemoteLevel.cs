namespace Inventory.Edge.Infrastructure.Data.Entities;

/// <summary>Another site's stock of a product at one of its locations, as the cloud last summarised it. Read-only here.</summary>
public sealed class RemoteLevel
{
    public Guid ProductId { get; set; }
    public Guid LocationId { get; set; }
    public required string SiteCode { get; set; }
    public long Quantity { get; set; }
    public long Reserved { get; set; }
    public DateTimeOffset AsOf { get; set; }
}
