using Inventory.Edge.Infrastructure.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inventory.Edge.Infrastructure.Data.Configurations;

internal sealed class ReorderAlertConfiguration : IEntityTypeConfiguration<ReorderAlert>
{
    public void Configure(EntityTypeBuilder<ReorderAlert> builder)
    {
        builder.ToTable("reorder_alerts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Status).HasMaxLength(8);
        // The rule "one open alert per product and location" lives in the database, so no code path can break it.
        builder.HasIndex(a => new { a.ProductId, a.LocationId }).IsUnique().HasFilter("status = 'open'")
            .HasDatabaseName("ix_reorder_alerts_open");
        builder.HasIndex(a => new { a.Status, a.OpenedAt });
    }
}

internal sealed class MailOutboxMessageConfiguration : IEntityTypeConfiguration<MailOutboxMessage>
{
    public void Configure(EntityTypeBuilder<MailOutboxMessage> builder)
    {
        builder.ToTable("mail_outbox");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedOnAdd();
        builder.HasIndex(m => m.NextAttemptAt).HasFilter("sent_at IS NULL").HasDatabaseName("ix_mail_outbox_due");
        builder.HasIndex(m => m.AlertId);
        builder.HasIndex(m => m.PurchaseOrderId).IsUnique().HasFilter("purchase_order_id IS NOT NULL");
    }
}

internal sealed class LocationAlertRecipientsConfiguration : IEntityTypeConfiguration<LocationAlertRecipients>
{
    public void Configure(EntityTypeBuilder<LocationAlertRecipients> builder)
    {
        builder.ToTable("location_alert_recipients");
        builder.HasKey(r => r.LocationId);
        builder.HasOne<Location>().WithMany().HasForeignKey(r => r.LocationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ExpiryAlertConfiguration : IEntityTypeConfiguration<ExpiryAlert>
{
    public void Configure(EntityTypeBuilder<ExpiryAlert> builder)
    {
        builder.ToTable("expiry_alerts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Lot).HasMaxLength(50);
        builder.Property(a => a.Kind).HasMaxLength(8);
        builder.Property(a => a.Status).HasMaxLength(8);
        // Once per lot, location, kind and expiry date: the daily scan inserts with ON CONFLICT DO NOTHING.
        builder.HasIndex(a => new { a.ProductId, a.LocationId, a.Lot, a.Kind, a.Expiry }).IsUnique()
            .HasDatabaseName("ix_expiry_alerts_once");
        builder.HasIndex(a => new { a.Status, a.OpenedAt });
    }
}
