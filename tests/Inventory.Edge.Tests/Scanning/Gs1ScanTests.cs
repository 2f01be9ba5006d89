using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Edge.Tests.Infrastructure;

namespace Inventory.Edge.Tests.Scanning;

/// <summary>GS1 element strings scanned from a case or pallet label become movements with their lot, expiry and count.</summary>
public sealed class Gs1ScanTests(EdgeHost edge) : IClassFixture<EdgeHost>
{
    [Theory]
    [InlineData("(01)04006381333931(17)271231(10)LOT-9(30)5")]
    [InlineData("]C101040063813339311727123110LOT-9\u001d305")]
    [InlineData("\u001d01040063813339311727123110LOT-9\u001d305")]
    public async Task Receive_Gs1WithLotExpiryCount_RecordsThem(string code)
    {
        using var manager = await edge.ClientAsync();
        var location = await manager.CreateLocationAsync();
        var locationCode = (await manager.GetFromJsonAsync<JsonElement>($"/api/locations/{location}")).GetProperty("code").GetString();
        var product = await EnsureProductAsync(manager);
        var before = await manager.QuantityAsync(product, location);

        var result = await manager.PostOkAsync("/api/scan", new { id = Guid.CreateVersion7(), code, action = "receive", location = locationCode }, HttpStatusCode.OK);

        Assert.True(result.GetProperty("ok").GetBoolean(), result.ToString());
        Assert.Equal(before + 5, await manager.QuantityAsync(product, location));
        var movements = await manager.GetFromJsonAsync<JsonElement>($"/api/stock-movements?productId={product}&locationId={location}&limit=1");
        var movement = movements.GetProperty("items")[0];
        Assert.Equal("LOT-9", movement.GetProperty("lot").GetString());
        Assert.Equal("2027-12-31", movement.GetProperty("expiry").GetString());
        Assert.Equal(5, movement.GetProperty("quantity").GetInt64());
    }

    [Theory]
    [InlineData("(01)04006381333932(10)X", "check digit")]
    [InlineData("(23)123", "")]
    public async Task Scan_BrokenGs1_NotOkWithShortMessage_NothingMoved(string code, string expected)
    {
        using var manager = await edge.ClientAsync();
        var location = await manager.CreateLocationAsync();
        var locationCode = (await manager.GetFromJsonAsync<JsonElement>($"/api/locations/{location}")).GetProperty("code").GetString();
        var product = await EnsureProductAsync(manager);

        var result = await manager.PostOkAsync("/api/scan", new { id = Guid.CreateVersion7(), code, action = "receive", location = locationCode }, HttpStatusCode.OK);

        Assert.False(result.GetProperty("ok").GetBoolean());
        var message = result.GetProperty("message").GetString()!;
        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.True(message.Length <= 60, message);
        Assert.Equal(0, await manager.QuantityAsync(product, location));
    }

    private static readonly SemaphoreSlim Once = new(1);
    private static Guid _product;

    private static async Task<Guid> EnsureProductAsync(HttpClient client)
    {
        await Once.WaitAsync();
        try
        {
            if (_product == Guid.Empty)
            {
                _product = await client.CreateProductAsync("GS1-HAMMER", null, "4006381333931");
            }

            return _product;
        }
        finally
        {
            Once.Release();
        }
    }
}
