using Inventory.Edge.Infrastructure.Data;
using Inventory.Edge.Infrastructure.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inventory.Edge.Features.Web;

/// <summary>Small reads the pages share.</summary>
public sealed class WebData(EdgeDbContext db, IOptions<EdgeOptions> options)
{
    /// <summary>This site's active locations: the only ones whose stock this box writes.</summary>
    public async Task<IReadOnlyList<Location>> LocationsAsync(CancellationToken cancellationToken)
    {
        var site = options.Value.Site.Code;
        return await db.Locations.AsNoTracking().Where(l => l.IsActive && l.SiteCode == site).OrderBy(l => l.Code).ToListAsync(cancellationToken);
    }
}
