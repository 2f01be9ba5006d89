using Inventory.Web.Http;
using Microsoft.AspNetCore.DataProtection;

namespace Inventory.Edge.Infrastructure.Http;

/// <summary>The shared HTTP conventions plus what only the edge has: keys in the data dir, the database health check.</summary>
public static class HttpServices
{
    public static IServiceCollection AddEdgeHttp(this IServiceCollection services, IConfiguration configuration)
    {
        // Keys for cookies and antiforgery live with the box's other state, not in the service user's home
        // (ProtectHome=yes under systemd hides it).
        services.AddDataProtection()
            .SetApplicationName("inventory-edge")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(EdgeOptions.DataDirFrom(configuration), "keys")));
        services.AddInventoryHttp();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    public static WebApplication UseEdgeHttp(this WebApplication app)
    {
        app.UseInventoryHttp();
        return app;
    }

    public static WebApplication MapEdgeHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapInventoryOpenApi();
        return app;
    }
}
