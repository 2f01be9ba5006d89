using Inventory.Domain.Accounts;
using Inventory.Web.Auth;
using Inventory.Web.Http;

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
            .WithName("GetStockValuationReport").ProducesReportFiles()
            .WithSummary("Stock value per product and location from the ledger's cost layers (fifo|lifo|wac), as booked at asOf; format=json|csv|pdf.");
        reports.MapGet("/reorder", LevelReports.Reorder).RequirePermission(Permission.ViewReports)
            .WithName("GetReorderReport").ProducesReportFiles()
            .WithSummary("Products at or below their reorder point per location, with a suggested order quantity.");
        reports.MapGet("/low-stock", LevelReports.LowStock).RequirePermission(Permission.ViewReports)
            .WithName("GetLowStockReport").ProducesReportFiles()
            .WithSummary("Products whose status is low or out, per location.");
        reports.MapGet("/stock-summary", StockSummaryReport.Handle).RequirePermission(Permission.ViewReports)
            .WithName("GetStockSummaryReport").ProducesReportFiles()
            .WithSummary("Per location: products, on hand, reserved, available, low and out counts; value for managers.");
        reports.MapGet("/movement", MovementReport.Handle).RequirePermission(Permission.ViewReports)
            .WithName("GetMovementReport").ProducesReportFiles()
            .WithSummary("Opening, in, out and closing per product and location over [from, to).");
        reports.MapGet("/dead-stock", DeadStockReport.Handle).RequirePermission(Permission.ViewReports)
            .WithName("GetDeadStockReport").ProducesReportFiles()
            .WithSummary("Stock with no ship or transfer out for `days` days (default 90); value for managers.");
        reports.MapGet("/abc", AbcReport.Handle).RequirePermission(Permission.ViewReports)
            .WithName("GetAbcReport").ProducesReportFiles()
            .WithSummary("ABC classes by consumption value (shipped quantity at ledger cost), a/b percentages default 80/15.");
        reports.MapGet("/expiry", ExpiryReport.Handle).RequirePermission(Permission.ViewReports)
            .WithName("GetExpiryReport").ProducesReportFiles()
            .WithSummary("Lots on hand expiring within `days` days (default 30) or expired, per location and bin; value at FIFO cost for managers.");
    }

    /// <summary>format=csv|pdf answers with a file, beside the JSON of format=json.</summary>
    private static RouteHandlerBuilder ProducesReportFiles(this RouteHandlerBuilder builder) =>
        builder.ProducesFiles("text/csv", "application/pdf");
}
