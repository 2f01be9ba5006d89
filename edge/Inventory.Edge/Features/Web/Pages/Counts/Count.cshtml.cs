using Inventory.Domain.Accounts;
using Inventory.Edge.Features.Counting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inventory.Edge.Features.Web.Pages.Counts;

/// <summary>
/// One count: its lines in bin order with a counted field each, progress and submit; once submitted, expected and
/// variance, recounts and (managers) approval of waiting lines. Rendered from <see cref="CycleCountReader"/>'s view, so a
/// blind count's expected quantities never reach the page's HTML before submission. counts.js posts to the API.
/// </summary>
[Authorize(Policy = nameof(Permission.ViewInventory))]
public sealed class CountModel(CycleCountReader reader) : PageModel
{
    public CycleCountView Count { get; private set; } = null!;

    /// <summary>Whether the view carries expected quantities (not blind, or submitted).</summary>
    public bool ShowsExpected => !Count.Blind || Count.SubmittedAt is not null;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var view = await reader.ReadAsync(id, ct);
        if (view is null)
        {
            return NotFound();
        }

        Count = view;
        return Page();
    }
}
