namespace Inventory.Edge.Infrastructure.Data.Entities;

/// <summary>
/// A change of master data this box made, written in the same transaction as the change itself (transactional
/// outbox), so a crash can never leave an edit that the cloud will not hear about. Pushed in <see cref="Seq"/>
/// order and never deleted: the sync state's cursor says how far the cloud has acknowledged.
/// </summary>
public sealed class OutboxEntry
{
    public long Seq { get; set; }

    /// <summary>One of <see cref="Inventory.Sync.ChangeKinds"/>.</summary>
    public required string Kind { get; set; }

    public Guid EntityId { get; set; }
    public required string Hlc { get; set; }

    /// <summary>The stamp the edit started from: the cloud tells a plain update from two replicas editing one row.</summary>
    public string? BaseHlc { get; set; }

    /// <summary>The matching protocol record as <see cref="Inventory.Sync.SyncJson"/> text.</summary>
    public required string Data { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}
