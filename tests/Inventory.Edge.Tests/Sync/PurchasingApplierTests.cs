using Inventory.Domain.Ledger;
using Inventory.Domain.Purchasing;
using Inventory.Edge.Features.Ledger;
using Inventory.Edge.Features.Purchasing;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Edge.Tests.Infrastructure;
using Inventory.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inventory.Edge.Tests.Sync;

/// <summary>Suppliers, supplier prices and purchase orders pulled from the cloud, through the real applier.</summary>
public sealed class PurchasingApplierTests(EdgeHost edge) : IClassFixture<EdgeHost>
{
    private EdgeDbContext Db() => edge.Services.GetRequiredService<IDbContextFactory<EdgeDbContext>>().CreateDbContext();

    private async Task<PurchaseOrderView> ReadOrderAsync(Guid id)
    {
        await using var scope = edge.Services.CreateAsyncScope();
        var view = await scope.ServiceProvider.GetRequiredService<PurchaseOrderReader>().ReadAsync(id, showPrices: true, CancellationToken.None);
        return view ?? throw new InvalidOperationException($"No purchase order {id}.");
    }

    private static ChangeRecord Change<T>(string kind, Guid id, T record, TimeSpan ahead) =>
        SyncTestData.Change(kind, id, record, SyncTestData.Later(ahead));

    [Fact]
    public async Task PulledSupplierPriceAndOrder_AreStored_LaterWins_EarlierIgnored_NoOutboxRows()
    {
        using var client = await edge.ClientAsync();
        var (p1, p2) = (await client.CreateProductAsync(), await client.CreateProductAsync());
        var location = await client.CreateLocationAsync();
        var supplier = PurchasingSyncData.SupplierRecord();
        var price = PurchasingSyncData.PriceRecord(supplier.Id, p1, preferred: true);
        var order = PurchasingSyncData.OrderRecord("WH1", supplier.Id, location, (p1, 10m), (p2, 4.5m));

        var first = await edge.ApplyAsync(
            Change(ChangeKinds.Supplier, supplier.Id, supplier, TimeSpan.FromSeconds(1)),
            Change(ChangeKinds.SupplierProduct, price.Id, price, TimeSpan.FromSeconds(1)),
            Change(ChangeKinds.PurchaseOrder, order.Id, order, TimeSpan.FromSeconds(1)));
        // The box queued the supplier's mail meanwhile: a later version of the PO leaves that alone.
        await edge.ScalarAsync("UPDATE purchase_orders SET mail_queued_at = 42 WHERE id = $id", ("$id", order.Id.ToString("D")));
        var edited = order with { Notes = "Edited in the cloud", Lines = [order.Lines[1] with { Quantity = 6m }] };
        var later = await edge.ApplyAsync(
            Change(ChangeKinds.Supplier, supplier.Id, supplier with { Name = "Renamed in the cloud" }, TimeSpan.FromSeconds(2)),
            Change(ChangeKinds.SupplierProduct, price.Id, price with { UnitPrice = 2.75m }, TimeSpan.FromSeconds(2)),
            Change(ChangeKinds.PurchaseOrder, order.Id, edited, TimeSpan.FromSeconds(2)));
        var stale = await edge.ApplyAsync(
            SyncTestData.Change(ChangeKinds.Supplier, supplier.Id, supplier with { Name = "Stale" }, SyncTestData.Earlier()),
            SyncTestData.Change(ChangeKinds.SupplierProduct, price.Id, price with { UnitPrice = 9m }, SyncTestData.Earlier()),
            SyncTestData.Change(ChangeKinds.PurchaseOrder, order.Id, order with { Notes = "Stale" }, SyncTestData.Earlier()));

        Assert.Equal((3, 3, 0), (first.Applied, later.Applied, stale.Applied));
        Assert.Equal(3, stale.Ignored);
        await using var db = Db();
        var storedSupplier = await db.Suppliers.AsNoTracking().SingleAsync(s => s.Id == supplier.Id);
        Assert.Equal(("Renamed in the cloud", 2m, "30 days"), (storedSupplier.Name, storedSupplier.OverReceiptTolerancePercent, storedSupplier.PaymentTerms));
        var storedPrice = await db.SupplierProducts.AsNoTracking().SingleAsync(p => p.Id == price.Id);
        Assert.Equal((2.75m, true, 6m), (storedPrice.UnitPrice, storedPrice.Preferred, storedPrice.OrderMultiple));
        var storedOrder = await db.PurchaseOrders.AsNoTracking().Include(o => o.Lines).SingleAsync(o => o.Id == order.Id);
        Assert.Equal(("Edited in the cloud", new DateOnly(2027, 1, 15)), (storedOrder.Notes, storedOrder.ExpectedDate));
        Assert.Equal(42, storedOrder.MailQueuedAt?.ToUnixTimeMilliseconds());
        var line = Assert.Single(storedOrder.Lines);
        Assert.Equal((order.Lines[1].Id, 1, p2, 6m), (line.Id, line.LineNumber, line.ProductId, line.Quantity));
        var view = await ReadOrderAsync(order.Id);
        Assert.Equal((PurchaseOrderStatus.Sent, supplier.Code), (view.Status, view.SupplierCode));
        Assert.Empty(await edge.OutboxAsync(supplier.Id));
        Assert.Empty(await edge.OutboxAsync(price.Id));
        Assert.Empty(await edge.OutboxAsync(order.Id));
    }

