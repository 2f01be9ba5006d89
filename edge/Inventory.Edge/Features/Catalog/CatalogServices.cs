using Inventory.Edge.Features.Catalog.Csv;

namespace Inventory.Edge.Features.Catalog;

public static class CatalogServices
{
    public static IServiceCollection AddCatalog(this IServiceCollection services)
    {
        services.AddSingleton<ProductSearch>();
        services.AddSingleton<ImportJobs>();
        services.AddSingleton<ProductImporter>();
        services.AddHostedService<ProductImportWorker>();
        return services;
    }

    public static void MapCatalogApi(this WebApplication app)
    {
        var products = app.MapGroup("/api/products").WithTags("Catalog");
        products.MapProductApi();
        // Literal segments outrank parameters in routing, and {id:guid} cannot match "export.csv" anyway.
        products.MapProductCsvApi();
        app.MapCategoryApi();
    }
}
