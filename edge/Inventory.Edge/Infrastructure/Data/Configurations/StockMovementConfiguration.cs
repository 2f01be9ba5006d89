using Inventory.Edge.Infrastructure.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inventory.Edge.Infrastructure.Data.Configurations;

internal sealed class StockMovementConfiguration : IEntityTypeConfiguration<StockMovement>
{
    public void Configure(EntityTypeBuilder<StockMovement> builder)
    {
        builder.ToTable("stock_movements");
        builder.HasKey(m => m.Seq);
        builder.Property(m => m.Seq).ValueGeneratedOnAdd();
        builder.HasIndex(m => m.Id).IsUnique();
        builder.Property(m => m.Type).HasMaxLength(16);
        builder.Property(m => m.Bin).HasMaxLength(50);
        builder.Property(m => m.Lot).HasMaxLength(50);
        builder.Property(m => m.Expiry).HasMaxLength(10);
        builder.HasIndex(m => new { m.ProductId, m.LocationId, m.Seq });
        builder.HasIndex(m => new { m.LocationId, m.Seq });
        builder.HasIndex(m => m.OccurredAt);
        // A lot's trace reads every movement of one (product, lot) in ledger order: one index range.
        builder.HasIndex(m => new { m.ProductId, m.Lot, m.Seq });
        // Documents sum their lines over the ledger ("received" of a PO line): one index range per document.
        builder.HasIndex(m => new { m.ReferenceType, m.ReferenceId });
        // No FK to products/locations: a ledger line outlives everything it names, and the writer checks them.
    }
}
