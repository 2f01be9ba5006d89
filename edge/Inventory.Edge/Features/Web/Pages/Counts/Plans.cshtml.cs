using Inventory.Domain.Accounts;
using Inventory.Edge.Features.Counting.Plans;
using Inventory.Edge.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inventory.Edge.Features.Web.Pages.Counts;

/// <summary>
/// Every location of this site with its count plan (or none yet): managers edit it and its extra rules through
/// /api/count-plans (the script), others read it.
/// </summary>
[Authorize(Policy = nameof(Permission.ViewInventory))]
public sealed class PlansModel(EdgeDbContext db, IOptions<EdgeOptions> options) : PageModel
{
    public sealed record Row(Guid LocationId, string Code, string Name, CountPlanView? Plan);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> Categories { get; private set; } = new Dictionary<Guid, string>();

    public static IReadOnlyList<string> Days => CountPlanPolicy.DayNames;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var site = options.Value.Site.Code;
        var locations = await db.Locations.AsNoTracking().Where(l => l.SiteCode == site).OrderBy(l => l.Code)
            .Select(l => new { l.Id, l.Code, l.Name }).ToListAsync(ct);
        var plans = await db.CountPlans.AsNoTracking().Include(p => p.Rules).ToDictionaryAsync(p => p.LocationId, ct);
        Rows = [.. locations.Select(l => new Row(l.Id, l.Code, l.Name,
            plans.TryGetValue(l.Id, out var plan) ? CountPlanEndpoints.ToView(plan, l.Code) : null))];
        Categories = await db.Categories.AsNoTracking().OrderBy(c => c.Name).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
    }
}
