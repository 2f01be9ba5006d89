using System.Globalization;
using Inventory.Cloud.Infrastructure.Data;
using Inventory.Cloud.Infrastructure.Data.Entities;
using Inventory.Domain.Accounts;
using Inventory.Domain.Purchasing;
using Inventory.Sync;
using Inventory.Web.Auth;
using Inventory.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Cloud.Features.Purchasing;

/// <summary>
/// Purchase orders across the fleet: head office makes and edits them here, each reaches its home site only. A box
/// receives against them (receiving moves that box's stock, so there is no receive call in the cloud); what was
/// received is read from the ledger every box pushes.
/// </summary>
public static partial class PurchaseOrderEndpoints
{
    public static void MapPurchaseOrdersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/purchase-orders").WithTags("Purchasing");
        group.MapGet("/", ListAsync).RequirePermission(Permission.ViewInventory)
            .WithName("ListPurchaseOrders")
            .WithSummary("Purchase orders of every site, newest first; filter by status, supplier and site; prices only for purchasing and managers.");
        group.MapPost("/", CreateAsync).RequirePermission(Permission.ManagePurchaseOrders)
            .WithName("CreatePurchaseOrder")
            .WithSummary("A draft PO numbered PO-HQ-…; a line without a unit price takes the supplier's price break for its quantity.");
        group.MapGet("/{id:guid}", GetAsync).RequirePermission(Permission.ViewInventory)
            .WithName("GetPurchaseOrder")
            .WithSummary("One PO with each line's received quantity (summed over every site's ledger), its status and variance.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id:guid}", UpdateAsync).RequirePermission(Permission.ManagePurchaseOrders)
            .WithName("UpdatePurchaseOrder")
            .WithSummary("Edit a draft or sent PO's header and lines; 409 once anything was received, or when cancelled or closed.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/send", SendAsync).RequirePermission(Permission.ManagePurchaseOrders)
            .WithName("SendPurchaseOrder")
            .WithSummary("Marks the PO sent; its home box mails the PDF to the supplier when it pulls this version.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/cancel", CancelAsync).RequirePermission(Permission.ManagePurchaseOrders)
            .WithName("CancelPurchaseOrder")
            .WithSummary("Cancels the PO; 409 once the cloud knows of a receipt against it.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/close", CloseAsync).RequirePermission(Permission.ClosePurchaseOrders)
            .WithName("ClosePurchaseOrder")
            .WithSummary("Closes a PO that will never be completed, with a reason (managers).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<Page<PurchaseOrderView>>, ValidationProblem>> ListAsync(
        CloudDbContext db, HttpContext http, TimeProvider time, string? status, Guid? supplierId, string? siteCode, int? limit,
        string? next, CancellationToken ct)
    {
        var v = new Validation().Paged(limit, next)
            .Require(status is null || PurchaseOrderStatus.IsKnown(status), "status", $"'status' is one of {string.Join(", ", PurchaseOrderStatus.All)}.");
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var size = Paging.Limit(limit);
        var before = next is null ? long.MaxValue : Paging.Cursor(next);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var picked = new List<PurchaseOrder>();
        // The status is derived from the ledger, not a column: read newest first in chunks and keep the matching ones.
        while (picked.Count <= size)
        {
            var chunk = await db.PurchaseOrders.AsNoTracking().Include(p => p.Lines)
                .Where(p => p.Seq < before)
                .Where(p => supplierId == null || p.SupplierId == supplierId)
                .Where(p => siteCode == null || p.SiteCode == siteCode)
                .OrderByDescending(p => p.Seq).Take(200).AsSplitQuery().ToListAsync(ct);
            if (chunk.Count == 0)
            {
                break;
            }

            before = chunk[^1].Seq;
            if (status is null)
            {
                picked.AddRange(chunk);
                continue;
            }

            var received = await PurchaseOrderViews.ReceivedAsync(db, chunk, ct);
            picked.AddRange(chunk.Where(p => PurchaseOrderViews.Status(p, received) == status));
        }

        var page = picked.Take(size).ToList();
        var views = await PurchaseOrderViews.BuildAsync(db, page, http.User.Can(Permission.ViewSupplierPrices), today, ct);
        return TypedResults.Ok(new Page<PurchaseOrderView>(views,
            picked.Count > size ? page[^1].Seq.ToString(CultureInfo.InvariantCulture) : null));
    }

