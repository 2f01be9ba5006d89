using System.ComponentModel.DataAnnotations;

namespace Inventory.Edge.Features.Counting.Plans;

/// <summary>The "Inventory:Counting" section.</summary>
public sealed class CountingOptions
{
    public const string Section = "Inventory:Counting";

    /// <summary>
    /// The time of day (UTC) the scheduler makes the day's plan counts; it also runs once at start, so a box switched on
    /// after that time still gets today's counts. A day is made once whatever the number of runs.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "23:59:59")]
    public TimeSpan ScheduleAt { get; set; } = TimeSpan.FromHours(5);
}
