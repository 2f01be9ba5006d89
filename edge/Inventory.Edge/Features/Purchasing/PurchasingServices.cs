using Inventory.Edge.Features.Purchasing.Receiving;

namespace Inventory.Edge.Features.Purchasing;

public static class PurchasingServices
{
    public static IServiceCollection AddPurchasing(this IServiceCollection services)
    {
        services.AddScoped<PurchaseOrderReader>();
        services.AddSupplierServices();
        services.AddPurchaseOrderServices();
        services.AddReceivingServices();
        return services;
    }

    public static void MapPurchasingApi(this WebApplication app)
    {
        app.MapSupplierEndpoints();
        app.MapPurchaseOrderEndpoints();
        app.MapReceivingEndpoints();
    }
}
