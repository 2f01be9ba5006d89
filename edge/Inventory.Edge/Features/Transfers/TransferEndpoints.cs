using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Inventory.Domain.Accounts;
using Inventory.Domain.Ledger;
using Inventory.Edge.Features.Auth;
using Inventory.Edge.Features.Ledger;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Web.Auth;
using Inventory.Web.Http;
using Inventory.Sync;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inventory.Edge.Features.Transfers;

/// <summary>`quantity` is what arrived (it may differ from what was shipped); `id` makes a retried receive idempotent.</summary>
public sealed record ReceiveTransferRequest(int? Quantity, string? Bin, Guid? Id, string? Note, DateTimeOffset? At);

/// <summary>A transfer as this site sees it: `direction` is outgoing (shipped from here) or incoming (addressed here).</summary>
public sealed record TransferView(
    Guid Id, string Direction, string Status, Guid ProductId, Guid FromLocationId, Guid ToLocationId, string FromSite, string ToSite,
    long QuantityShipped, long? QuantityReceived, long? Variance, string? Lot, Guid ShipMovementId, Guid? ReceiveMovementId,
    DateTimeOffset ShippedAt, DateTimeOffset? ReceivedAt);

/// <summary>The transfers list: at most 1000, newest first.</summary>
public sealed record TransferList(IReadOnlyList<TransferView> Items);

/// <summary>
/// Transfers between sites. Shipping is POST /api/inventory/transfer to another site's location (the ledger
/// opens the transfer); here are the list and the receipt at the destination.
/// </summary>
public static class TransferEndpoints
{
    public static IServiceCollection AddTransfers(this IServiceCollection services) => services;

    public static void MapTransfersApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/transfers").WithTags("Transfers");
        group.MapGet("/", List).RequirePermission(Permission.ViewInventory)
            .WithName("ListTransfers")
            .WithSummary("Transfers shipped from or to this site; `status` is in_transit or received.");
        group.MapPost("/{id:guid}/receive", Receive).RequirePermission(Permission.Transfer)
            .WithName("ReceiveTransfer")
            .ProducesMovementProblems()
            .WithSummary("Book an incoming transfer in at its destination; the answer shows the variance to what was shipped.");
    }

    private static async Task<Results<Ok<TransferList>, ValidationProblem>> List(string? status, EdgeDbContext db, IOptions<EdgeOptions> options, CancellationToken cancellationToken)
    {
        if (status is not (null or TransferStatuses.InTransit or TransferStatuses.Received))
        {
            return new Validation().Add("status", "'status' is in_transit or received.").ToProblem();
        }

        var site = options.Value.Site.Code;
        var query = db.Transfers.AsNoTracking().Where(t => t.FromSite == site || t.ToSite == site);
        if (status is not null)
        {
            query = query.Where(t => t.Status == status);
        }

        var rows = await query.OrderByDescending(t => t.ShippedAt).Take(1000).ToListAsync(cancellationToken);
        return TypedResults.Ok(new TransferList(
            rows.Select(t => new TransferView(
                t.Id, t.FromSite == site ? "outgoing" : "incoming", t.Status, t.ProductId, t.FromLocationId, t.ToLocationId, t.FromSite,
                t.ToSite, t.QuantityShipped, t.QuantityReceived, t.QuantityReceived - t.QuantityShipped, t.Lot.Length == 0 ? null : t.Lot,
                t.ShipMovementId, t.ReceiveMovementId, t.ShippedAt, t.ReceivedAt)).ToList()));
    }

    private static async Task<Results<Created<MovementResult>, ValidationProblem, ProblemHttpResult>> Receive(
        Guid id, ReceiveTransferRequest request, HttpContext http, EdgeDbContext db, MovementWriter writer, IOptions<EdgeOptions> options,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var v = new Validation()
            .Require(request.Quantity is not null, "quantity", "'quantity' is required: what arrived.")
            .Require(request.Quantity is null or >= 0, "quantity", "'quantity' cannot be negative.")
            .Require(request.Quantity is null || request.Quantity <= LedgerLimits.MaxQuantity, "quantity",
                $"'quantity' may be at most {LedgerLimits.MaxQuantity:N0}.")
            .OptionalText(request.Bin, "bin", LedgerLimits.MaxBinLength)
            .OptionalText(request.Note, "note", LedgerLimits.MaxNoteLength)
            .Require(request.At is null || request.At <= time.GetUtcNow().AddDays(1), "at", "'at' is in the future.");
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var transfer = await db.Transfers.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (transfer is null)
        {
            return Problems.NotFound($"No transfer with id {id}.");
        }

        if (transfer.ToSite != options.Value.Site.Code)
        {
            return Problems.BadRequest($"Transfer {id} goes to site {transfer.ToSite}; only that site receives it.");
        }

        // Whether it was received already is decided by the writer, inside the transaction: a retry with the same
        // id replays the first answer, any other second receive is a 409.
        var bin = string.IsNullOrWhiteSpace(request.Bin) ? null : request.Bin.Trim();
        var movementId = request.Id ?? Guid.CreateVersion7();
        var line = new LedgerLine(
            movementId, MovementType.TransferIn, LineMode.Add, transfer.ProductId, transfer.ToLocationId, request.Quantity!.Value,
            bin, transfer.Lot, null, null, null, request.Note, "transfer", id.ToString());
        var key = request.Id is { } clientId ? $"id:{clientId}" : null;
        var command = new LedgerCommand(
            [line], http.User.UserIdOf(), null, request.At ?? time.GetUtcNow(), key, key is null ? "" : RequestHash(id, request),
            ReceiveTransferId: id);
        var outcome = await writer.SubmitAsync(command, http.RequestAborted);
        return MovementEndpoints.ToHttp(outcome, http.User);
    }

    private static string RequestHash(Guid id, ReceiveTransferRequest request) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"transfer-receive:{id}:" + JsonSerializer.Serialize(request))));
}
