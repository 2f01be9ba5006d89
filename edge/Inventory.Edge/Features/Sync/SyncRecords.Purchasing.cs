using System.Text.Json;
using Inventory.Edge.Infrastructure.Data.Entities;
using Inventory.Sync;

namespace Inventory.Edge.Features.Sync;

internal static partial class SyncRecords
{
    public static SupplierRecord ToRecord(Supplier s, bool? isActive = null) => new(
        s.Id, s.Code, s.Name, s.Email, s.Phone, s.Address, s.Currency, s.LeadTimeDays, s.PaymentTerms,
        s.OverReceiptTolerancePercent, isActive ?? s.IsActive, s.CreatedAt, s.UpdatedAt);

    /// <summary>A price deleted here travels as inactive and not preferred: the cloud keeps its history.</summary>
    public static SupplierProductRecord ToRecord(SupplierProduct p, bool deleted = false) => new(
        p.Id, p.SupplierId, p.ProductId, p.SupplierSku, p.UnitPrice, p.MinOrderQuantity, p.OrderMultiple, p.LeadTimeDays,
        !deleted && p.Preferred, ReadPriceBreaks(p.PriceBreaks), !deleted && p.IsActive, p.UpdatedAt);

    /// <summary>
    /// The whole PO, its lines in line-number order (the receiver numbers them by position). A PO deleted here
    /// travels as cancelled: the record has no deletion, and a cancel is what a deleted order means to the others.
    /// <see cref="PurchaseOrder.MailQueuedAt"/> is this box's bookkeeping and never travels.
    /// </summary>
    public static PurchaseOrderRecord ToRecord(PurchaseOrder o, IEnumerable<PurchaseOrderLine> lines, DateTimeOffset? cancelledAt = null) => new(
        o.Id, o.Number, o.SupplierId, o.LocationId, o.SiteCode, o.ExpectedDate, o.Notes, o.Currency,
        [.. lines.OrderBy(l => l.LineNumber).ThenBy(l => l.Id).Select(l => new PurchaseOrderLineRecord(l.Id, l.ProductId, l.Quantity, l.UnitPrice, l.SupplierSku))],
        o.SentAt, cancelledAt ?? o.CancelledAt, o.ClosedAt, o.CloseReason, o.CreatedBy, o.CreatedAt, o.UpdatedAt);

    public static IReadOnlyList<PriceBreakRecord> ReadPriceBreaks(string? json) =>
        string.IsNullOrWhiteSpace(json) ? [] : JsonSerializer.Deserialize(json, SyncJson.Default.IReadOnlyListPriceBreakRecord) ?? [];

    public static string WritePriceBreaks(IReadOnlyList<PriceBreakRecord>? breaks) =>
        JsonSerializer.Serialize(breaks ?? [], SyncJson.Default.IReadOnlyListPriceBreakRecord);
}
