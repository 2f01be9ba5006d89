namespace Inventory.Edge.Features.Purchasing.Receiving;

/// <summary>Receiving against purchase orders: /api/purchase-orders/{id}/receive and the receiving-variance report.</summary>
public static class ReceivingEndpoints
{
    public static IServiceCollection AddReceivingServices(this IServiceCollection services) => services;

    public static void MapReceivingEndpoints(this WebApplication app) => _ = app;
}
