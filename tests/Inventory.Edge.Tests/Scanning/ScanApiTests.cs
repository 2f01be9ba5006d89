using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Edge.Tests.Infrastructure;
using Inventory.Edge.Tests.Mqtt;

namespace Inventory.Edge.Tests.Scanning;

/// <summary>POST /api/scan: the same processing a device's MQTT scan gets.</summary>
public sealed class ScanApiTests(EdgeHost edge) : IClassFixture<EdgeHost>
{
    private static async Task<JsonElement> ScanAsync(HttpClient client, object body) =>
        await client.PostOkAsync("/api/scan", body, HttpStatusCode.OK);

    [Fact]
    public async Task Scan_CaseGtin_ReceivesPackQuantityTimesQty()
    {
        using var manager = await edge.ClientAsync();
        var location = await manager.CreateLocationAsync("CASE1");
        var product = (await manager.PostOkAsync("/api/products", new
        {
            sku = "HMR-CASE", name = "Hammer", barcodes = new[] { "4006381333931" },
            caseBarcodes = new[] { new { code = "14006381333938", packQuantity = 12 } },
        })).GetProperty("id").GetGuid();

        var result = await ScanAsync(manager, new { id = Guid.CreateVersion7(), code = "14006381333938", action = "receive", location = "CASE1", qty = 2 });

        Assert.True(result.GetProperty("ok").GetBoolean(), result.ToString());
        Assert.Equal("Received 24 HMR-CASE", result.GetProperty("message").GetString());
        Assert.Equal(24, result.GetProperty("level").GetProperty("quantity").GetInt64());
        Assert.Equal(24, await manager.QuantityAsync(product, location));
    }

    [Fact]
    public async Task Scan_UpcAgainstStoredEan13AndSku_FindProduct()
    {
        using var manager = await edge.ClientAsync();
        // UPC-A 036000291452 is the EAN-13 0036000291452 and the GTIN-14 00036000291452.
        var product = await manager.CreateProductAsync("UPC-1", null, "0036000291452");

        var byUpc = await ScanAsync(manager, new { code = "036000291452", action = "lookup" });
        var byGtin14 = await ScanAsync(manager, new { code = "00036000291452" });
        var bySku = await ScanAsync(manager, new { code = "upc-1" });

        foreach (var r in new[] { byUpc, byGtin14, bySku })
        {
            Assert.True(r.GetProperty("ok").GetBoolean(), r.ToString());
            Assert.Equal(product, r.GetProperty("product").GetProperty("id").GetGuid());
        }
    }

