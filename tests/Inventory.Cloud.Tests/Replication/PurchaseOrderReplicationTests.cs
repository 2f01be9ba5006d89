using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Cloud.Tests.Infrastructure;
using Inventory.Edge.Tests.Infrastructure;
using Inventory.Testing;

namespace Inventory.Cloud.Tests.Replication;

/// <summary>
/// A purchase order between head office and its box, for real: a cloud on PostgreSQL, a box on SQLite whose
/// link to the cloud runs through a relay the test cuts, so the box works offline while head office goes on.
/// </summary>
public sealed class PurchaseOrderReplicationTests : IAsyncLifetime
{
    private readonly CloudHost _cloud = new();
    private TcpRelay _link = null!;
    private EdgeHost _box = null!;

    public async Task InitializeAsync()
    {
        await _cloud.InitializeAsync();
        _link = new TcpRelay(_cloud.Port);
        _box = await Fleet.StartEdgeAsync(_cloud, "POBOX", via: _link.Address);
    }

    public async Task DisposeAsync()
    {
        await _box.DisposeAsync();
        await _link.DisposeAsync();
        await _cloud.DisposeAsync();
    }

    private sealed record Setup(HttpClient Cloud, HttpClient Box, Guid Product, Guid Location, Guid Supplier);

    private async Task<Setup> SetUpAsync(string sku)
    {
        var cloud = await _cloud.ClientAsync();
        var product = await Fleet.ProductAsync(cloud, sku);
        var supplier = await CreatedIdAsync(await cloud.PostAsJsonAsync("/api/suppliers",
            new { code = "SUP-" + sku, name = "Supplier " + sku, email = "orders@supplier.test", leadTimeDays = 5, currency = "EUR", overReceiptTolerancePercent = 0m }));
        var box = await Fleet.AdminAsync(_box);
        var location = await Fleet.LocationAsync(box, "R" + sku[^1]);
        await Fleet.EventuallyAsync(async () => (await box.GetAsync($"/api/products/{product}")).IsSuccessStatusCode
            && (await box.GetAsync($"/api/suppliers/{supplier}")).IsSuccessStatusCode, "the cloud's product and supplier at the box");
        await Fleet.SettledAsync(box);
        return new Setup(cloud, box, product, location, supplier);
    }

    private static async Task<Guid> CreatedIdAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<(Guid Po, Guid Line)> CloudPoAsync(Setup s, decimal quantity)
    {
        var response = await s.Cloud.PostAsJsonAsync("/api/purchase-orders", new
        {
            supplierId = s.Supplier, locationId = s.Location, expectedDate = "2027-01-15", notes = "from head office",
            lines = new[] { new { productId = s.Product, quantity, unitPrice = 2.5m } },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var po = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("PO-HQ-", po.GetProperty("number").GetString(), StringComparison.Ordinal);
        var id = po.GetProperty("id").GetGuid();
        var sent = await s.Cloud.PostAsync($"/api/purchase-orders/{id}/send", null);
        Assert.True(sent.IsSuccessStatusCode, await sent.Content.ReadAsStringAsync());
        return (id, po.GetProperty("lines")[0].GetProperty("id").GetGuid());
    }

    private static async Task<JsonElement> PoAsync(HttpClient client, Guid po) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/purchase-orders/{po}");

    private static async Task ReceiveAsync(HttpClient box, Guid po, Guid line, decimal quantity)
    {
        var response = await box.PostAsJsonAsync($"/api/purchase-orders/{po}/receive",
            new { id = Guid.CreateVersion7(), lines = new[] { new { lineId = line, quantity } } });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_po_made_in_the_cloud_is_received_offline_at_the_box_and_the_cloud_shows_it_received()
    {
        var s = await SetUpAsync("PO-E2E-1");
        var (po, line) = await CloudPoAsync(s, 10m);
        await Fleet.EventuallyAsync(async () => (await s.Box.GetAsync($"/api/purchase-orders/{po}")).IsSuccessStatusCode, "the PO at its box");

        _link.Cut();
        await ReceiveAsync(s.Box, po, line, 6m);
        await ReceiveAsync(s.Box, po, line, 4m);
        Assert.Equal("received", (await PoAsync(s.Box, po)).GetProperty("status").GetString());
        Assert.Equal("sent", (await PoAsync(s.Cloud, po)).GetProperty("status").GetString());

        _link.Restore();
        await Fleet.SettledAsync(s.Box, TimeSpan.FromSeconds(90));
        await Fleet.EventuallyAsync(async () => (await PoAsync(s.Cloud, po)).GetProperty("status").GetString() == "received",
            "the cloud to see the PO received");
        var inCloud = await PoAsync(s.Cloud, po);
        Assert.Equal(10m, inCloud.GetProperty("lines")[0].GetProperty("received").GetDecimal());
        Assert.False(inCloud.TryGetProperty("needsAttention", out var flag) && flag.GetBoolean());
    }

    [Fact]
    public async Task A_cancel_in_the_cloud_during_an_offline_receipt_ends_received_and_flagged()
    {
        var s = await SetUpAsync("PO-E2E-2");
        var (po, line) = await CloudPoAsync(s, 5m);
        await Fleet.EventuallyAsync(async () => (await s.Box.GetAsync($"/api/purchase-orders/{po}")).IsSuccessStatusCode, "the PO at its box");

        _link.Cut();
        await ReceiveAsync(s.Box, po, line, 5m);
        var cancel = await s.Cloud.PostAsync($"/api/purchase-orders/{po}/cancel", null);
        Assert.True(cancel.IsSuccessStatusCode, await cancel.Content.ReadAsStringAsync());
        Assert.Equal("cancelled", (await PoAsync(s.Cloud, po)).GetProperty("status").GetString());

        _link.Restore();
        await Fleet.SettledAsync(s.Box, TimeSpan.FromSeconds(90));
        await Fleet.EventuallyAsync(async () => (await PoAsync(s.Cloud, po)).GetProperty("status").GetString() == "received",
            "the goods to win over the cancel in the cloud");
        Assert.True((await PoAsync(s.Cloud, po)).GetProperty("needsAttention").GetBoolean());
        await Fleet.EventuallyAsync(async () =>
        {
            var atBox = await PoAsync(s.Box, po);
            return atBox.GetProperty("status").GetString() == "received" && atBox.GetProperty("needsAttention").GetBoolean();
        }, "the box to learn of the cancel and flag the PO");
        var level = await s.Box.GetFromJsonAsync<JsonElement>($"/api/inventory/{s.Product}");
        Assert.Equal(5, level.GetProperty("total").GetInt64());
    }
}
