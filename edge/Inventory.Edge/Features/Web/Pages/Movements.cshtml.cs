using Inventory.Domain.Accounts;
using Inventory.Domain.Ledger;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Edge.Infrastructure.Data.Entities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Inventory.Edge.Features.Web.Pages;

/// <summary>The ledger with filters; the rows come from GET /api/stock-movements, which drops unit costs for roles without ViewCostPrices.</summary>
[Authorize(Policy = nameof(Permission.ViewInventory))]
public sealed class MovementsModel(EdgeDbContext db, IOptions<EdgeOptions> options) : PageModel
{
    public static IEnumerable<string> Types => Enum.GetValues<MovementType>().Select(t => t.ToWireName());

    public IReadOnlyList<Location> Locations { get; private set; } = [];

    public string LocationNames { get; private set; } = "{}";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var site = options.Value.Site.Code;
        Locations = await Operations.AllLocationsAsync(db, site, cancellationToken);
        LocationNames = Operations.LocationNamesJson(Locations, site);
    }
}
