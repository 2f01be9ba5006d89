namespace Inventory.Edge.Infrastructure.Data.Entities;

public sealed class Location
{
    public Guid Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string Type { get; set; }
    public string? Address { get; set; }
    public bool IsActive { get; set; } = true;
    public int? Capacity { get; set; }

    /// <summary>Some stores sell before the delivery is booked in; they may let levels go below zero.</summary>
    public bool AllowNegative { get; set; }

    /// <summary>The site that owns and alone writes this location's stock.</summary>
    public required string SiteCode { get; set; }

    public long Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Hybrid-logical-clock stamp of the last edit: the later stamp wins between replicas.</summary>
    public string? Hlc { get; set; }
}

public static class LocationTypes
{
    public static readonly IReadOnlyList<string> All = ["warehouse", "store", "fulfillment_center"];
}
