using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Domain.Purchasing;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Edge.Infrastructure.Data.Entities;
using Inventory.Edge.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Inventory.Edge.Tests.Purchasing;

/// <summary>
/// Suppliers and purchase orders written straight into the box's database (the PO API is another feature's): products
/// and locations still come through the public API, as a client would make them.
/// </summary>
public static class PurchasingTestData
{
    private static long _sequence = Random.Shared.Next(1, 100_000) * 1000L;

    public sealed record TestOrder(Guid Id, string Number, Guid LocationId, string LocationCode, IReadOnlyList<TestLine> Lines);

    public sealed record TestLine(Guid Id, Guid ProductId, string Sku, string Barcode, decimal Quantity, decimal UnitPrice);

    public static async Task<Guid> SupplierAsync(this EdgeHost edge, decimal tolerancePercent)
    {
        var id = Guid.CreateVersion7();
        await WithDbAsync(edge, db =>
        {
            db.Suppliers.Add(new Supplier
            {
                Id = id, Code = "S" + Guid.NewGuid().ToString("N")[..12], Name = "Supplier " + Guid.NewGuid().ToString("N")[..6],
                OverReceiptTolerancePercent = tolerancePercent, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            });
        });
        return id;
    }

    /// <summary>A sent PO at a new location of this site, one line per (quantity, unit price), each for a new product with an EAN-13.</summary>
    public static async Task<TestOrder> OrderAsync(
        this EdgeHost edge, HttpClient manager, Guid supplierId, params (decimal Quantity, decimal UnitPrice)[] lines)
    {
        var code = "R" + Guid.NewGuid().ToString("N")[..7].ToUpperInvariant();
        var location = await manager.CreateLocationAsync(code);
        var testLines = new List<TestLine>();
        foreach (var (quantity, price) in lines)
        {
            var barcode = Mqtt.Devices.Ean13();
            var sku = "PO-SKU-" + Guid.NewGuid().ToString("N")[..8];
            var product = await manager.CreateProductAsync(sku, null, barcode);
            testLines.Add(new TestLine(Guid.CreateVersion7(), product, sku, barcode, quantity, price));
        }

        return await edge.OrderForAsync(supplierId, location, code, testLines);
    }

    public static async Task<TestOrder> OrderForAsync(this EdgeHost edge, Guid supplierId, Guid location, string locationCode, IReadOnlyList<TestLine> lines)
    {
        var id = Guid.CreateVersion7();
        var number = PurchaseOrderNumber.Format(edge.SiteCode, Interlocked.Increment(ref _sequence));
        await WithDbAsync(edge, db =>
        {
            db.PurchaseOrders.Add(new PurchaseOrder
            {
                Id = id, Number = number, SupplierId = supplierId, LocationId = location, SiteCode = edge.SiteCode,
                SentAt = DateTimeOffset.UtcNow, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
                Lines = [.. lines.Select((l, i) => new PurchaseOrderLine
                {
                    Id = l.Id, PurchaseOrderId = id, LineNumber = i + 1, ProductId = l.ProductId, Quantity = l.Quantity, UnitPrice = l.UnitPrice,
                })],
            });
        });
        return new TestOrder(id, number, location, locationCode, lines);
    }

    public static Task CancelAsync(this EdgeHost edge, Guid orderId) => WithDbAsync(edge, db =>
    {
        var order = db.PurchaseOrders.Single(o => o.Id == orderId);
        order.CancelledAt = DateTimeOffset.UtcNow;
    });

    public static async Task WithDbAsync(EdgeHost edge, Action<EdgeDbContext> change)
    {
        using var scope = edge.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EdgeDbContext>();
        change(db);
        await db.SaveChangesAsync();
    }

    public static Task<HttpResponseMessage> ReceiveAsync(this HttpClient client, TestOrder order, Guid receiptId, params object[] lines) =>
        client.PostAsJsonAsync($"/api/purchase-orders/{order.Id}/receive", new { id = receiptId, lines });

    public static object Line(TestLine line, decimal quantity, string? lot = null, string? expiry = null, string? bin = null) =>
        new { lineId = line.Id, quantity, lot, expiry, bin };

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
