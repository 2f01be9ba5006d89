using Inventory.Domain.Ledger;

namespace Inventory.Domain.Tests;

public sealed class AllocationTests
{
    [Fact]
    public void FirstExpiryFirst_TakesEarliestExpiryThenUndated()
    {
        var slots = new[]
        {
            new LevelSlot("A", "", null, 10, 0),
            new LevelSlot("A", "L2", new DateOnly(2027, 3, 1), 4, 0),
            new LevelSlot("B", "L1", new DateOnly(2027, 1, 1), 3, 1),
        };

        var picks = Allocation.FirstExpiryFirst(slots, 8);

        Assert.NotNull(picks);
        Assert.Equal(["L1", "L2", ""], picks.Select(p => p.Slot.Lot));
        Assert.Equal([2L, 4L, 2L], picks.Select(p => p.Quantity));
    }

    [Fact]
    public void FirstExpiryFirst_NotEnough_ReturnsNull()
    {
        var slots = new[] { new LevelSlot("", "", null, 5, 2) };

        Assert.Null(Allocation.FirstExpiryFirst(slots, 4));
    }

    [Fact]
    public void FirstExpiryFirst_FromReserved_CountsReservedOnly()
    {
        var slots = new[] { new LevelSlot("", "", null, 5, 2) };

        var picks = Allocation.FirstExpiryFirst(slots, 2, fromReserved: true);

        Assert.NotNull(picks);
        Assert.Equal(2, picks.Single().Quantity);
    }
}
