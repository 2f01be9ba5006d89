using Inventory.Edge.Infrastructure.Data.Entities;
using Inventory.Sync;

namespace Inventory.Edge.Features.Sync;

internal static partial class SyncRecords
{
    /// <summary>
    /// A cycle count whole, header and lines in bin order, as it travels edge → cloud (queued by OutboxInterceptor.Counting.cs
    /// when its status changes or a line changes after submission).
    /// </summary>
    public static CycleCountRecord ToRecord(CycleCount c, string siteCode) => new(
        c.Id, c.Number, c.LocationId, siteCode, c.Source, c.CategoryId, c.AbcClass,
        c.Bins is null ? [] : c.Bins.Split(',', StringSplitOptions.RemoveEmptyEntries), c.Blind, c.Status,
        [.. c.Lines.OrderBy(l => l.Bin, StringComparer.Ordinal).ThenBy(l => l.ProductId).ThenBy(l => l.Lot, StringComparer.Ordinal)
            .Select(l => new CycleCountLineRecord(
                l.Id, l.ProductId, l.Bin, l.Lot, l.AbcClass, l.Expected, l.UnitCost, l.Counted, l.CountedBy, l.CountedAt, l.FirstCounted,
                l.FirstCountedBy, l.Status, l.Decision, l.WithinTolerance, l.ApprovedBy, l.ApprovalReason, l.PostedQuantity, l.Added))],
        c.CreatedBy, c.CreatedAt, c.SubmittedAt, c.CompletedAt, c.UpdatedAt);
}
