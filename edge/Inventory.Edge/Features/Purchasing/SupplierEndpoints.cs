namespace Inventory.Edge.Features.Purchasing;

/// <summary>Suppliers and their products and prices: /api/suppliers.</summary>
public static class SupplierEndpoints
{
    public static IServiceCollection AddSupplierServices(this IServiceCollection services) => services;

    public static void MapSupplierEndpoints(this WebApplication app) => _ = app;
}