    [Fact]
    public async Task Scan_EachAction_MovesStockAsDocumented()
    {
        using var manager = await edge.ClientAsync();
        var stock = await manager.StockedProductAsync(onHand: 10);
        var store = await manager.CreateLocationAsync("STORE-" + Guid.NewGuid().ToString("N")[..3].ToUpperInvariant());
        var storeCode = (await manager.GetFromJsonAsync<JsonElement>($"/api/locations/{store}")).GetProperty("code").GetString();

        var pick = await ScanAsync(manager, new { id = Guid.CreateVersion7(), code = stock.Barcode, action = "pick", location = stock.LocationCode, qty = 3 });
        var adjust = await ScanAsync(manager, new { id = Guid.CreateVersion7(), code = stock.Barcode, action = "adjust", locationId = stock.Location, qty = -1 });
        var move = await ScanAsync(manager, new { id = Guid.CreateVersion7(), code = stock.Barcode, action = "move", location = stock.LocationCode, qty = 2, toLocation = storeCode });
        var count = await ScanAsync(manager, new { id = Guid.CreateVersion7(), code = stock.Barcode, action = "count", location = stock.LocationCode, qty = 5 });
        var lookup = await ScanAsync(manager, new { code = stock.Barcode, action = "lookup", location = stock.LocationCode });

        Assert.Equal(7, pick.GetProperty("level").GetProperty("quantity").GetInt64());
        Assert.Equal(6, adjust.GetProperty("level").GetProperty("quantity").GetInt64());
        Assert.Equal(4, move.GetProperty("level").GetProperty("quantity").GetInt64());
        Assert.Equal(5, count.GetProperty("level").GetProperty("quantity").GetInt64());
        Assert.Equal(5, lookup.GetProperty("level").GetProperty("available").GetInt64());
        Assert.Equal(2, await manager.QuantityAsync(stock.Product, store));
        var movements = await manager.GetFromJsonAsync<JsonElement>($"/api/stock-movements?productId={stock.Product}&type=adjust");
        Assert.Equal("count_error", movements.GetProperty("items")[0].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Scan_ShortStockOrUnknownCodeOrBadQty_OkFalseWithShortMessage()
    {
        using var manager = await edge.ClientAsync();
        var stock = await manager.StockedProductAsync(onHand: 1);

        var shortStock = await ScanAsync(manager, new { code = stock.Barcode, action = "pick", location = stock.LocationCode, qty = 5 });
        var unknown = await ScanAsync(manager, new { code = "999999", action = "receive", location = stock.LocationCode });
        var badQty = await ScanAsync(manager, new { code = stock.Barcode, action = "receive", location = stock.LocationCode, qty = -2 });
        var noLocation = await ScanAsync(manager, new { code = stock.Barcode, action = "receive" });

        Assert.All(new[] { shortStock, unknown, badQty, noLocation }, r => Assert.False(r.GetProperty("ok").GetBoolean()));
        Assert.Equal("Not found: 999999", unknown.GetProperty("message").GetString());
        Assert.Equal("Location needed", noLocation.GetProperty("message").GetString());
        Assert.Equal("Short: 1 avail of 5", shortStock.GetProperty("message").GetString());
        Assert.Equal(1, await manager.QuantityAsync(stock.Product, stock.Location));
    }

    [Fact]
    public async Task Scan_StaffMayNotAdjust_ButMayReceive()
    {
        using var manager = await edge.ClientAsync();
        using var staff = await edge.ClientForRoleAsync("staff");
        var stock = await manager.StockedProductAsync(onHand: 2);

        var adjust = await ScanAsync(staff, new { code = stock.Barcode, action = "adjust", location = stock.LocationCode, qty = 1 });
        var receive = await ScanAsync(staff, new { code = stock.Barcode, action = "receive", location = stock.LocationCode, qty = 1 });

        Assert.Equal("Not allowed: adjust", adjust.GetProperty("message").GetString());
        Assert.True(receive.GetProperty("ok").GetBoolean(), receive.ToString());
    }

    [Fact]
    public async Task UnknownCode_LinkedByManager_IsFoundAfterwards()
    {
        using var manager = await edge.ClientAsync();
        var product = await manager.CreateProductAsync();

        var before = await ScanAsync(manager, new { code = "SUPPLIER-77" });
        await manager.PostOkAsync($"/api/products/{product}/barcodes", new { code = "SUPPLIER-77" });
        var after = await ScanAsync(manager, new { code = "SUPPLIER-77" });

        Assert.False(before.GetProperty("ok").GetBoolean());
        Assert.Equal(product, after.GetProperty("product").GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Devices_RegisterListRevoke_SecretShownOnceAndNeverListed()
    {
        using var manager = await edge.ClientAsync();
        var device = await manager.RegisterAsync("printer", "P-" + Guid.NewGuid().ToString("N")[..6]);

        var duplicate = await manager.PostAsJsonAsync("/api/devices", new { deviceId = device.Id, kind = "printer" });
        var badId = await manager.PostAsJsonAsync("/api/devices", new { deviceId = "a/b", kind = "scanner" });
        var list = await manager.GetStringAsync("/api/devices");
        var revoked = await manager.DeleteAsync($"/api/devices/{device.Id}");
        var missing = await manager.DeleteAsync("/api/devices/never-was");

        Assert.True(device.Secret.Length >= 40);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badId.StatusCode);
        Assert.Contains(device.Id, list, StringComparison.Ordinal);
        Assert.DoesNotContain(device.Secret, list, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", list, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
