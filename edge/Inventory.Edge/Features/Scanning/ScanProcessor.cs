using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Inventory.Devices.Contracts;
using Inventory.Domain.Accounts;
using Inventory.Domain.Ledger;
using Inventory.Edge.Features.Ledger;
using Inventory.Edge.Features.Purchasing.Receiving;

namespace Inventory.Edge.Features.Scanning;

/// <summary>
/// The one implementation of a scan, behind both POST /api/scan and the MQTT scan topic: read the code,
/// find the product, turn the action into a ledger command for the single writer, and answer in a few
/// words. Never throws for bad input: every problem becomes a result with ok=false.
/// </summary>
public sealed partial class ScanProcessor(
    ScanCodeReader reader, ScanCatalog catalog, MovementWriter writer, InventoryQueries queries, TimeProvider time, IServiceScopeFactory scopes)
{
    public const int MaxCodeLength = 200;

    /// <summary>A PO number (PO-{site}-000042) or id; anything longer is not one.</summary>
    public const int MaxPurchaseOrderLength = 60;

    public async Task<ScanResult> ProcessAsync(ScanRequest scan, ScanActor actor, CancellationToken cancellationToken)
    {
        if (scan.CycleCountId is { } countId)
        {
            return await CountIntoAsync(countId, scan, actor, cancellationToken);
        }

        var action = string.IsNullOrWhiteSpace(scan.Action) ? ScanActions.Lookup : scan.Action.Trim().ToLowerInvariant();
        if (Check(scan, action) is { } problem)
        {
            return ScanResult.Fail(problem, scan.Id, action);
        }

        var againstOrder = action == ScanActions.Receive && !string.IsNullOrWhiteSpace(scan.PurchaseOrder);
        if ((againstOrder ? Permission.ReceiveAgainstPurchaseOrder : PermissionFor(action)) is { } permission && !actor.Can(permission))
        {
            return ScanResult.Fail($"Not allowed: {action}", scan.Id, action);
        }

        var code = reader.Read(scan.Code!);
        if (code.Error is { } codeError)
        {
            return ScanResult.Fail(codeError, scan.Id, action);
        }

        ScanMatch? match;
        ScanLocation? location = null;
        ScanLocation? target = null;
        await using (var connection = await catalog.OpenAsync(cancellationToken))
        {
            match = await catalog.FindAsync(connection, code, cancellationToken);
            if (match is null)
            {
                return ScanResult.Fail("Not found: " + Short(code.Raw), scan.Id, action);
            }

            if (scan.LocationId is not null || !string.IsNullOrWhiteSpace(scan.Location))
            {
                location = await catalog.FindLocationAsync(connection, scan.Location, scan.LocationId, cancellationToken);
                if (location is null)
                {
                    return ScanResult.Fail("No location " + Short(scan.Location ?? scan.LocationId.ToString()!), scan.Id, action, Product(match));
                }
            }

            if (action == ScanActions.Move && location is not null)
            {
                target = scan.ToLocationId is null && string.IsNullOrWhiteSpace(scan.ToLocation)
                    ? location
                    : await catalog.FindLocationAsync(connection, scan.ToLocation, scan.ToLocationId, cancellationToken);
                if (target is null)
                {
                    return ScanResult.Fail("No location " + Short(scan.ToLocation ?? scan.ToLocationId.ToString()!), scan.Id, action, Product(match));
                }
            }
        }

        var product = Product(match);
        if (action == ScanActions.Lookup)
        {
            return await LookupAsync(scan, product, location, cancellationToken);
        }

        if (againstOrder)
        {
            return await ReceiveAgainstOrderAsync(scan, actor, code, match, product, location, cancellationToken);
        }

        if (location is null)
        {
            return ScanResult.Fail("Location needed", scan.Id, action, product);
        }

        if (action == ScanActions.Move && target!.Id == location.Id && string.Equals(Clean(scan.Bin), Clean(scan.ToBin), StringComparison.Ordinal))
        {
            return ScanResult.Fail("Move needs toLocation or toBin", scan.Id, action, product);
        }

        return await MoveStockAsync(scan, action, actor, code, match, product, location, target, cancellationToken);
    }

    private async Task<ScanResult> MoveStockAsync(
        ScanRequest scan, string action, ScanActor actor, ScannedCode code, ScanMatch match, ScanProduct product,
        ScanLocation location, ScanLocation? target, CancellationToken cancellationToken)
    {
        // A case barcode counts its units: 2 scans' worth of a case of 12 is 24 on the shelf.
        long units = (long)(scan.Qty ?? code.Quantity ?? 1) * match.PackQuantity;
        if (Math.Abs(units) > LedgerLimits.MaxQuantity)
        {
            return ScanResult.Fail("Quantity too large", scan.Id, action, product);
        }

        var movementId = scan.Id ?? Guid.CreateVersion7();
        var bin = Clean(scan.Bin);
        var lot = Clean(scan.Lot) ?? code.Lot ?? code.Serial;
        var expiry = scan.Expiry ?? code.Expiry;
        var quantity = Math.Abs(units);
        var line = action switch
        {
            ScanActions.Receive => new LedgerLine(movementId, MovementType.Receive, LineMode.Add, match.Id, location.Id, quantity,
                bin, lot, expiry, null, null, scan.Note, "scan", null),
            ScanActions.Pick => new LedgerLine(movementId, MovementType.Ship, LineMode.Take, match.Id, location.Id, quantity,
                bin, lot, null, null, null, scan.Note, "scan", null),
            ScanActions.Count => new LedgerLine(movementId, MovementType.Count, LineMode.SetCounted, match.Id, location.Id, quantity,
                bin, lot, expiry, null, null, scan.Note, "count", null),
            ScanActions.Adjust => new LedgerLine(movementId, MovementType.Adjust, units > 0 ? LineMode.Add : LineMode.Take, match.Id,
                location.Id, quantity, bin, lot, expiry, null, AdjustReason(scan.Reason), scan.Note, "adjustment", null),
            _ => new LedgerLine(movementId, MovementType.TransferOut, LineMode.Take, match.Id, location.Id, quantity,
                bin, lot, null, null, null, scan.Note, "transfer", movementId.ToString()),
        };
        var transferTo = action == ScanActions.Move ? new TransferTarget(target!.Id, Clean(scan.ToBin)) : null;
        // The scan's own id is the movement id and the idempotency key: a device that repeats a scan after
        // a lost answer gets the first answer back, and the stock moves once.
        var key = scan.Id is { } id ? $"id:{id}" : null;
        var command = new LedgerCommand(
            [line], actor.UserId, actor.DeviceId, scan.At ?? time.GetUtcNow(), key,
            key is null ? "" : HashOf(line, transferTo), transferTo);
        var outcome = await writer.SubmitAsync(command, cancellationToken);
        if (outcome.Kind == LedgerOutcomeKind.Refused)
        {
            // The ledger's own sentence is written for a desk screen; a scanner gets the number that matters.
            var levels = await queries.ForProductAsync(match.Id, cancellationToken);
            var here = levels?.Levels.FirstOrDefault(l => l.LocationId == location.Id);
            var level = here is null ? new ScanLevel(location.Id, 0, 0, 0, "out") : new ScanLevel(here.LocationId, here.Quantity, here.Reserved, here.Available, here.Status);
            return new ScanResult(false, $"Short: {level.Available} avail of {quantity}", product, level, scan.Id, action);
        }

        return ToResult(outcome, scan, action, product, location, target, units);
    }

    /// <summary>
    /// Receive mode with a purchase order named: the PO's line for the product receives the scan (its location is the
    /// PO's; a scan naming another location is refused), checked against the supplier's tolerance like any receipt.
    /// </summary>
    private async Task<ScanResult> ReceiveAgainstOrderAsync(
        ScanRequest scan, ScanActor actor, ScannedCode code, ScanMatch match, ScanProduct product, ScanLocation? location,
        CancellationToken cancellationToken)
    {
        long units = (long)(scan.Qty ?? code.Quantity ?? 1) * match.PackQuantity;
        if (units > LedgerLimits.MaxQuantity)
        {
            return ScanResult.Fail("Quantity too large", scan.Id, ScanActions.Receive, product);
        }

        await using var scope = scopes.CreateAsyncScope();
        var receipts = scope.ServiceProvider.GetRequiredService<PurchaseOrderScans>();
        var receipt = await receipts.ReceiveAsync(
            scan.PurchaseOrder!, match.Id, match.Sku, units, Clean(scan.Lot) ?? code.Lot ?? code.Serial, scan.Expiry ?? code.Expiry,
            Clean(scan.Bin), location?.Id, scan.Id ?? Guid.CreateVersion7(), new ReceiptActor(actor.UserId, actor.DeviceId),
            scan.At ?? time.GetUtcNow(), cancellationToken);
        if (!receipt.Ok || receipt.Result is null)
        {
            return ScanResult.Fail(receipt.Message, scan.Id, ScanActions.Receive, product);
        }

        var level = receipt.Result.Levels.FirstOrDefault(l => l.LocationId == receipt.LocationId);
        return new ScanResult(
            true, receipt.Message, product, level is null ? null : ToLevel(level), scan.Id, ScanActions.Receive, units,
            [.. receipt.Result.Levels.Select(ToLevel)], [.. receipt.Result.Movements.Select(m => m.Id)]);
    }

    private static ScanResult ToResult(
        LedgerOutcome outcome, ScanRequest scan, string action, ScanProduct product, ScanLocation location, ScanLocation? target, long units)
    {
        if (outcome.Kind is not (LedgerOutcomeKind.Committed or LedgerOutcomeKind.Replayed))
        {
            var message = outcome.Kind switch
            {
                LedgerOutcomeKind.Refused => outcome.Message ?? "Not enough stock",
                LedgerOutcomeKind.KeyReused => "Scan id already used",
                LedgerOutcomeKind.Failed => "Not saved; try again",
                _ => outcome.Message ?? "Refused",
            };
            return ScanResult.Fail(message, scan.Id, action, product);
        }

        var result = outcome.Result!;
        var level = result.Levels.FirstOrDefault(l => l.LocationId == location.Id);
        var text = action switch
        {
            ScanActions.Receive => $"Received {units} {product.Sku}",
            ScanActions.Pick => $"Picked {units} {product.Sku}{TakenFrom(result)}",
            ScanActions.Count => $"Counted {product.Sku}: {units}",
            ScanActions.Adjust => $"Adjusted {product.Sku} {units:+0;-0}",
            _ => $"Moved {units} {product.Sku} to {(target!.Id == location.Id ? Clean(scan.ToBin) : target.Code)}",
        };
        return new ScanResult(
            true, text, product, level is null ? null : ToLevel(level), scan.Id, action, units,
            [.. result.Levels.Select(ToLevel)], [.. result.Movements.Select(m => m.Id)]);
    }

    private async Task<ScanResult> LookupAsync(ScanRequest scan, ScanProduct product, ScanLocation? location, CancellationToken cancellationToken)
    {
        var levels = await queries.ForProductAsync(product.Id, cancellationToken);
        var all = levels?.Levels.Select(l => new ScanLevel(l.LocationId, l.Quantity, l.Reserved, l.Available, l.Status)).ToList() ?? [];
        if (location is null)
        {
            var total = levels?.TotalAvailable ?? 0;
            return new ScanResult(true, $"{product.Sku}: {total} avail", product, null, scan.Id, ScanActions.Lookup, null, all);
        }

        var here = all.FirstOrDefault(l => l.LocationId == location.Id) ?? new ScanLevel(location.Id, 0, 0, 0, "out");
        return new ScanResult(true, $"{product.Sku} @{location.Code}: {here.Available}", product, here, scan.Id, ScanActions.Lookup, null, all);
    }

    private string? Check(ScanRequest scan, string action)
    {
        if (string.IsNullOrWhiteSpace(scan.Code))
        {
            return "Bad scan: no code";
        }

        if (scan.Code.Length > MaxCodeLength)
        {
            return "Bad scan: code too long";
        }

        if (!ScanActions.All.Contains(action))
        {
            return "Bad action: " + Short(action);
        }

        var bad = action switch
        {
            ScanActions.Adjust => scan.Qty is null or 0,
            ScanActions.Count => scan.Qty is null or < 0,
            ScanActions.Lookup => false,
            _ => scan.Qty is <= 0,
        };
        if (bad || scan.Qty is { } q && Math.Abs((long)q) > LedgerLimits.MaxQuantity)
        {
            return action switch
            {
                ScanActions.Adjust => "Bad qty: adjust needs +n or -n",
                ScanActions.Count => "Bad qty: count needs qty >= 0",
                _ => "Bad qty: must be 1 or more",
            };
        }

        if (scan.At is { } at && at > time.GetUtcNow().AddDays(1))
        {
            return "Bad scan: 'at' is in the future";
        }

        if (action == ScanActions.Adjust && scan.Reason is not null && !AdjustmentReasons.TryParse(scan.Reason, out _))
        {
            return "Bad reason: " + Short(scan.Reason);
        }

        if (action == ScanActions.Adjust && string.Equals(scan.Reason, "other", StringComparison.OrdinalIgnoreCase) && string.IsNullOrWhiteSpace(scan.Note))
        {
            return "Reason 'other' needs a note";
        }

        return (scan.Bin?.Length > LedgerLimits.MaxBinLength || scan.PurchaseOrder?.Length > MaxPurchaseOrderLength || scan.ToBin?.Length > LedgerLimits.MaxBinLength
                || scan.Lot?.Length > LedgerLimits.MaxLotLength || scan.Note?.Length > LedgerLimits.MaxNoteLength)
            ? "Bad scan: a field is too long"
            : null;
    }

    /// <summary>The same table as the HTTP movement endpoints: a scan may do what its sender may do by hand.</summary>
    internal static Permission? PermissionFor(string action) => action switch
    {
        ScanActions.Receive => Permission.Receive,
        ScanActions.Pick => Permission.Ship,
        ScanActions.Count => Permission.Count,
        ScanActions.Adjust => Permission.Adjust,
        ScanActions.Move => Permission.Transfer,
        _ => null,
    };

    /// <summary>A scanner's correction is most often a miscount, so that is the reason unless the scan names one.</summary>
    private static string AdjustReason(string? reason) =>
        reason is not null && AdjustmentReasons.TryParse(reason, out var parsed) ? parsed.ToWireName() : "count_error";

    /// <summary>Which lot and bin a pick took (first expiry first), so the picker sees what left the shelf.</summary>
    private static string TakenFrom(MovementResult result)
    {
        var taken = result.Movements
            .Where(m => m.Lot is not null || m.Bin is not null)
            .Select(m => (m.Lot is null ? "" : " lot " + m.Lot) + (m.Bin is null ? "" : " bin " + m.Bin))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return taken.Count == 0 ? "" : ":" + string.Join(",", taken);
    }

    private static ScanProduct Product(ScanMatch match) => new(match.Id, match.Sku, match.Name);

    private static ScanLevel ToLevel(LevelView l) => new(l.LocationId, l.Quantity, l.Reserved, l.Available, l.Status);

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Short(string text) => text.Length <= 24 ? text : text[..23] + "…";

    private static string HashOf(LedgerLine line, TransferTarget? target)
    {
        var text = string.Join('|', "scan", line.Type, line.ProductId, line.LocationId,
            line.Quantity.ToString(CultureInfo.InvariantCulture), line.Bin, line.Lot, line.Mode, target?.LocationId, target?.Bin);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
