using Inventory.Devices.Contracts;
using Inventory.Domain.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Inventory.Web.Auth;

namespace Inventory.Edge.Features.Scanning;

public static class ScanEndpoints
{
    public static IServiceCollection AddScanning(this IServiceCollection services)
    {
        services.AddSingleton<ScanCodeReader>();
        services.AddSingleton<ScanCatalog>();
        services.AddSingleton<ScanProcessor>();
        services.AddSingleton<CountScanMemory>();
        services.AddScoped<CountScans>();
        return services;
    }

    public static void MapScanningApi(this WebApplication app)
    {
        app.MapPost("/api/scan", Scan).RequirePermission(Permission.Scan).WithTags("Scanning").WithName("Scan")
            .WithSummary("Process a scan exactly as a device's MQTT scan is processed; the answer is the device's result.");
        app.MapPost("/api/products/{id:guid}/barcodes", BarcodeLink.LinkAsync).RequirePermission(Permission.EditCatalog).WithTags("Scanning")
            .WithName("LinkBarcode").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Link a code (e.g. one a scanner did not find) to a product.");
    }

    /// <summary>
    /// 200 with the result whether or not ok: a scan's failure ("Not found: …", short stock) is an answer
    /// for the person holding the scanner, the same one a device gets, not a transport error.
    /// </summary>
    private static async Task<Ok<ScanResult>> Scan(ScanRequest request, HttpContext http, ScanProcessor processor)
    {
        var user = http.User;
        var actor = new ScanActor(user.UserIdOf(), null, user.Can);
        return TypedResults.Ok(await processor.ProcessAsync(request, actor, http.RequestAborted));
    }
}