    [Fact]
    public async Task PulledSupplier_CodeOfALocalOne_LocalOneIsRenamed()
    {
        var local = PurchasingSyncData.NewSupplier();
        await using (var db = Db())
        {
            db.Suppliers.Add(local);
            await db.SaveChangesAsync();
        }

        var cloud = PurchasingSyncData.SupplierRecord(local.Code.ToLowerInvariant());
        var result = await edge.ApplyAsync(SyncTestData.Change(ChangeKinds.Supplier, cloud.Id, cloud));

        Assert.Equal(1, result.Applied);
        Assert.Equal($"{local.Code}~WH1", await edge.ScalarAsync("SELECT code FROM suppliers WHERE id = $id", ("$id", local.Id.ToString("D"))));
        Assert.Equal(cloud.Code, await edge.ScalarAsync("SELECT code FROM suppliers WHERE id = $id", ("$id", cloud.Id.ToString("D"))));
    }

    [Fact]
    public async Task PulledPreferredSwitch_KeepsOnePreferredSupplierPerProduct()
    {
        using var client = await edge.ClientAsync();
        var product = await client.CreateProductAsync();
        var (a, b) = (PurchasingSyncData.SupplierRecord(), PurchasingSyncData.SupplierRecord());
        var priceA = PurchasingSyncData.PriceRecord(a.Id, product, preferred: true);
        var priceB = PurchasingSyncData.PriceRecord(b.Id, product, preferred: true);

        var result = await edge.ApplyAsync(
            Change(ChangeKinds.Supplier, a.Id, a, TimeSpan.FromSeconds(1)),
            Change(ChangeKinds.Supplier, b.Id, b, TimeSpan.FromSeconds(1)),
            Change(ChangeKinds.SupplierProduct, priceA.Id, priceA, TimeSpan.FromSeconds(1)),
            Change(ChangeKinds.SupplierProduct, priceB.Id, priceB, TimeSpan.FromSeconds(2)));

        Assert.Equal((4, 0), (result.Applied, result.Failed));
        await using var db = Db();
        var preferred = await db.SupplierProducts.AsNoTracking().Where(p => p.ProductId == product).ToDictionaryAsync(p => p.SupplierId, p => p.Preferred);
        Assert.Equal(2, preferred.Count);
        Assert.False(preferred[a.Id]);
        Assert.True(preferred[b.Id]);
    }

