using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Cloud.Tests.Infrastructure;
using Inventory.Domain.Lots;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Edge.Infrastructure.Data.Entities;
using Inventory.Edge.Tests.Infrastructure;
using Inventory.Sync;
using Inventory.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inventory.Cloud.Tests.Replication;

/// <summary>
/// A recall for real: a cloud on PostgreSQL, box WH2 on SQLite whose link to the cloud runs through a relay the test
/// cuts. A hold placed in the cloud while the box is offline reaches it when it reconnects and is enforced there after
/// it goes offline again; a hold placed at a box reaches the cloud and the other boxes.
/// </summary>
public sealed class LotHoldReplicationTests : IAsyncLifetime
{
    private readonly CloudHost _cloud = new();
    private TcpRelay _link = null!;
    private EdgeHost _box = null!;

    public async Task InitializeAsync()
    {
        await _cloud.InitializeAsync();
        _link = new TcpRelay(_cloud.Port);
        _box = await Fleet.StartEdgeAsync(_cloud, "WH2", via: _link.Address);
    }

    public async Task DisposeAsync()
    {
        await _box.DisposeAsync();
        await _link.DisposeAsync();
        await _cloud.DisposeAsync();
    }

    private static async Task<Lot?> LotAtAsync(EdgeHost box, Guid product, string code)
    {
        await using var db = await box.Services.GetRequiredService<IDbContextFactory<EdgeDbContext>>().CreateDbContextAsync();
        return await db.Lots.AsNoTracking().SingleOrDefaultAsync(l => l.ProductId == product && l.Code == code);
    }

    private static async Task<JsonElement?> CloudLotAsync(HttpClient cloud, Guid product, string code)
    {
        var list = await cloud.GetFromJsonAsync<JsonElement>($"/api/lots?productId={product}");
        foreach (var item in list.GetProperty("items").EnumerateArray())
        {
            if (item.GetProperty("lot").GetString() == code)
            {
                return item;
            }
        }

        return null;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient cloud, string verb, Guid product, string lot, string? reason) =>
        cloud.PostAsJsonAsync($"/api/lots/{verb}", new { productId = product, lot, reason });

    private async Task<(HttpClient Cloud, HttpClient Box, Guid Product, Guid Location)> SetUpAsync(string sku)
    {
        var cloud = await _cloud.ClientAsync();
        var product = await Fleet.ProductAsync(cloud, sku);
        var box = await Fleet.AdminAsync(_box);
        var location = await Fleet.LocationAsync(box, "RL" + sku[^1]);
        await Fleet.EventuallyAsync(async () => (await box.GetAsync($"/api/products/{product}")).IsSuccessStatusCode, "the cloud's product at the box");
        return (cloud, box, product, location);
    }

