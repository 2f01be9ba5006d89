using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Cloud.Tests.Infrastructure;
using Inventory.Edge.Tests.Infrastructure;
using Inventory.Testing;

namespace Inventory.Cloud.Tests.Replication;

/// <summary>
/// A cycle count made, counted, submitted and approved at box WH1 while its link to the cloud is cut reaches the cloud's
/// accuracy report once the link is back: real PostgreSQL, a real box on SQLite, the link through a relay.
/// </summary>
public sealed class CountReplicationTests : IAsyncLifetime
{
    private readonly CloudHost _cloud = new();
    private TcpRelay _link = null!;
    private EdgeHost _box = null!;

    public async Task InitializeAsync()
    {
        await _cloud.InitializeAsync();
        _link = new TcpRelay(_cloud.Port);
        _box = await Fleet.StartEdgeAsync(_cloud, "WH1", via: _link.Address);
    }

    public async Task DisposeAsync()
    {
        await _box.DisposeAsync();
        await _link.DisposeAsync();
        await _cloud.DisposeAsync();
    }

    [Fact]
    public async Task A_count_made_offline_at_the_box_reaches_the_clouds_accuracy_report_after_reconnecting()
    {
        using var cloud = await _cloud.ClientAsync();
        var first = await Fleet.ProductAsync(cloud, "CNT-E2E-1");
        var second = await Fleet.ProductAsync(cloud, "CNT-E2E-2");
        using var box = await Fleet.AdminAsync(_box);
        var location = await Fleet.LocationAsync(box, "CNT1");
        foreach (var product in new[] { first, second })
        {
            await Fleet.EventuallyAsync(async () => (await box.GetAsync($"/api/products/{product}")).IsSuccessStatusCode, "the cloud's product at the box");
            var received = await box.PostAsJsonAsync("/api/inventory/receive", new { productId = product, locationId = location, quantity = 100, unitCost = 1m });
            Assert.True(received.IsSuccessStatusCode, await received.Content.ReadAsStringAsync());
        }

        _link.Cut();
        var created = await box.PostAsJsonAsync("/api/cycle-counts", new { locationId = location, blind = true });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var count = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = count.GetProperty("id").GetGuid();
        var lines = count.GetProperty("lines").EnumerateArray()
            .ToDictionary(l => l.GetProperty("productId").GetGuid(), l => l.GetProperty("id").GetGuid());
        var counted = await box.PostAsJsonAsync($"/api/cycle-counts/{id}/counts", new
        {
            lines = new[] { new { lineId = lines[first], counted = 100 }, new { lineId = lines[second], counted = 80 } },
        });
        Assert.True(counted.IsSuccessStatusCode, await counted.Content.ReadAsStringAsync());
        var submitted = await (await box.PostAsync($"/api/cycle-counts/{id}/submit", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("needs_approval", submitted.GetProperty("status").GetString());
        var approved = await box.PostAsJsonAsync($"/api/cycle-counts/{id}/approve", new { reason = "Broken case found and binned" });
        Assert.True(approved.IsSuccessStatusCode, await approved.Content.ReadAsStringAsync());

        var empty = await cloud.GetFromJsonAsync<JsonElement>("/api/reports/inventory-accuracy?siteCode=WH1");
        Assert.Equal(0, empty.GetProperty("linesCounted").GetInt64());

        _link.Restore();
        await Fleet.EventuallyAsync(async () =>
            (await cloud.GetFromJsonAsync<JsonElement>("/api/reports/inventory-accuracy?siteCode=WH1")).GetProperty("linesCounted").GetInt64() == 2,
            "the count in the cloud's accuracy report", TimeSpan.FromSeconds(90));
        var report = await cloud.GetFromJsonAsync<JsonElement>("/api/reports/inventory-accuracy?siteCode=WH1");
        Assert.Equal(1, report.GetProperty("linesWithinTolerance").GetInt64());
        Assert.Equal(0.5m, report.GetProperty("accuracy").GetDecimal());
        Assert.DoesNotContain("expected", report.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }
}
