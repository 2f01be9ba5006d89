namespace Inventory.Cloud.Infrastructure.Data.Entities;

/// <summary>Made at its own site and replicated up; only that site may write its stock.</summary>
public sealed class Location
{
    public Guid Id { get; set; }
    public required string SiteCode { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string Type { get; set; }
    public string? Address { get; set; }
    public bool IsActive { get; set; } = true;
    public int? Capacity { get; set; }
    public bool AllowNegative { get; set; }
    public required string Hlc { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class Bin
{
    public Guid Id { get; set; }
    public Guid LocationId { get; set; }
    public required string Code { get; set; }
    public string? Description { get; set; }
    public bool IsActive { get; set; } = true;
    public required string Hlc { get; set; }
}
