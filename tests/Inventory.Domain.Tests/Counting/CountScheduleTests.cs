using Inventory.Domain.Counting;

namespace Inventory.Domain.Tests.Counting;

public sealed class CountScheduleTests
{
    private static readonly DateOnly Start = new(2027, 1, 4); // a Monday

    [Fact]
    public void Over_a_simulated_year_A_is_counted_12_times_B_4_and_C_once_spread_over_working_days()
    {
        var policy = CountPolicy.Default;
        var items = new Dictionary<string, CountItem>();
        foreach (var (cls, n) in new[] { ("A", 40), ("B", 120), ("C", 600) })
        {
            for (var i = 0; i < n; i++)
            {
                var key = $"{cls}-{i:D4}";
                items[key] = new CountItem(key, policy.FrequencyDays.Of(cls), null);
            }
        }

        var counts = items.Keys.ToDictionary(k => k, _ => 0);
        var perDay = new List<int>();
        for (var day = Start; day < Start.AddDays(365); day = day.AddDays(1))
        {
            var due = CountSchedule.DueOn(day, Start, items.Values, policy);
            Assert.True(policy.IsWorkingDay(day) || due.Count == 0, $"Nothing is due on {day:ddd}.");
            Assert.Equal(due.Count, due.Select(d => d.Key).Distinct().Count());
            foreach (var item in due)
            {
                counts[item.Key]++;
                items[item.Key] = item with { LastCounted = day };
            }

            if (policy.IsWorkingDay(day))
            {
                perDay.Add(due.Count);
            }
        }

        Assert.All(counts.Where(c => c.Key[0] == 'A'), c => Assert.InRange(c.Value, 11, 13));
        Assert.All(counts.Where(c => c.Key[0] == 'B'), c => Assert.InRange(c.Value, 3, 5));
        Assert.All(counts.Where(c => c.Key[0] == 'C'), c => Assert.Equal(1, c.Value));
        // Even: about 40/21 + 120/64 + 600/261 ≈ 6 a working day; never a first-day avalanche.
        Assert.True(perDay.Max() <= 12, $"At most 12 counts on one day, got {perDay.Max()}.");
    }

    [Fact]
    public void An_item_in_an_open_count_is_not_due_again()
    {
        var item = new CountItem("p|bin|", 30, Start.AddDays(-40));
        Assert.Single(CountSchedule.DueOn(Start, Start, [item], CountPolicy.Default));
        Assert.Empty(CountSchedule.DueOn(Start, Start, [item], CountPolicy.Default, new HashSet<string> { item.Key }));
    }

    [Fact]
    public void Nothing_is_due_on_a_weekend_and_a_weekend_due_day_moves_to_monday()
    {
        var item = new CountItem("x", 30, Start.AddDays(-30 - 2)); // due on Saturday 2 January
        Assert.Empty(CountSchedule.DueOn(Start.AddDays(-2), Start, [item], CountPolicy.Default));
        Assert.Single(CountSchedule.DueOn(Start, Start, [item], CountPolicy.Default));
    }
}
