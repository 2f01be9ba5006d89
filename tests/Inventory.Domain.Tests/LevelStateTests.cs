using Inventory.Domain.Ledger;

namespace Inventory.Domain.Tests;

public sealed class LevelStateTests
{
    [Fact]
    public void Apply_TakeMoreThanAvailable_RefusedAndUnchanged()
    {
        var level = new LevelState(10, 4);

        var change = level.Apply(-7, 0, allowNegative: false);

        Assert.False(change.Ok);
        Assert.Equal(LedgerError.InsufficientStock, change.Error);
        Assert.Equal(level, change.State);
    }

    [Fact]
    public void Apply_TakeExactlyAvailable_LeavesReservedStock()
    {
        var change = new LevelState(10, 4).Apply(-6, 0, allowNegative: false);

        Assert.True(change.Ok);
        Assert.Equal(new LevelState(4, 4), change.State);
        Assert.Equal(0, change.State.Available);
    }

    [Fact]
    public void Apply_NegativeAllowed_GoesBelowZero()
    {
        var change = new LevelState(2, 0).Apply(-5, 0, allowNegative: true);

        Assert.True(change.Ok);
        Assert.Equal(-3, change.State.Quantity);
    }

    [Fact]
    public void Apply_ReserveMoreThanOnHand_Refused()
    {
        var change = new LevelState(5, 3).Apply(0, 3, allowNegative: false);

        Assert.False(change.Ok);
        Assert.Equal(LedgerError.ReservationExceedsOnHand, change.Error);
    }

    [Fact]
    public void Apply_ReleaseMoreThanReserved_Refused()
    {
        var change = new LevelState(5, 1).Apply(0, -2, allowNegative: false);

        Assert.False(change.Ok);
        Assert.Equal(LedgerError.ReleaseExceedsReserved, change.Error);
    }

    [Fact]
    public void Apply_ShipFromReserved_ReducesBoth()
    {
        var change = new LevelState(5, 3).Apply(-3, -3, allowNegative: false);

        Assert.True(change.Ok);
        Assert.Equal(new LevelState(2, 0), change.State);
    }

    [Theory]
    [InlineData(0, 0, 5, null, StockStatus.Out)]
    [InlineData(10, 10, 5, null, StockStatus.Out)]
    [InlineData(5, 0, 5, null, StockStatus.Low)]
    [InlineData(6, 0, 5, null, StockStatus.Ok)]
    [InlineData(51, 0, 5, 50, StockStatus.Over)]
    [InlineData(50, 0, 5, 50, StockStatus.Ok)]
    [InlineData(3, 0, null, null, StockStatus.Ok)]
    public void StockStatus_Of_FollowsAvailableAndLimits(long quantity, long reserved, int? reorderPoint, int? maxLevel, StockStatus expected) =>
        Assert.Equal(expected, StockStatuses.Of(quantity, quantity - reserved, reorderPoint, maxLevel));
}
