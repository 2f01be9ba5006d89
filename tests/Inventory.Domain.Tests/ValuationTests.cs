using Inventory.Domain.Ledger;
using Inventory.Domain.Valuation;

namespace Inventory.Domain.Tests;

/// <summary>
/// One hand-worked ledger for every method, at one location:
///   1 receive 10 @ 4.125   2 receive 20 @ 5.499   3 ship 15   4 receive 7 @ 6.2375   5 ship 12
///   6 adjust +3 without a cost and no product cost price (so: the average on hand at that moment)
/// </summary>
public sealed class ValuationTests
{
    private static readonly (MovementType Type, long Quantity, decimal? Cost)[] Ledger =
    [
        (MovementType.Receive, 10, 4.125m),
        (MovementType.Receive, 20, 5.499m),
        (MovementType.Ship, -15, null),
        (MovementType.Receive, 7, 6.2375m),
        (MovementType.Ship, -12, null),
        (MovementType.Adjust, 3, null),
    ];

    private static (CostPool Pool, List<decimal> IssueCosts) Run(ValuationMethod method)
    {
        var valuation = new ProductValuation<string>(method, productCost: null);
        var issues = new List<decimal>();
        foreach (var (type, quantity, cost) in Ledger)
        {
            var issued = valuation.Apply("WH1", type, quantity, cost, null);
            if (quantity < 0)
            {
                issues.Add(issued);
            }
        }

        return (valuation.PoolAt("WH1"), issues);
    }

    [Fact]
    public void Fifo_HandWorkedLedger_EqualToTheCent()
    {
        // layers [10@4.125] → [10@4.125, 20@5.499]
        // ship 15: 10×4.125 = 41.25 + 5×5.499 = 27.495 → 68.745; left [15@5.499]
        // receive → [15@5.499, 7@6.2375]
        // ship 12: 12×5.499 = 65.988; left [3@5.499, 7@6.2375] = 16.497 + 43.6625 = 60.1595 for 10
        // adjust +3 at the average 60.1595 / 10 = 6.01595 → 18.04785; total 78.20735 → 78.21
        var (pool, issues) = Run(ValuationMethod.Fifo);

        Assert.Equal([68.745m, 65.988m], issues);
        Assert.Equal(13, pool.Quantity);
        Assert.Equal(78.20735m, pool.Value);
        Assert.Equal(78.21m, ValuationMethods.ToCents(pool.Value));
    }

    [Fact]
    public void Lifo_HandWorkedLedger_EqualToTheCent()
    {
        // layers [10@4.125, 20@5.499]
        // ship 15 from the newest: 15×5.499 = 82.485; left [10@4.125, 5@5.499]
        // receive → [10@4.125, 5@5.499, 7@6.2375]
        // ship 12: 7×6.2375 = 43.6625 + 5×5.499 = 27.495 → 71.1575; left [10@4.125] = 41.25
        // adjust +3 at the average 4.125 → [13@4.125] = 53.625 → 53.63 (half away from zero; banker's would say 53.62)
        var (pool, issues) = Run(ValuationMethod.Lifo);

        Assert.Equal([82.485m, 71.1575m], issues);
        Assert.Equal(13, pool.Quantity);
        Assert.Equal(53.625m, pool.Value);
        Assert.Equal(53.63m, ValuationMethods.ToCents(pool.Value));
    }

    [Fact]
    public void MovingAverage_HandWorkedLedger_EqualToTheCent()
    {
        // 10 for 41.25; + 20×5.499 = 109.98 → 30 for 151.23
        // ship 15 at 151.23/30: 75.615; left 15 for 75.615
        // + 7×6.2375 = 43.6625 → 22 for 119.2775
        // ship 12: 119.2775×12/22 = 65.060454545…; left 10 for 54.217045454…
        // adjust +3 at the average 5.4217045454… → 16.265113636…; 13 for 70.482159090… → 70.48
        var (pool, issues) = Run(ValuationMethod.Wac);

        Assert.Equal(75.615m, issues[0]);
        Assert.Equal(65.06m, ValuationMethods.ToCents(issues[1]));
        Assert.Equal(13, pool.Quantity);
        Assert.Equal(70.48m, ValuationMethods.ToCents(pool.Value));
        Assert.Equal(70.482159m, Math.Round(pool.Value, 6));
    }

