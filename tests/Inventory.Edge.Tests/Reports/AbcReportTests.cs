using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Edge.Tests.Infrastructure;

namespace Inventory.Edge.Tests.Reports;

/// <summary>Its own edge: ABC ranks every product of the site, so no other test's shipments may join in.</summary>
public sealed class AbcReportTests(EdgeHost edge) : IClassFixture<EdgeHost>
{
    [Fact]
    public async Task Abc_ConsumptionEightyFifteenFive_ClassesABC()
    {
        using var admin = await edge.ClientAsync();
        var location = await admin.CreateLocationAsync();
        async Task<Guid> ShippedAsync(int quantity, decimal cost)
        {
            var product = await admin.CreateProductAsync();
            await admin.ReceiveAsync(product, location, quantity, new { unitCost = cost });
            await admin.PostOkAsync("/api/inventory/ship", new { productId = product, locationId = location, quantity });
            return product;
        }

        var big = await ShippedAsync(100, 8m);    // 800 = 80%
        var middle = await ShippedAsync(10, 15m); // 150 = 15%
        var small = await ShippedAsync(10, 5m);   //  50 =  5%
        using var viewer = await edge.ClientForRoleAsync("viewer");

        var report = await admin.GetFromJsonAsync<JsonElement>("/api/reports/abc?a=80&b=15");
        var seen = await viewer.GetFromJsonAsync<JsonElement>("/api/reports/abc");

        var byProduct = report.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("productId").GetGuid());
        Assert.Equal(("A", 800m), (byProduct[big].GetProperty("class").GetString(), byProduct[big].GetProperty("consumptionValue").GetDecimal()));
        Assert.Equal("B", byProduct[middle].GetProperty("class").GetString());
        Assert.Equal("C", byProduct[small].GetProperty("class").GetString());
        Assert.Equal(1000m, report.GetProperty("totalValue").GetDecimal());
        Assert.All(seen.GetProperty("items").EnumerateArray(), i => Assert.False(i.TryGetProperty("consumptionValue", out _)));
        Assert.Equal(3, seen.GetProperty("items").EnumerateArray().Count(i => i.GetProperty("class").GetString() is "A" or "B" or "C"));
    }
}
