using Inventory.Edge.Infrastructure.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inventory.Edge.Infrastructure.Data.Configurations;

internal sealed class LotConfiguration : IEntityTypeConfiguration<Lot>
{
    public void Configure(EntityTypeBuilder<Lot> builder)
    {
        builder.ToTable("lots");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Code).HasMaxLength(50);
        builder.HasIndex(l => new { l.ProductId, l.Code }).IsUnique();
        builder.Property(l => l.Status).HasMaxLength(12);
        // The writer asks "which lots of this product are held" on every take: a small partial index answers it.
        builder.HasIndex(l => l.ProductId).HasFilter("status = 'hold'").HasDatabaseName("ix_lots_held");
        builder.HasIndex(l => l.Expiry);
        // No FK to products: a lot pulled from the cloud may arrive before its product does.
    }
}
