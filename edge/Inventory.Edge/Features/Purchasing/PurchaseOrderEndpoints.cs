using System.Globalization;
using System.Security.Claims;
using Inventory.Domain.Accounts;
using Inventory.Domain.Purchasing;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Edge.Infrastructure.Data.Entities;
using Inventory.Web.Auth;
using Inventory.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Edge.Features.Purchasing;

/// <summary>
/// Purchase orders: /api/purchase-orders (create, list, read, edit, send, PDF, cancel, close, from alerts). The status
/// is never stored: each answer derives it from the ledger's receipts and the PO's events (PurchaseOrderReader).
/// Prices and amounts are answered to ViewSupplierPrices only.
/// </summary>
public static class PurchaseOrderEndpoints
{
    private const int ListScanChunk = 200;

    public static IServiceCollection AddPurchaseOrderServices(this IServiceCollection services)
    {
        services.AddOptions<PurchasingOptions>().BindConfiguration(PurchasingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<PurchaseOrderDrafts>();
        services.AddScoped<AutoPurchaseOrders>();
        services.AddScoped<PurchaseOrderDocuments>();
        services.AddSingleton<PurchaseOrderMailSignal>();
        services.AddHostedService<PurchaseOrderMailer>();
        return services;
    }

    public static void MapPurchaseOrderEndpoints(this WebApplication app)
    {
        var group = app.MapGroup("/api/purchase-orders").WithTags("Purchase orders");
        group.MapGet("/", List).RequirePermission(Permission.ViewInventory)
            .WithName("ListPurchaseOrders")
            .WithSummary("POs newest first; status= (draft|sent|partial|received|cancelled|closed, derived), supplierId=, locationId=; paged with limit/next.");
        group.MapPost("/", Create).RequirePermission(Permission.ManagePurchaseOrders)
            .WithName("CreatePurchaseOrder")
            .WithSummary("A draft PO for a location of this site, numbered PO-{site}-000001…; a line without unitPrice takes the supplier's price for its quantity.");
        group.MapGet("/{id:guid}", Get).RequirePermission(Permission.ViewInventory)
            .WithName("GetPurchaseOrder").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One PO with each line's ordered, received (from the ledger), outstanding and variance.");
        group.MapPut("/{id:guid}", Update).RequirePermission(Permission.ManagePurchaseOrders)
            .WithName("UpdatePurchaseOrder").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Replace a PO's header and lines while nothing was received and it is neither cancelled nor closed.");
        group.MapPost("/{id:guid}/send", Send).RequirePermission(Permission.ManagePurchaseOrders)
            .WithName("SendPurchaseOrder").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Mark the PO sent and mail it as PDF to the supplier (through the mail outbox, once).");
        group.MapGet("/{id:guid}/pdf", Pdf).RequirePermission(Permission.ViewInventory)
            .WithName("GetPurchaseOrderPdf").ProducesProblem(StatusCodes.Status404NotFound).ProducesFiles("application/pdf")
            .WithSummary("The PO as PDF; without prices for roles that may not see supplier prices.");
        group.MapPost("/{id:guid}/cancel", Cancel).RequirePermission(Permission.ManagePurchaseOrders)
            .WithName("CancelPurchaseOrder").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Cancel a PO; refused (409) once anything was received against it.");
        group.MapPost("/{id:guid}/close", Close).RequirePermission(Permission.ClosePurchaseOrders)
            .WithName("ClosePurchaseOrder").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Close a PO that will never be completed, with a reason (managers).");
        group.MapGet("/from-alerts", PlanFromAlerts).RequirePermission(Permission.ManagePurchaseOrders)
            .WithName("PlanPurchaseOrdersFromAlerts")
            .WithSummary("What POST /from-alerts would make now, with the figures behind each quantity; changes nothing.");
        group.MapPost("/from-alerts", FromAlerts).RequirePermission(Permission.ManagePurchaseOrders)
            .WithName("CreatePurchaseOrdersFromAlerts")
            .WithSummary("One draft per preferred supplier and location for every open reorder alert of this site, net of stock on order; products without a preferred supplier are listed.");
    }

    private static bool ShowPrices(ClaimsPrincipal user) => user.Can(Permission.ViewSupplierPrices);

    private static async Task<Results<Ok<Page<PurchaseOrderView>>, ValidationProblem>> List(
        string? status, Guid? supplierId, Guid? locationId, int? limit, string? next, ClaimsPrincipal user, EdgeDbContext db,
        PurchaseOrderReader reader, CancellationToken cancellationToken)
    {
        var v = new Validation()
            .Require(status is null || PurchaseOrderStatus.IsKnown(status), "status",
                "'status' is one of " + string.Join(", ", PurchaseOrderStatus.All) + ".")
            .Paged(limit, next);
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var query = db.PurchaseOrders.AsNoTracking().Include(o => o.Lines).AsQueryable();
        query = supplierId is { } s ? query.Where(o => o.SupplierId == s) : query;
        query = locationId is { } l ? query.Where(o => o.LocationId == l) : query;
        // The events narrow a status down in SQL; what the ledger received is only known after deriving, so the
        // rows are then derived chunk by chunk and `next` counts rows scanned, not rows answered.
        query = status switch
        {
            PurchaseOrderStatus.Draft => query.Where(o => o.SentAt == null && o.CancelledAt == null && o.ClosedAt == null),
            PurchaseOrderStatus.Sent => query.Where(o => o.SentAt != null && o.CancelledAt == null && o.ClosedAt == null),
            PurchaseOrderStatus.Cancelled => query.Where(o => o.CancelledAt != null && o.ClosedAt == null),
            PurchaseOrderStatus.Closed => query.Where(o => o.ClosedAt != null),
            _ => query,
        };
        query = query.OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id);

        var take = Paging.Limit(limit);
        var position = (int)Math.Min(Paging.Cursor(next), int.MaxValue);
        var items = new List<PurchaseOrderView>();
        int? nextPosition = null;
        var showPrices = ShowPrices(user);
        while (nextPosition is null)
        {
            var chunk = await query.Skip(position).Take(ListScanChunk).AsSplitQuery().ToListAsync(cancellationToken);
            var views = await reader.ViewsAsync(chunk, showPrices, cancellationToken);
            for (var i = 0; i < views.Count && nextPosition is null; i++)
            {
                if (status is not null && views[i].Status != status)
                {
                    continue;
                }

                if (items.Count == take)
                {
                    // One more match exists: the next page starts at it.
                    nextPosition = position + i;
                }
                else
                {
                    items.Add(views[i]);
                }
            }

            if (chunk.Count < ListScanChunk)
            {
                break;
            }

            position += nextPosition is null ? chunk.Count : 0;
        }

        return TypedResults.Ok(new Page<PurchaseOrderView>(items, nextPosition?.ToString(CultureInfo.InvariantCulture)));
    }

