using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Edge.Tests.Infrastructure;

namespace Inventory.Edge.Tests.Lots;

/// <summary>
/// GET /api/lots/trace at a box: a lot received at one location, moved in part to another, shipped and scrapped in part
/// shows each movement in its list and the rest on hand where it is; cost only for roles that see costs.
/// </summary>
public sealed class LotTraceTests(EdgeHost edge) : IClassFixture<EdgeHost>
{
    private sealed record Traced(Guid Product, Guid Dock, Guid Shelf, string Lot);

    private static async Task<Traced> LotThroughTheBoxAsync(HttpClient admin)
    {
        var product = await admin.CreateProductAsync();
        var dock = await admin.CreateLocationAsync();
        var shelf = await admin.CreateLocationAsync();
        const string lot = "TR-1";
        await admin.ReceiveAsync(product, dock, 100, new { lot, bin = "D-1", referenceType = "delivery_note", referenceId = "DN-7" });
        await admin.PostOkAsync("/api/inventory/transfer",
            new { productId = product, fromLocationId = dock, toLocationId = shelf, quantity = 40, lot, toBin = "S-1" });
        await admin.PostOkAsync("/api/inventory/ship", new { productId = product, locationId = shelf, quantity = 15, lot, referenceType = "web", referenceId = "W-1" });
        await admin.PostOkAsync("/api/inventory/adjust", new { productId = product, locationId = dock, quantity = -5, lot, reason = "damage" });
        return new Traced(product, dock, shelf, lot);
    }

    [Fact]
    public async Task Trace_lists_receipt_transfer_shipment_scrap_and_the_rest_on_hand()
    {
        using var admin = await edge.ClientAsync();
        var t = await LotThroughTheBoxAsync(admin);

        var trace = await admin.GetFromJsonAsync<JsonElement>($"/api/lots/trace?productId={t.Product}&lot={t.Lot}");

        Assert.Equal(t.Lot, trace.GetProperty("lot").GetString());
        var receipt = Assert.Single(trace.GetProperty("receipts").EnumerateArray());
        Assert.Equal(100, receipt.GetProperty("quantity").GetInt64());
        Assert.Equal(t.Dock, receipt.GetProperty("locationId").GetGuid());
        Assert.Equal("DN-7", receipt.GetProperty("referenceId").GetString());
        Assert.Equal(2.5m, receipt.GetProperty("unitCost").GetDecimal());
        var transfer = Assert.Single(trace.GetProperty("transfers").EnumerateArray());
        Assert.Equal(t.Dock, transfer.GetProperty("fromLocationId").GetGuid());
        Assert.Equal(t.Shelf, transfer.GetProperty("toLocationId").GetGuid());
        Assert.Equal(40, transfer.GetProperty("quantityOut").GetInt64());
        Assert.Equal(40, transfer.GetProperty("quantityIn").GetInt64());
        var shipment = Assert.Single(trace.GetProperty("shipments").EnumerateArray());
        Assert.Equal(("ship", 15L, "W-1"), (shipment.GetProperty("type").GetString(), shipment.GetProperty("quantity").GetInt64(),
            shipment.GetProperty("referenceId").GetString()));
        // No sales orders yet: the customer is absent (null fields are left out of the JSON).
        Assert.False(shipment.TryGetProperty("customerName", out var customer) && customer.ValueKind != JsonValueKind.Null, shipment.ToString());
        var scrap = Assert.Single(trace.GetProperty("scrapped").EnumerateArray());
        Assert.Equal((5L, "damage"), (scrap.GetProperty("quantity").GetInt64(), scrap.GetProperty("reason").GetString()));
        var onHand = trace.GetProperty("onHand").EnumerateArray()
            .ToDictionary(h => h.GetProperty("locationId").GetGuid(), h => (h.GetProperty("bin").GetString(), h.GetProperty("quantity").GetInt64()));
        Assert.Equal(2, onHand.Count);
        Assert.Equal(("D-1", 55L), onHand[t.Dock]);
        Assert.Equal(("S-1", 25L), onHand[t.Shelf]);
    }

    [Fact]
    public async Task Staff_sees_the_trace_without_unit_cost_and_csv_has_a_section_per_row()
    {
        using var admin = await edge.ClientAsync();
        var t = await LotThroughTheBoxAsync(admin);
        using var staff = await edge.ClientForRoleAsync("staff");

        var trace = await staff.GetFromJsonAsync<JsonElement>($"/api/lots/trace?productId={t.Product}&lot={t.Lot}");
        var receipt = Assert.Single(trace.GetProperty("receipts").EnumerateArray());
        Assert.True(!receipt.TryGetProperty("unitCost", out var cost) || cost.ValueKind == JsonValueKind.Null, receipt.ToString());

        var csv = await staff.GetStringAsync($"/api/lots/trace?productId={t.Product}&lot={t.Lot}&format=csv");
        var sections = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[0]).ToList();
        Assert.Equal(["receipt", "shipment", "transfer", "on_hand", "on_hand", "scrapped"], sections);
    }

    [Fact]
    public async Task An_unknown_lot_is_404_and_a_missing_lot_is_400()
    {
        using var admin = await edge.ClientAsync();
        var product = await admin.CreateProductAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/lots/trace?productId={product}&lot=NOPE")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync($"/api/lots/trace?productId={product}")).StatusCode);
    }
}
