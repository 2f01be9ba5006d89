using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Inventory.Domain.Accounts;
using Inventory.Domain.Ledger;
using Inventory.Web.Auth;
using Inventory.Web.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

using MovementAnswer = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Created<Inventory.Edge.Features.Ledger.MovementResult>,
    Microsoft.AspNetCore.Http.HttpResults.ValidationProblem,
    Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>;

namespace Inventory.Edge.Features.Ledger;

public static class MovementEndpoints
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static void MapMovementApi(this RouteGroupBuilder inventory)
    {
        inventory.MapPost("/receive", Receive).RequirePermission(Permission.Receive)
            .WithName("ReceiveStock").ProducesMovementProblems()
            .WithSummary("Book stock in (with unit cost, lot, expiry, bin).");
        inventory.MapPost("/ship", Ship).RequirePermission(Permission.Ship)
            .WithName("ShipStock").ProducesMovementProblems().ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Take stock out for an order; first expiry first (held and expired lots never) when no lot is named; a later lot needs a manager's override.");
        inventory.MapPost("/adjust", Adjust).RequirePermission(Permission.Adjust)
            .WithName("AdjustStock").ProducesMovementProblems()
            .WithSummary("Correct stock up or down with a reason code.");
        inventory.MapPost("/transfer", Transfer).RequirePermission(Permission.Transfer)
            .WithName("TransferStock").ProducesMovementProblems().ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Move stock between two locations of this site atomically, or ship it to another site's location (a transfer in transit).");
        inventory.MapPost("/return", Return).RequirePermission(Permission.Return)
            .WithName("ReturnStock").ProducesMovementProblems()
            .WithSummary("Book a customer return back into stock.");
        inventory.MapPost("/count", Count).RequirePermission(Permission.Count)
            .WithName("CountStock").ProducesMovementProblems()
            .WithSummary("Record a counted quantity; the movement is the difference.");
        inventory.MapPost("/reserve", Reserve).RequirePermission(Permission.Reserve)
            .WithName("ReserveStock").ProducesMovementProblems().ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Promise available stock to an order.");
        inventory.MapPost("/release", Release).RequirePermission(Permission.Reserve)
            .WithName("ReleaseStock").ProducesMovementProblems()
            .WithSummary("Release a reservation.");
    }

    private static Task<MovementAnswer> Receive(ReceiveRequest r, HttpContext http, MovementWriter writer, TimeProvider time)
    {
        var v = Common(r.ProductId, r.LocationId, r.Quantity, r.Bin, r.Lot, r.Note, r.At, time)
            .RequireCost(r.UnitCost, http.User)
            .OptionalText(r.ReferenceType, "referenceType", LedgerLimits.MaxReferenceLength)
            .OptionalText(r.ReferenceId, "referenceId", LedgerLimits.MaxReferenceLength);
        return Submit(v, r, r.Id, http, writer, time, r.At, id => new LedgerLine(
            id, MovementType.Receive, LineMode.Add, r.ProductId!.Value, r.LocationId!.Value, r.Quantity!.Value,
            Clean(r.Bin), Clean(r.Lot), r.Expiry, r.UnitCost, null, r.Note, r.ReferenceType, r.ReferenceId));
    }

    private static Task<MovementAnswer> Ship(ShipRequest r, HttpContext http, MovementWriter writer, TimeProvider time)
    {
        if (OverrideForbidden(r.Override, http) is { } forbidden)
        {
            return Task.FromResult<MovementAnswer>(forbidden);
        }

        var v = Common(r.ProductId, r.LocationId, r.Quantity, r.Bin, r.Lot, r.Note, r.At, time)
            .OptionalText(r.ReferenceType, "referenceType", LedgerLimits.MaxReferenceLength)
            .OptionalText(r.ReferenceId, "referenceId", LedgerLimits.MaxReferenceLength)
            .FefoOverride(r.Override);
        return Submit(v, r, r.Id, http, writer, time, r.At, id => new LedgerLine(
            id, MovementType.Ship, LineMode.Take, r.ProductId!.Value, r.LocationId!.Value, r.Quantity!.Value,
            Clean(r.Bin), Clean(r.Lot), null, null, null, r.Note, r.ReferenceType ?? "sales_order", r.ReferenceId,
            r.FromReserved ?? false, Clean(r.Override?.Reason)));
    }

    private static Task<MovementAnswer> Adjust(AdjustRequest r, HttpContext http, MovementWriter writer, TimeProvider time)
    {
        var reasonKnown = AdjustmentReasons.TryParse(r.Reason, out var reason);
        var v = Common(r.ProductId, r.LocationId, r.Quantity is { } q ? Math.Abs(q) : null, r.Bin, r.Lot, r.Note, r.At, time)
            .RequireCost(r.UnitCost, http.User)
            .Require(reasonKnown, "reason",
                $"'reason' is one of {string.Join(", ", AdjustmentReasons.Names)}.")
            .Require(!string.Equals(r.Reason, "other", StringComparison.OrdinalIgnoreCase) || !string.IsNullOrWhiteSpace(r.Note),
                "note", "An adjustment for reason 'other' needs a note.");
        return Submit(v, r, r.Id, http, writer, time, r.At, id => new LedgerLine(
            id, MovementType.Adjust, r.Quantity > 0 ? LineMode.Add : LineMode.Take, r.ProductId!.Value, r.LocationId!.Value,
            Math.Abs(r.Quantity!.Value), Clean(r.Bin), Clean(r.Lot), r.Expiry, r.Quantity > 0 ? r.UnitCost : null,
            reason.ToWireName(), r.Note, "adjustment", null));
    }

    private static Task<MovementAnswer> Transfer(TransferRequest r, HttpContext http, MovementWriter writer, TimeProvider time)
    {
        if (OverrideForbidden(r.Override, http) is { } forbidden)
        {
            return Task.FromResult<MovementAnswer>(forbidden);
        }

        var v = Common(r.ProductId, r.FromLocationId, r.Quantity, r.FromBin, r.Lot, r.Note, r.At, time, locationField: "fromLocationId")
            .Require(r.ToLocationId is not null, "toLocationId", "'toLocationId' is required.")
            .Require(r.ToLocationId is null || r.ToLocationId != r.FromLocationId, "toLocationId", "A transfer goes to another location.")
            .OptionalText(r.ToBin, "toBin", LedgerLimits.MaxBinLength)
            .FefoOverride(r.Override);
        // A manager may move a held or expired lot to another location (a quarantine); nobody may sell it.
        var mayMoveUnsellable = http.User.Can(Permission.OverrideFefo);
        return Submit(v, r, r.Id, http, writer, time, r.At, id => new LedgerLine(
                id, MovementType.TransferOut, LineMode.Take, r.ProductId!.Value, r.FromLocationId!.Value, r.Quantity!.Value,
                Clean(r.FromBin), Clean(r.Lot), null, null, null, r.Note, "transfer", id.ToString(),
                FefoOverride: Clean(r.Override?.Reason), MayMoveUnsellableLots: mayMoveUnsellable),
            new TransferTarget(r.ToLocationId.GetValueOrDefault(), Clean(r.ToBin)));
    }

    private static Task<MovementAnswer> Return(ReturnRequest r, HttpContext http, MovementWriter writer, TimeProvider time)
    {
        var v = Common(r.ProductId, r.LocationId, r.Quantity, r.Bin, r.Lot, r.Note, r.At, time)
            .RequireCost(r.UnitCost, http.User)
            .OptionalText(r.Reason, "reason", LedgerLimits.MaxReferenceLength);
        return Submit(v, r, r.Id, http, writer, time, r.At, id => new LedgerLine(
            id, MovementType.Return, LineMode.Add, r.ProductId!.Value, r.LocationId!.Value, r.Quantity!.Value,
            Clean(r.Bin), Clean(r.Lot), r.Expiry, r.UnitCost, r.Reason, r.Note, r.ReferenceType ?? "return", r.ReferenceId));
    }

    private static Task<MovementAnswer> Count(CountRequest r, HttpContext http, MovementWriter writer, TimeProvider time)
    {
        var v = Common(r.ProductId, r.LocationId, r.Quantity, r.Bin, r.Lot, r.Note, r.At, time, allowZero: true);
        return Submit(v, r, r.Id, http, writer, time, r.At, id => new LedgerLine(
            id, MovementType.Count, LineMode.SetCounted, r.ProductId!.Value, r.LocationId!.Value, r.Quantity!.Value,
            Clean(r.Bin), Clean(r.Lot), r.Expiry, null, null, r.Note, "count", null));
    }

    private static Task<MovementAnswer> Reserve(ReservationRequest r, HttpContext http, MovementWriter writer, TimeProvider time) =>
        Reservation(r, http, writer, time, MovementType.Reserve, LineMode.Reserve);

    private static Task<MovementAnswer> Release(ReservationRequest r, HttpContext http, MovementWriter writer, TimeProvider time) =>
        Reservation(r, http, writer, time, MovementType.Release, LineMode.Release);

    private static Task<MovementAnswer> Reservation(ReservationRequest r, HttpContext http, MovementWriter writer, TimeProvider time, MovementType type, LineMode mode)
    {
        if (OverrideForbidden(r.Override, http) is { } forbidden)
        {
            return Task.FromResult<MovementAnswer>(forbidden);
        }

        var v = Common(r.ProductId, r.LocationId, r.Quantity, r.Bin, r.Lot, r.Note, r.At, time)
            .OptionalText(r.ReferenceType, "referenceType", LedgerLimits.MaxReferenceLength)
            .OptionalText(r.ReferenceId, "referenceId", LedgerLimits.MaxReferenceLength)
            .FefoOverride(r.Override);
        return Submit(v, r, r.Id, http, writer, time, r.At, id => new LedgerLine(
            id, type, mode, r.ProductId!.Value, r.LocationId!.Value, r.Quantity!.Value,
            Clean(r.Bin), Clean(r.Lot), null, null, null, r.Note, r.ReferenceType ?? "sales_order", r.ReferenceId,
            FefoOverride: Clean(r.Override?.Reason)));
    }

    /// <summary>Only a manager may take a lot out of expiry order: anyone else's override is refused outright, not ignored.</summary>
    private static ProblemHttpResult? OverrideForbidden(FefoOverrideRequest? requested, HttpContext http) =>
        requested is null || http.User.Can(Permission.OverrideFefo)
            ? null
            : TypedResults.Problem("Only a manager may override first-expiry-first; leave 'override' out, or ask a manager.",
                statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");

    private static Validation FefoOverride(this Validation v, FefoOverrideRequest? requested) =>
        v.Require(requested is null || !string.IsNullOrWhiteSpace(requested.Reason), "override.reason",
                "An override needs a reason.")
            .OptionalText(requested?.Reason, "override.reason", FefoOverrideRequest.MaxReasonLength);

    private static Validation Common(
        Guid? productId, Guid? locationId, int? quantity, string? bin, string? lot, string? note, DateTimeOffset? at,
        TimeProvider time, string locationField = "locationId", bool allowZero = false) =>
        new Validation()
            .Require(productId is not null, "productId", "'productId' is required.")
            .Require(locationId is not null, locationField, $"'{locationField}' is required.")
            .Require(quantity is not null, "quantity", "'quantity' is required.")
            .Require(quantity is null || quantity > 0 || (allowZero && quantity == 0), "quantity",
                allowZero ? "'quantity' cannot be negative." : "'quantity' must be more than zero.")
            .Require(quantity is null || quantity <= LedgerLimits.MaxQuantity, "quantity", $"'quantity' may be at most {LedgerLimits.MaxQuantity:N0}.")
            .OptionalText(bin, "bin", LedgerLimits.MaxBinLength)
            .OptionalText(lot, "lot", LedgerLimits.MaxLotLength)
            .OptionalText(note, "note", LedgerLimits.MaxNoteLength)
            .Require(at is null || at <= time.GetUtcNow().AddDays(1), "at", "'at' is in the future.")
            .Require(at is null || at >= LedgerLimits.EarliestAt, "at", $"'at' is before {LedgerLimits.EarliestAt:yyyy-MM-dd}; give the real date.");

    /// <summary>
    /// A unit cost is stated only by those who may see what goods cost (managers: cost prices; purchasing: supplier
    /// prices). Anyone else's receipt takes the product's cost price: a staff member could otherwise move the
    /// valuation (999999 once moved a FIFO value from 83.69 to 1,000,082.69) and, by replaying a manager's id with
    /// guessed costs, learn a cost they may not see.
    /// </summary>
    private static Validation RequireCost(this Validation v, decimal? cost, ClaimsPrincipal user) =>
        v.Require(cost is null || (cost >= 0 && cost <= LedgerLimits.MaxUnitCost), "unitCost",
                $"'unitCost' is between 0 and {LedgerLimits.MaxUnitCost:N0}.")
            .Require(cost is null || user.Can(Permission.ViewCostPrices) || user.Can(Permission.ViewSupplierPrices), "unitCost",
                "Your role may not state a unit cost: leave 'unitCost' out, and the product's cost price is used.");

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static async Task<MovementAnswer> Submit<TRequest>(
        Validation validation, TRequest request, Guid? clientId, HttpContext http, MovementWriter writer, TimeProvider time,
        DateTimeOffset? at, Func<Guid, LedgerLine> line, TransferTarget? transferTo = null)
    {
        var header = http.Request.Headers[IdempotencyHeader].ToString();
        validation.Require(header.Length <= 200, IdempotencyHeader, "An Idempotency-Key has at most 200 characters.");
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var user = http.User;
        var userId = user.UserIdOf();
        var key = header.Length > 0 ? $"key:{userId}:{header}" : clientId is { } cid ? $"id:{cid}" : null;
        var command = new LedgerCommand(
            [line(clientId ?? Guid.CreateVersion7())], userId, null, at ?? time.GetUtcNow(), key,
            key is null ? "" : RequestHash(request, http), transferTo);
        var outcome = await writer.SubmitAsync(command, http.RequestAborted);
        return ToHttp(outcome, user);
    }

    internal static MovementAnswer ToHttp(LedgerOutcome outcome, ClaimsPrincipal user)
    {
        switch (outcome.Kind)
        {
            case LedgerOutcomeKind.Committed:
            case LedgerOutcomeKind.Replayed:
                var result = user.Can(Permission.ViewCostPrices) ? outcome.Result! : outcome.Result!.WithoutCosts();
                var first = result.Movements.Count > 0 ? result.Movements[0].Id : Guid.Empty;
                return TypedResults.Created($"/api/stock-movements/{first}", result);
            case LedgerOutcomeKind.Refused:
                return Problems.Conflict(outcome.Message!, "Not enough stock");
            case LedgerOutcomeKind.KeyReused:
                return Problems.Conflict(outcome.Message!, "Idempotency key reused");
            case LedgerOutcomeKind.Conflict:
                return Problems.Conflict(outcome.Message!);
            case LedgerOutcomeKind.NotFound:
                return Problems.NotFound(outcome.Message!);
            case LedgerOutcomeKind.Invalid:
                return Problems.BadRequest(outcome.Message!);
            default:
                return TypedResults.Problem(outcome.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not recorded");
        }
    }

    /// <summary>
    /// The problems a ledger write can answer besides its 400s: unknown product or location (404), short stock, a reused
    /// key or a stale state (409), and a writer that could not record it (503).
    /// </summary>
    internal static RouteHandlerBuilder ProducesMovementProblems(this RouteHandlerBuilder builder) => builder
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    /// <summary>
    /// What the request asks for, and who asks: the same key with another body is a client's mistake, not a replay,
    /// and a client-made id replayed by another user is refused whatever its body. Were another user's replay
    /// compared by body, its answer (201 on a match, 409 otherwise) would reveal fields that user cannot see.
    /// </summary>
    private static string RequestHash<TRequest>(TRequest request, HttpContext http)
    {
        var json = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var body = JsonSerializer.SerializeToUtf8Bytes(request, json);
        var path = Encoding.UTF8.GetBytes((http.Request.Path.Value ?? "") + "\n" + http.User.UserIdOf() + "\n");
        var hash = SHA256.HashData([.. path, .. body]);
        return Convert.ToHexString(hash);
    }
}
