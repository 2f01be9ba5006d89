using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Edge.Tests.Infrastructure;

namespace Inventory.Edge.Tests.Purchasing;

/// <summary>
/// POST /api/purchase-orders/from-alerts on a box of its own (site WH7): every open alert of the site is in play, so
/// one test runs the whole story, in the order a buyer lives it.
/// </summary>
public sealed class FromAlertsTests : IAsyncLifetime
{
    private readonly EdgeHost _edge = new() { SiteCode = "WH7" };

    public Task InitializeAsync() => _edge.InitializeAsync();

    public Task DisposeAsync() => _edge.DisposeAsync();

    [Fact]
    public async Task FromAlerts_WorkedExample_NetOfOpenPos_UnassignedListed_NumbersFromOne()
    {
        using var admin = await _edge.ClientAsync();
        using var purchasing = await _edge.ClientForRoleAsync("purchasing");
        var location = await admin.CreateLocationAsync();
        // The worked example: reorder point 10, max 40, multiple 6, minimum 10, 8 on hand → 32 rounded up to 36.
        var example = await admin.CreateProductAsync("EX-1");
        // On hand 2 with 6 still to come on an open PO: counted as 8, so 36 again (38 → 42 were the PO ignored).
        var onOrder = await admin.CreateProductAsync("EX-2");
        // On hand 5 with 30 to come: above the point, no line.
        var covered = await admin.CreateProductAsync("EX-3");
        var orphan = await admin.CreateProductAsync("EX-4", reorderPoint: 5);
        foreach (var product in new[] { example, onOrder, covered })
        {
            var put = await admin.PutAsJsonAsync($"/api/locations/{location}/products/{product}/settings", new { reorderPoint = 10, maxLevel = 40 });
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        var supplier = await purchasing.CreateSupplierAsync();
        foreach (var product in new[] { example, onOrder, covered })
        {
            await purchasing.PutOfferAsync(supplier, product, 2m, preferred: true, min: 10, multiple: 6,
                priceBreaks: [new { quantity = 36, unitPrice = 1.5m }]);
        }

        var manual = await purchasing.CreatePoAsync(supplier, location, new { productId = onOrder, quantity = 10 }, new { productId = covered, quantity = 30 });
        await purchasing.PostOkAsync($"/api/purchase-orders/{manual.Id()}/send", new { }, HttpStatusCode.OK);
        await admin.ReceiveAgainstAsync(manual, 0, 4); // 4 of 10 arrived: 6 still on order, 2 more on hand below.
        await admin.ReceiveAsync(example, location, 8);
        await admin.PostOkAsync("/api/inventory/ship", new { productId = onOrder, locationId = location, quantity = 2 });
        await admin.ReceiveAsync(covered, location, 5);
        await admin.ReceiveAsync(orphan, location, 3);
        // onOrder: received 4 against the PO, shipped 2 → 2 available; its alert is open.

        var plan = await purchasing.GetFromJsonAsync<JsonElement>("/api/purchase-orders/from-alerts");
        var made = await purchasing.PostOkAsync("/api/purchase-orders/from-alerts", new { });
        var again = await purchasing.PostOkAsync("/api/purchase-orders/from-alerts", new { });

        Assert.Equal("PO-WH7-000001", manual.GetProperty("number").GetString());
        var planned = Assert.Single(plan.GetProperty("orders").EnumerateArray());
        var plannedOnOrder = planned.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("productId").GetGuid() == onOrder);
        Assert.Equal(6m, plannedOnOrder.GetProperty("onOrder").GetDecimal());
        Assert.Equal(2, plannedOnOrder.GetProperty("available").GetInt64());

        var order = Assert.Single(made.GetProperty("orders").EnumerateArray());
        Assert.Equal("draft", order.Status());
        Assert.Equal("PO-WH7-000002", order.GetProperty("number").GetString());
        Assert.Equal(supplier, order.GetProperty("supplierId").GetGuid());
        Assert.Equal(location, order.GetProperty("locationId").GetGuid());
        var lines = order.GetProperty("lines").EnumerateArray().ToDictionary(l => l.GetProperty("productId").GetGuid());
        Assert.Equal(2, lines.Count);
        Assert.Equal(36m, lines[example].GetProperty("quantity").GetDecimal());
        Assert.Equal(36m, lines[onOrder].GetProperty("quantity").GetDecimal());
        Assert.Equal(1.5m, lines[example].GetProperty("unitPrice").GetDecimal());
        Assert.False(lines.ContainsKey(covered));
        var unassigned = Assert.Single(made.GetProperty("unassigned").EnumerateArray());
        Assert.Equal(orphan, unassigned.GetProperty("productId").GetGuid());
        Assert.Equal("EX-4", unassigned.GetProperty("sku").GetString());
        Assert.Equal(location, unassigned.GetProperty("locationId").GetGuid());
        Assert.Equal("no preferred supplier", unassigned.GetProperty("reason").GetString());

        // The drafts now count as on order: a second run orders nothing more, and still lists the orphan.
        Assert.Empty(again.GetProperty("orders").EnumerateArray());
        Assert.Single(again.GetProperty("unassigned").EnumerateArray());
    }

    [Fact]
    public async Task FromAlerts_StaffRefused_ViewerRefused()
    {
        using var staff = await _edge.ClientForRoleAsync("staff");
        using var viewer = await _edge.ClientForRoleAsync("viewer");

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync("/api/purchase-orders/from-alerts", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/api/purchase-orders/from-alerts")).StatusCode);
    }
}
