using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Inventory.Edge.Tests.Infrastructure;

namespace Inventory.Edge.Tests.Ledger;

/// <summary>Every refused request answers with a problem that says what was wrong, and leaves the ledger as it was.</summary>
public sealed class BadInputTests(EdgeHost edge) : IClassFixture<EdgeHost>
{
    [Theory]
    [InlineData("{\"productId\":", "productId")]
    [InlineData("not json at all", "body")]
    [InlineData("{\"productId\":\"PRODUCT\",\"locationId\":\"LOCATION\",\"quantity\":\"ten\"}", "quantity")]
    [InlineData("{\"productId\":\"PRODUCT\",\"locationId\":\"LOCATION\",\"quantity\":1.5}", "quantity")]
    [InlineData("{\"productId\":\"PRODUCT\",\"locationId\":\"LOCATION\",\"quantity\":99999999999999}", "quantity")]
    [InlineData("{\"productId\":\"not-a-guid\",\"locationId\":\"LOCATION\",\"quantity\":1}", "productId")]
    [InlineData("{\"productId\":\"PRODUCT\",\"locationId\":\"LOCATION\",\"quantity\":1,\"expiry\":\"31/12/2027\"}", "expiry")]
    public async Task Receive_UnreadableBody_400NamingTheField(string template, string field)
    {
        using var client = await edge.ClientAsync();
        var (product, location) = await SetUpAsync(client);
        var json = template.Replace("PRODUCT", product.ToString(), StringComparison.Ordinal).Replace("LOCATION", location.ToString(), StringComparison.Ordinal);

        var response = await client.PostAsync("/api/inventory/receive", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Contains(field, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AssertUntouchedAsync(client, product, location);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(1_000_000_001)]
    public async Task Receive_QuantityOutOfRange_400(int quantity)
    {
        using var client = await edge.ClientAsync();
        var (product, location) = await SetUpAsync(client);

        var response = await client.PostAsJsonAsync("/api/inventory/receive", new { productId = product, locationId = location, quantity });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty("quantity", out _));
        await AssertUntouchedAsync(client, product, location);
    }

    [Fact]
    public async Task Receive_MissingFields_400ListsEach()
    {
        using var client = await edge.ClientAsync();

        var response = await client.PostAsJsonAsync("/api/inventory/receive", new { });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("productId", out _));
        Assert.True(errors.TryGetProperty("locationId", out _));
        Assert.True(errors.TryGetProperty("quantity", out _));
    }

    [Fact]
    public async Task Receive_NegativeUnitCostOrLongLot_400()
    {
        using var client = await edge.ClientAsync();
        var (product, location) = await SetUpAsync(client);

        var cost = await client.PostAsJsonAsync("/api/inventory/receive", new { productId = product, locationId = location, quantity = 1, unitCost = -1m });
        var lot = await client.PostAsJsonAsync("/api/inventory/receive", new { productId = product, locationId = location, quantity = 1, lot = new string('L', 51) });

        Assert.Equal(HttpStatusCode.BadRequest, cost.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, lot.StatusCode);
        await AssertUntouchedAsync(client, product, location);
    }

    [Fact]
    public async Task Movement_UnknownProductOrLocation_404()
    {
        using var client = await edge.ClientAsync();
        var (product, location) = await SetUpAsync(client);

        var unknownProduct = await client.PostAsJsonAsync("/api/inventory/receive", new { productId = Guid.NewGuid(), locationId = location, quantity = 1 });
        var unknownLocation = await client.PostAsJsonAsync("/api/inventory/ship", new { productId = product, locationId = Guid.NewGuid(), quantity = 1 });

        Assert.Equal(HttpStatusCode.NotFound, unknownProduct.StatusCode);
        Assert.Contains("product", (await unknownProduct.ReadJsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknownLocation.StatusCode);
        await AssertUntouchedAsync(client, product, location);
    }

    [Fact]
    public async Task Transfer_ToSameLocation_400()
    {
        using var client = await edge.ClientAsync();
        var (product, location) = await SetUpAsync(client);

        var response = await client.PostAsJsonAsync("/api/inventory/transfer", new { productId = product, fromLocationId = location, toLocationId = location, quantity = 1 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertUntouchedAsync(client, product, location);
    }

    [Fact]
    public async Task Receive_LotWithOtherExpiry_400()
    {
        using var client = await edge.ClientAsync();
        var (product, location) = await SetUpAsync(client);
        await client.ReceiveAsync(product, location, 1, new { lot = "L1", expiry = "2027-01-01" });

        var response = await client.PostAsJsonAsync("/api/inventory/receive", new { productId = product, locationId = location, quantity = 1, lot = "L1", expiry = "2028-01-01" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(1, await client.QuantityAsync(product, location));
    }

    [Fact]
    public async Task Receive_DeactivatedProduct_400()
    {
        using var client = await edge.ClientAsync();
        var (product, location) = await SetUpAsync(client);
        await client.ReceiveAsync(product, location, 1);
        await client.DeleteAsync($"/api/products/{product}");

        var response = await client.PostAsJsonAsync("/api/inventory/receive", new { productId = product, locationId = location, quantity = 1 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("deactivated", (await response.ReadJsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/stock-movements?type=teleport")]
    [InlineData("/api/stock-movements?limit=0")]
    [InlineData("/api/stock-movements?next=abc")]
    [InlineData("/api/inventory?status=great")]
    [InlineData("/api/products?limit=100000")]
    public async Task Queries_BadParameters_400(string path)
    {
        using var client = await edge.ClientAsync();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static async Task<(Guid Product, Guid Location)> SetUpAsync(HttpClient client) =>
        (await client.CreateProductAsync(), await client.CreateLocationAsync());

    private static async Task AssertUntouchedAsync(HttpClient client, Guid product, Guid location)
    {
        Assert.Equal(0, await client.QuantityAsync(product, location));
        var movements = await client.GetFromJsonAsync<JsonElement>($"/api/stock-movements?productId={product}");
        Assert.Equal(0, movements.GetProperty("items").GetArrayLength());
    }
}
