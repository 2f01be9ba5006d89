namespace Inventory.Edge.Infrastructure.Data.Entities;

/// <summary>The first answer to a movement request, kept so a replay of the same key answers alike.</summary>
public sealed class IdempotencyRecord
{
    public required string Key { get; set; }
    public required string RequestHash { get; set; }
    public int StatusCode { get; set; }
    public required string Response { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
