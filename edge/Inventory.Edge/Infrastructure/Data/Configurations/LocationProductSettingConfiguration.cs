using Inventory.Edge.Infrastructure.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inventory.Edge.Infrastructure.Data.Configurations;

internal sealed class LocationProductSettingConfiguration : IEntityTypeConfiguration<LocationProductSetting>
{
    public void Configure(EntityTypeBuilder<LocationProductSetting> builder)
    {
        builder.ToTable("location_product_settings");
        builder.HasKey(s => new { s.ProductId, s.LocationId });
        builder.HasOne<Location>().WithMany().HasForeignKey(s => s.LocationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Product>().WithMany().HasForeignKey(s => s.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}
