using Inventory.Edge.Infrastructure.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inventory.Edge.Infrastructure.Data.Configurations;

internal sealed class StockLevelConfiguration : IEntityTypeConfiguration<StockLevel>
{
    public void Configure(EntityTypeBuilder<StockLevel> builder)
    {
        builder.ToTable("stock_levels", t => t.HasCheckConstraint("ck_level_reserved", "reserved >= 0"));
        builder.HasKey(l => new { l.ProductId, l.LocationId, l.Bin, l.Lot });
        builder.Property(l => l.Bin).HasMaxLength(50);
        builder.Property(l => l.Lot).HasMaxLength(50);
        builder.HasIndex(l => new { l.LocationId, l.ProductId });
    }
}
