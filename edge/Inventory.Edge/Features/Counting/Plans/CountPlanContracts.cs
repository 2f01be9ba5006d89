using System.Text.Json.Serialization;

namespace Inventory.Edge.Features.Counting.Plans;

/// <summary>A value per ABC class on the wire: <c>{"A":30,"B":90,"C":365}</c> (upper-case keys, as the contract writes them).</summary>
public sealed record ClassValues<T>(
    [property: JsonPropertyName("A")] T A,
    [property: JsonPropertyName("B")] T B,
    [property: JsonPropertyName("C")] T C);

/// <summary>Per-class values someone asked for; a class left out takes CountPolicy.Default's value.</summary>
public sealed record ClassValuesRequest<T>(
    [property: JsonPropertyName("A")] T? A,
    [property: JsonPropertyName("B")] T? B,
    [property: JsonPropertyName("C")] T? C)
    where T : struct;

/// <summary>
/// PUT /api/count-plans/{locationId}: the whole plan; every part left out takes CountPolicy.Default's value
/// (A 30 / B 90 / C 365 days, ±1 / 3 / 5 %, no value threshold, Monday to Friday, enabled).
/// </summary>
public sealed record CountPlanRequest(
    ClassValuesRequest<int>? FrequencyDays,
    ClassValuesRequest<decimal>? TolerancePercent,
    decimal? ValueThreshold,
    IReadOnlyList<string>? WorkingDays,
    bool? Enabled);

/// <summary>POST /api/count-plans/{locationId}/rules: an extra plan for a category's products or some bins.</summary>
public sealed record CountPlanRuleRequest(string? Name, Guid? CategoryId, IReadOnlyList<string>? Bins, int? FrequencyDays);

public sealed record CountPlanRuleView(Guid Id, string Name, Guid? CategoryId, IReadOnlyList<string>? Bins, int FrequencyDays);

/// <summary>A location's plan; <c>scheduledThrough</c> is the last day the scheduler made that location's counts.</summary>
public sealed record CountPlanView(
    Guid LocationId,
    string LocationCode,
    bool Enabled,
    ClassValues<int> FrequencyDays,
    ClassValues<decimal> TolerancePercent,
    decimal? ValueThreshold,
    IReadOnlyList<string> WorkingDays,
    DateOnly StartedOn,
    DateOnly? ScheduledThrough,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<CountPlanRuleView> Rules);

/// <summary>One count the plan made today, with its progress (lines with a figure of all lines).</summary>
public sealed record TodaysCountView(Guid Id, string Number, string Status, int LinesCounted, int LinesTotal, DateTimeOffset CreatedAt);

public sealed record TodaysLocationView(Guid LocationId, string LocationCode, string LocationName, bool Enabled, IReadOnlyList<TodaysCountView> Counts);

public sealed record TodaysCounts(DateOnly Day, IReadOnlyList<TodaysLocationView> Locations);
