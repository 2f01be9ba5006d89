using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Inventory.Edge.Features.Sync;

public sealed record QuarantineView(long Count, IReadOnlyList<Guid> Ids);

/// <summary>
/// The status answer. The fields of the contract (lastPushAt, lastPullAt, pendingChanges, lastError) and the
/// other nullable ones are written even when null: the edge's JSON otherwise leaves nulls out.
/// </summary>
public sealed record SyncStatusView(
    bool Enabled,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? CloudUrl,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? LastPushAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? LastPullAt,
    long PendingChanges,
    long PendingMovements,
    long PendingOutbox,
    double LagSeconds,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? LastError,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? LastErrorAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? NextAttemptAt,
    QuarantineView Quarantined,
    string SiteCode);

internal static class SyncStatusEndpoint
{
    public static async Task<Ok<SyncStatusView>> GetAsync(
        SyncStateStore state, SyncAgent agent, IOptions<CloudOptions> cloud, TimeProvider time, CancellationToken cancellationToken)
    {
        var s = await state.SnapshotAsync(cancellationToken);
        var lag = s.OldestPendingMovementAt is { } oldest ? Math.Max(0, (time.GetUtcNow() - oldest).TotalSeconds) : 0;
        return TypedResults.Ok(new SyncStatusView(
            agent.Enabled, cloud.Value.BaseUri()?.ToString(), s.LastPushAt, s.LastPullAt,
            s.PendingMovements + s.PendingOutbox, s.PendingMovements, s.PendingOutbox, Math.Round(lag, 3),
            s.LastError, s.LastErrorAt, agent.Enabled ? agent.NextAttemptAt : null,
            new QuarantineView(s.QuarantinedCount, s.QuarantinedIds), agent.SiteCode));
    }
}
