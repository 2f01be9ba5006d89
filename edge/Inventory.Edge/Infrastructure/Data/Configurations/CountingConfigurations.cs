using Inventory.Edge.Infrastructure.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inventory.Edge.Infrastructure.Data.Configurations;

internal sealed class CountPlanConfiguration : IEntityTypeConfiguration<CountPlan>
{
    public void Configure(EntityTypeBuilder<CountPlan> builder)
    {
        builder.ToTable("count_plans");
        builder.HasKey(p => p.LocationId);
        builder.Property(p => p.WorkingDays).HasMaxLength(20);
        builder.HasOne<Location>().WithMany().HasForeignKey(p => p.LocationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Rules).WithOne().HasForeignKey(r => r.LocationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CountPlanRuleConfiguration : IEntityTypeConfiguration<CountPlanRule>
{
    public void Configure(EntityTypeBuilder<CountPlanRule> builder)
    {
        builder.ToTable("count_plan_rules");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Name).HasMaxLength(100);
        builder.Property(r => r.Bins).HasMaxLength(4000);
        builder.HasIndex(r => r.LocationId);
    }
}

internal sealed class CycleCountConfiguration : IEntityTypeConfiguration<CycleCount>
{
    public void Configure(EntityTypeBuilder<CycleCount> builder)
    {
        builder.ToTable("cycle_counts");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Number).HasMaxLength(40);
        builder.HasIndex(c => c.Number).IsUnique();
        builder.Property(c => c.Source).HasMaxLength(10);
        builder.Property(c => c.AbcClass).HasMaxLength(1);
        builder.Property(c => c.Bins).HasMaxLength(4000);
        builder.Property(c => c.Status).HasMaxLength(20);
        builder.HasIndex(c => new { c.Status, c.CreatedAt });
        builder.HasIndex(c => new { c.LocationId, c.CreatedAt });
        builder.HasMany(c => c.Lines).WithOne().HasForeignKey(l => l.CountId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CycleCountLineConfiguration : IEntityTypeConfiguration<CycleCountLine>
{
    public void Configure(EntityTypeBuilder<CycleCountLine> builder)
    {
        builder.ToTable("cycle_count_lines");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Bin).HasMaxLength(50);
        builder.Property(l => l.Lot).HasMaxLength(50);
        builder.Property(l => l.AbcClass).HasMaxLength(1);
        builder.Property(l => l.Status).HasMaxLength(20);
        builder.Property(l => l.Decision).HasMaxLength(20);
        builder.Property(l => l.ApprovalReason).HasMaxLength(500);
        // A scan finds its line by count, product and bin: without the product and bin, every scan into a 20,000-line count
        // read all of its lines. The composite also serves lookups by count alone.
        builder.HasIndex(l => new { l.CountId, l.ProductId, l.Bin });
        // Never two open counts of the same stock: the database refuses the second (the API answers 409).
        builder.HasIndex(l => new { l.LocationId, l.ProductId, l.Bin, l.Lot }).IsUnique()
            .HasFilter("status IN ('pending', 'counted', 'needs_approval')").HasDatabaseName("ix_cycle_count_lines_open");
        builder.HasIndex(l => new { l.Status, l.CountedAt });
    }
}
