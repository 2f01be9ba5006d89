using Inventory.Edge.Infrastructure.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inventory.Edge.Infrastructure.Data.Configurations;

internal sealed class DeviceConfiguration : IEntityTypeConfiguration<Device>
{
    public void Configure(EntityTypeBuilder<Device> builder)
    {
        builder.ToTable("devices");
        builder.HasKey(d => d.Id);
        // MQTT usernames and topic levels are case-sensitive: "S1" and "s1" are two devices' topics.
        builder.Property(d => d.Id).HasMaxLength(32);
        builder.Property(d => d.Kind).HasMaxLength(16);
        builder.Property(d => d.Name).HasMaxLength(100);
        builder.Property(d => d.SecretHash).HasMaxLength(128);
    }
}
