using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Cloud.Features.Catalog;
using Inventory.Cloud.Tests.Infrastructure;
using Inventory.Edge.Tests.Infrastructure;
using Inventory.Sync;
using Microsoft.Extensions.DependencyInjection;

namespace Inventory.Cloud.Tests.Replication;

/// <summary>A real cloud and a real box: a product the catalog's rules refuse never reaches the box's catalog.</summary>
public sealed class RefusedProductTests : IAsyncLifetime
{
    private readonly CloudHost _cloud = new();
    private EdgeHost _box = null!;

    public async Task InitializeAsync()
    {
        await _cloud.InitializeAsync();
        _box = await Fleet.StartEdgeAsync(_cloud, "RULES");
    }

    public async Task DisposeAsync()
    {
        await _box.DisposeAsync();
        await _cloud.DisposeAsync();
    }

    [Fact]
    public async Task A_product_with_a_bad_GTIN_from_the_cloud_ends_in_the_boxs_conflict_log_not_its_catalog()
    {
        // The cloud's API refuses such a product now; its feed writer does not check, so the test writes there,
        // as a cloud from before the shared rule (or a hand-edited row) would have.
        var bad = Guid.CreateVersion7();
        var writes = _cloud.Services.GetRequiredService<CloudWrites>();
        await writes.SaveAsync(ChangeKinds.Product, bad, new ProductRecord(
            bad, "CLOUD-BAD", "Bad check digit", null, null, null, null, 2m, 4m, 5, 10, null, "each", null, null, true,
            [new BarcodeRecord("4006381333932", "unit", 1)], DateTimeOffset.UtcNow, DateTimeOffset.UtcNow), CancellationToken.None);
        using var cloudAdmin = await _cloud.ClientAsync();
        // Written after the bad one: once it is at the box, the box has pulled past the bad one.
        var good = await Fleet.ProductAsync(cloudAdmin, "CLOUD-GOOD");
        using var box = await Fleet.AdminAsync(_box);

        await Fleet.EventuallyAsync(async () => (await box.GetAsync($"/api/products/{good}")).IsSuccessStatusCode, "the good product at the box");

        Assert.Equal(HttpStatusCode.NotFound, (await box.GetAsync($"/api/products/{bad}")).StatusCode);
        var listed = await box.GetFromJsonAsync<JsonElement>("/api/products?includeInactive=true&limit=500");
        Assert.DoesNotContain(listed.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetGuid() == bad);
        var conflicts = await box.GetFromJsonAsync<JsonElement>("/api/sync/conflicts");
        var conflict = Assert.Single(conflicts.GetProperty("items").EnumerateArray(), c => c.GetProperty("entityId").GetGuid() == bad);
        Assert.Equal("product", conflict.GetProperty("kind").GetString());
        Assert.Contains("'4006381333932' looks like an EAN/UPC/GTIN but its check digit is wrong.",
            conflict.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("CLOUD-BAD", conflict.GetProperty("data").GetProperty("sku").GetString());
    }
}
