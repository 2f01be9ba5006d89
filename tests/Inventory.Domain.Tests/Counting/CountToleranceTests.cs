using Inventory.Domain.Counting;

namespace Inventory.Domain.Tests.Counting;

public sealed class CountToleranceTests
{
    [Theory]
    [InlineData("A", 100, 99, true)]
    [InlineData("A", 100, 98, false)]
    [InlineData("B", 100, 103, true)]
    [InlineData("B", 100, 104, false)]
    [InlineData("C", 100, 95, true)]
    [InlineData("C", 100, 94, false)]
    [InlineData("C", 0, 1, false)]
    [InlineData("A", 0, 0, true)]
    public void Default_tolerance_per_class(string cls, long expected, long counted, bool within) =>
        Assert.Equal(within, CountPolicy.Default.IsWithinTolerance(cls, expected, counted, unitCost: 2m));

    [Fact]
    public void A_value_threshold_catches_a_small_percentage_of_something_dear()
    {
        var policy = CountPolicy.Default with { ValueThreshold = 100m };
        Assert.True(policy.IsWithinTolerance("C", 1000, 960, unitCost: 2.5m));   // 40 × 2.50 = 100
        Assert.False(policy.IsWithinTolerance("C", 1000, 959, unitCost: 2.5m));  // 41 × 2.50 = 102.50
    }

    [Fact]
    public void Accuracy_never_nets_an_overcount_against_an_undercount()
    {
        var lines = new[] { (100L, 95L), (100L, 105L) };
        var within = lines.Count(l => CountPolicy.Default.IsWithinTolerance("A", l.Item1, l.Item2, null));
        Assert.Equal(0m, InventoryAccuracy.Of(within, lines.Length));
        Assert.Null(InventoryAccuracy.Of(0, 0));
        Assert.Equal(0.6667m, InventoryAccuracy.Of(2, 3));
    }

    [Fact]
    public void A_policy_with_a_zero_frequency_or_no_working_day_is_refused()
    {
        var bad = CountPolicy.Default with { FrequencyDays = new PerClass<int>(0, 90, 365), WorkingDays = new HashSet<DayOfWeek>() };
        Assert.Equal(["frequencyDays", "workingDays"], bad.Check().Select(e => e.Field));
        Assert.Empty(CountPolicy.Default.Check());
    }
}
