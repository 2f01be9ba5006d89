using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Cloud.Tests.Infrastructure;
using Inventory.Edge.Tests.Infrastructure;

namespace Inventory.Cloud.Tests.Replication;

/// <summary>Two real edges (SQLite files, their own sync agents) and a real cloud on PostgreSQL.</summary>
public sealed class TwoEdgesTests : IAsyncLifetime
{
    private readonly CloudHost _cloud = new();
    private EdgeHost _north = null!;
    private EdgeHost _south = null!;

    public async Task InitializeAsync()
    {
        await _cloud.InitializeAsync();
        _north = await Fleet.StartEdgeAsync(_cloud, "NORTH");
        _south = await Fleet.StartEdgeAsync(_cloud, "SOUTH");
    }

    public async Task DisposeAsync()
    {
        await _north.DisposeAsync();
        await _south.DisposeAsync();
        await _cloud.DisposeAsync();
    }

    [Fact]
    public async Task Movements_made_while_the_cloud_was_down_end_up_identical_everywhere()
    {
        using var cloudAdmin = await _cloud.ClientAsync();
        var product = await Fleet.ProductAsync(cloudAdmin, "TWO-1");
        using var north = await Fleet.AdminAsync(_north);
        using var south = await Fleet.AdminAsync(_south);
        await Fleet.EventuallyAsync(async () => (await north.GetAsync($"/api/products/{product}")).IsSuccessStatusCode
            && (await south.GetAsync($"/api/products/{product}")).IsSuccessStatusCode, "the cloud's product at both boxes");

        await _cloud.StopAsync();
        var northMain = await Fleet.LocationAsync(north, "N-MAIN");
        var southMain = await Fleet.LocationAsync(south, "S-MAIN");
        for (var i = 1; i <= 30; i++)
        {
            await Fleet.ReceiveAsync(north, product, northMain, i);
            await Fleet.ReceiveAsync(south, product, southMain, 2 * i);
            if (i % 3 == 0)
            {
                await Fleet.ShipAsync(north, product, northMain, 1);
                await Fleet.ShipAsync(south, product, southMain, 2);
            }
        }

        var offline = await Fleet.StatusAsync(north);
        Assert.True(offline.GetProperty("pendingChanges").GetInt64() >= 40, offline.ToString());
        Assert.NotEqual(JsonValueKind.Null, offline.GetProperty("lastError").ValueKind);

        await _cloud.StartAsync();
        await Fleet.SettledAsync(north, TimeSpan.FromSeconds(90));
        await Fleet.SettledAsync(south, TimeSpan.FromSeconds(90));

        using var cloudReader = await _cloud.ClientAsync();
        var inCloud = await Fleet.MovementsAsync(cloudReader, $"productId={product}");
        var atNorth = await Fleet.MovementsAsync(north, $"productId={product}");
        var atSouth = await Fleet.MovementsAsync(south, $"productId={product}");
        Assert.Equal(40, atNorth.Count);
        Assert.Equal(atNorth.Concat(atSouth).OrderBy(kv => kv.Key), inCloud.OrderBy(kv => kv.Key));

        // Every replica's view of every level: the cloud's, each box's own, and each box's view of the other.
        var cloudLevels = await cloudReader.GetFromJsonAsync<JsonElement>($"/api/inventory/{product}");
        long CloudAt(Guid location) => cloudLevels.GetProperty("levels").EnumerateArray()
            .Where(l => l.GetProperty("locationId").GetGuid() == location).Sum(l => l.GetProperty("quantity").GetInt64());
        var northLevels = await north.GetFromJsonAsync<JsonElement>($"/api/inventory/{product}");
        var southLevels = await south.GetFromJsonAsync<JsonElement>($"/api/inventory/{product}");
        Assert.Equal(465 - 10, northLevels.GetProperty("total").GetInt64());
        Assert.Equal(930 - 20, southLevels.GetProperty("total").GetInt64());
        Assert.Equal(455, CloudAt(northMain));
        Assert.Equal(910, CloudAt(southMain));
        Assert.Equal(1365, cloudLevels.GetProperty("total").GetInt64());
        await Fleet.EventuallyAsync(async () =>
        {
            var n = await north.GetFromJsonAsync<JsonElement>($"/api/inventory/{product}");
            var s = await south.GetFromJsonAsync<JsonElement>($"/api/inventory/{product}");
            return OtherSite(n, southMain) == 910 && OtherSite(s, northMain) == 455;
        }, "each box seeing the other's level");
    }

