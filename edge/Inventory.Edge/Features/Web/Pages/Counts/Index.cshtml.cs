using Inventory.Domain.Accounts;
using Inventory.Domain.Counting;
using Inventory.Edge.Features.Counting;
using Inventory.Edge.Infrastructure.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inventory.Edge.Features.Web.Pages.Counts;

/// <summary>
/// The box's cycle counts, newest first (status filter), and the form that makes one by hand (counts.js posts it to
/// /api/cycle-counts and opens the new count). Rendered on the server from the same reader as the API.
/// </summary>
[Authorize(Policy = nameof(Permission.ViewInventory))]
public sealed class IndexModel(CycleCountReader reader, EdgeDbContext db, IOptions<EdgeOptions> options) : PageModel
{
    public const int Shown = 200;

    public IReadOnlyList<CycleCountSummary> Counts { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Code, string Name)> Locations { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> Categories { get; private set; } = [];
    public string? Status { get; private set; }

    public async Task OnGetAsync(string? status, CancellationToken ct)
    {
        Status = status is CycleCountStatus.Open or CycleCountStatus.NeedsApproval or CycleCountStatus.Completed or CycleCountStatus.Cancelled ? status : null;
        (Counts, _) = await reader.ListAsync(Status, null, 0, Shown, ct);
        var site = options.Value.Site.Code;
        Locations = [.. (await db.Locations.AsNoTracking().Where(l => l.SiteCode == site && l.IsActive).OrderBy(l => l.Code)
            .Select(l => new { l.Id, l.Code, l.Name }).ToListAsync(ct)).Select(l => (l.Id, l.Code, l.Name))];
        Categories = [.. (await db.Categories.AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(ct))
            .Select(c => (c.Id, c.Name))];
    }
}
