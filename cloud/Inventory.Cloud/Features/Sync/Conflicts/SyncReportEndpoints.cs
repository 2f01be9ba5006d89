using Inventory.Cloud.Infrastructure.Data;
using Inventory.Cloud.Infrastructure.Data.Entities;
using Inventory.Domain.Accounts;
using Inventory.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Cloud.Features.Sync.Conflicts;

/// <summary>What replication could not settle on its own, for a manager to read.</summary>
public static class SyncReportEndpoints
{
    /// <summary>The newest 500 conflicts (of one entity when entityId is given).</summary>
    public sealed record ConflictList(List<SyncConflict> Items);

    /// <summary>The newest 500 quarantined movements.</summary>
    public sealed record QuarantineList(List<QuarantinedMovement> Items);

    public static void MapSyncReportsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sync").WithTags("Sync").RequirePermission(Permission.ViewDiagnostics);
        group.MapGet("/conflicts", async (CloudDbContext db, Guid? entityId, CancellationToken ct) =>
                TypedResults.Ok(new ConflictList(
                    await db.Conflicts.AsNoTracking().Where(c => entityId == null || c.EntityId == entityId)
                        .OrderByDescending(c => c.Id).Take(500).ToListAsync(ct))))
            .WithName("ListSyncConflicts")
            .WithSummary("Rows two replicas edited at once: the winning stamp and the losing version.");
        group.MapGet("/quarantine", async (CloudDbContext db, CancellationToken ct) =>
                TypedResults.Ok(new QuarantineList(await db.Quarantine.AsNoTracking().OrderByDescending(q => q.Id).Take(500).ToListAsync(ct))))
            .WithName("ListQuarantinedMovements")
            .WithSummary("Movement ids that came back with other content; not applied.");
    }
}
