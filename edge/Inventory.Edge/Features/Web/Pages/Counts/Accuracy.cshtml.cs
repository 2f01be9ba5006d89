using System.Globalization;
using Inventory.Domain.Accounts;
using Inventory.Domain.Counting;
using Inventory.Edge.Features.Counting.Reports;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Edge.Infrastructure.Data.Entities;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Inventory.Edge.Features.Web.Pages.Counts;

/// <summary>
/// /counts/accuracy: inventory record accuracy over time (a line chart drawn here as inline SVG, no script library) with a
/// table beside it, and per location, class and counter. Reads the same report as GET /api/reports/inventory-accuracy.
/// </summary>
[Authorize(Policy = nameof(Permission.ViewReports))]
public sealed class AccuracyModel(InventoryAccuracyReport report, EdgeDbContext db, IOptions<EdgeOptions> options, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? LocationId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? GroupBy { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Days { get; set; } = 182;

    public IReadOnlyList<Location> Locations { get; private set; } = [];

    public InventoryAccuracyView? Report { get; private set; }

    public string? Error { get; private set; }

    /// <summary>The same filters for the CSV and PDF links (only those set).</summary>
    public string ExportQuery { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Locations = await Operations.AllLocationsAsync(db, options.Value.Site.Code, cancellationToken);
        var now = time.GetUtcNow();
        if (Days is < 1 or > InventoryAccuracyReport.MaxDays || !AccuracyBreakdown.IsPeriod(GroupBy))
        {
            Error = "Choose 1 to 3660 days, by day or by week.";
            return;
        }

        var from = now.AddDays(-Days);
        Report = await report.RunAsync(from, now, LocationId, GroupBy, cancellationToken);
        ExportQuery = "from=" + Uri.EscapeDataString(from.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture))
            + (LocationId is { } l ? "&locationId=" + l : "") + (string.IsNullOrEmpty(GroupBy) ? "" : "&groupBy=" + Uri.EscapeDataString(GroupBy));
    }

    public static string Percent(decimal? accuracy) => InventoryAccuracyReport.Percent(accuracy) is { } p ? p + " %" : "–";

    /// <summary>The over-time line as SVG points in a 600 × 200 box (x spread evenly, y = accuracy 0–100 %).</summary>
    public static IReadOnlyList<(double X, double Y, AccuracyGroup Group)> Points(IReadOnlyList<AccuracyGroup> overTime)
    {
        var shown = overTime.Where(g => g.Accuracy is not null).ToList();
        return [.. shown.Select((g, i) => (
            X: ChartLeft + (shown.Count == 1 ? ChartWidth / 2 : ChartWidth * i / (shown.Count - 1)),
            Y: ChartTop + ChartHeight * (1 - (double)g.Accuracy!.Value),
            Group: g))];
    }

    public const double ChartLeft = 48;
    public const double ChartTop = 12;
    public const double ChartWidth = 536;
    public const double ChartHeight = 160;

    public static string Num(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
