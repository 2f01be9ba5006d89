namespace Inventory.Edge.Infrastructure.Data.Entities;

/// <summary>
/// The one row of replication state. The cursors move only in the transaction that made them true (a pushed
/// cursor after the cloud's acknowledgement, the pull cursor with the changes it covers), so a crash at any
/// point resends or re-pulls rather than losing anything.
/// </summary>
public sealed class SyncState
{
    public const int SingleId = 1;

    public int Id { get; set; }

    /// <summary>Highest stock_movements.seq the cloud has acknowledged.</summary>
    public long MovementsPushedSeq { get; set; }

    /// <summary>Highest sync_outbox.seq the cloud has acknowledged.</summary>
    public long OutboxPushedSeq { get; set; }

    /// <summary>Where the next pull of the cloud's feed starts.</summary>
    public long PullCursor { get; set; }

    public DateTimeOffset? LastPushAt { get; set; }
    public DateTimeOffset? LastPullAt { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? LastErrorAt { get; set; }

    /// <summary>Movements the cloud took but set aside (it could not apply them); a person has to look.</summary>
    public long QuarantinedCount { get; set; }

    /// <summary>JSON array of the most recent quarantined movement ids.</summary>
    public string? QuarantinedIds { get; set; }
}
