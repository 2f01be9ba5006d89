using Inventory.Cloud.Infrastructure.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Cloud.Infrastructure.Data;

/// <summary>Suppliers, their prices and purchase orders: money and quantities are numeric, never floating point.</summary>
internal static class PurchasingModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Supplier>(e =>
        {
            // Not unique: two boxes may each add a supplier with the same code while offline (as with SKUs); the API
            // refuses a taken code, replication never stops on one.
            e.HasIndex(s => s.Code);
            e.Property(s => s.Code).HasMaxLength(50);
            e.Property(s => s.Name).HasMaxLength(200);
            e.Property(s => s.Currency).HasMaxLength(3);
            e.Property(s => s.OverReceiptTolerancePercent).HasPrecision(9, 4);
        });

        modelBuilder.Entity<SupplierProduct>(e =>
        {
            e.HasIndex(p => new { p.SupplierId, p.ProductId }).IsUnique();
            // One preferred supplier per product; the table writer clears the others before setting it.
            e.HasIndex(p => p.ProductId).IsUnique().HasFilter("preferred").HasDatabaseName("ix_supplier_products_preferred");
            e.Property(p => p.UnitPrice).HasPrecision(14, 4);
            e.Property(p => p.MinOrderQuantity).HasPrecision(18, 3);
            e.Property(p => p.OrderMultiple).HasPrecision(18, 3);
            e.Property(p => p.PriceBreaks).HasColumnType("jsonb");
            e.Property(p => p.SupplierSku).HasMaxLength(100);
        });

        modelBuilder.Entity<PurchaseOrder>(e =>
        {
            e.Property(p => p.Seq).UseIdentityByDefaultColumn();
            e.HasIndex(p => p.Seq).IsUnique();
            e.HasIndex(p => p.Number).IsUnique();
            e.HasIndex(p => new { p.SupplierId, p.Seq });
            e.HasIndex(p => new { p.SiteCode, p.Seq });
            e.Property(p => p.Number).HasMaxLength(40);
            e.Property(p => p.SiteCode).HasMaxLength(10);
            e.Property(p => p.Currency).HasMaxLength(3);
            e.HasMany(p => p.Lines).WithOne().HasForeignKey(l => l.PurchaseOrderId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<PurchaseOrderLine>(e =>
        {
            e.HasIndex(l => new { l.PurchaseOrderId, l.Position });
            e.Property(l => l.Quantity).HasPrecision(18, 3);
            e.Property(l => l.UnitPrice).HasPrecision(14, 4);
            e.Property(l => l.SupplierSku).HasMaxLength(100);
        });
    }
}
