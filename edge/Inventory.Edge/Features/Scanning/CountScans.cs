using Inventory.Devices.Contracts;
using Inventory.Domain.Counting;
using Inventory.Domain.Ledger;
using Inventory.Edge.Features.Counting;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Edge.Infrastructure.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Edge.Features.Scanning;

/// <summary>
/// Counting by scan into an open cycle count (the scan page's count mode and MQTT scanners): a bin's code sets the
/// scanner's current bin; an item scan adds its units to the line of that product, bin and lot, or adds the line
/// (expected 0) when the item was found where the count did not expect it. The figure grows inside one immediate
/// transaction (the count is checked open and the line updated under SQLite's write lock), so scans from many
/// handhelds never lose one another's units and a count being submitted meanwhile refuses them. The answer never
/// holds an expected quantity, a variance or a stock level: only "SKU counted so far N in bin B".
/// </summary>
internal sealed class CountScans(EdgeDbContext db, CycleCounting counting, ScanCatalog catalog, CountScanMemory memory, TimeProvider time)
{
    public async Task<ScanResult> ScanAsync(Guid countId, ScanRequest scan, ScannedCode code, ScanActor actor, CancellationToken ct)
    {
        if (scan.Id is { } repeatId && memory.AnswerOf(repeatId) is { } earlier)
        {
            return earlier;
        }

        var count = await db.CycleCounts.AsNoTracking().Where(c => c.Id == countId)
            .Select(c => new { c.Id, c.Number, c.LocationId, c.Status }).FirstOrDefaultAsync(ct);
        if (count is null)
        {
            return Fail("No such cycle count");
        }

        if (count.Status != CycleCountStatus.Open)
        {
            return Fail($"{count.Number} is {count.Status}: not counted");
        }

        var scanner = actor.DeviceId ?? actor.UserId?.ToString() ?? "";
        if (code.Gtin14 is null && await BinOfLocationAsync(countId, count.LocationId, code.Raw, ct) is { } scannedBin)
        {
            memory.SetBin(countId, scanner, scannedBin);
            return Remember(new ScanResult(true, $"Bin {scannedBin}: scan items", null, null, scan.Id, ScanActions.Count,
                CycleCountId: countId, Bin: scannedBin));
        }

        ScanMatch? match;
        await using (var connection = await catalog.OpenAsync(ct))
        {
            match = await catalog.FindAsync(connection, code, ct);
        }

        if (match is null)
        {
            return Fail("Not found: " + Short(code.Raw));
        }

        var product = new ScanProduct(match.Id, match.Sku, match.Name);
        var bin = Clean(scan.Bin) ?? memory.BinOf(countId, scanner);
        if (bin is null)
        {
            var binless = await db.CycleCountLines.AsNoTracking().AnyAsync(l => l.CountId == countId && l.Bin == "", ct);
            if (!binless)
            {
                return Fail("Scan a bin first", product);
            }

            bin = "";
        }

        var units = (long)(scan.Qty ?? code.Quantity ?? 1) * match.PackQuantity;
        if (units > LedgerLimits.MaxQuantity)
        {
            return Fail("Quantity too large", product);
        }

        var lot = Clean(scan.Lot) ?? code.Lot ?? code.Serial ?? "";
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Taking the write lock first (the count's stamp) makes the check and the change one step: a submit waits for it.
        var open = await db.CycleCounts.Where(c => c.Id == countId && c.Status == CycleCountStatus.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UpdatedAt, now), ct);
        if (open == 0)
        {
            return Fail($"{count.Number} is no longer open: not counted", product);
        }

        var lines = await db.CycleCountLines.AsNoTracking()
            .Where(l => l.CountId == countId && l.ProductId == match.Id && l.Bin == bin && l.Status != CountLineStatus.Cancelled)
            .Select(l => new { l.Id, l.Lot }).ToListAsync(ct);
        var line = lines.FirstOrDefault(l => l.Lot == lot) ?? (lot.Length == 0 && lines.Count == 1 ? lines[0] : null);
        if (line is null && lot.Length == 0 && lines.Count > 1)
        {
            return Fail("Lot needed: scan the GS1 code", product);
        }

        Guid lineId;
        var added = false;
        if (line is not null)
        {
            lineId = line.Id;
            await db.CycleCountLines.Where(l => l.Id == lineId)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(l => l.Counted, l => (l.Counted ?? 0) + units)
                    .SetProperty(l => l.CountedBy, actor.UserId)
                    .SetProperty(l => l.CountedAt, now)
                    .SetProperty(l => l.Status, CountLineStatus.Counted), ct);
        }
        else
        {
            if (lot.Length == 0 && await db.Products.AsNoTracking().AnyAsync(p => p.Id == match.Id && p.LotTracked, ct))
            {
                return Fail("Lot needed: scan the GS1 code", product);
            }

            // The found item goes through the counting API's own rules (its class, its cost, the open-stock index).
            var outcome = await counting.CountAsync(countId, [new CountedLineRequest(null, units, match.Id, bin, lot)], actor.UserId, ct);
            if (outcome.Kind != CountOutcomeKind.Ok)
            {
                return Fail(outcome.Kind == CountOutcomeKind.Conflict ? "In another open count: count it there" : "Not counted", product);
            }

            added = true;
            lineId = await db.CycleCountLines.AsNoTracking()
                .Where(l => l.CountId == countId && l.ProductId == match.Id && l.Bin == bin && l.Lot == lot && l.Status != CountLineStatus.Cancelled)
                .Select(l => l.Id).FirstAsync(ct);
        }

        var counted = await db.CycleCountLines.AsNoTracking().Where(l => l.Id == lineId).Select(l => l.Counted).FirstAsync(ct) ?? 0;
        await transaction.CommitAsync(ct);
        memory.SetBin(countId, scanner, bin);
        var where = bin.Length == 0 ? "no bin" : "bin " + bin;
        return Remember(new ScanResult(
            true, $"{(added ? "New: " : "")}{match.Sku} counted so far {counted} in {where}", product, null, scan.Id, ScanActions.Count, units,
            CycleCountId: countId, Bin: bin, Counted: counted));

        ScanResult Fail(string message, ScanProduct? product = null) =>
            ScanResult.Fail(message, scan.Id, ScanActions.Count, product) with { CycleCountId = countId };

        ScanResult Remember(ScanResult result)
        {
            if (scan.Id is { } id)
            {
                memory.Remember(id, result);
            }

            return result;
        }
    }

    /// <summary>The code as a bin of the count's location: one of its bins, or a bin some line of the count is in (any case).</summary>
    private async Task<string?> BinOfLocationAsync(Guid countId, Guid locationId, string code, CancellationToken ct)
    {
        var text = code.Trim();
        if (text.Length == 0 || text.Length > LedgerLimits.MaxBinLength)
        {
            return null;
        }

        var bins = await db.Bins.AsNoTracking().Where(b => b.LocationId == locationId && b.IsActive && EF.Functions.Collate(b.Code, "NOCASE") == text)
            .Select(b => b.Code).ToListAsync(ct);
        if (bins.Count == 0)
        {
            bins = await db.CycleCountLines.AsNoTracking().Where(l => l.CountId == countId && l.Bin != "" && EF.Functions.Collate(l.Bin, "NOCASE") == text)
                .Select(l => l.Bin).Distinct().ToListAsync(ct);
        }

        return bins.FirstOrDefault(b => b == text) ?? bins.FirstOrDefault();
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Short(string text) => text.Length <= 24 ? text : text[..23] + "…";
}
