using Inventory.Cloud.Infrastructure.Data;
using Inventory.Domain.Accounts;
using Inventory.Web.Auth;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Cloud.Features.Sync.Conflicts;

/// <summary>What replication could not settle on its own, for a manager to read.</summary>
public static class SyncReportEndpoints
{
    public static void MapSyncReportsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/sync").WithTags("Sync").RequirePermission(Permission.ViewDiagnostics);
        group.MapGet("/conflicts", async (CloudDbContext db, Guid? entityId, CancellationToken ct) =>
                TypedResults.Ok(new
                {
                    items = await db.Conflicts.AsNoTracking().Where(c => entityId == null || c.EntityId == entityId)
                        .OrderByDescending(c => c.Id).Take(500).ToListAsync(ct),
                }))
            .WithSummary("Rows two replicas edited at once: the winning stamp and the losing version.");
        group.MapGet("/quarantine", async (CloudDbContext db, CancellationToken ct) =>
                TypedResults.Ok(new { items = await db.Quarantine.AsNoTracking().OrderByDescending(q => q.Id).Take(500).ToListAsync(ct) }))
            .WithSummary("Movement ids that came back with other content; not applied.");
    }
}
