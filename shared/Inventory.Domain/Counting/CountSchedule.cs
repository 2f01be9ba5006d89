namespace Inventory.Domain.Counting;

/// <summary>One product-bin-lot of a location as the scheduler sees it.</summary>
/// <param name="Key">Stable identity (product, bin, lot), also the tie-break of the order.</param>
/// <param name="PeriodDays">How often it must be counted: its class's frequency, or a shorter extra plan's.</param>
/// <param name="LastCounted">The day of its last count (by plan or by hand); null when never counted.</param>
public sealed record CountItem(string Key, int PeriodDays, DateOnly? LastCounted);

/// <summary>
/// Which stock a location's plan counts on a given day, so every item is counted within its period and the work is
/// spread evenly over working days.
/// <para>
/// Periods are kept in working days (30 calendar days with a five-day week = 21 working days), so a cycle that starts
/// on a Tuesday comes back on a working day and weekends never pile their share onto Monday. An item counted before is
/// due when that many working days have passed since its last count. An item never counted gets a first due day spread
/// over the first period: items of the same period (counted or not) are ranked by key and the k-th of n is due on
/// working day ⌊k·W/n⌋ of that period since the plan started, so 20,000 new bins are not all due on the plan's first
/// day. An item already in an open count is skipped (it is being counted). Pure: the caller passes the day, so a
/// simulated year is a loop.
/// </para>
/// </summary>
public static class CountSchedule
{
    public static IReadOnlyList<CountItem> DueOn(
        DateOnly day, DateOnly planStart, IEnumerable<CountItem> items, CountPolicy policy, ISet<string>? inOpenCounts = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(policy);
        if (!policy.IsWorkingDay(day))
        {
            return [];
        }

        var due = new List<CountItem>();
        foreach (var group in items.GroupBy(i => i.PeriodDays))
        {
            var period = Math.Max(1, group.Key);
            // Ranked among every item of the period, counted or not, so counting some never moves the others' first day.
            var ranked = group.OrderBy(i => i.Key, StringComparer.Ordinal).ToList();
            var workingDays = WorkingDaysFrom(planStart, period, policy);
            for (var k = 0; k < ranked.Count; k++)
            {
                if (ranked[k].LastCounted is null && workingDays[(int)((long)k * workingDays.Count / ranked.Count)] <= day)
                {
                    due.Add(ranked[k]);
                }
            }

            var periodWorkingDays = policy.WorkingDaysIn(period);
            due.AddRange(group.Where(i => i.LastCounted is { } last && policy.WorkingDaysAfter(last, day) >= periodWorkingDays));
        }

        return [.. due.Where(i => inOpenCounts is null || !inOpenCounts.Contains(i.Key)).OrderBy(i => i.Key, StringComparer.Ordinal)];
    }

    /// <summary>The working days of [start, start + period), at least one (the first working day on or after start).</summary>
    private static List<DateOnly> WorkingDaysFrom(DateOnly start, int period, CountPolicy policy)
    {
        var days = new List<DateOnly>();
        for (var d = start; d < start.AddDays(period); d = d.AddDays(1))
        {
            if (policy.IsWorkingDay(d))
            {
                days.Add(d);
            }
        }

        if (days.Count == 0)
        {
            var next = start;
            while (!policy.IsWorkingDay(next))
            {
                next = next.AddDays(1);
            }

            days.Add(next);
        }

        return days;
    }
}
