using Inventory.Domain.Ledger;
using Inventory.Domain.Lots;

namespace Inventory.Domain.Tests.Lots;

public sealed class LotRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);
    private static readonly LevelSlot B = new("BIN-B", "B", Today.AddDays(29), 5, 0);
    private static readonly LevelSlot A = new("BIN-A", "A", Today.AddDays(30), 5, 0);
    private static readonly LevelSlot C = new("BIN-C", "C", null, 5, 0);
    private static readonly LevelSlot Old = new("BIN-O", "OLD", Today.AddDays(-1), 5, 0);

    [Fact]
    public void Allocation_SkipsHeldAndExpired_LotsWithoutExpiryLast()
    {
        var rules = new LotRules(new HashSet<string> { "B" }, Today);

        var picks = Allocation.FirstExpiryFirst([C, Old, A, B], 7, excluded: s => !rules.IsAllocatable(s));

        Assert.NotNull(picks);
        Assert.Equal(["A", "C"], picks.Select(p => p.Slot.Lot));
        Assert.Equal([5L, 2L], picks.Select(p => p.Quantity));
    }

    [Fact]
    public void Allocation_OnlyExcludedStockLeft_IsShort()
    {
        var rules = new LotRules(new HashSet<string>(), Today);

        Assert.Null(Allocation.FirstExpiryFirst([Old], 1, excluded: s => !rules.IsAllocatable(s)));
    }

    [Fact]
    public void Refusal_NamesHoldThenExpiry()
    {
        var rules = new LotRules(new HashSet<string> { "OLD" }, Today);

        Assert.Equal("Lot OLD is on hold.", rules.Refusal("OLD", Old.Expiry));
        Assert.Equal("Lot X expired on 2026-11-30.", rules.Refusal("X", Today.AddDays(-1)));
        Assert.Null(rules.Refusal("A", Today));
    }

    [Fact]
    public void EarlierThan_FindsTheAllocatableLotThatExpiresFirst()
    {
        var rules = new LotRules(new HashSet<string>(), Today);

        Assert.Equal(B, rules.EarlierThan([Old, A, B, C], "A", A.Expiry));
        Assert.Equal(B, rules.EarlierThan([Old, A, B, C], "C", null));
        Assert.Null(rules.EarlierThan([Old, A, B, C], "B", B.Expiry));
        Assert.Null(new LotRules(new HashSet<string> { "B" }, Today).EarlierThan([A, B], "A", A.Expiry));
    }

    [Fact]
    public void TakeFirst_NamesLotAndBin() =>
        Assert.Equal("Lot A is not the first to expire: take lot B (expires 2026-12-30) from bin BIN-B first.",
            LotRules.TakeFirst("A", B, "WH1-MAIN"));
}
