using Inventory.Edge.Features.Auth;
using Inventory.Sync;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Web.Auth;
using Microsoft.Extensions.Options;

namespace Inventory.Edge.Features.Sync;

public static class SyncServices
{
    public static IServiceCollection AddSync(this IServiceCollection services)
    {
        services.AddOptions<CloudOptions>()
            .BindConfiguration(CloudOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // One clock per box, its node the site code: every stamp this box makes sorts after every stamp it has seen.
        services.AddSingleton(sp => new HybridLogicalClock(
            sp.GetRequiredService<IOptions<EdgeOptions>>().Value.Site.Code, sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<ClockSeeder>();
        services.AddSingleton<SyncSignal>();
        services.AddSingleton<OutboxInterceptor>();
        services.AddSingleton<IEdgeDbInterceptor>(sp => sp.GetRequiredService<OutboxInterceptor>());
        services.AddSingleton<SyncStateStore>();
        services.AddSingleton<PushReader>();
        services.AddSingleton<ChangeApplier>();
        services.AddSingleton<CloudClient>();
        services.AddHttpClient(CloudClient.HttpClientName, (sp, client) =>
            {
                var site = sp.GetRequiredService<IOptions<EdgeOptions>>().Value.Site.Code;
                var cloud = sp.GetRequiredService<IOptions<CloudOptions>>().Value;
                if (cloud.Enabled)
                {
                    CloudClient.Configure(client, cloud, string.IsNullOrWhiteSpace(cloud.SiteCode) ? site : cloud.SiteCode);
                }
            })
            // The factory's request logs would add four lines per long poll; the agent logs what matters.
            .RemoveAllLoggers();
        services.AddSingleton<SyncAgent>();
        services.AddHostedService(sp => sp.GetRequiredService<SyncAgent>());
        return services;
    }

    public static void MapSyncApi(this WebApplication app) =>
        app.MapGet("/api/sync/status", SyncStatusEndpoint.GetAsync)
            .RequirePermission(Domain.Accounts.Permission.ViewDiagnostics)
            .WithTags("Sync")
            .WithName("GetSyncStatus")
            .WithSummary("Replication with the cloud: last push and pull, what waits to be pushed, the last error, the next retry.");
}
