using Inventory.Edge.Infrastructure.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inventory.Edge.Infrastructure.Data.Configurations;

internal sealed class OutboxEntryConfiguration : IEntityTypeConfiguration<OutboxEntry>
{
    public void Configure(EntityTypeBuilder<OutboxEntry> builder)
    {
        builder.ToTable("sync_outbox");
        builder.HasKey(o => o.Seq);
        // AUTOINCREMENT: a seq is never reused, so the pushed cursor can never skip a row born after a rollback.
        builder.Property(o => o.Seq).ValueGeneratedOnAdd();
        builder.Property(o => o.Kind).HasMaxLength(16);
        builder.Property(o => o.Hlc).HasMaxLength(64);
        builder.Property(o => o.BaseHlc).HasMaxLength(64);
    }
}

internal sealed class SyncStateConfiguration : IEntityTypeConfiguration<SyncState>
{
    public void Configure(EntityTypeBuilder<SyncState> builder)
    {
        builder.ToTable("sync_state", t => t.HasCheckConstraint("ck_sync_state_single", "id = 1"));
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasData(new SyncState { Id = SyncState.SingleId });
    }
}

internal sealed class RemoteLevelConfiguration : IEntityTypeConfiguration<RemoteLevel>
{
    public void Configure(EntityTypeBuilder<RemoteLevel> builder)
    {
        builder.ToTable("remote_levels");
        builder.HasKey(r => new { r.ProductId, r.LocationId });
        builder.Property(r => r.SiteCode).HasMaxLength(10);
    }
}

internal sealed class TransferConfiguration : IEntityTypeConfiguration<Transfer>
{
    public void Configure(EntityTypeBuilder<Transfer> builder)
    {
        builder.ToTable("transfers");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.FromSite).HasMaxLength(10);
        builder.Property(t => t.ToSite).HasMaxLength(10);
        builder.Property(t => t.Status).HasMaxLength(16);
        builder.Property(t => t.Lot).HasMaxLength(50);
        builder.Property(t => t.Hlc).HasMaxLength(64);
        builder.HasIndex(t => new { t.Status, t.ShippedAt });
        // No FKs: a transfer names the other site's location and maybe a product not pulled yet.
    }
}
