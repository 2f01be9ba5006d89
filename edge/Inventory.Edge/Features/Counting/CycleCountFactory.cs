using Inventory.Domain.Counting;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Edge.Infrastructure.Data.Entities;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inventory.Edge.Features.Counting;

/// <summary>
/// Makes cycle counts, by hand or for the plan: one line per stock level of the selection (product, bin, lot with a
/// quantity other than zero), its expected quantity read when the count is made. The count's number is taken first, so
/// the transaction holds SQLite's write lock while the levels are read: no movement lands between the read and the
/// insert, and "expected" is exactly the ledger at that moment. Two open counts of the same stock are refused by the
/// database (ix_cycle_count_lines_open), whatever path made them.
/// </summary>
internal sealed class CycleCountFactory(EdgeDbContext db, AbcClasses abc, IOptions<EdgeOptions> options, TimeProvider time)
{
    public const string CounterKind = "cycle_count";

    public async Task<CountCreation> CreateAsync(CountSelection selection, string source, Guid? createdBy, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(selection);
        if (!await db.Locations.AnyAsync(l => l.Id == selection.LocationId, ct))
        {
            return new CountCreation.LocationNotFound();
        }

        var classes = await abc.TodayAsync(ct);
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var number = CycleCountNumber.Format(options.Value.Site.Code, await DocumentNumbers.NextAsync(db, CounterKind, ct));
        var levels = await ReadLevelsAsync(selection, ct);
        var count = new CycleCount
        {
            Id = Guid.CreateVersion7(),
            Number = number,
            LocationId = selection.LocationId,
            Source = source,
            CategoryId = selection.CategoryId,
            AbcClass = selection.AbcClass,
            Bins = selection.Bins is { Count: > 0 } bins ? string.Join(',', bins) : null,
            Blind = selection.Blind,
            Status = CycleCountStatus.Open,
            CreatedBy = createdBy,
            CreatedAt = now,
            UpdatedAt = now,
        };
        foreach (var level in levels)
        {
            var cls = AbcClasses.Of(classes, level.ProductId);
            if (selection.AbcClass is { } wanted && cls != wanted)
            {
                continue;
            }

            if (selection.Keys is { } keys && !keys.Contains(CountKeys.Of(level.ProductId, level.Bin, level.Lot)))
            {
                continue;
            }

            count.Lines.Add(new CycleCountLine
            {
                Id = Guid.CreateVersion7(),
                CountId = count.Id,
                LocationId = selection.LocationId,
                ProductId = level.ProductId,
                Bin = level.Bin,
                Lot = level.Lot,
                AbcClass = cls,
                Expected = level.Quantity,
                UnitCost = level.UnitCost,
            });
        }

        db.CycleCounts.Add(count);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is SqliteException { SqliteErrorCode: 19 })
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return new CountCreation.Overlaps(await DescribeOverlapAsync(count, ct));
        }

        await transaction.CommitAsync(ct);
        return new CountCreation.Created(count);
    }

    private sealed record LevelRow(Guid ProductId, string Bin, string Lot, long Quantity, decimal? UnitCost);

    private async Task<List<LevelRow>> ReadLevelsAsync(CountSelection s, CancellationToken ct)
    {
        var query =
            from l in db.StockLevels
            join p in db.Products on l.ProductId equals p.Id
            where l.LocationId == s.LocationId && l.Quantity != 0
            select new { l.ProductId, l.Bin, l.Lot, l.Quantity, p.CategoryId, p.CostPrice };
        if (s.CategoryId is { } category)
        {
            query = query.Where(x => x.CategoryId == category);
        }

        if (s.Bins is { Count: > 0 } bins)
        {
            query = query.Where(x => bins.Contains(x.Bin));
        }

        var rows = await query.ToListAsync(ct);
        return [.. rows
            .Select(x => new LevelRow(x.ProductId, x.Bin, x.Lot, x.Quantity, x.CostPrice))
            .OrderBy(x => x.Bin, StringComparer.Ordinal).ThenBy(x => x.ProductId).ThenBy(x => x.Lot, StringComparer.Ordinal)];
    }

    /// <summary>The first line of the refused count that an open count already holds, and that count's number.</summary>
    private async Task<string> DescribeOverlapAsync(CycleCount refused, CancellationToken ct)
    {
        var open = await (
            from l in db.CycleCountLines
            join c in db.CycleCounts on l.CountId equals c.Id
            join p in db.Products on l.ProductId equals p.Id
            where l.LocationId == refused.LocationId
                && (l.Status == CountLineStatus.Pending || l.Status == CountLineStatus.Counted || l.Status == CountLineStatus.NeedsApproval)
            select new { l.ProductId, l.Bin, l.Lot, c.Number, p.Sku }).ToListAsync(ct);
        var wanted = refused.Lines.Select(l => CountKeys.Of(l.ProductId, l.Bin, l.Lot)).ToHashSet(StringComparer.Ordinal);
        var clash = open.FirstOrDefault(o => wanted.Contains(CountKeys.Of(o.ProductId, o.Bin, o.Lot)));
        return clash is null
            ? "Some of this stock is already in an open count."
            : $"{clash.Sku}{(clash.Bin.Length > 0 ? " in bin " + clash.Bin : "")}{(clash.Lot.Length > 0 ? " lot " + clash.Lot : "")} is already in open count {clash.Number}.";
    }
}
