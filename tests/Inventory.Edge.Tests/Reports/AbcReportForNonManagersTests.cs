using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Edge.Tests.Infrastructure;

namespace Inventory.Edge.Tests.Reports;

/// <summary>Its own edge (ABC ranks every product of the site): what the report tells a role that may not see costs.</summary>
public sealed class AbcReportForNonManagersTests(EdgeHost edge) : IClassFixture<EdgeHost>
{
    [Fact]
    public async Task Abc_Viewer_RankedByQuantity_SharesRevealNoCosts()
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

        var many = await ShippedAsync(60, 1m);     // by value 60 (30%), by quantity 60 (75%)
        var dearOne = await ShippedAsync(10, 13m); // by value 130 (65%), by quantity 10 (12.5%)
        var cheapOne = await ShippedAsync(10, 1m); // by value 10 (5%), by quantity 10 (12.5%)
        using var viewer = await edge.ClientForRoleAsync("viewer");

        var seen = await viewer.GetFromJsonAsync<JsonElement>("/api/reports/abc?a=70&b=20");
        var managers = await admin.GetFromJsonAsync<JsonElement>("/api/reports/abc?a=70&b=20");

        var items = seen.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("productId").GetGuid());
        Assert.Equal("quantity", seen.GetProperty("basis").GetString());
        Assert.Equal(75m, items[many].GetProperty("share").GetDecimal());
        Assert.Equal(items[dearOne].GetProperty("share").GetDecimal(), items[cheapOne].GetProperty("share").GetDecimal());
        Assert.Equal(items[dearOne].GetProperty("class").GetString(), items[cheapOne].GetProperty("class").GetString());
        Assert.Equal("value", managers.GetProperty("basis").GetString());
        Assert.Equal(65m, managers.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("productId").GetGuid() == dearOne).GetProperty("share").GetDecimal());
    }
}
