using System.Text.Json;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Edge.Infrastructure.Data.Entities;
using Inventory.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Inventory.Edge.Features.Sync;

public sealed partial class OutboxInterceptor
{
    /// <summary>
    /// A purchase order travels whole: a change to its header or to any line records the PO with all its lines,
    /// as a barcode change records its product. Only this site's POs: the cloud sends a PO to its home site alone.
    /// </summary>
    private void RecordOrders(EdgeDbContext db, Dictionary<Guid, EntityEntry<PurchaseOrder>?> orders, HashSet<Guid> withLineChanges, DateTimeOffset now)
    {
        foreach (var (id, known) in orders)
        {
            var entry = known ?? FindOrder(db, id);
            if (entry is null || entry.Entity.SiteCode != _site)
            {
                continue;
            }

            // Queuing the supplier's mail is this box's bookkeeping (a PO is mailed once, by the box that sent
            // it): nothing the cloud or another replica should hear about.
            if (entry.State == EntityState.Modified && !withLineChanges.Contains(id) && OnlyLocalColumnsChanged(entry))
            {
                continue;
            }

            var deleted = entry.State == EntityState.Deleted;
            var record = SyncRecords.ToRecord(entry.Entity, LinesOf(db, entry), deleted ? entry.Entity.CancelledAt ?? now : null);
            Add(db, entry, ChangeKinds.PurchaseOrder, id, JsonSerializer.Serialize(record, SyncJson.Default.PurchaseOrderRecord), now);
        }
    }

    private static bool OnlyLocalColumnsChanged(EntityEntry<PurchaseOrder> entry) =>
        entry.Properties.Where(p => p.IsModified).All(p => p.Metadata.Name == nameof(PurchaseOrder.MailQueuedAt));

    private static EntityEntry<PurchaseOrder>? FindOrder(EdgeDbContext db, Guid id)
    {
        // Only a line changed and its order is not tracked: load it so the record carries the whole PO.
        var order = db.PurchaseOrders.Find(id);
        return order is null ? null : db.Entry(order);
    }

    private static List<PurchaseOrderLine> LinesOf(EdgeDbContext db, EntityEntry<PurchaseOrder> entry)
    {
        var id = entry.Entity.Id;
        var stored = entry.State == EntityState.Added
            ? []
            : db.PurchaseOrderLines.AsNoTracking().Where(l => l.PurchaseOrderId == id).ToList();
        if (entry.State == EntityState.Deleted)
        {
            // The PO travels as cancelled, with the lines it had.
            return stored;
        }

        // The stored lines, then what this save deletes, edits and adds.
        var tracked = db.ChangeTracker.Entries<PurchaseOrderLine>().Where(e => e.Entity.PurchaseOrderId == id).ToList();
        var lines = stored.Where(l => !tracked.Any(t => t.Entity.Id == l.Id)).ToList();
        lines.AddRange(tracked.Where(t => t.State is not (EntityState.Deleted or EntityState.Detached)).Select(t => t.Entity));
        return lines;
    }
}
