using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Edge.Tests.Infrastructure;

namespace Inventory.Edge.Tests.Security;

/// <summary>Cost prices stay with the roles that may see them: staff can neither set one nor find one out.</summary>
public sealed class CostSecrecyTests(EdgeHost edge) : IClassFixture<EdgeHost>
{
    [Fact]
    public async Task StaffReceipt_WithUnitCost_RefusedAndValuationUnchanged()
    {
        using var manager = await edge.ClientAsync();
        var location = await manager.CreateLocationAsync();
        var product = await manager.CreateProductAsync();
        await manager.ReceiveAsync(product, location, 10, new { unitCost = 8.369m });
        using var staff = await edge.ClientForRoleAsync("staff");
        var before = await ValueAsync(manager, location);

        var stated = await staff.PostAsJsonAsync("/api/inventory/receive", new { productId = product, locationId = location, quantity = 1, unitCost = 999999m });
        var after = await ValueAsync(manager, location);

        Assert.Equal(HttpStatusCode.BadRequest, stated.StatusCode);
        Assert.True((await stated.ReadJsonAsync()).GetProperty("errors").TryGetProperty("unitCost", out _));
        Assert.Equal(83.69m, before);
        Assert.Equal(before, after);
        Assert.Equal(10, await manager.QuantityAsync(product, location));
    }

    [Fact]
    public async Task StaffReceipt_WithoutUnitCost_ValuedAtTheProductsCost()
    {
        using var manager = await edge.ClientAsync();
        var location = await manager.CreateLocationAsync();
        var product = await manager.CreateProductAsync();
        using var staff = await edge.ClientForRoleAsync("staff");

        var received = await staff.PostAsJsonAsync("/api/inventory/receive", new { productId = product, locationId = location, quantity = 4 });

        Assert.Equal(HttpStatusCode.Created, received.StatusCode);
        Assert.Equal(10m, await ValueAsync(manager, location));
    }

    [Fact]
    public async Task Replay_OfAnotherUsersId_SameAnswerWhateverTheCostGuessed()
    {
        using var manager = await edge.ClientAsync();
        var location = await manager.CreateLocationAsync();
        var product = await manager.CreateProductAsync();
        var id = Guid.CreateVersion7();
        await manager.ReceiveAsync(product, location, 1, new { id, unitCost = 6.87m });
        using var otherManager = await edge.ClientForRoleAsync("manager");
        using var staff = await edge.ClientForRoleAsync("staff");

        var staffRight = await staff.PostAsJsonAsync("/api/inventory/receive", new { id, productId = product, locationId = location, quantity = 1, unitCost = 6.87m });
        var staffWrong = await staff.PostAsJsonAsync("/api/inventory/receive", new { id, productId = product, locationId = location, quantity = 1, unitCost = 6.88m });
        var otherRight = await otherManager.PostAsJsonAsync("/api/inventory/receive", new { id, productId = product, locationId = location, quantity = 1, unitCost = 6.87m });
        var otherWrong = await otherManager.PostAsJsonAsync("/api/inventory/receive", new { id, productId = product, locationId = location, quantity = 1, unitCost = 6.88m });
        var ownReplay = await manager.PostAsJsonAsync("/api/inventory/receive", new { id, productId = product, locationId = location, quantity = 1, unitCost = 6.87m });

        Assert.Equal(staffWrong.StatusCode, staffRight.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, otherRight.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, otherWrong.StatusCode);
        Assert.Equal(HttpStatusCode.Created, ownReplay.StatusCode);
        Assert.Equal(1, await manager.QuantityAsync(product, location));
    }

    private static async Task<decimal> ValueAsync(HttpClient manager, Guid location)
    {
        var report = await manager.GetFromJsonAsync<JsonElement>($"/api/reports/stock-valuation?method=fifo&locationId={location}");
        return report.GetProperty("totalValue").GetDecimal();
    }
}
