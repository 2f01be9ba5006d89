using System.Net;
using System.Net.Http.Json;
using System.Text;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Edge.Infrastructure.Data.Entities;
using Inventory.Edge.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inventory.Edge.Tests.Security;

/// <summary>Input a probe sent that once answered 500: each gets a clear answer now.</summary>
public sealed class BadInputTests(EdgeHost edge) : IClassFixture<EdgeHost>
{
    [Theory]
    [InlineData("%00")]
    [InlineData("abc%00def")]
    [InlineData("%01%02%1F")]
    [InlineData("%22%00")]
    public async Task ProductSearch_ControlCharacters_AnswersAList(string q)
    {
        using var client = await edge.ClientAsync();

        var response = await client.GetAsync($"/api/products?q={q}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Receive_DuplicateJsonKey_400AndNothingRecorded()
    {
        using var client = await edge.ClientAsync();
        var location = await client.CreateLocationAsync();
        var product = await client.CreateProductAsync();
        var json = $$"""{"productId":"{{product}}","locationId":"{{location}}","quantity":1,"quantity":1000}""";

        var response = await client.PostAsync("/api/inventory/receive", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await client.QuantityAsync(product, location));
    }

    [Theory]
    [InlineData("Bolt\u0000M8")]
    [InlineData("Bolt\u001b[31mM8")]
    [InlineData("Bolt\nM8")]
    public async Task CreateProduct_ControlCharacterInName_400(string name)
    {
        using var client = await edge.ClientAsync();

        var response = await client.PostAsJsonAsync("/api/products", new { sku = $"CTRL-{Guid.NewGuid():N}"[..20], name, unit = "each" });

        var body = await response.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(body.TryGetProperty("errors", out var errors) && errors.TryGetProperty("name", out _), body.ToString());
    }

    [Fact]
    public async Task Receive_AtInYearOne_400()
    {
        using var client = await edge.ClientAsync();
        var location = await client.CreateLocationAsync();
        var product = await client.CreateProductAsync();

        var response = await client.PostAsJsonAsync("/api/inventory/receive",
            new { productId = product, locationId = location, quantity = 1, at = "0001-01-01T00:00:00Z" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await client.QuantityAsync(product, location));
    }

    [Fact]
    public async Task PutReorderSetting_AnotherSitesLocation_409()
    {
        using var client = await edge.ClientAsync();
        var product = await client.CreateProductAsync();
        var elsewhere = Guid.CreateVersion7();
        await using (var db = await edge.Services.GetRequiredService<IDbContextFactory<EdgeDbContext>>().CreateDbContextAsync())
        {
            db.Locations.Add(new Location { Id = elsewhere, Code = "FAR-1", Name = "Far away", Type = "warehouse", SiteCode = "WH9" });
            await db.SaveChangesAsync();
        }

        var response = await client.PutAsJsonAsync($"/api/locations/{elsewhere}/products/{product}/settings", new { reorderPoint = 5 });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }
}
