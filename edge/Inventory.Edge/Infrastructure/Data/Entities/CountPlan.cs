namespace Inventory.Edge.Infrastructure.Data.Entities;

/// <summary>
/// How one location is cycle counted (Inventory.Domain.Counting.CountPolicy): frequency and tolerance per ABC class,
/// an optional value threshold, the working days, and when the plan started (the scheduler spreads first counts over
/// the first period from then). A location without a row has no plan: nothing is scheduled there.
/// </summary>
public sealed class CountPlan
{
    public Guid LocationId { get; set; }
    public bool Enabled { get; set; } = true;
    public int FrequencyA { get; set; } = 30;
    public int FrequencyB { get; set; } = 90;
    public int FrequencyC { get; set; } = 365;
    public decimal ToleranceA { get; set; } = 1m;
    public decimal ToleranceB { get; set; } = 3m;
    public decimal ToleranceC { get; set; } = 5m;
    public decimal? ValueThreshold { get; set; }

    /// <summary>ISO day numbers, comma-separated: "1,2,3,4,5" is Monday to Friday.</summary>
    public string WorkingDays { get; set; } = "1,2,3,4,5";

    public DateOnly StartedOn { get; set; }

    /// <summary>The last day the scheduler made this location's counts: it makes a day's counts once.</summary>
    public DateOnly? ScheduledThrough { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
    public List<CountPlanRule> Rules { get; set; } = [];
}

/// <summary>An extra plan of a location: the products of a category, or some bins, counted every <see cref="FrequencyDays"/>.</summary>
public sealed class CountPlanRule
{
    public Guid Id { get; set; }
    public Guid LocationId { get; set; }
    public required string Name { get; set; }
    public Guid? CategoryId { get; set; }

    /// <summary>Bin codes, comma-separated; null = every bin.</summary>
    public string? Bins { get; set; }

    public int FrequencyDays { get; set; }
}
