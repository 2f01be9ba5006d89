using Inventory.Domain.Accounts;
using Inventory.Edge.Features.Counting.Plans;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inventory.Edge.Features.Web.Pages.Counts;

/// <summary>The counts the plans made today per location, with progress; each links to its count page.</summary>
[Authorize(Policy = nameof(Permission.ViewInventory))]
public sealed class TodayModel(TodaysPlanCounts reader) : PageModel
{
    public TodaysCounts Today { get; private set; } = new(default, []);

    public async Task OnGetAsync(CancellationToken ct) => Today = await reader.ReadAsync(ct);
}
