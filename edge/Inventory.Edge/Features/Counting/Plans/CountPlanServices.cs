namespace Inventory.Edge.Features.Counting.Plans;

/// <summary>Count plans, the daily scheduler and today's plan counts (docs/features/counting.md, "Count plans and the scheduler").</summary>
public static class CountPlanServices
{
    public static IServiceCollection AddCountPlans(this IServiceCollection services)
    {
        services.AddOptions<CountingOptions>().BindConfiguration(CountingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CountScheduler>();
        services.AddHostedService<CountSchedulerService>();
        services.AddScoped<TodaysPlanCounts>();
        return services;
    }
}
