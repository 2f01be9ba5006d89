using Inventory.Web.Auth;

namespace Inventory.Web.Tests;

public sealed class LockoutTests
{
    private static readonly TimeSpan Base = TimeSpan.FromMinutes(5);

    [Fact]
    public void Next_BelowTheLimit_IsNone() => Assert.Null(Lockout.Next(4, 5, Base));

    [Theory]
    [InlineData(5, 5)]
    [InlineData(6, 10)]
    [InlineData(7, 20)]
    [InlineData(9, 80)]
    public void Next_AtOrPastTheLimit_DoublesPerFailure(int failed, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), Lockout.Next(failed, 5, Base));

    [Fact]
    public void Next_ManyFailures_IsCappedAtADay() =>
        Assert.Equal(TimeSpan.FromDays(1), Lockout.Next(500, 5, Base));

    [Fact]
    public void Next_ShortBase_StopsDoublingAfterTenTimes() =>
        Assert.Equal(TimeSpan.FromSeconds(1024), Lockout.Next(50, 3, TimeSpan.FromSeconds(1)));
}
