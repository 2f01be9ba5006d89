using Inventory.Domain.Accounts;
using Inventory.Edge.Features.Auth;

namespace Inventory.Edge.Features.Reports;

public static class ReportsEndpoints
{
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddOptions<ReportsOptions>().BindConfiguration(ReportsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LedgerValuation>();
        services.AddSingleton<ReportOutput>();
        return services;
    }

    public static void MapReportsApi(this WebApplication app)
    {
        var reports = app.MapGroup("/api/reports").WithTags("Reports");
        reports.MapGet("/stock-valuation", StockValuationReport.Handle).RequirePermission(Permission.ViewCostPrices)
            .WithSummary("Stock value per product and location from the ledger's cost layers (fifo|lifo|wac), as booked at asOf; format=json|csv|pdf.");
    }
}