    [Fact]
    public async Task PulledPrice_OfAnUnknownProduct_IsSkippedAndLoggedAsAConflict()
    {
        var supplier = PurchasingSyncData.SupplierRecord();
        var price = PurchasingSyncData.PriceRecord(supplier.Id, Guid.CreateVersion7(), preferred: false);

        var result = await edge.ApplyAsync(
            Change(ChangeKinds.Supplier, supplier.Id, supplier, TimeSpan.FromSeconds(1)),
            Change(ChangeKinds.SupplierProduct, price.Id, price, TimeSpan.FromSeconds(1)));

        Assert.Equal((1, 1, 0), (result.Applied, result.Ignored, result.Failed));
        Assert.Null(await edge.ScalarAsync("SELECT 1 FROM supplier_products WHERE id = $id", ("$id", price.Id.ToString("D"))));
        Assert.Equal(ChangeKinds.SupplierProduct,
            await edge.ScalarAsync("SELECT kind FROM sync_conflicts WHERE entity_id = $id", ("$id", price.Id.ToString("D"))));
    }

    [Fact]
    public async Task PulledOrder_OfAnotherSite_IsIgnored()
    {
        using var client = await edge.ClientAsync();
        var product = await client.CreateProductAsync();
        var remote = await edge.PullOtherSiteLocationAsync("WH2");
        var theirs = PurchasingSyncData.OrderRecord("WH2", Guid.CreateVersion7(), remote, (product, 3m));
        // Labelled this site's, but for a location of another: still not this box's to receive.
        var mislabelled = PurchasingSyncData.OrderRecord("WH1", Guid.CreateVersion7(), remote, (product, 3m));

        var result = await edge.ApplyAsync(
            Change(ChangeKinds.PurchaseOrder, theirs.Id, theirs, TimeSpan.FromSeconds(1)),
            Change(ChangeKinds.PurchaseOrder, mislabelled.Id, mislabelled, TimeSpan.FromSeconds(1)));

        Assert.Equal((0, 2), (result.Applied, result.Ignored));
        Assert.Null(await edge.ScalarAsync("SELECT 1 FROM purchase_orders WHERE id IN ($a, $b)",
            ("$a", theirs.Id.ToString("D")), ("$b", mislabelled.Id.ToString("D"))));
    }

    [Fact]
    public async Task CloudCancel_AppliedAfterALocalReceipt_LeavesThePoPartialAndFlagged()
    {
        using var client = await edge.ClientAsync();
        var product = await client.CreateProductAsync();
        var location = await client.CreateLocationAsync();
        var supplier = PurchasingSyncData.SupplierRecord();
        var order = PurchasingSyncData.OrderRecord("WH1", supplier.Id, location, (product, 10m));
        await edge.ApplyAsync(
            Change(ChangeKinds.Supplier, supplier.Id, supplier, TimeSpan.FromSeconds(1)),
            Change(ChangeKinds.PurchaseOrder, order.Id, order, TimeSpan.FromSeconds(1)));

        // Received here (offline, say) while head office cancelled the PO.
        var receipt = new LedgerCommand(
            [new LedgerLine(Guid.CreateVersion7(), MovementType.Receive, LineMode.Add, product, location, 4, UnitCost: 2.5m,
                ReferenceType: DocumentReference.PurchaseOrder, ReferenceId: DocumentReference.Line(order.Id, order.Lines[0].Id))],
            null, "test", DateTimeOffset.UtcNow, null, "receipt-" + order.Id);
        var outcome = await edge.Services.GetRequiredService<MovementWriter>().SubmitAsync(receipt, CancellationToken.None);
        var cancel = await edge.ApplyAsync(Change(ChangeKinds.PurchaseOrder, order.Id,
            order with { CancelledAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow }, TimeSpan.FromSeconds(2)));

        Assert.Equal(LedgerOutcomeKind.Committed, outcome.Kind);
        Assert.Equal(1, cancel.Applied);
        var view = await ReadOrderAsync(order.Id);
        Assert.Equal((PurchaseOrderStatus.Partial, true), (view.Status, view.NeedsAttention));
        Assert.NotNull(view.CancelledAt);
        Assert.Equal(4m, Assert.Single(view.Lines).Received);
        Assert.Equal(4, await client.QuantityAsync(product, location));
    }
}
