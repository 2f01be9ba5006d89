using System.Globalization;
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

using ReceiptAnswer = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Created<Inventory.Edge.Features.Purchasing.Receiving.PurchaseOrderReceipt>,
    Microsoft.AspNetCore.Http.HttpResults.ValidationProblem,
    Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>;

namespace Inventory.Edge.Features.Purchasing.Receiving;

/// <summary>Receiving against purchase orders: /api/purchase-orders/{id}/receive and the receiving-variance report.</summary>
public static class ReceivingEndpoints
{
    /// <summary>More lines than a PO can sensibly hold in one delivery is a client's mistake.</summary>
    public const int MaxReceiptLines = 1000;

    public static IServiceCollection AddReceivingServices(this IServiceCollection services)
    {
        services.AddScoped<PurchaseOrderReceiving>();
        services.AddScoped<ReceivingVarianceReport>();
        services.AddScoped<PurchaseOrderScans>();
        return services;
    }

    public static void MapReceivingEndpoints(this WebApplication app)
    {
        app.MapPost("/api/purchase-orders/{id:guid}/receive", Receive).RequirePermission(Permission.ReceiveAgainstPurchaseOrder)
            .WithTags("Purchasing").WithName("ReceivePurchaseOrder")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Receive goods against a PO's lines: one receive movement per line at the line's unit price; over the supplier's tolerance, summed over every receipt, → 409 and nothing recorded; the same receipt id twice records once.");
        app.MapGet("/api/reports/receiving-variance", ReceivingVarianceReport.Handle).RequirePermission(Permission.ViewReports)
            .WithTags("Reports").WithName("GetReceivingVarianceReport").ProducesFiles("text/csv", "application/pdf")
            .WithSummary("Per PO line: ordered, received, difference; value (at the PO price) for purchasing and managers; from/to on the PO's creation, supplierId; format=json|csv|pdf.");
    }

    private static async Task<ReceiptAnswer> Receive(
        Guid id, ReceiptRequest request, HttpContext http, PurchaseOrderReceiving receiving, TimeProvider time)
    {
        var v = Check(request, time);
        if (!v.IsValid)
        {
            return v.ToProblem();
        }

        var order = await receiving.FindAsync(id, http.RequestAborted);
        if (order is null)
        {
            return Problems.NotFound($"No purchase order with id {id}.");
        }

        var user = http.User;
        var lines = request.Lines!.Select(l => new ReceiptLine(l.LineId!.Value, l.Quantity!.Value, Clean(l.Lot), l.Expiry, Clean(l.Bin))).ToList();
        var outcome = await receiving.ReceiveAsync(order, request.Id!.Value, lines, new ReceiptActor(user.UserIdOf(), null),
            request.At ?? time.GetUtcNow(), RequestHash(id, request, http), http.RequestAborted);
        switch (outcome.Kind)
        {
            case ReceiptOutcomeKind.Recorded:
                var answer = await receiving.AnswerAsync(order.Id, outcome.Result!, user.Can(Permission.ViewSupplierPrices), http.RequestAborted);
                return TypedResults.Created($"/api/purchase-orders/{order.Id}", answer);
            case ReceiptOutcomeKind.OverTolerance:
                var over = outcome.Over!;
                return TypedResults.Problem(over.Message, statusCode: StatusCodes.Status409Conflict, title: "Over the receipt tolerance",
                    extensions: new Dictionary<string, object?>
                    {
                        ["lineId"] = over.LineId,
                        ["lineNumber"] = over.LineNumber,
                        ["sku"] = over.Sku,
                        ["ordered"] = over.Ordered,
                        ["received"] = over.Received,
                        ["quantity"] = over.Quantity,
                        ["tolerancePercent"] = over.TolerancePercent,
                        ["remaining"] = over.Remaining,
                    });
            case ReceiptOutcomeKind.Invalid:
                return Problems.BadRequest(outcome.Message!);
            case ReceiptOutcomeKind.NotFound:
                return Problems.NotFound(outcome.Message!);
            case ReceiptOutcomeKind.Conflict:
                return Problems.Conflict(outcome.Message!);
            default:
                return TypedResults.Problem(outcome.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not recorded");
        }
    }

    private static Validation Check(ReceiptRequest request, TimeProvider time)
    {
        var v = new Validation()
            .Require(request.Id is not null && request.Id != Guid.Empty, "id", "'id' (the receipt's id, made by the client) is required.")
            .Require(request.Lines is { Count: > 0 }, "lines", "'lines' needs at least one line.")
            .Require(request.Lines is null || request.Lines.Count <= MaxReceiptLines, "lines", $"A receipt has at most {MaxReceiptLines} lines.")
            .Require(request.At is null || request.At <= time.GetUtcNow().AddDays(1), "at", "'at' is in the future.")
            .Require(request.At is null || request.At >= LedgerLimits.EarliestAt, "at", $"'at' is before {LedgerLimits.EarliestAt:yyyy-MM-dd}.");
        for (var i = 0; i < (request.Lines?.Count ?? 0); i++)
        {
            var line = request.Lines![i];
            var at = $"lines[{i}]";
            if (line is null)
            {
                v.Add(at, "A line is an object.");
                continue;
            }

            v.Require(line.LineId is not null, $"{at}.lineId", "'lineId' is required.")
                .Require(line.Quantity is not null, $"{at}.quantity", "'quantity' is required.")
                .Require(line.Quantity is null || line.Quantity > 0, $"{at}.quantity", "'quantity' must be more than zero.")
                .Require(line.Quantity is null || line.Quantity <= LedgerLimits.MaxQuantity, $"{at}.quantity",
                    string.Create(CultureInfo.InvariantCulture, $"'quantity' may be at most {LedgerLimits.MaxQuantity:N0}."))
                .OptionalText(line.Lot, $"{at}.lot", LedgerLimits.MaxLotLength)
                .OptionalText(line.Bin, $"{at}.bin", LedgerLimits.MaxBinLength);
        }

        return v;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>
    /// What the receipt asks and who asks: the same id with another body, or from another user, is refused (409) rather
    /// than answered with someone else's receipt (as for the movement calls).
    /// </summary>
    private static string RequestHash(Guid orderId, ReceiptRequest request, HttpContext http)
    {
        var json = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var body = JsonSerializer.SerializeToUtf8Bytes(request, json);
        var head = Encoding.UTF8.GetBytes($"po-receipt\n{orderId:D}\n{http.User.UserIdOf()}\n");
        return Convert.ToHexString(SHA256.HashData([.. head, .. body]));
    }
}
