using Inventory.Domain.Lots;
using Inventory.Sync;

namespace Inventory.Domain.Tests.Lots;

public sealed class LotStatusTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    [Theory]
    [InlineData("available", "2026-12-07", "available")] // the expiry day itself is still sellable
    [InlineData("available", "2026-12-06", "expired")]
    [InlineData("hold", "2027-01-01", "hold")]
    [InlineData("hold", "2026-01-01", "hold")]
    [InlineData("available", null, "available")]
    public void Effective_StatusAndExpiry_Derived(string stored, string? expiry, string expected) =>
        Assert.Equal(expected, LotStatus.Effective(stored, expiry is null ? null : DateOnly.Parse(expiry, System.Globalization.CultureInfo.InvariantCulture), Today));

    [Fact]
    public void LotId_SameProductAndCode_Same_CaseMatters()
    {
        var product = Guid.CreateVersion7();
        Assert.Equal(DeterministicIds.Lot(product, "B-17"), DeterministicIds.Lot(product, "B-17"));
        Assert.NotEqual(DeterministicIds.Lot(product, "B-17"), DeterministicIds.Lot(product, "b-17"));
    }
}
