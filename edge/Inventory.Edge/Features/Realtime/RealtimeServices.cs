namespace Inventory.Edge.Features.Realtime;

public static class RealtimeServices
{
    public static IServiceCollection AddRealtime(this IServiceCollection services)
    {
        services.AddSignalR();
        services.AddSingleton<ChangeFeed>();
        services.AddHostedService<RealtimeBroadcaster>();
        return services;
    }

    public static void MapRealtime(this WebApplication app) => app.MapHub<InventoryHub>(InventoryHub.Path);
}
