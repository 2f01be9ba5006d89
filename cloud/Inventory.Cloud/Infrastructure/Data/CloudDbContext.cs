using Inventory.Cloud.Infrastructure.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Cloud.Infrastructure.Data;

public sealed class CloudDbContext(DbContextOptions<CloudDbContext> options) : DbContext(options)
{
    public const string FeedSequence = "change_feed_seq";

    /// <summary>The counter of the cloud's own PO numbers (PO-HQ-000001…); sites count theirs at the box.</summary>
    public const string PurchaseOrderNumberSequence = "purchase_order_number_seq";

    public DbSet<User> Users => Set<User>();
    public DbSet<Site> Sites => Set<Site>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<ProductBarcode> Barcodes => Set<ProductBarcode>();
    public DbSet<Location> Locations => Set<Location>();
    public DbSet<Bin> Bins => Set<Bin>();
    public DbSet<StockMovement> StockMovements => Set<StockMovement>();
    public DbSet<StockLevel> StockLevels => Set<StockLevel>();
    public DbSet<FeedEntry> Feed => Set<FeedEntry>();
    public DbSet<SyncConflict> Conflicts => Set<SyncConflict>();
    public DbSet<QuarantinedMovement> Quarantine => Set<QuarantinedMovement>();
    public DbSet<Transfer> Transfers => Set<Transfer>();
    public DbSet<Supplier> Suppliers => Set<Supplier>();
    public DbSet<SupplierProduct> SupplierProducts => Set<SupplierProduct>();
    public DbSet<Lot> Lots => Set<Lot>();
    public DbSet<PurchaseOrder> PurchaseOrders => Set<PurchaseOrder>();
    public DbSet<PurchaseOrderLine> PurchaseOrderLines => Set<PurchaseOrderLine>();
    public DbSet<CycleCount> CycleCounts => Set<CycleCount>();
    public DbSet<CycleCountLine> CycleCountLines => Set<CycleCountLine>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasSequence<long>(FeedSequence);
        modelBuilder.HasSequence<long>(PurchaseOrderNumberSequence);

        modelBuilder.Entity<User>(e =>
        {
            e.HasIndex(u => u.Username).IsUnique();
            e.Property(u => u.Username).HasMaxLength(64);
            e.Property(u => u.Role).HasMaxLength(20);
        });

        modelBuilder.Entity<Lot>(e =>
        {
            e.Property(l => l.Code).HasMaxLength(50);
            e.HasIndex(l => new { l.ProductId, l.Code }).IsUnique();
            e.Property(l => l.Status).HasMaxLength(12);
            e.HasIndex(l => l.Status).HasFilter("status = 'hold'");
        });

        modelBuilder.Entity<Site>(e =>
        {
            e.HasKey(s => s.Code);
            e.Property(s => s.Code).HasMaxLength(10);
        });

        modelBuilder.Entity<Product>(e =>
        {
            // Not unique: two boxes may each make a product for the same new SKU while offline; both
            // replicate, and the clash shows in the catalog instead of stopping replication.
            e.HasIndex(p => p.Sku);
            e.Property(p => p.CostPrice).HasPrecision(14, 4);
            e.Property(p => p.SellingPrice).HasPrecision(12, 2);
            e.Property(p => p.Weight).HasPrecision(12, 3);
            e.Property(p => p.Attributes).HasColumnType("jsonb");
            e.Property(p => p.Version).IsConcurrencyToken();
            e.HasMany(p => p.Barcodes).WithOne().HasForeignKey(b => b.ProductId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ProductBarcode>(e =>
        {
            e.ToTable("product_barcodes");
            e.HasKey(b => new { b.ProductId, b.Code });
            e.HasIndex(b => b.Code);
        });

        modelBuilder.Entity<Location>(e => e.HasIndex(l => new { l.SiteCode, l.Code }).IsUnique());
        modelBuilder.Entity<Bin>(e => e.HasIndex(b => new { b.LocationId, b.Code }));

        modelBuilder.Entity<StockMovement>(e =>
        {
            e.Property(m => m.Seq).UseIdentityByDefaultColumn();
            e.HasIndex(m => m.Seq).IsUnique();
            e.HasIndex(m => new { m.ProductId, m.Seq });
            e.HasIndex(m => new { m.LocationId, m.Seq });
            // A lot's trace reads every movement of one (product, lot) across sites: one index range.
            e.HasIndex(m => new { m.ProductId, m.Lot });
            e.Property(m => m.UnitCost).HasPrecision(14, 4);
            // A PO's received quantities are sums over the movements that reference its lines.
            e.HasIndex(m => new { m.ReferenceType, m.ReferenceId }).HasFilter("reference_type IS NOT NULL");
        });

        modelBuilder.Entity<StockLevel>(e =>
        {
            e.HasKey(l => new { l.ProductId, l.LocationId, l.Bin, l.Lot });
            e.HasIndex(l => new { l.LocationId, l.ProductId });
            // Only columns a level update never changes are indexed besides the key, so PostgreSQL can update
            // levels in place (HOT); the fill factor leaves the room on each page for that.
            e.HasIndex(l => l.SiteCode);
            e.HasStorageParameter("fillfactor", 80);
        });

        modelBuilder.Entity<FeedEntry>(e =>
        {
            e.ToTable("change_feed");
            e.HasKey(f => new { f.Kind, f.Key });
            e.Property(f => f.Seq).HasDefaultValueSql($"nextval('{FeedSequence}')");
            e.HasIndex(f => f.Seq).IsUnique();
            e.Property(f => f.Data).HasColumnType("jsonb");
        });

        modelBuilder.Entity<SyncConflict>(e =>
        {
            e.ToTable("sync_conflicts");
            e.HasIndex(c => new { c.EntityId, c.LoserHlc }).IsUnique();
            e.Property(c => c.LoserData).HasColumnType("jsonb");
        });

        modelBuilder.Entity<QuarantinedMovement>(e =>
        {
            e.ToTable("sync_quarantine");
            e.HasIndex(q => new { q.SiteCode, q.MovementId }).IsUnique();
            e.Property(q => q.Received).HasColumnType("jsonb");
        });

        modelBuilder.Entity<Transfer>(e => e.HasIndex(t => new { t.Status, t.ToSite }));
        PurchasingModel.Configure(modelBuilder);
        CountingModel.Configure(modelBuilder);
    }
}
