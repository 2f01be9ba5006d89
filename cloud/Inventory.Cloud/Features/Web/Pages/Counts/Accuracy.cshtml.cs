using System.Globalization;
using Inventory.Cloud.Features.Counting;
using Inventory.Cloud.Infrastructure.Data;
using Inventory.Domain.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inventory.Cloud.Features.Web.Pages.Counts;

/// <summary>/counts/accuracy in the cloud: inventory record accuracy per site with each site's freshness, over time and per class.</summary>
[Authorize(Policy = nameof(Permission.ViewReports))]
public sealed class AccuracyModel(CloudDbContext db, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Days { get; set; } = 182;

    public CloudInventoryAccuracy? Report { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (Days is < 1 or > InventoryAccuracyEndpoints.MaxDays)
        {
            Error = "Choose 1 to 3660 days.";
            return;
        }

        var now = time.GetUtcNow();
        Report = await InventoryAccuracyEndpoints.RunAsync(db, now.AddDays(-Days), now, null, null, cancellationToken);
    }

    public static string Percent(decimal? accuracy) =>
        accuracy is { } a ? (a * 100m).ToString("0.00", CultureInfo.InvariantCulture) + " %" : "–";

    public static string When(DateTimeOffset? at) =>
        at?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + (at is null ? "never" : " UTC");
}
