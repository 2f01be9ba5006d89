using Inventory.Edge.Infrastructure.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inventory.Edge.Infrastructure.Data.Configurations;

internal sealed class SyncConflictConfiguration : IEntityTypeConfiguration<SyncConflict>
{
    public void Configure(EntityTypeBuilder<SyncConflict> builder)
    {
        builder.ToTable("sync_conflicts");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedOnAdd();
        builder.Property(c => c.Kind).HasMaxLength(16);
        builder.Property(c => c.Hlc).HasMaxLength(64);
        builder.Property(c => c.KeptHlc).HasMaxLength(64);
        // A re-pulled page (after a crash, or a reset cursor) must not log the same refusal twice.
        builder.HasIndex(c => new { c.EntityId, c.Hlc }).IsUnique();
    }
}
