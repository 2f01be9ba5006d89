using Inventory.Edge.Infrastructure.Data.Entities;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Inventory.Edge.Features.Web.Pages;

/// <summary>
/// This site's locations and their bins; other sites' locations (replicated from the cloud) are listed
/// read-only, since only their own site edits them. The script reads and writes through /api/locations.
/// </summary>
public sealed class LocationsModel(IOptions<EdgeOptions> options) : PageModel
{
    public static IReadOnlyList<string> Types => LocationTypes.All;

    public string SiteCode => options.Value.Site.Code;
}
