using Inventory.Domain.Accounts;
using Inventory.Domain.Counting;
using Inventory.Edge.Features.Counting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inventory.Edge.Features.Web.Pages.Counts;

/// <summary>The managers' queue: counts with lines beyond tolerance waiting for a recount or an approval.</summary>
[Authorize(Policy = nameof(Permission.ApproveCounts))]
public sealed class ApprovalsModel(CycleCountReader reader) : PageModel
{
    public IReadOnlyList<CycleCountSummary> Waiting { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        (Waiting, _) = await reader.ListAsync(CycleCountStatus.NeedsApproval, null, 0, IndexModel.Shown, ct);
}
