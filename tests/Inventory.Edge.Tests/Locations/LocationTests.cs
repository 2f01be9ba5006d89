using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Edge.Tests.Infrastructure;

namespace Inventory.Edge.Tests.Locations;

public sealed class LocationTests(EdgeHost edge) : IClassFixture<EdgeHost>
{
    [Fact]
    public async Task Create_AsContractSays_201WithSiteCode()
    {
        using var client = await edge.ClientAsync();

        var body = await client.PostOkAsync("/api/locations", new { code = "MAIN", name = "Main", type = "warehouse", address = "1 Dock Rd", capacity = 5000 });

        Assert.Equal("MAIN", body.GetProperty("code").GetString());
        Assert.Equal("WH1", body.GetProperty("siteCode").GetString());
        Assert.Equal(5000, body.GetProperty("capacity").GetInt32());
    }

    [Theory]
    [InlineData("", "Name", "warehouse")]
    [InlineData("TOO-LONG-CODE", "Name", "warehouse")]
    [InlineData("OK1", "Name", "garage")]
    [InlineData("OK2", "", "store")]
    public async Task Create_BadFields_400(string code, string name, string type)
    {
        using var client = await edge.ClientAsync();

        var response = await client.PostAsJsonAsync("/api/locations", new { code, name, type });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Update_StaleVersion_409()
    {
        using var client = await edge.ClientAsync();
        var id = await client.CreateLocationAsync("UPD1");

        var ok = await client.PutAsJsonAsync($"/api/locations/{id}", new { code = "UPD1", name = "New name", type = "store", version = 1 });
        var stale = await client.PutAsJsonAsync($"/api/locations/{id}", new { code = "UPD1", name = "Old", type = "store", version = 1 });

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }

    [Fact]
    public async Task Bins_CreateListAndRefuseDuplicate()
    {
        using var client = await edge.ClientAsync();
        var id = await client.CreateLocationAsync();

        await client.PostOkAsync($"/api/locations/{id}/bins", new { code = "A-01-01", description = "Aisle A" });
        var duplicate = await client.PostAsJsonAsync($"/api/locations/{id}/bins", new { code = "A-01-01" });
        var bins = await client.GetFromJsonAsync<JsonElement>($"/api/locations/{id}/bins");

        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal("A-01-01", bins[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task LocationSettings_OverrideProductReorderPointAndMaxLevel()
    {
        using var client = await edge.ClientAsync();
        var a = await client.CreateLocationAsync();
        var b = await client.CreateLocationAsync();
        var product = await client.CreateProductAsync(reorderPoint: 2);
        await client.ReceiveAsync(product, a, 5);
        await client.ReceiveAsync(product, b, 5);

        var put = await client.PutAsJsonAsync($"/api/locations/{a}/products/{product}/settings", new { reorderPoint = 8, reorderQuantity = 20, maxLevel = 40 });
        var overB = await client.PutAsJsonAsync($"/api/locations/{b}/products/{product}/settings", new { maxLevel = 4 });

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.OK, overB.StatusCode);
        Assert.Equal("low", (await client.LevelAsync(product, a)).GetProperty("status").GetString());
        Assert.Equal("over", (await client.LevelAsync(product, b)).GetProperty("status").GetString());
        var setting = await client.GetFromJsonAsync<JsonElement>($"/api/locations/{a}/products/{product}/settings");
        Assert.Equal(20, setting.GetProperty("reorderQuantity").GetInt32());
    }

    [Fact]
    public async Task DeactivatedLocation_RefusesMovements()
    {
        using var client = await edge.ClientAsync();
        var id = await client.CreateLocationAsync("OFF1");
        var product = await client.CreateProductAsync();
        await client.PutAsJsonAsync($"/api/locations/{id}", new { code = "OFF1", name = "Closed", type = "store", isActive = false, version = 1 });

        var response = await client.PostAsJsonAsync("/api/inventory/receive", new { productId = product, locationId = id, quantity = 1 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("deactivated", (await response.ReadJsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
