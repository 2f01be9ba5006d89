using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Inventory.Cloud.Infrastructure.Data;

/// <summary>For `dotnet ef migrations add`: the model only, no server is contacted.</summary>
internal sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<CloudDbContext>
{
    public CloudDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CloudDbContext>()
            .UseNpgsql("Host=localhost;Database=inventory_design")
            .UseSnakeCaseNamingConvention()
            .Options);
}
