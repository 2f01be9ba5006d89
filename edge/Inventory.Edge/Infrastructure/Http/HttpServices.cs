using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;

namespace Inventory.Edge.Infrastructure.Http;

public static class HttpServices
{
    public static IServiceCollection AddEdgeHttp(this IServiceCollection services, IConfiguration configuration)
    {
        // Keys for cookies and antiforgery live with the box's other state, not in the service user's home
        // (ProtectHome=yes under systemd hides it).
        services.AddDataProtection()
            .SetApplicationName("inventory-edge")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(EdgeOptions.DataDirFrom(configuration), "keys")));
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddOpenApi("v1");
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        // A malformed body throws so the exception handler can answer with what was wrong, not a bare 400.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip;
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        });
        return services;
    }

    public static WebApplication UseEdgeHttp(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSerilogRequestLoggingWithoutSecrets();
        return app;
    }

    public static WebApplication MapEdgeHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        return app;
    }
}