    private static async Task<Results<Ok<PurchaseOrderView>, ProblemHttpResult>> Get(
        Guid id, ClaimsPrincipal user, PurchaseOrderReader reader, CancellationToken cancellationToken) =>
        await reader.ReadAsync(id, ShowPrices(user), cancellationToken) is { } view
            ? TypedResults.Ok(view)
            : Problems.NotFound($"No purchase order with id {id}.");

    private static async Task<Results<Created<PurchaseOrderView>, ValidationProblem>> Create(
        PurchaseOrderRequest request, ClaimsPrincipal user, EdgeDbContext db, PurchaseOrderDrafts drafts, PurchaseOrderReader reader,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var v = PurchaseOrderDrafts.Check(request);
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var (order, errors) = await drafts.ResolveAsync(request, cancellationToken);
        if (order is null)
        {
            return errors.ToProblem();
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var po = await drafts.NewOrderAsync(order, request.ExpectedDate, request.Notes, user.UserIdOf(), time.GetUtcNow(), cancellationToken);
            db.PurchaseOrders.Add(po);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            var view = (await reader.ReadAsync(po.Id, ShowPrices(user), cancellationToken))!;
            return TypedResults.Created($"/api/purchase-orders/{po.Id}", view);
        }
    }

    private static async Task<Results<Ok<PurchaseOrderView>, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, PurchaseOrderRequest request, ClaimsPrincipal user, EdgeDbContext db, PurchaseOrderDrafts drafts, PurchaseOrderReader reader,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var v = PurchaseOrderDrafts.Check(request);
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var po = await db.PurchaseOrders.Include(o => o.Lines).FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (po is null)
        {
            return Problems.NotFound($"No purchase order with id {id}.");
        }

        var current = (await reader.ViewsAsync([po], showPrices: false, cancellationToken))[0];
        if (Refusal(po, current, drafts.SiteCode, "edited") is { } refusal)
        {
            return refusal;
        }

        if (current.Lines.Any(l => l.Received != 0))
        {
            return Problems.Conflict($"{po.Number} has receipts against it: its lines stay as they are.", "Received");
        }

        var (order, errors) = await drafts.ResolveAsync(request, cancellationToken);
        if (order is null)
        {
            return errors.ToProblem();
        }

