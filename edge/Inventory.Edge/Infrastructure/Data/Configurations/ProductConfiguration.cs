using Inventory.Edge.Infrastructure.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inventory.Edge.Infrastructure.Data.Configurations;

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.ToTable("products");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Sku).HasMaxLength(50).UseCollation("NOCASE");
        builder.HasIndex(p => p.Sku).IsUnique();
        builder.Property(p => p.Name).HasMaxLength(255);
        builder.Property(p => p.Unit).HasMaxLength(20);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => p.CategoryId);
        builder.HasIndex(p => p.ParentId);
        builder.HasOne<Category>().WithMany().HasForeignKey(p => p.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Product>().WithMany().HasForeignKey(p => p.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Barcodes).WithOne().HasForeignKey(b => b.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}
