using Inventory.Edge.Infrastructure.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inventory.Edge.Infrastructure.Data.Configurations;

internal sealed class ProductBarcodeConfiguration : IEntityTypeConfiguration<ProductBarcode>
{
    public void Configure(EntityTypeBuilder<ProductBarcode> builder)
    {
        builder.ToTable("product_barcodes", t => t.HasCheckConstraint("ck_barcode_pack", "pack_quantity >= 1"));
        builder.HasKey(b => b.Code);
        builder.Property(b => b.Code).HasMaxLength(64);
        builder.Property(b => b.Kind).HasMaxLength(8);
        builder.HasIndex(b => b.ProductId);
    }
}
