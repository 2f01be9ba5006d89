using System.Text.Json;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Edge.Infrastructure.Data.Entities;
using Inventory.Edge.Tests.Infrastructure;
using Inventory.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inventory.Edge.Tests.Sync;

/// <summary>Purchasing writes through EdgeDbContext, as the purchasing API does, and what the outbox makes of them.</summary>
public sealed class PurchasingOutboxTests(EdgeHost edge) : IClassFixture<EdgeHost>
{
    private EdgeDbContext Db() => edge.Services.GetRequiredService<IDbContextFactory<EdgeDbContext>>().CreateDbContext();

    private static T Read<T>(string data) => SyncJson.Read<T>(JsonDocument.Parse(data).RootElement);

    [Fact]
    public async Task SupplierAndSupplierProduct_CreatedAndEdited_WriteTheirRecordsWithTheRowsHlc()
    {
        using var client = await edge.ClientAsync();
        var product = await client.CreateProductAsync();
        var supplier = PurchasingSyncData.NewSupplier();
        var price = new SupplierProduct
        {
            Id = DeterministicIds.SupplierProduct(supplier.Id, product), SupplierId = supplier.Id, ProductId = product,
            SupplierSku = "ACME-1", UnitPrice = 2.5m, MinOrderQuantity = 10, OrderMultiple = 6, Preferred = true,
            PriceBreaks = """[{"quantity":100,"unitPrice":2.25}]""", UpdatedAt = DateTimeOffset.UtcNow,
        };
        await using (var db = Db())
        {
            db.Suppliers.Add(supplier);
            db.SupplierProducts.Add(price);
            await db.SaveChangesAsync();
        }

        await using (var db = Db())
        {
            (await db.Suppliers.SingleAsync(s => s.Id == supplier.Id)).Name = "Acme renamed";
            (await db.SupplierProducts.SingleAsync(p => p.Id == price.Id)).UnitPrice = 2.4m;
            await db.SaveChangesAsync();
        }

        var supplierRows = await edge.OutboxAsync(supplier.Id);
        var priceRows = await edge.OutboxAsync(price.Id);
        Assert.Equal([ChangeKinds.Supplier, ChangeKinds.Supplier], supplierRows.Select(r => r.Kind));
        Assert.Equal([ChangeKinds.SupplierProduct, ChangeKinds.SupplierProduct], priceRows.Select(r => r.Kind));
        Assert.Equal(supplierRows[0].Hlc, supplierRows[1].BaseHlc);
        Assert.Equal(supplierRows[1].Hlc, await edge.ScalarAsync("SELECT hlc FROM suppliers WHERE id = $id", ("$id", supplier.Id.ToString("D"))));
        Assert.Equal(priceRows[1].Hlc, await edge.ScalarAsync("SELECT hlc FROM supplier_products WHERE id = $id", ("$id", price.Id.ToString("D"))));
        Assert.Equal("Acme renamed", Read<SupplierRecord>(supplierRows[1].Data).Name);
        var record = Read<SupplierProductRecord>(priceRows[1].Data);
        Assert.Equal((2.4m, true, supplier.Id, product), (record.UnitPrice, record.Preferred, record.SupplierId, record.ProductId));
        Assert.Equal(new PriceBreakRecord(100, 2.25m), Assert.Single(record.PriceBreaks));
    }

    [Fact]
    public async Task PurchaseOrder_HeaderOrLineChanges_RecordTheWholeOrder_MailQueuedOnlyDoesNot()
    {
        using var client = await edge.ClientAsync();
        var (p1, p2) = (await client.CreateProductAsync(), await client.CreateProductAsync());
        var order = PurchasingSyncData.NewOrder("WH1", await client.CreateLocationAsync(), p1, p2);
        await using (var db = Db())
        {
            db.PurchaseOrders.Add(order);
            await db.SaveChangesAsync();
        }

        // Only a line changes, its order not loaded: the order is recorded whole.
        await using (var db = Db())
        {
            (await db.PurchaseOrderLines.SingleAsync(l => l.Id == order.Lines[1].Id)).Quantity = 7.5m;
            await db.SaveChangesAsync();
        }

        // A line removed through the loaded order.
        await using (var db = Db())
        {
            var loaded = await db.PurchaseOrders.Include(o => o.Lines).SingleAsync(o => o.Id == order.Id);
            loaded.Lines.RemoveAll(l => l.Id == order.Lines[0].Id);
            await db.SaveChangesAsync();
        }

        var before = await edge.ScalarAsync("SELECT hlc FROM purchase_orders WHERE id = $id", ("$id", order.Id.ToString("D")));
        await using (var db = Db())
        {
            (await db.PurchaseOrders.SingleAsync(o => o.Id == order.Id)).MailQueuedAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync();
        }

        var rows = await edge.OutboxAsync(order.Id);
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(ChangeKinds.PurchaseOrder, r.Kind));
        Assert.Equal(rows[0].Hlc, rows[1].BaseHlc);
        Assert.Equal(rows[1].Hlc, rows[2].BaseHlc);
        Assert.Equal(rows[2].Hlc, before);
        Assert.Equal(before, await edge.ScalarAsync("SELECT hlc FROM purchase_orders WHERE id = $id", ("$id", order.Id.ToString("D"))));

        var created = Read<PurchaseOrderRecord>(rows[0].Data);
        Assert.Equal((order.Number, "WH1", order.SupplierId), (created.Number, created.SiteCode, created.SupplierId));
        Assert.Equal([(p1, 10m), (p2, 5m)], created.Lines.Select(l => (l.ProductId, l.Quantity)));
        Assert.Equal([(p1, 10m), (p2, 7.5m)], Read<PurchaseOrderRecord>(rows[1].Data).Lines.Select(l => (l.ProductId, l.Quantity)));
        Assert.Equal(order.Lines[1].Id, Assert.Single(Read<PurchaseOrderRecord>(rows[2].Data).Lines).Id);
        Assert.DoesNotContain("mailQueuedAt", rows[0].Data, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task PurchaseOrderOfAnotherSite_WrittenHere_IsNotRecorded()
    {
        using var client = await edge.ClientAsync();
        var order = PurchasingSyncData.NewOrder("WH2", await edge.PullOtherSiteLocationAsync("WH2"), await client.CreateProductAsync());
        await using (var db = Db())
        {
            db.PurchaseOrders.Add(order);
            await db.SaveChangesAsync();
        }

        Assert.Empty(await edge.OutboxAsync(order.Id));
    }
}