        var before = po.Lines.Select(l => l.Id).ToHashSet();
        PurchaseOrderDrafts.Apply(po, order, request.ExpectedDate, request.Notes, time.GetUtcNow());
        foreach (var line in po.Lines.Where(l => !before.Contains(l.Id)))
        {
            // A new line has its id already (made here): EF would take it for an existing row to update.
            db.Entry(line).State = EntityState.Added;
        }

        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok((await reader.ReadAsync(id, ShowPrices(user), cancellationToken))!);
    }

    private static async Task<Results<Ok<PurchaseOrderView>, ProblemHttpResult>> Send(
        Guid id, ClaimsPrincipal user, EdgeDbContext db, PurchaseOrderDrafts drafts, PurchaseOrderReader reader, PurchaseOrderMailSignal mail,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var po = await db.PurchaseOrders.Include(o => o.Lines).FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (po is null)
        {
            return Problems.NotFound($"No purchase order with id {id}.");
        }

        var current = (await reader.ViewsAsync([po], showPrices: false, cancellationToken))[0];
        if (Refusal(po, current, drafts.SiteCode, "sent") is { } refusal)
        {
            return refusal;
        }

        // Sent once: sending again answers the PO as it is (the mail goes once, by the outbox's unique index).
        if (po.SentAt is null)
        {
            var now = time.GetUtcNow();
            po.SentAt = now;
            po.UpdatedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        mail.Wake();
        return TypedResults.Ok((await reader.ReadAsync(id, ShowPrices(user), cancellationToken))!);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Pdf(
        Guid id, ClaimsPrincipal user, PurchaseOrderDocuments documents, CancellationToken cancellationToken)
    {
        var document = await documents.LoadAsync(id, ShowPrices(user), cancellationToken);
        return document is null
            ? Problems.NotFound($"No purchase order with id {id}.")
            : TypedResults.File(documents.Render(document), "application/pdf", document.Order.Number + ".pdf");
    }

    private static async Task<Results<Ok<PurchaseOrderView>, ProblemHttpResult>> Cancel(
        Guid id, ClaimsPrincipal user, EdgeDbContext db, PurchaseOrderDrafts drafts, PurchaseOrderReader reader, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var po = await db.PurchaseOrders.Include(o => o.Lines).FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (po is null)
        {
            return Problems.NotFound($"No purchase order with id {id}.");
        }

        var current = (await reader.ViewsAsync([po], showPrices: false, cancellationToken))[0];
        if (current.Lines.Any(l => l.Received != 0))
        {
            return Problems.Conflict($"{po.Number} has receipts against it and cannot be cancelled; a manager may close it.", "Received");
        }

        if (po.CancelledAt is null)
        {
            if (Refusal(po, current, drafts.SiteCode, "cancelled") is { } refusal)
            {
                return refusal;
            }

            var now = time.GetUtcNow();
            po.CancelledAt = now;
            po.UpdatedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.Ok((await reader.ReadAsync(id, ShowPrices(user), cancellationToken))!);
    }

    private static async Task<Results<Ok<PurchaseOrderView>, ValidationProblem, ProblemHttpResult>> Close(
        Guid id, ClosePurchaseOrderRequest request, ClaimsPrincipal user, EdgeDbContext db, PurchaseOrderDrafts drafts, PurchaseOrderReader reader,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var v = new Validation().RequireText(request.Reason, "reason", 500);
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var po = await db.PurchaseOrders.Include(o => o.Lines).FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (po is null)
        {
            return Problems.NotFound($"No purchase order with id {id}.");
        }

        var current = (await reader.ViewsAsync([po], showPrices: false, cancellationToken))[0];
        if (po.ClosedAt is null)
        {
            if (Refusal(po, current, drafts.SiteCode, "closed") is { } refusal)
            {
                return refusal;
            }

            var now = time.GetUtcNow();
            po.ClosedAt = now;
            po.CloseReason = request.Reason!.Trim();
            po.UpdatedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.Ok((await reader.ReadAsync(id, ShowPrices(user), cancellationToken))!);
    }

    private static async Task<Ok<FromAlertsPlan>> PlanFromAlerts(AutoPurchaseOrders auto, CancellationToken cancellationToken) =>
        TypedResults.Ok(await auto.PlanAsync(cancellationToken));

    private static async Task<Created<FromAlertsResult>> FromAlerts(
        ClaimsPrincipal user, AutoPurchaseOrders auto, CancellationToken cancellationToken) =>
        TypedResults.Created("/api/purchase-orders", await auto.CreateAsync(user.UserIdOf(), ShowPrices(user), cancellationToken));

    /// <summary>Why a PO may not be changed now: another site's, cancelled, closed or fully received (409).</summary>
    private static ProblemHttpResult? Refusal(PurchaseOrder po, PurchaseOrderView current, string site, string verb)
    {
        if (po.SiteCode != site)
        {
            return Problems.Conflict($"{po.Number} belongs to site {po.SiteCode}; it is {verb} there or in the cloud.", "Owned by another site");
        }

        return current.Status switch
        {
            PurchaseOrderStatus.Cancelled => Problems.Conflict($"{po.Number} is cancelled.", "Cancelled"),
            PurchaseOrderStatus.Closed => Problems.Conflict($"{po.Number} is closed.", "Closed"),
            PurchaseOrderStatus.Received => Problems.Conflict($"{po.Number} is fully received.", "Received"),
            _ => null,
        };
    }
}
