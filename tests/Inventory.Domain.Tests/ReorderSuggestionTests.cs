using Inventory.Domain.Ledger;

namespace Inventory.Domain.Tests;

public sealed class ReorderSuggestionTests
{
    [Theory]
    [InlineData(3, 5, null, 50, 47)]   // up to the maximum level
    [InlineData(3, 5, 20, null, 20)]  // one reorder quantity lifts it above the point
    [InlineData(-30, 5, 20, null, 40)] // below zero: whole reorder quantities until above the point
    [InlineData(3, 5, null, null, 3)]  // nothing set: just above the point
    [InlineData(3, 5, null, 4, 3)]     // a maximum below the point still lifts stock above the point
    public void Suggest_Settings_Expected(long available, int point, int? lot, int? max, long expected) =>
        Assert.Equal(expected, ReorderSuggestion.Suggest(available, point, lot, max));
}
