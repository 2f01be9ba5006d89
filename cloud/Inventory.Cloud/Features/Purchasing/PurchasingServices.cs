namespace Inventory.Cloud.Features.Purchasing;

public static class PurchasingServices
{
    public static IServiceCollection AddCloudPurchasing(this IServiceCollection services) => services.AddSingleton<PurchasingWrites>();

    public static IEndpointRouteBuilder MapPurchasingApi(this IEndpointRouteBuilder app)
    {
        app.MapSuppliersApi();
        app.MapPurchaseOrdersApi();
        return app;
    }
}
