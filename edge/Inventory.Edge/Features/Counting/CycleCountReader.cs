using Inventory.Domain.Counting;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Edge.Infrastructure.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Edge.Features.Counting;

/// <summary>
/// The one mapping from stored counts to what anyone is shown (API, sheet, pages). Blind counting is enforced here, on
/// the server: while a blind count is not submitted, expected and variance are null (absent from the JSON, left out of
/// the sheet's columns and the pages), whoever asks.
/// </summary>
public sealed class CycleCountReader(EdgeDbContext db)
{
    /// <summary>Whether a count's expected quantities are withheld: blind and never submitted (a cancelled blind count stays blind).</summary>
    public static bool Hides(CycleCount count) => count.Blind && count.SubmittedAt is null;

    /// <summary>Lines in bin order, as they are counted and printed.</summary>
    public static IEnumerable<CycleCountLine> InBinOrder(IEnumerable<CycleCountLine> lines, IReadOnlyDictionary<Guid, (string Sku, string Name)> products) =>
        lines.OrderBy(l => l.Bin, StringComparer.Ordinal)
            .ThenBy(l => products.TryGetValue(l.ProductId, out var p) ? p.Sku : "", StringComparer.Ordinal)
            .ThenBy(l => l.Lot, StringComparer.Ordinal);

    public Task<CycleCount?> FindAsync(Guid id, CancellationToken ct) =>
        db.CycleCounts.AsNoTracking().Include(c => c.Lines).FirstOrDefaultAsync(c => c.Id == id, ct);

    public async Task<CycleCountView?> ReadAsync(Guid id, CancellationToken ct) =>
        await FindAsync(id, ct) is { } count ? await ViewAsync(count, ct) : null;

    public async Task<CycleCountView> ViewAsync(CycleCount count, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(count);
        var products = await ProductsAsync(count.Lines.Select(l => l.ProductId), ct);
        var location = await db.Locations.AsNoTracking().Where(l => l.Id == count.LocationId).Select(l => l.Code).FirstOrDefaultAsync(ct) ?? "?";
        var hide = Hides(count);
        var lines = InBinOrder(count.Lines, products).Select(l =>
        {
            var (sku, name) = products.GetValueOrDefault(l.ProductId, ("?", "?"));
            return new CycleCountLineView(
                l.Id, l.ProductId, sku, name, l.Bin, l.Lot, l.AbcClass,
                hide ? null : l.Expected,
                l.Counted,
                hide || l.Counted is null ? null : l.Counted - l.Expected,
                l.Status, l.Decision, l.WithinTolerance, l.FirstCounted, l.CountedBy, l.ApprovalReason, l.PostedQuantity, l.Added);
        }).ToList();
        return new CycleCountView(
            count.Id, count.Number, count.LocationId, location, count.Source, count.CategoryId, count.AbcClass, BinsOf(count), count.Blind,
            count.Status, count.Lines.Count(l => l.Counted is not null), count.Lines.Count, count.CreatedAt, count.SubmittedAt,
            count.CompletedAt, lines);
    }

    public static IReadOnlyList<string> BinsOf(CycleCount count) =>
        count.Bins is null ? [] : count.Bins.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public async Task<IReadOnlyDictionary<Guid, (string Sku, string Name)>> ProductsAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        var rows = await db.Products.AsNoTracking().Where(p => wanted.Contains(p.Id)).Select(p => new { p.Id, p.Sku, p.Name }).ToListAsync(ct);
        return rows.ToDictionary(p => p.Id, p => (p.Sku, p.Name));
    }

    /// <summary>Counts newest first, with their progress (no lines); status= and locationId= narrow them.</summary>
    public async Task<(List<CycleCountSummary> Items, bool More)> ListAsync(
        string? status, Guid? locationId, int skip, int take, CancellationToken ct)
    {
        var query = db.CycleCounts.AsNoTracking();
        query = status is null ? query : query.Where(c => c.Status == status);
        query = locationId is { } l ? query.Where(c => c.LocationId == l) : query;
        var rows = await query
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Skip(skip).Take(take + 1)
            .Select(c => new
            {
                c.Id, c.Number, c.LocationId, c.Source, c.Blind, c.Status, c.CreatedAt, c.SubmittedAt,
                Counted = c.Lines.Count(x => x.Counted != null),
                Total = c.Lines.Count,
                Waiting = c.Lines.Count(x => x.Status == CountLineStatus.NeedsApproval),
                Code = db.Locations.Where(x => x.Id == c.LocationId).Select(x => x.Code).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var items = rows.Take(take).Select(c => new CycleCountSummary(
            c.Id, c.Number, c.LocationId, c.Code ?? "?", c.Source, c.Blind, c.Status, c.Counted, c.Total, c.Waiting, c.CreatedAt,
            c.SubmittedAt)).ToList();
        return (items, rows.Count > take);
    }
}
