using Inventory.Edge.Infrastructure.Data;
using Inventory.Edge.Infrastructure.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Edge.Features.Web.Pages;

/// <summary>What the operations pages (movements, adjust, transfers) render into their shells.</summary>
public static class Operations
{
    /// <summary>
    /// Every active location this box knows, its own site's first: other sites' come through replication and
    /// are the destinations of in-transit transfers.
    /// </summary>
    public static async Task<IReadOnlyList<Location>> AllLocationsAsync(EdgeDbContext db, string site, CancellationToken cancellationToken)
    {
        var all = await db.Locations.AsNoTracking().Where(l => l.IsActive).ToListAsync(cancellationToken);
        return [.. all.OrderBy(l => l.SiteCode == site ? 0 : 1).ThenBy(l => l.SiteCode, StringComparer.Ordinal).ThenBy(l => l.Code, StringComparer.Ordinal)];
    }

    /// <summary>id → "CODE" (or "SITE/CODE" for another site's), for the scripts to label rows.</summary>
    public static string LocationNamesJson(IEnumerable<Location> locations, string site) =>
        System.Text.Json.JsonSerializer.Serialize(locations.ToDictionary(
            l => l.Id.ToString(), l => l.SiteCode == site ? l.Code : l.SiteCode + "/" + l.Code));
}