    [Fact]
    public void Apply_TransferIn_CarriesTheLayersTheOutConsumed()
    {
        // A: [5@2, 5@3]; transfer 6 takes 5@2 + 1@3 = 13 → B opens [5@2, 1@3]; B ships 1 (FIFO) at 2.
        var valuation = new ProductValuation<string>(ValuationMethod.Fifo, productCost: 99m);
        valuation.Apply("A", MovementType.Receive, 5, 2m, null);
        valuation.Apply("A", MovementType.Receive, 5, 3m, null);
        var moved = valuation.Apply("A", MovementType.TransferOut, -6, null, "T1");
        valuation.Apply("B", MovementType.TransferIn, 6, null, "T1");
        var shipped = valuation.Apply("B", MovementType.Ship, -1, null, null);

        Assert.Equal(13m, moved);
        Assert.Equal(2m, shipped);
        Assert.Equal((4L, 12m), (valuation.PoolAt("A").Quantity, valuation.PoolAt("A").Value));
        Assert.Equal((5L, 11m), (valuation.PoolAt("B").Quantity, valuation.PoolAt("B").Value));
    }

    [Fact]
    public void Apply_InboundWithoutCost_UsesTheProductCostPrice()
    {
        var valuation = new ProductValuation<string>(ValuationMethod.Wac, productCost: 7.1m);
        valuation.Apply("A", MovementType.Receive, 5, 1m, null);
        valuation.Apply("A", MovementType.Count, 5, null, null);

        Assert.Equal(5m + 35.5m, valuation.PoolAt("A").Value);
    }

    [Fact]
    public void Apply_ReserveAndRelease_ChangeNothing()
    {
        var valuation = new ProductValuation<string>(ValuationMethod.Fifo, productCost: null);
        valuation.Apply("A", MovementType.Receive, 5, 1.5m, null);
        valuation.Apply("A", MovementType.Reserve, 0, null, null);
        valuation.Apply("A", MovementType.Release, 0, null, null);

        Assert.Equal((5L, 7.5m), (valuation.PoolAt("A").Quantity, valuation.PoolAt("A").Value));
    }

    [Theory]
    [InlineData(ValuationMethod.Fifo)]
    [InlineData(ValuationMethod.Lifo)]
    [InlineData(ValuationMethod.Wac)]
    public void Issue_BelowZero_BacklogCostedAtLastCostAndCoveredFirst(ValuationMethod method)
    {
        // 2 @ 1.50 in, 5 out: 3 short, costed at 1.50 → −3 worth −4.50; then 4 @ 2 in: 3 cover the backlog, 1 @ 2 left.
        var pool = new CostPool(method);
        pool.Receive(2, 1.5m);
        var cost = pool.Issue(5);
        Assert.Equal(7.5m, cost);
        Assert.Equal((-3L, -4.5m), (pool.Quantity, pool.Value));

        pool.Receive(4, 2m);
        Assert.Equal((1L, 2m), (pool.Quantity, pool.Value));
    }

    [Theory]
    [InlineData("fifo", ValuationMethod.Fifo)]
    [InlineData("LIFO", ValuationMethod.Lifo)]
    [InlineData("wac", ValuationMethod.Wac)]
    public void TryParse_KnownNames_Parsed(string text, ValuationMethod expected)
    {
        Assert.True(ValuationMethods.TryParse(text, out var method));
        Assert.Equal(expected, method);
        Assert.False(ValuationMethods.TryParse("avg", out _));
    }
}
