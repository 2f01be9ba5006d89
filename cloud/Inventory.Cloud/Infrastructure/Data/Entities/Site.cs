namespace Inventory.Cloud.Infrastructure.Data.Entities;

/// <summary>A warehouse box, its credential (hash only) and what the cloud knows of its replication.</summary>
public sealed class Site
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? CredentialHash { get; set; }
    public DateTimeOffset? CredentialIssuedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The edge's movement sequence up to which everything is applied here.</summary>
    public long MovementsCursor { get; set; }

    /// <summary>The edge's outbox sequence up to which everything is applied here.</summary>
    public long ChangesCursor { get; set; }

    public DateTimeOffset? LastContactAt { get; set; }
    public DateTimeOffset? LastPushAt { get; set; }
    public DateTimeOffset? LastPullAt { get; set; }

    /// <summary>Movements the edge said were still waiting after its last push.</summary>
    public long Pending { get; set; }

    /// <summary>Seconds from the newest movement of the last push being recorded at the edge to it being applied here.</summary>
    public double? LagSeconds { get; set; }

    public int ProtocolVersion { get; set; }

    /// <summary>When other sites' view of this site's levels was last written to the feed.</summary>
    public DateTimeOffset? SummariesAt { get; set; }

    /// <summary>Pushes of a backlog applied movements whose summaries other sites have not seen yet.</summary>
    public bool SummariesDeferred { get; set; }

    /// <summary>Other sites' view holds every pair this site's movements up to this ledger seq touched.</summary>
    public long SummariesSeq { get; set; }

    /// <summary>Pushes of a backlog that applied movements, ever: a catch-up that saw another one arrive leaves the summaries deferred.</summary>
    public long BacklogPushes { get; set; }
}
