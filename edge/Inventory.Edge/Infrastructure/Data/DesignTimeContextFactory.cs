using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Inventory.Edge.Infrastructure.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the service.</summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<EdgeDbContext>
{
    public EdgeDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<EdgeDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
