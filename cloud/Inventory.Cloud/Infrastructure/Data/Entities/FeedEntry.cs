namespace Inventory.Cloud.Infrastructure.Data.Entities;

/// <summary>
/// The cloud's change feed, compacted: one row per (kind, key) holding the latest full state, with a new
/// <see cref="Seq"/> at each change. Rows are written only under a transaction-scoped advisory lock, so
/// sequence order is commit order and a reader's cursor never skips a row committed late.
/// </summary>
public sealed class FeedEntry
{
    public required string Kind { get; set; }

    /// <summary>The entity id, or "product:location" for a level summary.</summary>
    public required string Key { get; set; }

    public long Seq { get; set; }
    public Guid EntityId { get; set; }
    public required string Hlc { get; set; }
    public string? BaseHlc { get; set; }
    public required string Data { get; set; }

    /// <summary>The site whose change this is (it is not sent back there); null for the cloud's own.</summary>
    public string? OriginSite { get; set; }

    /// <summary>Only this site receives it; null for every site.</summary>
    public string? Audience { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}
