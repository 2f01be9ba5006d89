using Inventory.Cloud.Features.Catalog;
using Inventory.Cloud.Features.Sync.Feed;
using Inventory.Cloud.Features.Sync.Projections;
using Inventory.Cloud.Features.Sync.Push;
using Inventory.Cloud.Features.Users;
using Inventory.Sync;
using Microsoft.AspNetCore.Authentication;

namespace Inventory.Cloud.Features.Sync;

public static class SyncServices
{
    public const string CloudNode = "cloud";

    public static IServiceCollection AddCloudSync(this IServiceCollection services)
    {
        services.AddSingleton(sp => new HybridLogicalClock(CloudNode, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<PushApplier>();
        services.AddSingleton<LevelSummaryPublisher>();
        services.AddHostedService(sp => sp.GetRequiredService<LevelSummaryPublisher>());
        services.AddSingleton<FeedReader>();
        services.AddSingleton<SiteContact>();
        services.AddSingleton<CloudEdits>();
        // The catalog's and the accounts' writers: cloud edits go onto the feed like a site's, through CloudEdits.
        services.AddSingleton<CloudWrites>();
        services.AddSingleton<UserWrites>();
        services.AddSingleton<FeedSignal>();
        services.AddHostedService(sp => sp.GetRequiredService<FeedSignal>());
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, SiteAuthenticationHandler>(SiteAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(SyncEndpoints.SitePolicy, p => p
            .AddAuthenticationSchemes(SiteAuthenticationHandler.SchemeName)
            .RequireClaim(SiteAuthenticationHandler.SiteClaim));
        services.AddRequestDecompression();
        return services;
    }
}
