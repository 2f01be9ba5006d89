using Inventory.Cloud.Infrastructure.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Cloud.Infrastructure.Data;

/// <summary>Cycle counts the sites pushed: read by the accuracy report across sites.</summary>
internal static class CountingModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CycleCount>(e =>
        {
            e.Property(c => c.Number).HasMaxLength(40);
            e.HasIndex(c => c.Number).IsUnique();
            e.Property(c => c.SiteCode).HasMaxLength(20);
            e.Property(c => c.Source).HasMaxLength(10);
            e.Property(c => c.AbcClass).HasMaxLength(1);
            e.Property(c => c.Status).HasMaxLength(20);
            e.HasIndex(c => new { c.SiteCode, c.CreatedAt });
            e.HasMany(c => c.Lines).WithOne().HasForeignKey(l => l.CountId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<CycleCountLine>(e =>
        {
            e.HasIndex(l => l.CountId);
            e.Property(l => l.Bin).HasMaxLength(50);
            e.Property(l => l.Lot).HasMaxLength(50);
            e.Property(l => l.AbcClass).HasMaxLength(1);
            e.Property(l => l.Status).HasMaxLength(20);
            e.Property(l => l.Decision).HasMaxLength(20);
            e.Property(l => l.ApprovalReason).HasMaxLength(500);
            e.Property(l => l.UnitCost).HasPrecision(14, 4);
            e.HasIndex(l => new { l.Status, l.CountedAt });
        });
    }
}