    [Fact]
    public async Task A_user_made_in_the_cloud_signs_in_at_a_box_that_is_offline_afterwards()
    {
        using var cloudAdmin = await _cloud.ClientAsync();
        (await cloudAdmin.PostAsJsonAsync("/api/users", new { username = "roaming-picker", password = "roaming-pass-1", role = "staff" }))
            .EnsureSuccessStatusCode();
        await Fleet.EventuallyAsync(async () =>
            (await _south.Anonymous().PostAsJsonAsync("/api/auth/token", new { username = "roaming-picker", password = "roaming-pass-1" })).IsSuccessStatusCode,
            "the account at the box");

        await _cloud.StopAsync();
        var signIn = await _south.Anonymous().PostAsJsonAsync("/api/auth/token", new { username = "roaming-picker", password = "roaming-pass-1" });

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var token = await signIn.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("staff", token.GetProperty("role").GetString());
        // The cloud's admin signs in at the box too, with the cloud's password.
        var admin = await _south.Anonymous().PostAsJsonAsync("/api/auth/token", new { username = "admin", password = CloudHost.AdminPassword });
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }

    [Fact]
    public async Task The_same_product_edited_at_both_boxes_has_the_same_winner_everywhere_and_one_conflict()
    {
        using var cloudAdmin = await _cloud.ClientAsync();
        var product = await Fleet.ProductAsync(cloudAdmin, "BOTH-1");
        using var north = await Fleet.AdminAsync(_north);
        using var south = await Fleet.AdminAsync(_south);
        await Fleet.EventuallyAsync(async () => (await north.GetAsync($"/api/products/{product}")).IsSuccessStatusCode
            && (await south.GetAsync($"/api/products/{product}")).IsSuccessStatusCode, "the product at both boxes");

        await _cloud.StopAsync();
        await RenameAsync(north, product, "Renamed at NORTH");
        await Task.Delay(20);
        await RenameAsync(south, product, "Renamed at SOUTH");
        await _cloud.StartAsync();
        await Fleet.SettledAsync(north);
        await Fleet.SettledAsync(south);

        await Fleet.EventuallyAsync(async () =>
            await NameAsync(north, product) == "Renamed at SOUTH" && await NameAsync(south, product) == "Renamed at SOUTH"
            && await NameAsync(cloudAdmin, product) == "Renamed at SOUTH", "the later edit everywhere");
        var conflicts = await cloudAdmin.GetFromJsonAsync<JsonElement>($"/api/sync/conflicts?entityId={product}");
        var conflict = Assert.Single(conflicts.GetProperty("items").EnumerateArray());
        Assert.Equal("NORTH", conflict.GetProperty("loserSite").GetString());
        Assert.Contains("Renamed at NORTH", conflict.GetProperty("loserData").ToString());
    }

    [Fact]
    public async Task The_same_SKU_and_barcode_made_at_two_boxes_offline_end_up_unique_and_the_same_everywhere()
    {
        using var cloudAdmin = await _cloud.ClientAsync();
        using var north = await Fleet.AdminAsync(_north);
        using var south = await Fleet.AdminAsync(_south);
        await Fleet.SettledAsync(north);
        await Fleet.SettledAsync(south);

        await _cloud.StopAsync();
        var atNorth = await TwinAsync(north);
        var atSouth = await TwinAsync(south);
        await _cloud.StartAsync();
        await Fleet.SettledAsync(north);
        await Fleet.SettledAsync(south);

        // Whichever box reached the cloud first keeps the SKU and the barcode; the other's product is renamed.
        (string Sku, string Barcodes) kept = ("", ""), renamed = ("", "");
        await Fleet.EventuallyAsync(async () =>
        {
            var views = new List<((string, string) North, (string, string) South)>();
            foreach (var client in new[] { cloudAdmin, north, south })
            {
                views.Add((await SkuAndBarcodesAsync(client, atNorth), await SkuAndBarcodesAsync(client, atSouth)));
            }

            (kept, renamed) = views[0].North.Item1 == "TWIN-1" ? (views[0].North, views[0].South) : (views[0].South, views[0].North);
            return views.All(v => v == views[0]) && kept == ("TWIN-1", "4006381333931")
                && (renamed == ("TWIN-1~NORTH", "") || renamed == ("TWIN-1~SOUTH", ""));
        }, "one TWIN-1 with the barcode and one renamed without it, alike in the cloud and at both boxes");

        var loser = renamed.Sku.EndsWith("~NORTH", StringComparison.Ordinal) ? atNorth : atSouth;
        var conflicts = await cloudAdmin.GetFromJsonAsync<JsonElement>($"/api/sync/conflicts?entityId={loser}");
        var conflict = Assert.Single(conflicts.GetProperty("items").EnumerateArray());
        Assert.Contains("\"TWIN-1\"", conflict.GetProperty("loserData").ToString());
    }

