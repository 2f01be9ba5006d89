using Inventory.Domain.Accounts;
using Inventory.Domain.Ledger;
using Inventory.Edge.Infrastructure.Data.Entities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inventory.Edge.Features.Web.Pages;

/// <summary>
/// A stock correction with a reason code, sent as the API's own POST /api/inventory/adjust. The script makes the
/// movement id, so a double click or a retry after a lost answer is recorded once.
/// </summary>
[Authorize(Policy = nameof(Permission.Adjust))]
public sealed class AdjustModel(WebData data) : PageModel
{
    public static IReadOnlyList<string> Reasons => AdjustmentReasons.Names;

    public IReadOnlyList<Location> Locations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Locations = await data.LocationsAsync(cancellationToken);
}
