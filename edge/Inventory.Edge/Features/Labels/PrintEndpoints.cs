using System.Globalization;
using Inventory.Domain.Accounts;
using Inventory.Edge.Features.Mqtt;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Edge.Infrastructure.Data.Entities;
using Inventory.Web.Auth;
using Inventory.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Edge.Features.Labels;

public static class PrintEndpoints
{
    public const int MaxCopies = 1000;

    /// <summary>
    /// A label job: `productId` with `copies`, or `movementId` of a receipt to label what came in, one label
    /// per unit (`per: "unit"`) or per case (`per: "case"`, the quantity divided by the product's case pack).
    /// </summary>
    public sealed record PrintRequest(
        string? PrinterId, Guid? ProductId, int? Copies, Guid? MovementId, string? Per, bool? Price, string? Lot, DateOnly? Expiry);

    public sealed record PrintJobView(Guid JobId, string PrinterId, Guid ProductId, int Copies, string Status, DateTimeOffset CreatedAt, DateTimeOffset? DeliveredAt);

    public static IServiceCollection AddLabelPrinting(this IServiceCollection services)
    {
        services.AddSingleton<PrintJobSignal>();
        services.AddHostedService<PrintJobDispatcher>();
        return services;
    }

    public static void MapLabelPrintingApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/labels").WithTags("Labels");
        group.MapPost("/print", Print).RequirePermission(Permission.PrintLabels)
            .WithName("PrintLabels").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Queue ZPL labels for a registered printer; they go to its jobs topic now, or when it is back online.");
        group.MapGet("/jobs", Jobs).RequirePermission(Permission.PrintLabels)
            .WithName("ListPrintJobs")
            .WithSummary("Label jobs, newest first: queued or delivered to the printer's broker session.");
    }

    private static async Task<Results<Accepted<PrintJobView>, ValidationProblem, ProblemHttpResult>> Print(
        PrintRequest request, HttpContext http, EdgeDbContext db, PrintJobSignal signal, TimeProvider time, CancellationToken cancellationToken)
    {
        var v = new Validation()
            .RequireText(request.PrinterId, "printerId", 64)
            .Require(request.ProductId is not null ^ request.MovementId is not null, "productId", "Give a productId or a movementId (of a receipt), not both.")
            .Require(request.Copies is null or (>= 1 and <= MaxCopies), "copies", $"'copies' is between 1 and {MaxCopies}.")
            .Require(request.Per is null or "unit" or "case", "per", "'per' is unit or case.");
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var printer = await db.Devices.AsNoTracking().FirstOrDefaultAsync(d => d.Id == request.PrinterId, cancellationToken);
        if (printer is null || printer.RevokedAt is not null || printer.Kind != DeviceKinds.Printer)
        {
            return Problems.NotFound($"No registered printer '{request.PrinterId}'.");
        }

        var (productId, copies, lot, expiry, error) = request.MovementId is { } movementId
            ? await FromReceiptAsync(db, movementId, request.Per ?? "unit", cancellationToken)
            : (request.ProductId!.Value, request.Copies ?? 1, request.Lot, request.Expiry, null);
        if (error is not null)
        {
            return error;
        }

        var product = await db.Products.AsNoTracking().Include(p => p.Barcodes).FirstOrDefaultAsync(p => p.Id == productId, cancellationToken);
        if (product is null)
        {
            return Problems.NotFound($"No product with id {productId}.");
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var zpl = ZplLabel.Render(LabelLayout.For(LabelContent.From(product, request.Price == true, lot, expiry, today)));
        // ^PQ asks the printer for the copies itself: one small job instead of the same label many times.
        zpl = zpl.Replace("^XZ", string.Create(CultureInfo.InvariantCulture, $"^PQ{copies}^XZ"), StringComparison.Ordinal);
        var job = new PrintJob
        {
            Id = Guid.CreateVersion7(),
            PrinterId = printer.Id,
            ProductId = product.Id,
            Copies = copies,
            Zpl = zpl,
            RequestedBy = http.User.UserIdOf(),
            CreatedAt = time.GetUtcNow(),
        };
        db.PrintJobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        signal.Raise();
        return TypedResults.Accepted($"/api/labels/jobs?printerId={printer.Id}", ToView(job));
    }

    private static async Task<(Guid ProductId, int Copies, string? Lot, DateOnly? Expiry, ProblemHttpResult? Error)> FromReceiptAsync(
        EdgeDbContext db, Guid movementId, string per, CancellationToken cancellationToken)
    {
        var movement = await db.StockMovements.AsNoTracking().FirstOrDefaultAsync(m => m.Id == movementId, cancellationToken);
        if (movement is null || movement.Type is not ("receive" or "return" or "transfer_in") || movement.Quantity <= 0)
        {
            return (default, 0, null, null, Problems.NotFound($"No receipt movement with id {movementId}."));
        }

        var expiry = movement.Expiry is { } e ? DateOnly.ParseExact(e, "yyyy-MM-dd", CultureInfo.InvariantCulture) : (DateOnly?)null;
        var lot = movement.Lot.Length == 0 ? null : movement.Lot;
        var quantity = (int)Math.Min(movement.Quantity, MaxCopies);
        if (per == "unit")
        {
            return (movement.ProductId, quantity, lot, expiry, null);
        }

        var pack = await db.Barcodes.AsNoTracking()
            .Where(b => b.ProductId == movement.ProductId && b.Kind == BarcodeKinds.Case)
            .Select(b => (int?)b.PackQuantity).MaxAsync(cancellationToken);
        if (pack is not { } size)
        {
            return (default, 0, null, null, Problems.BadRequest("This product has no case barcode, so there is no case to label: print per unit."));
        }

        return (movement.ProductId, (int)Math.Ceiling(quantity / (double)size), lot, expiry, null);
    }

    private static async Task<Ok<IEnumerable<PrintJobView>>> Jobs(string? printerId, EdgeDbContext db, CancellationToken cancellationToken)
    {
        var query = db.PrintJobs.AsNoTracking();
        query = printerId is null ? query : query.Where(j => j.PrinterId == printerId);
        var jobs = await query.OrderByDescending(j => j.CreatedAt).Take(100).ToListAsync(cancellationToken);
        return TypedResults.Ok(jobs.Select(ToView));
    }

    private static PrintJobView ToView(PrintJob j) =>
        new(j.Id, j.PrinterId, j.ProductId, j.Copies, j.DeliveredAt is null ? "queued" : "delivered", j.CreatedAt, j.DeliveredAt);
}