    [Fact]
    public async Task A_hold_placed_in_the_cloud_while_WH2_is_offline_is_enforced_there_once_it_reconnects_and_goes_offline_again()
    {
        var (cloud, box, product, location) = await SetUpAsync("LOT-E2E-1");
        var received = await box.PostAsJsonAsync("/api/inventory/receive",
            new { productId = product, locationId = location, quantity = 10, unitCost = 1.5m, lot = "L", expiry = "2099-06-30" });
        Assert.True(received.IsSuccessStatusCode, await received.Content.ReadAsStringAsync());
        await Fleet.SettledAsync(box);
        await Fleet.EventuallyAsync(async () => (await CloudLotAsync(cloud, product, "L"))?.GetProperty("quantity").GetInt64() == 10,
            "the cloud to know lot L from WH2's stock");
        var known = (await CloudLotAsync(cloud, product, "L"))!.Value;
        Assert.Equal((LotStatus.Available, "2099-06-30"), (known.GetProperty("status").GetString(), known.GetProperty("expiry").GetString()));
        var site = Assert.Single(known.GetProperty("sites").EnumerateArray());
        Assert.Equal(("WH2", 10L), (site.GetProperty("siteCode").GetString(), site.GetProperty("quantity").GetInt64()));

        // Bad input changes nothing.
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(cloud, "hold", product, "NO-SUCH-LOT", "recall")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(cloud, "release", product, "L", "not held")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(cloud, "hold", product, "L", " ")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await cloud.GetAsync("/api/lots")).StatusCode);

        _link.Cut();
        var hold = await PostAsync(cloud, "hold", product, "L", "Supplier recall R-7");
        Assert.True(hold.StatusCode == HttpStatusCode.OK, await hold.Content.ReadAsStringAsync());
        var held = await hold.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((LotStatus.Hold, "Supplier recall R-7"), (held.GetProperty("status").GetString(), held.GetProperty("holdReason").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(cloud, "hold", product, "L", "again")).StatusCode);
        Assert.NotEqual(LotStatus.Hold, (await LotAtAsync(_box, product, "L"))?.Status);

        _link.Restore();
        await Fleet.EventuallyAsync(async () => (await LotAtAsync(_box, product, "L"))?.Status == LotStatus.Hold,
            "the hold to reach WH2", TimeSpan.FromSeconds(90));
        Assert.Equal("Supplier recall R-7", (await LotAtAsync(_box, product, "L"))!.HoldReason);

        _link.Cut();
        // Enforced by the box's FEFO rules (issue 14): a held lot is never allocated, also offline.
        var ship = await box.PostAsJsonAsync("/api/inventory/ship", new { productId = product, locationId = location, quantity = 1, lot = "L" });
        Assert.True(ship.StatusCode == HttpStatusCode.Conflict, $"{(int)ship.StatusCode}: {await ship.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task A_hold_placed_at_a_box_reaches_the_cloud_and_the_other_box_and_a_release_in_the_cloud_reaches_both()
    {
        var (cloud, _, product, _) = await SetUpAsync("LOT-E2E-2");
        await using var first = await Fleet.StartEdgeAsync(_cloud, "WH1");
        using var firstClient = await Fleet.AdminAsync(first);
        await Fleet.EventuallyAsync(async () => (await firstClient.GetAsync($"/api/products/{product}")).IsSuccessStatusCode,
            "the cloud's product at WH1");

        var now = DateTimeOffset.UtcNow;
        await using (var db = await first.Services.GetRequiredService<IDbContextFactory<EdgeDbContext>>().CreateDbContextAsync())
        {
            db.Lots.Add(new Lot
            {
                Id = DeterministicIds.Lot(product, "B-9"), ProductId = product, Code = "B-9", Expiry = new DateOnly(2099, 1, 31),
                Status = LotStatus.Hold, HoldReason = "Quality stop at WH1", HeldAt = now, UpdatedAt = now,
            });
            await db.SaveChangesAsync();
        }

        await Fleet.EventuallyAsync(async () => (await CloudLotAsync(cloud, product, "B-9"))?.GetProperty("status").GetString() == LotStatus.Hold,
            "the box's hold in the cloud");
        Assert.Equal("Quality stop at WH1", (await CloudLotAsync(cloud, product, "B-9"))!.Value.GetProperty("holdReason").GetString());
        await Fleet.EventuallyAsync(async () => (await LotAtAsync(_box, product, "B-9"))?.Status == LotStatus.Hold, "the hold at WH2");

        var release = await PostAsync(cloud, "release", product, "B-9", "Cleared by quality");
        Assert.True(release.StatusCode == HttpStatusCode.OK, await release.Content.ReadAsStringAsync());
        await Fleet.EventuallyAsync(async () => (await LotAtAsync(first, product, "B-9"))?.Status == LotStatus.Available
            && (await LotAtAsync(_box, product, "B-9"))?.Status == LotStatus.Available, "the release at both boxes");
        Assert.Null((await LotAtAsync(first, product, "B-9"))!.HoldReason);
    }
}
