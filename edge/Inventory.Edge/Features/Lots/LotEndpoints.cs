using Inventory.Domain.Accounts;
using Inventory.Web.Auth;

namespace Inventory.Edge.Features.Lots;

/// <summary>
/// Lots at this box: /api/lots (list, hold, release) and the FEFO exceptions report. Holds are written through EF, so
/// the sync outbox carries them to the cloud and every other box; the ledger's single writer enforces them.
/// </summary>
public static class LotEndpoints
{
    public static void MapLotsApi(this WebApplication app)
    {
        var lots = app.MapGroup("/api/lots").WithTags("Lots");
        lots.MapGet("/", LotQueries.List).RequirePermission(Permission.ViewInventory)
            .WithName("ListLots")
            .WithSummary("A product's lots at this box: on hand summed over locations and bins, expiry, status available|hold|expired.");
        lots.MapPost("/hold", LotHolds.Hold).RequirePermission(Permission.HoldLots)
            .WithName("HoldLot").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Place a hold on a lot (recall, quality stop): it is never shipped, reserved or picked until released.");
        lots.MapPost("/release", LotHolds.Release).RequirePermission(Permission.HoldLots)
            .WithName("ReleaseLot").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Release a held lot.");
        lots.MapGet("/next", LotNext.Handle).RequirePermission(Permission.ViewInventory)
            .WithName("NextLot").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The lot and bin a pick of this product at this location takes now (first expiry, never held or expired); 404 when none.");
        lots.MapLotTrace();

        app.MapGroup("/api/reports").WithTags("Reports")
            .MapGet("/fefo-exceptions", FefoExceptionsReport.Handle).RequirePermission(Permission.ViewReports)
            .WithName("GetFefoExceptionsReport")
            .WithSummary("Movements a manager made out of expiry order (override with a reason) over [from, to).");
    }
}
