namespace Inventory.Edge.Features.Catalog;

public static class CatalogServices
{
    public static IServiceCollection AddCatalog(this IServiceCollection services)
    {
        services.AddSingleton<ProductSearch>();
        return services;
    }

    public static void MapCatalogApi(this WebApplication app)
    {
        app.MapGroup("/api/products").WithTags("Catalog").MapProductApi();
        app.MapCategoryApi();
    }
}
