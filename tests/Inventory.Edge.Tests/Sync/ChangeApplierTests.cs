using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Edge.Tests.Infrastructure;
using Inventory.Sync;

namespace Inventory.Edge.Tests.Sync;

public sealed class ChangeApplierTests(EdgeHost edge) : IClassFixture<EdgeHost>
{
    private static ProductRecord Product(Guid id, string sku, string name, params string[] barcodes) => new(
        id, sku, name, null, null, null, null, 2m, 4m, null, null, null, "each", null, null, true,
        [.. barcodes.Select(b => new BarcodeRecord(b, "unit", 1))], DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);

    [Fact]
    public async Task PulledProduct_LaterStampReplaces_EarlierIgnored_NoOutboxRow()
    {
        using var client = await edge.ClientAsync();
        var sku = "PULL-" + Guid.NewGuid().ToString("N")[..8];
        var id = await client.CreateProductAsync(sku, barcodes: ["4006381333931"]);
        var outboxBefore = (await edge.OutboxAsync(id)).Count;

        var later = await edge.ApplyAsync(SyncTestData.Change(ChangeKinds.Product, id,
            Product(id, sku, "Cloud name", "5012345678900", "9780201379624"), SyncTestData.Later(TimeSpan.FromMinutes(1))));
        var earlier = await edge.ApplyAsync(SyncTestData.Change(ChangeKinds.Product, id,
            Product(id, sku, "Stale name"), SyncTestData.Earlier()));

        Assert.Equal((1, 0), (later.Applied, later.Ignored));
        Assert.Equal((0, 1), (earlier.Applied, earlier.Ignored));
        var product = await client.GetFromJsonAsync<JsonElement>($"/api/products/{id}");
        Assert.Equal("Cloud name", product.GetProperty("name").GetString());
        Assert.Equal(["5012345678900", "9780201379624"],
            product.GetProperty("barcodes").EnumerateArray().Select(b => b.GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal(outboxBefore, (await edge.OutboxAsync(id)).Count);
        // The old barcode no longer finds the product: the set was replaced, not merged.
        var scan = await client.PostAsJsonAsync("/api/scan", new { code = "4006381333931", action = "lookup" });
        Assert.False((await scan.ReadJsonAsync()).GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task PulledProduct_New_IsInsertedAndSearchable_AndALocalEditAfterItStampsLater()
    {
        using var client = await edge.ClientAsync();
        var id = Guid.CreateVersion7();
        var sku = "NEW-" + Guid.NewGuid().ToString("N")[..8];
        var stamp = SyncTestData.Later(TimeSpan.FromMinutes(2));

        await edge.ApplyAsync(SyncTestData.Change(ChangeKinds.Product, id, Product(id, sku, "From the cloud"), stamp));
        var found = await client.GetFromJsonAsync<JsonElement>($"/api/products?q={sku}");
        var update = await client.PutAsJsonAsync($"/api/products/{id}", new { sku, name = "Edited here", unit = "each", version = 1 });

        Assert.Equal(id, found.GetProperty("items")[0].GetProperty("id").GetGuid());
        update.EnsureSuccessStatusCode();
        var row = Assert.Single(await edge.OutboxAsync(id));
        Assert.Equal(stamp, row.BaseHlc);
        Assert.True(HybridLogicalClock.IsLater(row.Hlc, stamp), $"{row.Hlc} should be later than the observed {stamp}");
    }

    [Fact]
    public async Task PulledProduct_SkuOfALocalProduct_LocalOneIsRenamed()
    {
        using var client = await edge.ClientAsync();
        var sku = "CLASH-" + Guid.NewGuid().ToString("N")[..6];
        var local = await client.CreateProductAsync(sku);
        var cloudId = Guid.CreateVersion7();

        var result = await edge.ApplyAsync(SyncTestData.Change(ChangeKinds.Product, cloudId, Product(cloudId, sku, "Cloud's")));

        Assert.Equal(1, result.Applied);
        Assert.Equal($"{sku}~WH1", (await client.GetFromJsonAsync<JsonElement>($"/api/products/{local}")).GetProperty("sku").GetString());
        Assert.Equal(sku, (await client.GetFromJsonAsync<JsonElement>($"/api/products/{cloudId}")).GetProperty("sku").GetString());
    }

    [Fact]
    public async Task PulledCategoryAndLocation_AreStored_WithoutOutboxRows()
    {
        var category = new CategoryRecord(Guid.CreateVersion7(), "Cloud cat " + Guid.NewGuid().ToString("N")[..6], null);
        var location = SyncTestData.OtherSiteLocation("WH3");

        var result = await edge.ApplyAsync(
            SyncTestData.Change(ChangeKinds.Category, category.Id, category),
            SyncTestData.Change(ChangeKinds.Location, location.Id, location),
            SyncTestData.Change(ChangeKinds.Bin, Guid.CreateVersion7(), new BinRecord(Guid.CreateVersion7(), location.Id, "Z-9", null, true)));

        Assert.Equal(3, result.Applied);
        Assert.Equal("WH3", await edge.ScalarAsync("SELECT site_code FROM locations WHERE id = $id", ("$id", location.Id.ToString("D"))));
        Assert.Empty(await edge.OutboxAsync(category.Id));
        Assert.Empty(await edge.OutboxAsync(location.Id));
    }

    [Fact]
    public async Task PulledLevelSummary_ShowsAsOtherSites_LeavesOwnLevelsAlone()
    {
        using var client = await edge.ClientAsync();
        var product = await client.CreateProductAsync();
        var own = await client.CreateLocationAsync();
        await client.ReceiveAsync(product, own, 7);
        var remote = await edge.PullOtherSiteLocationAsync("WH2");

        await edge.ApplyAsync(SyncTestData.Change(ChangeKinds.LevelSummary, product,
            new LevelSummaryRecord(product, remote, "WH2", 40, 5, DateTimeOffset.UtcNow)));
        var body = await client.GetFromJsonAsync<JsonElement>($"/api/inventory/{product}");

        Assert.Equal(7, body.GetProperty("total").GetInt64());
        var other = Assert.Single(body.GetProperty("otherSites").EnumerateArray());
        Assert.Equal(("WH2", 40L, 35L), (other.GetProperty("siteCode").GetString(), other.GetProperty("quantity").GetInt64(), other.GetProperty("available").GetInt64()));
        Assert.Equal(remote, other.GetProperty("locationId").GetGuid());
    }

    [Fact]
    public async Task PulledUser_CanSignIn_AndAStalerCopyDoesNotUndoIt()
    {
        var id = Guid.CreateVersion7();
        var name = "cloud-" + Guid.NewGuid().ToString("N")[..8];
        var user = new UserRecord(id, name, Inventory.Web.Auth.PasswordHasher.Hash("cloud-pass-1"), "staff", true, "STAMP1");

        await edge.ApplyAsync(SyncTestData.Change(ChangeKinds.User, id, user, SyncTestData.Later(TimeSpan.FromSeconds(5))));
        await edge.ApplyAsync(SyncTestData.Change(ChangeKinds.User, id, user with { IsActive = false }, SyncTestData.Earlier()));

        using var client = await edge.ClientAsync(name, "cloud-pass-1");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/api/locations")).StatusCode);
    }
}

/// <summary>Own host: the cloud's "admin" displaces the box's bootstrap admin, which other tests sign in with.</summary>
public sealed class PulledAdminTests : IAsyncLifetime
{
    private readonly EdgeHost _edge = new();

    public Task InitializeAsync() => _edge.InitializeAsync();

    public Task DisposeAsync() => _edge.DisposeAsync();

    [Fact]
    public async Task PulledAdmin_WinsTheName_LocalAdminRenamedAndDisabled()
    {
        using var before = await _edge.ClientAsync();
        var cloudAdmin = new UserRecord(Guid.CreateVersion7(), "admin", Inventory.Web.Auth.PasswordHasher.Hash("cloud-admin-pass"), "manager", true, "S1");

        await _edge.ApplyAsync(SyncTestData.Change(ChangeKinds.User, cloudAdmin.Id, cloudAdmin));

        using var anonymous = _edge.Anonymous();
        var oldPassword = await anonymous.PostAsJsonAsync("/api/auth/token", new { username = "admin", password = EdgeHost.AdminPassword });
        var renamed = await anonymous.PostAsJsonAsync("/api/auth/token", new { username = "admin~WH1", password = EdgeHost.AdminPassword });
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, oldPassword.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, renamed.StatusCode);
        // The token issued to the local admin before is dead: its user was disabled with a new security stamp.
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await before.GetAsync("/api/locations")).StatusCode);
        using var cloud = await _edge.ClientAsync("admin", "cloud-admin-pass");
        var users = await cloud.GetFromJsonAsync<JsonElement>("/api/users");
        var local = users.EnumerateArray().Single(u => u.GetProperty("username").GetString() == "admin~WH1");
        Assert.False(local.GetProperty("isActive").GetBoolean());
    }
}
