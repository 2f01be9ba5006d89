namespace Inventory.Edge.Infrastructure.Data.Entities;

public sealed class Bin
{
    public Guid Id { get; set; }
    public Guid LocationId { get; set; }
    public required string Code { get; set; }
    public string? Description { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Hybrid-logical-clock stamp of the last edit: the later stamp wins between replicas.</summary>
    public string? Hlc { get; set; }
}
