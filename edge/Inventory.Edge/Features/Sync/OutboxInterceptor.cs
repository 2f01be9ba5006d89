using System.Text.Json;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Edge.Infrastructure.Data.Entities;
using Inventory.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Inventory.Edge.Features.Sync;

/// <summary>
/// The transactional outbox for master data. Every SaveChanges that adds, edits or deletes a product (or its
/// barcodes), a category, a location of this site, a bin, a supplier, a supplier price or a purchase order of this
/// site (or its lines) stamps the row with a new HLC and adds an outbox
/// row in the same SaveChanges, so in the same transaction. An interceptor rather than calls in each store:
/// the API, the CSV import and any writer added later all go through SaveChanges, and none can forget.
/// Changes pulled from the cloud are applied with plain SQL and never pass here, so they are not echoed back.
/// </summary>
public sealed partial class OutboxInterceptor(HybridLogicalClock clock, IOptions<EdgeOptions> options, SyncSignal signal, TimeProvider time)
    : SaveChangesInterceptor, IEdgeDbInterceptor
{
    private readonly string _site = options.Value.Site.Code;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is EdgeDbContext db)
        {
            Record(db);
        }

        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is EdgeDbContext db)
        {
            Record(db);
        }

        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        RaiseIfOutboxWritten(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        RaiseIfOutboxWritten(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void RaiseIfOutboxWritten(DbContext? context)
    {
        // A save inside a longer transaction (the CSV import) raises before its commit; the agent's debounce
        // and its periodic look cover that gap.
        if (context is EdgeDbContext db && db.ChangeTracker.Entries<OutboxEntry>().Any())
        {
            signal.Raise();
        }
    }

    private void Record(EdgeDbContext db)
    {
        var tracker = db.ChangeTracker;
        // The CSV import turns automatic detection off; the interceptor runs before SaveChanges' own detection.
        tracker.DetectChanges();
        var changed = tracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        // Outbox rows pending in this save mean this save is already recorded: the pooled and the factory
        // registrations each add their interceptors to the same options, so this can run twice per save.
        if (changed.Count == 0 || changed.Any(e => e.Entity is OutboxEntry))
        {
            return;
        }

        var now = time.GetUtcNow();
        var products = new Dictionary<Guid, EntityEntry<Product>?>();
        var orders = new Dictionary<Guid, EntityEntry<PurchaseOrder>?>();
        var ordersWithLineChanges = new HashSet<Guid>();
        var counts = new Dictionary<Guid, EntityEntry<CycleCount>?>();
        foreach (var entry in changed)
        {
            switch (entry.Entity)
            {
                case Product p:
                    products[p.Id] = db.Entry(p);
                    break;
                case ProductBarcode b:
                    products.TryAdd(b.ProductId, null);
                    break;
                case Category c:
                    Add(db, entry, ChangeKinds.Category, c.Id, JsonSerializer.Serialize(SyncRecords.ToRecord(c), SyncJson.Default.CategoryRecord), now);
                    break;
                case Location l when l.SiteCode == _site:
                    Add(db, entry, ChangeKinds.Location, l.Id,
                        JsonSerializer.Serialize(SyncRecords.ToRecord(l, entry.State == EntityState.Deleted ? false : null), SyncJson.Default.LocationRecord), now);
                    break;
                case Bin b:
                    Add(db, entry, ChangeKinds.Bin, b.Id,
                        JsonSerializer.Serialize(SyncRecords.ToRecord(b, entry.State == EntityState.Deleted ? false : null), SyncJson.Default.BinRecord), now);
                    break;
                case Supplier s:
                    Add(db, entry, ChangeKinds.Supplier, s.Id,
                        JsonSerializer.Serialize(SyncRecords.ToRecord(s, entry.State == EntityState.Deleted ? false : null), SyncJson.Default.SupplierRecord), now);
                    break;
                case SupplierProduct sp:
                    Add(db, entry, ChangeKinds.SupplierProduct, sp.Id,
                        JsonSerializer.Serialize(SyncRecords.ToRecord(sp, entry.State == EntityState.Deleted), SyncJson.Default.SupplierProductRecord), now);
                    break;
                case PurchaseOrder o:
                    orders[o.Id] = db.Entry(o);
                    break;
                case PurchaseOrderLine l:
                    orders.TryAdd(l.PurchaseOrderId, null);
                    ordersWithLineChanges.Add(l.PurchaseOrderId);
                    break;
                case Lot lot:
                    RecordLot(db, entry, lot, now);
                    break;
                case CycleCount c:
                    counts[c.Id] = db.Entry(c);
                    break;
                case CycleCountLine l:
                    counts.TryAdd(l.CountId, null);
                    break;
            }
        }

        foreach (var (id, known) in products)
        {
            var entry = known ?? FindProduct(db, id);
            if (entry is null)
            {
                continue;
            }

            // A product deleted here (never moved) is a deactivation with its barcodes freed everywhere else.
            var deleted = entry.State == EntityState.Deleted;
            var record = SyncRecords.ToRecord(entry.Entity, deleted ? [] : BarcodesOf(db, entry), deleted ? false : null);
            Add(db, entry, ChangeKinds.Product, id, JsonSerializer.Serialize(record, SyncJson.Default.ProductRecord), now);
        }

        RecordOrders(db, orders, ordersWithLineChanges, now);
        RecordCounts(db, counts, now);
    }

    private void Add(EdgeDbContext db, EntityEntry entry, string kind, Guid id, string data, DateTimeOffset now)
    {
        var hlcProperty = entry.Property(nameof(Product.Hlc));
        var baseHlc = entry.State == EntityState.Added ? null : (string?)hlcProperty.OriginalValue;
        var hlc = clock.Next();
        if (entry.State != EntityState.Deleted)
        {
            hlcProperty.CurrentValue = hlc;
        }

        db.Outbox.Add(new OutboxEntry { Kind = kind, EntityId = id, Hlc = hlc, BaseHlc = baseHlc, Data = data, RecordedAt = now });
    }

    private static EntityEntry<Product>? FindProduct(EdgeDbContext db, Guid id)
    {
        // Only a barcode changed and its product is not tracked: load it so the record carries the whole product.
        var product = db.Products.Find(id);
        return product is null ? null : db.Entry(product);
    }

    private static IEnumerable<ProductBarcode> BarcodesOf(EdgeDbContext db, EntityEntry<Product> entry)
    {
        static bool Live(EntityEntry e) => e.State is not (EntityState.Deleted or EntityState.Detached);
        var id = entry.Entity.Id;
        if (entry.State == EntityState.Added || entry.Collection(p => p.Barcodes).IsLoaded)
        {
            return entry.Entity.Barcodes.Where(b => Live(db.Entry(b)));
        }

        // The stored set, then what this save deletes and adds.
        var tracked = db.ChangeTracker.Entries<ProductBarcode>().Where(e => e.Entity.ProductId == id).ToList();
        var codes = db.Barcodes.AsNoTracking().Where(b => b.ProductId == id).ToList()
            .Where(b => !tracked.Any(t => t.Entity.Code == b.Code))
            .ToList();
        codes.AddRange(tracked.Where(Live).Select(t => t.Entity));
        return codes;
    }
}
