using System.Net.Http.Json;
using Inventory.Cloud.Infrastructure.Data;
using Inventory.Cloud.Tests.Infrastructure;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Edge.Tests.Infrastructure;
using Inventory.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inventory.Cloud.Tests.Replication;

/// <summary>
/// A receipt at box WH1 that meets a new lot writes the lot's row and its outbox row in the writer's transaction: the
/// cloud (PostgreSQL) stores the lot, with the expiry shelf life gave it, and box WH2 gets it at its next pull.
/// </summary>
public sealed class LotReceiptReplicationTests : IAsyncLifetime
{
    private readonly CloudHost _cloud = new();

    public Task InitializeAsync() => _cloud.InitializeAsync();

    public Task DisposeAsync() => _cloud.DisposeAsync();

    [Fact]
    public async Task A_lot_first_received_at_WH1_reaches_the_cloud_and_WH2_with_its_shelf_life_expiry()
    {
        using var cloud = await _cloud.ClientAsync();
        var created = await cloud.PostAsJsonAsync("/api/products",
            new { sku = "LOT-RCV-1", name = "Yoghurt", unit = "each", lotTracked = true, shelfLifeDays = 20 });
        created.EnsureSuccessStatusCode();
        var product = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        await using var wh1 = await Fleet.StartEdgeAsync(_cloud, "WH1");
        await using var wh2 = await Fleet.StartEdgeAsync(_cloud, "WH2");
        using var box = await Fleet.AdminAsync(wh1);
        var location = await Fleet.LocationAsync(box, "RCV1");
        await Fleet.EventuallyAsync(async () => (await box.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/products/{product}"))
            .TryGetProperty("lotTracked", out var tracked) && tracked.GetBoolean(), "the lot-tracked product at WH1");

        var refused = await box.PostAsJsonAsync("/api/inventory/receive", new { productId = product, locationId = location, quantity = 5, unitCost = 1m });
        var received = await box.PostAsJsonAsync("/api/inventory/receive",
            new { productId = product, locationId = location, quantity = 5, unitCost = 1m, lot = "Y-1" });

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True(received.IsSuccessStatusCode, await received.Content.ReadAsStringAsync());
        var id = DeterministicIds.Lot(product, "Y-1");
        var expiry = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20);
        await Fleet.EventuallyAsync(async () =>
        {
            await using var db = await _cloud.Services.GetRequiredService<IDbContextFactory<CloudDbContext>>().CreateDbContextAsync();
            return await db.Lots.AsNoTracking().AnyAsync(l => l.Id == id && l.Code == "Y-1" && l.Expiry == expiry);
        }, "the lot row in the cloud");
        await Fleet.EventuallyAsync(async () =>
        {
            await using var db = await wh2.Services.GetRequiredService<IDbContextFactory<EdgeDbContext>>().CreateDbContextAsync();
            return await db.Lots.AsNoTracking().AnyAsync(l => l.Id == id && l.Expiry == expiry);
        }, "the lot row at WH2", TimeSpan.FromSeconds(60));
    }
}
