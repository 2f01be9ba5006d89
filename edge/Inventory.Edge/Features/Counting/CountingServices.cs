using Inventory.Edge.Features.Counting.Plans;

namespace Inventory.Edge.Features.Counting;

/// <summary>Cycle counting at the box: plans, counts, counting by scan, approval and accuracy (docs/features/counting.md).</summary>
public static class CountingServices
{
    public static IServiceCollection AddCounting(this IServiceCollection services)
    {
        services.AddSingleton<AbcClasses>();
        services.AddScoped<CycleCountFactory>();
        services.AddCountPlans();
        services.AddScoped<CycleCountReader>();
        services.AddScoped<CountPosting>();
        services.AddScoped<CycleCounting>();
        services.AddSingleton<CountScanMemory>();
        services.AddScoped<CountScans>();
        return services;
    }

    public static void MapCountingApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapCountPlanEndpoints();
        app.MapCycleCountEndpoints();
    }
}