    private static async Task<Results<Ok<PurchaseOrderView>, ProblemHttpResult>> GetAsync(
        Guid id, CloudDbContext db, HttpContext http, TimeProvider time, CancellationToken ct) =>
        await ViewAsync(db, id, http, time, ct) is { } view ? TypedResults.Ok(view) : Problems.NotFound("No such purchase order.");

    private static async Task<Results<Created<PurchaseOrderView>, ValidationProblem>> CreateAsync(
        PurchaseOrderRequest request, CloudDbContext db, PurchasingWrites writes, HttpContext http, TimeProvider time, CancellationToken ct)
    {
        var (order, errors) = await PurchaseOrderRules.ResolveAsync(request, db, ct);
        if (order is null)
        {
            return errors.ToProblem();
        }

        var sequence = await db.Database
            .SqlQueryRaw<long>($"SELECT nextval('{CloudDbContext.PurchaseOrderNumberSequence}') AS \"Value\"").SingleAsync(ct);
        var now = time.GetUtcNow();
        var record = new PurchaseOrderRecord(
            Guid.CreateVersion7(), PurchaseOrderNumber.Format(PurchaseOrderNumber.CloudPrefix, sequence), order.SupplierId, order.LocationId,
            order.SiteCode, request.ExpectedDate, request.Notes, order.Currency, order.Lines, SentAt: null, CancelledAt: null,
            ClosedAt: null, CloseReason: null, http.User.UserIdOf(), now, now);
        await writes.SavePurchaseOrderAsync(record, ct);
        return TypedResults.Created($"/api/purchase-orders/{record.Id}", (await ViewAsync(db, record.Id, http, time, ct))!);
    }

    private static async Task<Results<Ok<PurchaseOrderView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, PurchaseOrderRequest request, CloudDbContext db, PurchasingWrites writes, HttpContext http, TimeProvider time,
        CancellationToken ct)
    {
        var current = await LoadAsync(db, id, ct);
        if (current is null)
        {
            return Problems.NotFound("No such purchase order.");
        }

        var status = PurchaseOrderViews.Status(current, await PurchaseOrderViews.ReceivedAsync(db, [current], ct));
        if (status is not (PurchaseOrderStatus.Draft or PurchaseOrderStatus.Sent))
        {
            return Problems.Conflict($"The purchase order is {status}: only a draft or sent PO with nothing received is edited.", "Not editable");
        }

        var (order, errors) = await PurchaseOrderRules.ResolveAsync(request, db, ct);
        if (order is null)
        {
            return errors.ToProblem();
        }

        if (order.SiteCode != current.SiteCode)
        {
            // The PO travels to its home site only: moving it to another site's location would leave a copy behind.
            return Problems.Conflict($"The purchase order belongs to site {current.SiteCode}; its location stays at that site.", "Other site");
        }

        var record = ToRecord(current) with
        {
            SupplierId = order.SupplierId, LocationId = order.LocationId, ExpectedDate = request.ExpectedDate, Notes = request.Notes,
            Currency = order.Currency, Lines = order.Lines, UpdatedAt = time.GetUtcNow(),
        };
        await writes.SavePurchaseOrderAsync(record, ct);
        return TypedResults.Ok((await ViewAsync(db, id, http, time, ct))!);
    }

    internal static async Task<PurchaseOrder?> LoadAsync(CloudDbContext db, Guid id, CancellationToken ct) =>
        await db.PurchaseOrders.AsNoTracking().Include(p => p.Lines).FirstOrDefaultAsync(p => p.Id == id, ct);

    internal static async Task<PurchaseOrderView?> ViewAsync(CloudDbContext db, Guid id, HttpContext http, TimeProvider time, CancellationToken ct)
    {
        var po = await LoadAsync(db, id, ct);
        return po is null ? null
            : (await PurchaseOrderViews.BuildAsync(db, [po], http.User.Can(Permission.ViewSupplierPrices),
                DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), ct))[0];
    }

    internal static PurchaseOrderRecord ToRecord(PurchaseOrder po) => new(
        po.Id, po.Number, po.SupplierId, po.LocationId, po.SiteCode, po.ExpectedDate, po.Notes, po.Currency,
        [.. po.Lines.OrderBy(l => l.Position).Select(l => new PurchaseOrderLineRecord(l.Id, l.ProductId, l.Quantity, l.UnitPrice, l.SupplierSku))],
        po.SentAt, po.CancelledAt, po.ClosedAt, po.CloseReason, po.CreatedBy, po.CreatedAt, po.UpdatedAt);
}
