using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Inventory.Web.Http;

/// <summary>The HTTP conventions every Inventory service shares, so errors and JSON look the same everywhere.</summary>
public static class HttpServices
{
    public static IServiceCollection AddInventoryHttp(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddOpenApi("v1", o => o.AddFileResponses());
        // A malformed body throws so the exception handler can answer with what was wrong, not a bare 400.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip;
            // {"quantity":1,"quantity":1000} is a client's mistake or a smuggling attempt, never "the last one wins".
            o.SerializerOptions.AllowDuplicateProperties = false;
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        });
        return services;
    }

    /// <summary>Security headers, problem details for exceptions and bare status codes, then one log line per request.</summary>
    public static IApplicationBuilder UseInventoryHttp(this IApplicationBuilder app)
    {
        app.UseInventorySecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSerilogRequestLoggingWithoutSecrets();
        return app;
    }

    /// <summary>The OpenAPI document at /openapi/v1.json, readable without signing in.</summary>
    public static IEndpointConventionBuilder MapInventoryOpenApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
}