    [Fact]
    public async Task Stock_shipped_to_the_other_site_is_in_transit_everywhere_until_received_with_its_variance()
    {
        using var cloudAdmin = await _cloud.ClientAsync();
        var product = await Fleet.ProductAsync(cloudAdmin, "SHIP-1");
        using var north = await Fleet.AdminAsync(_north);
        using var south = await Fleet.AdminAsync(_south);
        var from = await Fleet.LocationAsync(north, "N-DOCK");
        var to = await Fleet.LocationAsync(south, "S-DOCK");
        await Fleet.EventuallyAsync(async () => (await north.GetAsync($"/api/products/{product}")).IsSuccessStatusCode, "the product at NORTH");
        await Fleet.ReceiveAsync(north, product, from, 50);
        await Fleet.EventuallyAsync(async () => (await north.GetFromJsonAsync<JsonElement>("/api/locations")).ToString().Contains(to.ToString()),
            "SOUTH's location known at NORTH");

        var shipped = await north.PostAsJsonAsync("/api/inventory/transfer", new { productId = product, fromLocationId = from, toLocationId = to, quantity = 20 });
        Assert.Equal(HttpStatusCode.Created, shipped.StatusCode);

        Guid transferId = default;
        await Fleet.EventuallyAsync(async () =>
        {
            var incoming = await south.GetFromJsonAsync<JsonElement>("/api/transfers?status=in_transit");
            var items = incoming.GetProperty("items").EnumerateArray().ToList();
            transferId = items.Count == 1 ? items[0].GetProperty("id").GetGuid() : default;
            return items.Count == 1;
        }, "the transfer in transit at SOUTH");
        var cloudTransit = await cloudAdmin.GetFromJsonAsync<JsonElement>("/api/transfers?status=in_transit");
        Assert.Contains(cloudTransit.GetProperty("items").EnumerateArray(), t => t.GetProperty("id").GetGuid() == transferId);

        var received = await south.PostAsJsonAsync($"/api/transfers/{transferId}/receive", new { quantity = 18 });
        Assert.Equal(HttpStatusCode.Created, received.StatusCode);

        await Fleet.EventuallyAsync(async () =>
        {
            var c = await cloudAdmin.GetFromJsonAsync<JsonElement>("/api/transfers?status=received");
            var n = await north.GetFromJsonAsync<JsonElement>("/api/transfers?status=received");
            return c.GetProperty("items").EnumerateArray().Any(t => t.GetProperty("id").GetGuid() == transferId && t.GetProperty("variance").GetInt64() == -2)
                && n.GetProperty("items").EnumerateArray().Any(t => t.GetProperty("id").GetGuid() == transferId);
        }, "the receipt with its variance in the cloud and at NORTH");
        await Fleet.EventuallyAsync(async () =>
        {
            var levels = await cloudAdmin.GetFromJsonAsync<JsonElement>($"/api/inventory/{product}");
            return levels.GetProperty("total").GetInt64() == 48;
        }, "the cloud's levels: 30 left at NORTH, 18 at SOUTH");
    }

    [Fact]
    public async Task A_box_with_another_sites_credential_gets_nowhere_and_says_why()
    {
        var otherCredential = await _cloud.AddSiteAsync("OTHER");
        await using var impostor = await Fleet.StartEdgeAsync(_cloud, "NORTH", otherCredential);
        using var client = await impostor.ClientAsync();
        var location = await Fleet.LocationAsync(client, "IMP-1");

        await Fleet.EventuallyAsync(async () =>
            (await Fleet.StatusAsync(client)).GetProperty("lastError") is { ValueKind: JsonValueKind.String } e && e.GetString()!.Length > 0,
            "the refusal in the box's status");

        using var cloudAdmin = await _cloud.ClientAsync();
        var locations = await cloudAdmin.GetFromJsonAsync<JsonElement>("/api/locations");
        Assert.DoesNotContain(location.ToString(), locations.ToString());
    }

    private static long OtherSite(JsonElement levels, Guid location) =>
        levels.TryGetProperty("otherSites", out var others)
            ? others.EnumerateArray().Where(o => o.GetProperty("locationId").GetGuid() == location).Sum(o => o.GetProperty("quantity").GetInt64())
            : -1;

    private static async Task<Guid> TwinAsync(HttpClient edge)
    {
        var response = await edge.PostAsJsonAsync("/api/products", new { sku = "TWIN-1", name = "Twin", unit = "each", barcodes = new[] { "4006381333931" } });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<(string Sku, string Barcodes)> SkuAndBarcodesAsync(HttpClient client, Guid product)
    {
        var response = await client.GetAsync($"/api/products/{product}");
        if (!response.IsSuccessStatusCode)
        {
            return ("", "");
        }

        var p = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (p.GetProperty("sku").GetString()!, string.Join(",", p.GetProperty("barcodes").EnumerateArray().Select(b => b.GetString())));
    }

    private static async Task RenameAsync(HttpClient client, Guid product, string name)
    {
        var current = await client.GetFromJsonAsync<JsonElement>($"/api/products/{product}");
        var response = await client.PutAsJsonAsync($"/api/products/{product}", new
        {
            sku = current.GetProperty("sku").GetString(),
            name,
            unit = "each",
            version = current.GetProperty("version").GetInt64(),
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task<string?> NameAsync(HttpClient client, Guid product) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/products/{product}")).GetProperty("name").GetString();
}
