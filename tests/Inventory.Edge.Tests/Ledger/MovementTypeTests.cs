using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Edge.Tests.Infrastructure;

namespace Inventory.Edge.Tests.Ledger;

public sealed class MovementTypeTests(EdgeHost edge) : IClassFixture<EdgeHost>
{
    [Fact]
    public async Task Receive_WithLotExpiryBin_RecordsMovementAndLevel()
    {
        using var client = await edge.ClientAsync();
        var location = await client.CreateLocationAsync();
        var product = await client.CreateProductAsync();

        var body = await client.ReceiveAsync(product, location, 12, new { lot = "L-7", expiry = "2027-05-01", bin = "A-01-02", unitCost = 3.25m });

        var movement = body.GetProperty("movements")[0];
        Assert.Equal("receive", movement.GetProperty("type").GetString());
        Assert.Equal(12, movement.GetProperty("quantity").GetInt64());
        Assert.Equal("L-7", movement.GetProperty("lot").GetString());
        Assert.Equal("2027-05-01", movement.GetProperty("expiry").GetString());
        Assert.Equal("A-01-02", movement.GetProperty("bin").GetString());
        Assert.Equal(3.25m, movement.GetProperty("unitCost").GetDecimal());
        var level = body.GetProperty("levels")[0];
        Assert.Equal(12, level.GetProperty("quantity").GetInt64());
        Assert.Equal(12, level.GetProperty("available").GetInt64());
        Assert.Equal("ok", level.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ship_TakesEarliestExpiryFirst_AndReportsNewLevel()
    {
        using var client = await edge.ClientAsync();
        var location = await client.CreateLocationAsync();
        var product = await client.CreateProductAsync(reorderPoint: 4);
        await client.ReceiveAsync(product, location, 5, new { lot = "LATE", expiry = "2028-01-01" });
        await client.ReceiveAsync(product, location, 5, new { lot = "EARLY", expiry = "2027-01-01" });

        var body = await client.PostOkAsync("/api/inventory/ship", new { productId = product, locationId = location, quantity = 7 });

        var movements = body.GetProperty("movements").EnumerateArray().ToList();
        Assert.Equal(["EARLY", "LATE"], movements.Select(m => m.GetProperty("lot").GetString()));
        Assert.Equal([-5L, -2L], movements.Select(m => m.GetProperty("quantity").GetInt64()));
        Assert.All(movements, m => Assert.Equal("ship", m.GetProperty("type").GetString()));
        var level = body.GetProperty("levels")[0];
        Assert.Equal(3, level.GetProperty("quantity").GetInt64());
        Assert.Equal("low", level.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ship_MoreThanAvailable_409AndNothingWritten()
    {
        using var client = await edge.ClientAsync();
        var location = await client.CreateLocationAsync();
        var product = await client.CreateProductAsync();
        await client.ReceiveAsync(product, location, 3);

        var response = await client.PostAsJsonAsync("/api/inventory/ship", new { productId = product, locationId = location, quantity = 4 });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Contains("3", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, await client.QuantityAsync(product, location));
        Assert.Equal(1, await MovementCountAsync(client, product));
    }

    [Fact]
    public async Task Adjust_UpAndDownWithReasons_RecordsSignedQuantities()
    {
        using var client = await edge.ClientAsync();
        var location = await client.CreateLocationAsync();
        var product = await client.CreateProductAsync();
        await client.ReceiveAsync(product, location, 10);

        var down = await client.PostOkAsync("/api/inventory/adjust", new { productId = product, locationId = location, quantity = -2, reason = "damage", note = "forklift" });
        var up = await client.PostOkAsync("/api/inventory/adjust", new { productId = product, locationId = location, quantity = 1, reason = "found" });

        Assert.Equal(-2, down.GetProperty("movements")[0].GetProperty("quantity").GetInt64());
        Assert.Equal("damage", down.GetProperty("movements")[0].GetProperty("reason").GetString());
        Assert.Equal("forklift", down.GetProperty("movements")[0].GetProperty("note").GetString());
        Assert.Equal("found", up.GetProperty("movements")[0].GetProperty("reason").GetString());
        Assert.Equal(9, await client.QuantityAsync(product, location));
    }

    [Fact]
    public async Task Adjust_UnknownReasonOrOtherWithoutNote_400()
    {
        using var client = await edge.ClientAsync();
        var location = await client.CreateLocationAsync();
        var product = await client.CreateProductAsync();

        var unknown = await client.PostAsJsonAsync("/api/inventory/adjust", new { productId = product, locationId = location, quantity = 1, reason = "gremlins" });
        var other = await client.PostAsJsonAsync("/api/inventory/adjust", new { productId = product, locationId = location, quantity = 1, reason = "other" });

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("count_error", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.Equal(0, await client.QuantityAsync(product, location));
    }

    [Fact]
    public async Task Transfer_MovesStockAtomically_TwoMovementsSameReference()
    {
        using var client = await edge.ClientAsync();
        var from = await client.CreateLocationAsync();
        var to = await client.CreateLocationAsync();
        var product = await client.CreateProductAsync();
        await client.ReceiveAsync(product, from, 10, new { lot = "LOT-A", expiry = "2027-02-02" });

        var body = await client.PostOkAsync("/api/inventory/transfer", new { productId = product, fromLocationId = from, toLocationId = to, quantity = 4, toBin = "R-1" });

        var movements = body.GetProperty("movements").EnumerateArray().ToList();
        Assert.Equal(["transfer_out", "transfer_in"], movements.Select(m => m.GetProperty("type").GetString()));
        Assert.Equal(movements[0].GetProperty("referenceId").GetString(), movements[1].GetProperty("referenceId").GetString());
        Assert.Equal("LOT-A", movements[1].GetProperty("lot").GetString());
        Assert.Equal("R-1", movements[1].GetProperty("bin").GetString());
        Assert.Equal(6, await client.QuantityAsync(product, from));
        Assert.Equal(4, await client.QuantityAsync(product, to));
    }

    [Fact]
    public async Task Transfer_Short_409AndNeitherLocationChanges()
    {
        using var client = await edge.ClientAsync();
        var from = await client.CreateLocationAsync();
        var to = await client.CreateLocationAsync();
        var product = await client.CreateProductAsync();
        await client.ReceiveAsync(product, from, 2);

        var response = await client.PostAsJsonAsync("/api/inventory/transfer", new { productId = product, fromLocationId = from, toLocationId = to, quantity = 3 });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(2, await client.QuantityAsync(product, from));
        Assert.Equal(0, await client.QuantityAsync(product, to));
        Assert.Equal(1, await MovementCountAsync(client, product));
    }

    [Fact]
    public async Task Transfer_ToUnknownLocation_404AndSourceUnchanged()
    {
        using var client = await edge.ClientAsync();
        var from = await client.CreateLocationAsync();
        var product = await client.CreateProductAsync();
        await client.ReceiveAsync(product, from, 5);

        var response = await client.PostAsJsonAsync("/api/inventory/transfer", new { productId = product, fromLocationId = from, toLocationId = Guid.NewGuid(), quantity = 3 });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(5, await client.QuantityAsync(product, from));
        Assert.Equal(1, await MovementCountAsync(client, product));
    }

    [Fact]
    public async Task Return_BooksStockBackIn()
    {
        using var client = await edge.ClientAsync();
        var location = await client.CreateLocationAsync();
        var product = await client.CreateProductAsync();

        var body = await client.PostOkAsync("/api/inventory/return", new { productId = product, locationId = location, quantity = 2, reason = "wrong size", referenceId = "SO-1" });

        Assert.Equal("return", body.GetProperty("movements")[0].GetProperty("type").GetString());
        Assert.Equal(2, await client.QuantityAsync(product, location));
    }

    [Fact]
    public async Task Count_RecordsDifferenceToCountedQuantity()
    {
        using var client = await edge.ClientAsync();
        var location = await client.CreateLocationAsync();
        var product = await client.CreateProductAsync();
        await client.ReceiveAsync(product, location, 10, new { bin = "B-2" });

        var lower = await client.PostOkAsync("/api/inventory/count", new { productId = product, locationId = location, quantity = 7 });
        var same = await client.PostOkAsync("/api/inventory/count", new { productId = product, locationId = location, quantity = 7, bin = "B-2" });

        Assert.Equal(-3, lower.GetProperty("movements")[0].GetProperty("quantity").GetInt64());
        Assert.Equal("count", lower.GetProperty("movements")[0].GetProperty("type").GetString());
        Assert.Equal(0, same.GetProperty("movements")[0].GetProperty("quantity").GetInt64());
        var level = await client.GetFromJsonAsync<JsonElement>($"/api/inventory/{product}");
        var detail = level.GetProperty("levels")[0].GetProperty("details")[0];
        Assert.Equal(7, detail.GetProperty("quantity").GetInt64());
        Assert.True(detail.TryGetProperty("lastCountedAt", out _));
    }

    [Fact]
    public async Task ReserveAndRelease_ChangeAvailableNotOnHand_AndNeverExceedIt()
    {
        using var client = await edge.ClientAsync();
        var location = await client.CreateLocationAsync();
        var product = await client.CreateProductAsync();
        await client.ReceiveAsync(product, location, 5);

        var reserved = await client.PostOkAsync("/api/inventory/reserve", new { productId = product, locationId = location, quantity = 4, referenceId = "SO-9" });
        var tooMuch = await client.PostAsJsonAsync("/api/inventory/reserve", new { productId = product, locationId = location, quantity = 2 });
        var shipFree = await client.PostAsJsonAsync("/api/inventory/ship", new { productId = product, locationId = location, quantity = 2 });
        var shipReserved = await client.PostOkAsync("/api/inventory/ship", new { productId = product, locationId = location, quantity = 3, fromReserved = true });
        var released = await client.PostOkAsync("/api/inventory/release", new { productId = product, locationId = location, quantity = 1 });

        Assert.Equal(1, reserved.GetProperty("levels")[0].GetProperty("available").GetInt64());
        Assert.Equal(HttpStatusCode.Conflict, tooMuch.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, shipFree.StatusCode);
        Assert.Equal(1, shipReserved.GetProperty("levels")[0].GetProperty("reserved").GetInt64());
        var level = released.GetProperty("levels")[0];
        Assert.Equal(2, level.GetProperty("quantity").GetInt64());
        Assert.Equal(0, level.GetProperty("reserved").GetInt64());
        Assert.Equal(2, level.GetProperty("available").GetInt64());
    }

    [Fact]
    public async Task AllowNegativeLocation_ShipsBelowZero()
    {
        using var client = await edge.ClientAsync();
        var store = await client.CreateLocationAsync(allowNegative: true);
        var product = await client.CreateProductAsync();
        await client.ReceiveAsync(product, store, 1);

        await client.PostOkAsync("/api/inventory/ship", new { productId = product, locationId = store, quantity = 3 });

        Assert.Equal(-2, await client.QuantityAsync(product, store));
    }

    [Fact]
    public async Task StockMovements_FiltersAndPages()
    {
        using var client = await edge.ClientAsync();
        var location = await client.CreateLocationAsync();
        var product = await client.CreateProductAsync();
        for (var i = 0; i < 5; i++)
        {
            await client.ReceiveAsync(product, location, 1);
        }

        await client.PostOkAsync("/api/inventory/ship", new { productId = product, locationId = location, quantity = 1 });

        var first = await client.GetFromJsonAsync<JsonElement>($"/api/stock-movements?productId={product}&type=receive&limit=3");
        var next = first.GetProperty("next").GetString();
        var second = await client.GetFromJsonAsync<JsonElement>($"/api/stock-movements?productId={product}&type=receive&limit=3&next={next}");
        var ships = await client.GetFromJsonAsync<JsonElement>($"/api/stock-movements?productId={product}&type=ship");

        Assert.Equal(3, first.GetProperty("items").GetArrayLength());
        Assert.Equal(2, second.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next").ValueKind);
        var seqs = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray())
            .Select(m => m.GetProperty("seq").GetInt64()).ToList();
        Assert.Equal(seqs.OrderDescending(), seqs);
        Assert.Equal(5, seqs.Distinct().Count());
        Assert.Single(ships.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Inventory_ListFiltersByLocationAndStatus()
    {
        using var client = await edge.ClientAsync();
        var location = await client.CreateLocationAsync();
        var low = await client.CreateProductAsync(reorderPoint: 10);
        var ok = await client.CreateProductAsync(reorderPoint: 1);
        await client.ReceiveAsync(low, location, 3);
        await client.ReceiveAsync(ok, location, 3);

        var lows = await client.GetFromJsonAsync<JsonElement>($"/api/inventory?locationId={location}&status=low");
        var all = await client.GetFromJsonAsync<JsonElement>($"/api/inventory?locationId={location}");

        Assert.Equal([low], lows.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("productId").GetGuid()));
        Assert.Equal(2, all.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task IntegrityCheck_AfterManyMovements_FindsNoDifference()
    {
        using var client = await edge.ClientAsync();
        var a = await client.CreateLocationAsync();
        var b = await client.CreateLocationAsync();
        var product = await client.CreateProductAsync();
        await client.ReceiveAsync(product, a, 20, new { lot = "X", expiry = "2027-01-01" });
        await client.PostOkAsync("/api/inventory/transfer", new { productId = product, fromLocationId = a, toLocationId = b, quantity = 5 });
        await client.PostOkAsync("/api/inventory/reserve", new { productId = product, locationId = a, quantity = 2 });
        await client.PostOkAsync("/api/inventory/count", new { productId = product, locationId = b, quantity = 4, lot = "X" });

        var report = await client.PostOkAsync("/api/integrity/check", new { }, HttpStatusCode.OK);

        Assert.True(report.GetProperty("ok").GetBoolean(), report.ToString());
        Assert.True(report.GetProperty("movements").GetInt64() >= 4);
    }

    private static async Task<int> MovementCountAsync(HttpClient client, Guid product) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/stock-movements?productId={product}&limit=500")).GetProperty("items").GetArrayLength();
}
