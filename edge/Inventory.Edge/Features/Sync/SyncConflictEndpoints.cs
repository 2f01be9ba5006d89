using System.Text.Json;
using Inventory.Domain.Accounts;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Edge.Features.Sync;

/// <summary>A change from the cloud this box refused: what it was (as sent), why, and the version the box kept.</summary>
public sealed record SyncConflictView(
    long Id, string Kind, Guid EntityId, string Hlc, string? KeptHlc, string Reason, JsonElement Data, DateTimeOffset DetectedAt);

public sealed record SyncConflictList(IReadOnlyList<SyncConflictView> Items);

/// <summary>What replication could not settle on its own at this box, for a manager to read.</summary>
public static class SyncConflictEndpoints
{
    public const int MaxListed = 500;

    public static void MapSyncConflictsApi(this WebApplication app) =>
        app.MapGet("/api/sync/conflicts", ListAsync)
            .RequirePermission(Permission.ViewDiagnostics)
            .WithTags("Sync")
            .WithName("ListSyncConflicts")
            .WithSummary("Changes from the cloud this box refused (a product that breaks the catalog's rules), newest first.");

    private static async Task<Ok<SyncConflictList>> ListAsync(Guid? entityId, EdgeDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.SyncConflicts.AsNoTracking()
            .Where(c => entityId == null || c.EntityId == entityId)
            .OrderByDescending(c => c.Id).Take(MaxListed).ToListAsync(cancellationToken);
        return TypedResults.Ok(new SyncConflictList([.. rows.Select(c => new SyncConflictView(
            c.Id, c.Kind, c.EntityId, c.Hlc, c.KeptHlc, c.Reason, JsonDocument.Parse(c.Data).RootElement.Clone(), c.DetectedAt))]));
    }
}
