using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Edge.Tests.Infrastructure;

namespace Inventory.Edge.Tests.Reports;

/// <summary>
/// GET /api/reports/expiry: lots on hand expiring within N days or already expired, soonest first; value at FIFO cost
/// for managers only. Dates are relative to today, as the box's TimeProvider sees it.
/// </summary>
public sealed class ExpiryReportTests(EdgeHost edge) : IClassFixture<EdgeHost>
{
    private static string Day(int offset) =>
        DateOnly.FromDateTime(DateTime.UtcNow).AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static List<JsonElement> Items(JsonElement report, Guid product) =>
        [.. report.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("productId").GetGuid() == product)];

    private async Task<(Guid Product, Guid Location)> ThreeLotsAsync(HttpClient manager)
    {
        var location = await manager.CreateLocationAsync();
        var product = await manager.CreateProductAsync();
        await manager.ReceiveAsync(product, location, 3, new { lot = "LATER", expiry = Day(40), bin = "B1" });
        await manager.ReceiveAsync(product, location, 4, new { lot = "SOON", expiry = Day(5), bin = "B1" });
        await manager.ReceiveAsync(product, location, 2, new { lot = "OLD", expiry = Day(-2), bin = "B2" });
        return (product, location);
    }

    [Fact]
    public async Task Days30_ListsTheLotExpiringIn5DaysAndTheExpiredOne_ValueOnlyForManagers()
    {
        using var manager = await edge.ClientAsync();
        var (product, location) = await ThreeLotsAsync(manager);
        using var staff = await edge.ClientForRoleAsync("staff");

        var managerView = await manager.GetFromJsonAsync<JsonElement>($"/api/reports/expiry?days=30&locationId={location}");
        var staffView = await staff.GetFromJsonAsync<JsonElement>($"/api/reports/expiry?days=30&locationId={location}");
        var staffCsv = await staff.GetStringAsync($"/api/reports/expiry?days=30&locationId={location}&format=csv");
        var managerCsv = await manager.GetStringAsync($"/api/reports/expiry?days=30&locationId={location}&format=csv");

        var items = Items(managerView, product);
        Assert.Equal(["OLD", "SOON"], items.Select(i => i.GetProperty("lot").GetString()));
        Assert.Equal([-2, 5], items.Select(i => i.GetProperty("daysLeft").GetInt32()));
        Assert.Equal(["expired", "available"], items.Select(i => i.GetProperty("status").GetString()));
        Assert.Equal([2L, 4L], items.Select(i => i.GetProperty("quantity").GetInt64()));
        Assert.Equal(["B2", "B1"], items.Select(i => i.GetProperty("bin").GetString()));
        // Received at 2.50 each: FIFO cost of the location is 2.50 a unit.
        Assert.Equal([5m, 10m], items.Select(i => i.GetProperty("value").GetDecimal()));
        Assert.Equal(15m, managerView.GetProperty("totalValue").GetDecimal());

        var staffItems = Items(staffView, product);
        Assert.Equal(["OLD", "SOON"], staffItems.Select(i => i.GetProperty("lot").GetString()));
        Assert.All(staffItems, i => Assert.False(i.TryGetProperty("value", out _)));
        Assert.False(staffView.TryGetProperty("totalValue", out _));
        Assert.DoesNotContain("Value", staffCsv, StringComparison.Ordinal);
        Assert.Contains("Value", managerCsv, StringComparison.Ordinal);
        Assert.DoesNotContain("LATER", managerCsv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Days60_AlsoListsTheLaterLot_AndPdfIsAPdf()
    {
        using var manager = await edge.ClientAsync();
        var (product, location) = await ThreeLotsAsync(manager);

        var report = await manager.GetFromJsonAsync<JsonElement>($"/api/reports/expiry?days=60&locationId={location}");
        using var pdf = await manager.GetAsync($"/api/reports/expiry?days=60&locationId={location}&format=pdf");

        Assert.Equal(["OLD", "SOON", "LATER"], Items(report, product).Select(i => i.GetProperty("lot").GetString()));
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("days=0")]
    [InlineData("days=3651")]
    [InlineData("format=xml")]
    public async Task BadInput_IsAProblem(string query)
    {
        using var manager = await edge.ClientAsync();

        using var response = await manager.GetAsync("/api/reports/expiry?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
