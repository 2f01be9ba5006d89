namespace Inventory.Edge.Infrastructure.Data.Entities;

public sealed class Category
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public Guid? ParentId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Hybrid-logical-clock stamp of the last edit: the later stamp wins between replicas.</summary>
    public string? Hlc { get; set; }
}
