using Inventory.Domain.Accounts;
using Inventory.Edge.Features.Counting.Plans;
using Inventory.Edge.Features.Counting.Reports;
using Inventory.Web.Auth;
using Inventory.Web.Http;

namespace Inventory.Edge.Features.Counting;

/// <summary>Cycle counting at the box: plans, counts, counting by scan, approval and accuracy (docs/features/counting.md).</summary>
public static class CountingServices
{
    public static IServiceCollection AddCounting(this IServiceCollection services)
    {
        services.AddSingleton<AbcClasses>();
        services.AddScoped<CycleCountFactory>();
        services.AddCountPlans();
        services.AddScoped<CycleCountReader>();
        services.AddScoped<CountPosting>();
        services.AddScoped<CycleCounting>();
        services.AddScoped<InventoryAccuracyReport>();
        return services;
    }

    public static void MapCountingApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapCountPlanEndpoints();
        app.MapCycleCountEndpoints();
        MapCountReports(app);
    }

    private static void MapCountReports(WebApplication app)
    {
        app.MapGet("/api/reports/inventory-accuracy", InventoryAccuracyReport.Handle).RequirePermission(Permission.ViewReports)
            .WithTags("Reports").WithName("GetInventoryAccuracyReport").ProducesFiles("text/csv", "application/pdf")
            .WithSummary("Inventory record accuracy (lines within tolerance ÷ lines counted) of submitted count lines counted in [from, to], per location, class, counter and day or week; format=json|csv|pdf.");
        app.MapGet("/api/cycle-counts/{id:guid}/variance", CountVarianceReport.Handle).RequirePermission(Permission.ViewReports)
            .WithTags("Counting").WithName("GetCycleCountVariance").ProducesFiles("text/csv", "application/pdf")
            .WithSummary("A submitted count's expected, counted and variance per line; value (unit cost × variance) for ViewCostPrices; 409 while the count is open.");
    }
}
