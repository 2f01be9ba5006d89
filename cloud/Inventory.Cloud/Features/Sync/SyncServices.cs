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
        services.AddSingleton<CloudWrites>();
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
