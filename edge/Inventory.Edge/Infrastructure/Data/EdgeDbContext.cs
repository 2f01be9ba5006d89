using System.Text;
using Inventory.Edge.Infrastructure.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Edge.Infrastructure.Data;

public sealed class EdgeDbContext(DbContextOptions<EdgeDbContext> options) : DbContext(options)
{
    public DbSet<User> Users => Set<User>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<ProductBarcode> Barcodes => Set<ProductBarcode>();
    public DbSet<Location> Locations => Set<Location>();
    public DbSet<Bin> Bins => Set<Bin>();
    public DbSet<LocationProductSetting> LocationProductSettings => Set<LocationProductSetting>();
    public DbSet<StockMovement> StockMovements => Set<StockMovement>();
    public DbSet<StockLevel> StockLevels => Set<StockLevel>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<PrintJob> PrintJobs => Set<PrintJob>();
    public DbSet<Device> Devices => Set<Device>();
    public DbSet<OutboxEntry> Outbox => Set<OutboxEntry>();
    public DbSet<SyncState> SyncStates => Set<SyncState>();
    public DbSet<RemoteLevel> RemoteLevels => Set<RemoteLevel>();
    public DbSet<Transfer> Transfers => Set<Transfer>();
    public DbSet<SyncConflict> SyncConflicts => Set<SyncConflict>();
    public DbSet<Supplier> Suppliers => Set<Supplier>();
    public DbSet<SupplierProduct> SupplierProducts => Set<SupplierProduct>();
    public DbSet<PurchaseOrder> PurchaseOrders => Set<PurchaseOrder>();
    public DbSet<PurchaseOrderLine> PurchaseOrderLines => Set<PurchaseOrderLine>();
    public DbSet<DocumentCounter> DocumentCounters => Set<DocumentCounter>();
    public DbSet<Lot> Lots => Set<Lot>();
    public DbSet<ExpiryAlert> ExpiryAlerts => Set<ExpiryAlert>();
    public DbSet<CountPlan> CountPlans => Set<CountPlan>();
    public DbSet<CountPlanRule> CountPlanRules => Set<CountPlanRule>();
    public DbSet<CycleCount> CycleCounts => Set<CycleCount>();
    public DbSet<CycleCountLine> CycleCountLines => Set<CycleCountLine>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Plain SQL on the hot path writes the same representations: lower-case "D" GUIDs and Unix milliseconds.
        configurationBuilder.Properties<Guid>().HaveConversion<string>();
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(EdgeDbContext).Assembly);
        ApplySnakeCaseNames(modelBuilder);
    }

    private static void ApplySnakeCaseNames(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(ToSnakeCase(property.Name));
            }
        }
    }

    internal static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }
}
