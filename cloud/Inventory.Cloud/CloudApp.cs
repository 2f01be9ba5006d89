using Inventory.Cloud.Features.Auth;
using Inventory.Cloud.Features.Catalog;
using Inventory.Cloud.Features.Counting;
using Inventory.Cloud.Features.Lots;
using Inventory.Cloud.Features.Purchasing;
using Inventory.Cloud.Features.Realtime;
using Inventory.Cloud.Features.Sites;
using Inventory.Cloud.Features.Stock;
using Inventory.Cloud.Features.Sync;
using Inventory.Cloud.Features.Sync.Conflicts;
using Inventory.Cloud.Features.Users;
using Inventory.Cloud.Features.Web;
using Inventory.Cloud.Infrastructure.Data;
using Inventory.Domain.Accounts;
using Inventory.Web.Auth;
using Inventory.Web.Hosting;
using Inventory.Web.Http;
using Inventory.Web.Logging;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Inventory.Cloud;

/// <summary>Composition of the cloud hub; tests build the same app with their own settings.</summary>
public static class CloudApp
{
    public const int DefaultPort = 5090;

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        // Defaults under every other source, in code rather than an appsettings.json, so the cloud and the
        // edge can be loaded side by side (tests, benchmarks) without their files colliding.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?>
            {
                ["Serilog:MinimumLevel:Default"] = "Information",
                ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Warning",
                ["Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore"] = "Warning",
                ["Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime"] = "Information",
            },
        });
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls($"http://localhost:{DefaultPort}");
        }

        builder.Services.AddOptions<CloudOptions>().BindConfiguration(CloudOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.AddInventoryLogging(
            sp => Path.GetFullPath(sp.GetRequiredService<IConfiguration>()[$"{CloudOptions.Section}:LogDir"] ?? "logs"), "inventory-cloud");
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddInventoryHttp();
        builder.Services.AddCloudData(builder.Configuration);
        builder.Services.AddCloudSync();
        builder.Services.AddCloudPurchasing();
        builder.Services.AddCloudAuth();
        builder.Services.AddSingleton<UserStore>();
        builder.Services.AddSignalR();
        builder.Services.AddSingleton<CloudNotifications>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CloudNotifications>());
        builder.Services.AddCloudWeb();
        builder.Services.AddHealthChecks().AddCheck<PostgresHealthCheck>("postgresql");
        configure?.Invoke(builder);

        var app = builder.Build();
        var folders = app.Services.GetRequiredService<IOptions<CloudOptions>>().Value;
        PrivateFiles.Restrict(folders.LogDir, folders.SecretsDir);
        app.UseInventoryHttp();
        app.UseRequestDecompression();
        app.UseCloudWebFiles();
        app.UseAuthentication();
        app.UseInventoryBrowserCsrfCheck();
        app.UseAuthorization();

        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapInventoryOpenApi();
        app.MapTokenApi();
        app.MapUsersApi();
        app.MapSitesApi();
        app.MapSiteOverviewApi();
        app.MapCatalogApi();
        app.MapCategoriesApi();
        app.MapPurchasingApi();
        app.MapLotsApi();
        app.MapLotTraceApi();
        app.MapInventoryAccuracyApi();
        app.MapStockApi();
        app.MapMovementsApi();
        app.MapSyncApi();
        app.MapSyncReportsApi();
        app.MapHub<InventoryHub>(InventoryHub.Path).RequirePermission(Permission.ViewInventory);
        app.MapCloudWeb();
        return app;
    }
}

internal sealed class PostgresHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (NpgsqlException e)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL is unreachable.", e);
        }
    }
}
