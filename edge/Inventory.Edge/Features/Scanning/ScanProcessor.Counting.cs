using Inventory.Devices.Contracts;
using Inventory.Domain.Accounts;
using Inventory.Edge.Features.Counting;
using Inventory.Domain.Ledger;

namespace Inventory.Edge.Features.Scanning;

/// <summary>
/// A scan naming a cycle count: it counts into that count (<see cref="CountScans"/>) and never writes the ledger. The same
/// path serves /api/scan and the MQTT scan topic, so the blind rule holds for both.
/// </summary>
public sealed partial class ScanProcessor
{
    private async Task<ScanResult> CountIntoAsync(Guid countId, ScanRequest scan, ScanActor actor, CancellationToken cancellationToken)
    {
        var action = string.IsNullOrWhiteSpace(scan.Action) ? ScanActions.Count : scan.Action.Trim().ToLowerInvariant();
        if (CheckCountScan(scan, action) is { } problem)
        {
            return ScanResult.Fail(problem, scan.Id, action);
        }

        if (!actor.Can(Permission.Count))
        {
            return ScanResult.Fail("Not allowed: count", scan.Id, action);
        }

        var code = reader.Read(scan.Code!);
        if (code.Error is { } codeError)
        {
            return ScanResult.Fail(codeError, scan.Id, action);
        }

        await using var scope = scopes.CreateAsyncScope();
        var counts = scope.ServiceProvider.GetRequiredService<CountScans>();
        return await counts.ScanAsync(countId, scan, code, actor, cancellationToken);
    }

    private string? CheckCountScan(ScanRequest scan, string action)
    {
        if (string.IsNullOrWhiteSpace(scan.Code))
        {
            return "Bad scan: no code";
        }

        if (scan.Code.Length > MaxCodeLength)
        {
            return "Bad scan: code too long";
        }

        if (action != ScanActions.Count)
        {
            return "Bad scan: cycleCountId needs action count";
        }

        if (scan.Qty is < 0 || scan.Qty is { } q && q > LedgerLimits.MaxQuantity)
        {
            return "Bad qty: count needs qty >= 0";
        }

        if (scan.At is { } at && at > time.GetUtcNow().AddDays(1))
        {
            return "Bad scan: 'at' is in the future";
        }

        return scan.Bin?.Length > LedgerLimits.MaxBinLength || scan.Lot?.Length > LedgerLimits.MaxLotLength
            ? "Bad scan: a field is too long"
            : null;
    }
}
