using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Cloud.Tests.Infrastructure;
using Inventory.Edge.Tests.Infrastructure;

namespace Inventory.Cloud.Tests.Replication;

/// <summary>
/// A lot received at WH1, sent in part to WH2 and shipped at both: the cloud's trace holds every receipt, the
/// cross-site transfer with both ends and every shipment, and the rest on hand per site; each box's trace its own.
/// </summary>
public sealed class LotTraceReplicationTests : IAsyncLifetime
{
    private readonly CloudHost _cloud = new();
    private EdgeHost _wh1 = null!;
    private EdgeHost _wh2 = null!;

    public async Task InitializeAsync()
    {
        await _cloud.InitializeAsync();
        _wh1 = await Fleet.StartEdgeAsync(_cloud, "WH1");
        _wh2 = await Fleet.StartEdgeAsync(_cloud, "WH2");
    }

    public async Task DisposeAsync()
    {
        await _wh1.DisposeAsync();
        await _wh2.DisposeAsync();
        await _cloud.DisposeAsync();
    }

    [Fact]
    public async Task The_clouds_trace_follows_the_lot_across_sites_and_each_box_traces_its_own()
    {
        using var cloudAdmin = await _cloud.ClientAsync();
        var product = await Fleet.ProductAsync(cloudAdmin, "TRACE-1");
        using var wh1 = await Fleet.AdminAsync(_wh1);
        using var wh2 = await Fleet.AdminAsync(_wh2);
        var from = await Fleet.LocationAsync(wh1, "W1-DOCK");
        var to = await Fleet.LocationAsync(wh2, "W2-DOCK");
        await Fleet.EventuallyAsync(async () => (await wh1.GetAsync($"/api/products/{product}")).IsSuccessStatusCode
            && (await wh2.GetAsync($"/api/products/{product}")).IsSuccessStatusCode, "the product at both boxes");
        await Fleet.EventuallyAsync(async () => (await wh1.GetFromJsonAsync<JsonElement>("/api/locations")).ToString().Contains(to.ToString()),
            "WH2's location known at WH1");

        await PostOkAsync(wh1, "/api/inventory/receive", new { productId = product, locationId = from, quantity = 100, lot = "L-7", unitCost = 3m });
        await PostOkAsync(wh1, "/api/inventory/transfer", new { productId = product, fromLocationId = from, toLocationId = to, quantity = 30, lot = "L-7" });
        Guid transferId = default;
        await Fleet.EventuallyAsync(async () =>
        {
            var items = (await wh2.GetFromJsonAsync<JsonElement>("/api/transfers?status=in_transit")).GetProperty("items").EnumerateArray().ToList();
            transferId = items.Count == 1 ? items[0].GetProperty("id").GetGuid() : default;
            return items.Count == 1;
        }, "the transfer in transit at WH2");
        await PostOkAsync(wh2, $"/api/transfers/{transferId}/receive", new { quantity = 30 });
        await PostOkAsync(wh1, "/api/inventory/ship", new { productId = product, locationId = from, quantity = 20, lot = "L-7" });
        await PostOkAsync(wh2, "/api/inventory/ship", new { productId = product, locationId = to, quantity = 10, lot = "L-7" });
        await Fleet.SettledAsync(wh1);
        await Fleet.SettledAsync(wh2);

        JsonElement trace = default;
        await Fleet.EventuallyAsync(async () =>
        {
            trace = await cloudAdmin.GetFromJsonAsync<JsonElement>($"/api/lots/trace?productId={product}&lot=L-7");
            return trace.GetProperty("shipments").GetArrayLength() == 2
                && trace.GetProperty("transfers").EnumerateArray().Any(t => t.TryGetProperty("quantityIn", out var q) && q.ValueKind == JsonValueKind.Number);
        }, "both shipments and the received transfer in the cloud");

        var receipt = Assert.Single(trace.GetProperty("receipts").EnumerateArray());
        Assert.Equal(("WH1", 100L), (receipt.GetProperty("siteCode").GetString(), receipt.GetProperty("quantity").GetInt64()));
        var transfer = Assert.Single(trace.GetProperty("transfers").EnumerateArray());
        Assert.Equal(("WH1", from, "WH2", to, 30L, 30L), (transfer.GetProperty("fromSite").GetString(), transfer.GetProperty("fromLocationId").GetGuid(),
            transfer.GetProperty("toSite").GetString(), transfer.GetProperty("toLocationId").GetGuid(), transfer.GetProperty("quantityOut").GetInt64(),
            transfer.GetProperty("quantityIn").GetInt64()));
        Assert.Equal([("WH1", 20L), ("WH2", 10L)], trace.GetProperty("shipments").EnumerateArray()
            .Select(s => (s.GetProperty("siteCode").GetString()!, s.GetProperty("quantity").GetInt64())).OrderBy(s => s.Item1).ToList());
        await Fleet.EventuallyAsync(async () =>
        {
            var t = await cloudAdmin.GetFromJsonAsync<JsonElement>($"/api/lots/trace?productId={product}&lot=L-7");
            var onHand = t.GetProperty("onHand").EnumerateArray()
                .Select(h => (h.GetProperty("siteCode").GetString()!, h.GetProperty("quantity").GetInt64())).OrderBy(h => h.Item1).ToList();
            return onHand.SequenceEqual([("WH1", 50L), ("WH2", 20L)]);
        }, "50 on hand at WH1 and 20 at WH2 in the cloud's trace");

        // Each box traces its own ledger: WH1 the receipt, the transfer out and its shipment; WH2 the arrival and its shipment.
        var atWh1 = await wh1.GetFromJsonAsync<JsonElement>($"/api/lots/trace?productId={product}&lot=L-7");
        Assert.Single(atWh1.GetProperty("receipts").EnumerateArray());
        Assert.Equal(20, Assert.Single(atWh1.GetProperty("shipments").EnumerateArray()).GetProperty("quantity").GetInt64());
        Assert.Equal(30, Assert.Single(atWh1.GetProperty("transfers").EnumerateArray()).GetProperty("quantityOut").GetInt64());
        Assert.Equal(50, Assert.Single(atWh1.GetProperty("onHand").EnumerateArray()).GetProperty("quantity").GetInt64());
        var atWh2 = await wh2.GetFromJsonAsync<JsonElement>($"/api/lots/trace?productId={product}&lot=L-7");
        Assert.Empty(atWh2.GetProperty("receipts").EnumerateArray());
        Assert.Equal(10, Assert.Single(atWh2.GetProperty("shipments").EnumerateArray()).GetProperty("quantity").GetInt64());
        var arrived = Assert.Single(atWh2.GetProperty("transfers").EnumerateArray());
        Assert.Equal(("WH1", 30L), (arrived.GetProperty("fromSite").GetString(), arrived.GetProperty("quantityIn").GetInt64()));
        Assert.Equal(20, Assert.Single(atWh2.GetProperty("onHand").EnumerateArray()).GetProperty("quantity").GetInt64());

        var csv = await cloudAdmin.GetStringAsync($"/api/lots/trace?productId={product}&lot=L-7&format=csv");
        Assert.StartsWith("section,", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await cloudAdmin.GetAsync($"/api/lots/trace?productId={product}&lot=NONE")).StatusCode);
    }

    private static async Task PostOkAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
