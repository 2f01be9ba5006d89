using Inventory.Edge.Infrastructure.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inventory.Edge.Infrastructure.Data.Configurations;

internal sealed class SupplierConfiguration : IEntityTypeConfiguration<Supplier>
{
    public void Configure(EntityTypeBuilder<Supplier> builder)
    {
        builder.ToTable("suppliers");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Code).HasMaxLength(50).UseCollation("NOCASE");
        builder.HasIndex(s => s.Code).IsUnique();
        builder.Property(s => s.Name).HasMaxLength(255);
        builder.Property(s => s.Currency).HasMaxLength(3);
    }
}

internal sealed class SupplierProductConfiguration : IEntityTypeConfiguration<SupplierProduct>
{
    public void Configure(EntityTypeBuilder<SupplierProduct> builder)
    {
        builder.ToTable("supplier_products");
        builder.HasKey(p => p.Id);
        builder.HasIndex(p => new { p.SupplierId, p.ProductId }).IsUnique();
        builder.HasIndex(p => p.ProductId).IsUnique().HasFilter("preferred = 1").HasDatabaseName("ix_supplier_products_preferred");
        builder.Property(p => p.SupplierSku).HasMaxLength(100);
        builder.HasOne<Supplier>().WithMany().HasForeignKey(p => p.SupplierId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Product>().WithMany().HasForeignKey(p => p.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PurchaseOrderConfiguration : IEntityTypeConfiguration<PurchaseOrder>
{
    public void Configure(EntityTypeBuilder<PurchaseOrder> builder)
    {
        builder.ToTable("purchase_orders");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Number).HasMaxLength(40);
        builder.HasIndex(o => o.Number).IsUnique();
        builder.Property(o => o.SiteCode).HasMaxLength(20);
        builder.Property(o => o.Currency).HasMaxLength(3);
        builder.HasIndex(o => new { o.SupplierId, o.CreatedAt });
        builder.HasIndex(o => new { o.LocationId, o.CreatedAt });
        // No FK to suppliers or locations: a PO pulled from the cloud may arrive before its supplier does.
        builder.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.PurchaseOrderId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PurchaseOrderLineConfiguration : IEntityTypeConfiguration<PurchaseOrderLine>
{
    public void Configure(EntityTypeBuilder<PurchaseOrderLine> builder)
    {
        builder.ToTable("purchase_order_lines");
        builder.HasKey(l => l.Id);
        builder.HasIndex(l => new { l.PurchaseOrderId, l.LineNumber });
        builder.HasIndex(l => l.ProductId);
        builder.Property(l => l.SupplierSku).HasMaxLength(100);
    }
}

internal sealed class DocumentCounterConfiguration : IEntityTypeConfiguration<DocumentCounter>
{
    public void Configure(EntityTypeBuilder<DocumentCounter> builder)
    {
        builder.ToTable("document_counters");
        builder.HasKey(c => c.Kind);
        builder.Property(c => c.Kind).HasMaxLength(40);
    }
}
