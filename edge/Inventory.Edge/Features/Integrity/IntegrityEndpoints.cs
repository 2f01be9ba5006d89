using Inventory.Domain.Accounts;
using Inventory.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Inventory.Web.Http;

namespace Inventory.Edge.Features.Integrity;

public static class IntegrityEndpoints
{
    public static IServiceCollection AddIntegrity(this IServiceCollection services)
    {
        services.AddSingleton<IntegrityCheck>();
        services.AddSingleton<IntegrityService>();
        services.AddHostedService(sp => sp.GetRequiredService<IntegrityService>());
        return services;
    }

    public static void MapIntegrityApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/integrity").WithTags("Integrity").RequirePermission(Permission.RunIntegrityCheck);
        group.MapPost("/check", async (IntegrityService service, CancellationToken ct) => TypedResults.Ok(await service.RunOnceAsync(ct)))
            .WithName("RunIntegrityCheck")
            .WithSummary("Rebuild every level from the ledger now and report any difference.");
        group.MapGet("/last", Results<Ok<IntegrityReport>, ProblemHttpResult> (IntegrityService service) =>
                service.Last is { } last ? TypedResults.Ok(last) : Problems.NotFound("No check has run since the service started."))
            .WithName("GetLastIntegrityCheck").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The last check's report.");
    }
}
