using Inventory.Edge.Infrastructure.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inventory.Edge.Infrastructure.Data.Configurations;

internal sealed class LocationConfiguration : IEntityTypeConfiguration<Location>
{
    public void Configure(EntityTypeBuilder<Location> builder)
    {
        builder.ToTable("locations");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Code).HasMaxLength(10).UseCollation("NOCASE");
        // Codes are unique within a site; other sites' locations (pulled from the cloud) may reuse a code.
        builder.HasIndex(l => new { l.SiteCode, l.Code }).IsUnique();
        builder.Property(l => l.Name).HasMaxLength(100);
        builder.Property(l => l.Type).HasMaxLength(24);
        builder.Property(l => l.SiteCode).HasMaxLength(10);
        builder.Property(l => l.Version).IsConcurrencyToken();
    }
}
