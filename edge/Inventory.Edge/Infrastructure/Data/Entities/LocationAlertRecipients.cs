namespace Inventory.Edge.Infrastructure.Data.Entities;

/// <summary>Who hears about low stock at one location, besides Inventory:Alerts:Recipients.</summary>
public sealed class LocationAlertRecipients
{
    public Guid LocationId { get; set; }

    /// <summary>Comma-separated addresses.</summary>
    public required string Recipients { get; set; }
}
