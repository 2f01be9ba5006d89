using Inventory.Domain.Accounts;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Edge.Infrastructure.Data.Entities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Inventory.Edge.Features.Web.Pages;

/// <summary>
/// Transfers: the form (roles with Transfer) sends POST /api/inventory/transfer, which moves stock within this
/// site at once or, to another site's location, ships it in transit; the list is GET /api/transfers, and an
/// incoming transfer in transit is received here with the quantity that arrived.
/// </summary>
[Authorize(Policy = nameof(Permission.ViewInventory))]
public sealed class TransfersModel(EdgeDbContext db, IOptions<EdgeOptions> options) : PageModel
{
    public string Site => options.Value.Site.Code;

    public IReadOnlyList<Location> Locations { get; private set; } = [];

    public IEnumerable<Location> Own => Locations.Where(l => l.SiteCode == Site);

    public IEnumerable<IGrouping<string, Location>> Others => Locations.Where(l => l.SiteCode != Site).GroupBy(l => l.SiteCode);

    public string LocationNames { get; private set; } = "{}";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Locations = await Operations.AllLocationsAsync(db, Site, cancellationToken);
        LocationNames = Operations.LocationNamesJson(Locations, Site);
    }
}
