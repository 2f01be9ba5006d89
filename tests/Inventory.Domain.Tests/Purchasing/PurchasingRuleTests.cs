using Inventory.Domain.Ledger;
using Inventory.Domain.Purchasing;
using Inventory.Sync;

namespace Inventory.Domain.Tests.Purchasing;

public sealed class PurchasingRuleTests
{
    [Fact]
    public void Tolerance_TwoPercentOfTenThousand_AllowsExactlyTenThousandTwoHundred()
    {
        Assert.True(ReceiptTolerance.Allows(10_000m, 10_199m, 1m, 2m));
        Assert.False(ReceiptTolerance.Allows(10_000m, 10_200m, 1m, 2m));
    }

    [Fact]
    public void Tolerance_Zero_RefusesAThousandthOver() =>
        Assert.False(ReceiptTolerance.Allows(100m, 0m, 100.002m, 0m));

    [Fact]
    public void Status_OverReceivedLineAndShortLine_StaysPartial()
    {
        var status = PurchaseOrderStatus.Derive([(10m, 12m), (10m, 8m)], new PurchaseOrderEvents(DateTimeOffset.UnixEpoch, null, null));
        Assert.Equal(PurchaseOrderStatus.Partial, status);
    }

    [Theory]
    [InlineData(false, false, false, 0, "draft")]
    [InlineData(true, false, false, 0, "sent")]
    [InlineData(true, true, false, 0, "cancelled")]
    [InlineData(true, false, true, 4, "closed")]
    [InlineData(true, true, false, 10, "received")]
    [InlineData(true, true, false, 4, "partial")]
    public void Status_Events_Derived(bool sent, bool cancelled, bool closed, int received, string expected)
    {
        DateTimeOffset? at = DateTimeOffset.UnixEpoch;
        var events = new PurchaseOrderEvents(sent ? at : null, cancelled ? at : null, closed ? at : null);
        Assert.Equal(expected, PurchaseOrderStatus.Derive([(10m, received)], events));
    }

    [Fact]
    public void NeedsAttention_CancelledWithReceipts_True() =>
        Assert.True(PurchaseOrderStatus.NeedsAttention([(10m, 10m)], new PurchaseOrderEvents(null, DateTimeOffset.UnixEpoch, null)));

    [Fact]
    public void OrderQuantity_WorkedExample_ThirtySix() =>
        Assert.Equal(36m, OrderQuantity.ForReorder(available: 8, onOrder: 0, reorderPoint: 10, reorderQuantity: null, maxLevel: 40,
            minOrderQuantity: 10, orderMultiple: 6));

    [Fact]
    public void OrderQuantity_StockOnOrder_Subtracted() =>
        Assert.Equal(24m, OrderQuantity.ForReorder(8, onOrder: 10, 20, null, 40, 0, 6));

    [Fact]
    public void OrderQuantity_EnoughOnOrder_Nothing() =>
        Assert.Equal(0m, OrderQuantity.ForReorder(8, onOrder: 30, 10, null, 40, 10, 6));

    [Fact]
    public void OrderQuantity_BelowMinimum_RaisedThenRounded() =>
        Assert.Equal(30m, OrderQuantity.RoundToSupplier(3m, minOrderQuantity: 25, orderMultiple: 6));

    [Fact]
    public void PriceBreaks_LargestThresholdNotAbove_Applies()
    {
        PriceBreak[] breaks = [new(100m, 9m), new(10m, 9.5m)];
        Assert.Equal(10m, PriceBreaks.UnitPriceFor(9m, 10m, breaks));
        Assert.Equal(9.5m, PriceBreaks.UnitPriceFor(10m, 10m, breaks));
        Assert.Equal(9m, PriceBreaks.UnitPriceFor(500m, 10m, breaks));
    }

    [Fact]
    public void Number_Format_PrefixAndSixDigits() =>
        Assert.Equal("PO-WH1-000042", PurchaseOrderNumber.Format("WH1", 42));

    [Fact]
    public void DocumentReference_RoundTrips()
    {
        Guid po = Guid.CreateVersion7(), line = Guid.CreateVersion7();
        Assert.True(DocumentReference.TryParse(DocumentReference.Line(po, line), out var p, out var l));
        Assert.Equal((po, line), (p, l));
        Assert.False(DocumentReference.TryParse("nonsense", out _, out _));
        var (from, to) = DocumentReference.Range(po);
        Assert.True(string.CompareOrdinal(DocumentReference.Line(po, line), from) >= 0 && string.CompareOrdinal(DocumentReference.Line(po, line), to) < 0);
    }

    [Fact]
    public void DeterministicIds_SamePair_SameId()
    {
        Guid s = Guid.CreateVersion7(), p = Guid.CreateVersion7();
        Assert.Equal(DeterministicIds.SupplierProduct(s, p), DeterministicIds.SupplierProduct(s, p));
        Assert.NotEqual(DeterministicIds.SupplierProduct(s, p), DeterministicIds.SupplierProduct(p, s));
        Assert.Equal(8, DeterministicIds.SupplierProduct(s, p).Version);
    }

    [Fact]
    public void WholeUnits_Fraction_Refused()
    {
        Assert.True(WholeUnits.Is(12m));
        Assert.True(WholeUnits.Is(12.000m));
        Assert.False(WholeUnits.Is(100.002m));
    }
}
