using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Edge.Tests.Infrastructure;
using Inventory.Edge.Tests.Mqtt;

namespace Inventory.Edge.Tests.Lots;

/// <summary>
/// First expiry, first out in every path (API ship, reserve, scan over HTTP, an MQTT scanner), with lots B (expires in
/// 29 days, bin BIN-B), A (30 days, BIN-A) and C (no expiry, BIN-C) of one product: each path takes B, then A, then C.
/// Dates are relative to today, so the rule sees them as the box's TimeProvider does.
/// </summary>
public sealed class FefoTests(MqttEdge mqtt) : IClassFixture<MqttEdge>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private sealed record Stock(Guid Product, Guid Location, string LocationCode, string Barcode);

    private static string Day(int offset) => Today.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<Stock> LotsBacAsync(HttpClient manager)
    {
        var (product, location, code, barcode) = await manager.StockedProductAsync();
        // Received out of order on purpose: allocation follows the expiry, not the receipt.
        await manager.ReceiveAsync(product, location, 1, new { lot = "C", bin = "BIN-C" });
        await manager.ReceiveAsync(product, location, 1, new { lot = "A", expiry = Day(30), bin = "BIN-A" });
        await manager.ReceiveAsync(product, location, 1, new { lot = "B", expiry = Day(29), bin = "BIN-B" });
        return new Stock(product, location, code, barcode);
    }

    private static string LotOf(JsonElement result) => result.GetProperty("movements")[0].GetProperty("lot").GetString()!;

    [Fact]
    public async Task ApiShip_WithoutLot_TakesBThenAThenC()
    {
        using var manager = await mqtt.Edge.ClientAsync();
        var s = await LotsBacAsync(manager);

        var lots = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            lots.Add(LotOf(await manager.PostOkAsync("/api/inventory/ship", new { productId = s.Product, locationId = s.Location, quantity = 1 })));
        }

        Assert.Equal(["B", "A", "C"], lots);
    }

    [Fact]
    public async Task ApiReserve_WithoutLot_ReservesBThenAThenC()
    {
        using var manager = await mqtt.Edge.ClientAsync();
        var s = await LotsBacAsync(manager);

        var lots = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            lots.Add(LotOf(await manager.PostOkAsync("/api/inventory/reserve", new { productId = s.Product, locationId = s.Location, quantity = 1 })));
        }

        Assert.Equal(["B", "A", "C"], lots);
    }

    [Fact]
    public async Task ScanPickOverHttp_TakesBThenAThenC_AndSaysLotAndBin()
    {
        using var manager = await mqtt.Edge.ClientAsync();
        var s = await LotsBacAsync(manager);

        var messages = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var result = await manager.PostOkAsync("/api/scan",
                new { id = Guid.CreateVersion7(), code = s.Barcode, action = "pick", location = s.LocationCode, qty = 1 }, HttpStatusCode.OK);
            Assert.True(result.GetProperty("ok").GetBoolean(), result.ToString());
            messages.Add(result.GetProperty("message").GetString()!);
        }

        Assert.EndsWith("lot B bin BIN-B", messages[0], StringComparison.Ordinal);
        Assert.EndsWith("lot A bin BIN-A", messages[1], StringComparison.Ordinal);
        Assert.EndsWith("lot C bin BIN-C", messages[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task MqttScannerPick_TakesBThenAThenC()
    {
        using var manager = await mqtt.Edge.ClientAsync();
        var s = await LotsBacAsync(manager);
        var (device, secret) = await manager.RegisterAsync();
        await using var sub = await MosquittoSub.StartAsync(mqtt.Port, mqtt.ResultTopic(device), device, secret, count: 3);
        var port = mqtt.Port.ToString(CultureInfo.InvariantCulture);

        var messages = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var scan = JsonSerializer.Serialize(new { id = Guid.CreateVersion7(), code = s.Barcode, action = "pick", location = s.LocationCode, qty = 1 });
            var published = await Cli.RunAsync("mosquitto_pub",
                ["-h", "127.0.0.1", "-p", port, "-i", device, "-u", device, "-P", secret, "-q", "1", "-t", mqtt.ScanTopic(device), "-m", scan]);
            Assert.Equal(0, published.ExitCode);
            // One at a time: the answer to this pick arrives before the next is sent, so the order is the ledger's.
            var result = await sub.NextAsync();
            Assert.True(result.GetProperty("ok").GetBoolean(), result.ToString());
            messages.Add(result.GetProperty("message").GetString()!);
        }

        Assert.EndsWith("lot B bin BIN-B", messages[0], StringComparison.Ordinal);
        Assert.EndsWith("lot A bin BIN-A", messages[1], StringComparison.Ordinal);
        Assert.EndsWith("lot C bin BIN-C", messages[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task NamingA_WhileBAvailable_RefusedNamingBAndItsBin()
    {
        using var manager = await mqtt.Edge.ClientAsync();
        var s = await LotsBacAsync(manager);

        using var ship = await manager.PostAsJsonAsync("/api/inventory/ship", new { productId = s.Product, locationId = s.Location, quantity = 1, lot = "A" });
        var scan = await manager.PostOkAsync("/api/scan",
            new { id = Guid.CreateVersion7(), code = s.Barcode, action = "pick", location = s.LocationCode, qty = 1, lot = "A" }, HttpStatusCode.OK);
        using var reserve = await manager.PostAsJsonAsync("/api/inventory/reserve", new { productId = s.Product, locationId = s.Location, quantity = 1, lot = "A" });

        Assert.Equal(HttpStatusCode.Conflict, ship.StatusCode);
        var detail = (await ship.ReadJsonAsync()).GetProperty("detail").GetString()!;
        Assert.Contains("lot B", detail, StringComparison.Ordinal);
        Assert.Contains("bin BIN-B", detail, StringComparison.Ordinal);
        Assert.False(scan.GetProperty("ok").GetBoolean());
        Assert.Contains("lot B", scan.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("BIN-B", scan.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, reserve.StatusCode);
        Assert.Equal(3, await manager.QuantityAsync(s.Product, s.Location));
    }

    [Fact]
    public async Task ManagerOverride_ShipsA_AndExceptionsReportListsIt_StaffOverride403()
    {
        using var manager = await mqtt.Edge.ClientAsync();
        using var staff = await mqtt.Edge.ClientForRoleAsync("staff");
        var s = await LotsBacAsync(manager);
        var from = DateTimeOffset.UtcNow.AddMinutes(-1);

        using var byStaff = await staff.PostAsJsonAsync("/api/inventory/ship",
            new { productId = s.Product, locationId = s.Location, quantity = 1, lot = "A", @override = new { reason = "customer wants A" } });
        using var noReason = await manager.PostAsJsonAsync("/api/inventory/ship",
            new { productId = s.Product, locationId = s.Location, quantity = 1, lot = "A", @override = new { reason = " " } });
        var shipped = await manager.PostOkAsync("/api/inventory/ship",
            new { productId = s.Product, locationId = s.Location, quantity = 1, lot = "A", @override = new { reason = "customer contract requires lot A" } });
        var report = await manager.GetFromJsonAsync<JsonElement>(
            $"/api/reports/fefo-exceptions?from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(1).ToString("O"))}");

        Assert.Equal(HttpStatusCode.Forbidden, byStaff.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var movement = shipped.GetProperty("movements")[0];
        Assert.Equal("A", movement.GetProperty("lot").GetString());
        Assert.Equal("fefo_override", movement.GetProperty("reason").GetString());
        Assert.Equal("customer contract requires lot A", movement.GetProperty("note").GetString());
        var row = Assert.Single(report.GetProperty("items").EnumerateArray(), r => r.GetProperty("productId").GetGuid() == s.Product);
        Assert.Equal(movement.GetProperty("id").GetGuid(), row.GetProperty("movementId").GetGuid());
        Assert.Equal("customer contract requires lot A", row.GetProperty("reason").GetString());
        Assert.Equal("BIN-A", row.GetProperty("bin").GetString());
    }

    [Fact]
    public async Task ExpiredLot_NeverAllocated_RefusedByName_AdjustedOutAsExpired()
    {
        using var manager = await mqtt.Edge.ClientAsync();
        var (product, location, _, _) = await manager.StockedProductAsync();
        await manager.ReceiveAsync(product, location, 5, new { lot = "OLD", expiry = Day(-1), bin = "BIN-O" });
        await manager.ReceiveAsync(product, location, 1, new { lot = "B", expiry = Day(29), bin = "BIN-B" });

        var first = await manager.PostOkAsync("/api/inventory/ship", new { productId = product, locationId = location, quantity = 1 });
        using var more = await manager.PostAsJsonAsync("/api/inventory/ship", new { productId = product, locationId = location, quantity = 1 });
        using var named = await manager.PostAsJsonAsync("/api/inventory/ship", new { productId = product, locationId = location, quantity = 1, lot = "OLD" });
        var scrapped = await manager.PostOkAsync("/api/inventory/adjust",
            new { productId = product, locationId = location, quantity = -5, lot = "OLD", reason = "expired" });
        var lots = await manager.GetFromJsonAsync<JsonElement>($"/api/lots?productId={product}");

        Assert.Equal("B", LotOf(first));
        Assert.Equal(HttpStatusCode.Conflict, more.StatusCode);
        Assert.Contains("5 more are in held or expired lots", (await more.ReadJsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, named.StatusCode);
        Assert.Equal($"Lot OLD expired on {Day(-1)}.", (await named.ReadJsonAsync()).GetProperty("detail").GetString());
        Assert.Equal("expired", scrapped.GetProperty("movements")[0].GetProperty("reason").GetString());
        Assert.Equal(0, await manager.QuantityAsync(product, location));
        var old = Assert.Single(lots.GetProperty("items").EnumerateArray(), l => l.GetProperty("lot").GetString() == "OLD");
        Assert.Equal("expired", old.GetProperty("status").GetString());
    }

    [Fact]
    public async Task HeldLot_SkippedByAllocation_RefusedOnShipAndStaffTransfer_ManagerMayMoveIt()
    {
        using var manager = await mqtt.Edge.ClientAsync();
        using var staff = await mqtt.Edge.ClientForRoleAsync("staff");
        var s = await LotsBacAsync(manager);
        var quarantine = await manager.CreateLocationAsync("Q" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant());

        var held = await manager.PostOkAsync("/api/lots/hold", new { productId = s.Product, lot = "B", reason = "supplier recall R-17" }, HttpStatusCode.OK);
        var shipped = await manager.PostOkAsync("/api/inventory/ship", new { productId = s.Product, locationId = s.Location, quantity = 1 });
        using var named = await manager.PostAsJsonAsync("/api/inventory/ship", new { productId = s.Product, locationId = s.Location, quantity = 1, lot = "B" });
        using var staffMove = await staff.PostAsJsonAsync("/api/inventory/transfer",
            new { productId = s.Product, fromLocationId = s.Location, toLocationId = quarantine, quantity = 1, lot = "B" });
        var lots = await manager.GetFromJsonAsync<JsonElement>($"/api/lots?productId={s.Product}");
        var managerMove = await manager.PostOkAsync("/api/inventory/transfer",
            new { productId = s.Product, fromLocationId = s.Location, toLocationId = quarantine, quantity = 1, lot = "B" });

        Assert.Equal("hold", held.GetProperty("status").GetString());
        Assert.Equal("A", LotOf(shipped));
        Assert.Equal(HttpStatusCode.Conflict, named.StatusCode);
        Assert.Equal("Lot B is on hold.", (await named.ReadJsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Conflict, staffMove.StatusCode);
        var b = Assert.Single(lots.GetProperty("items").EnumerateArray(), l => l.GetProperty("lot").GetString() == "B");
        Assert.Equal("hold", b.GetProperty("status").GetString());
        Assert.Equal("supplier recall R-17", b.GetProperty("holdReason").GetString());
        Assert.Equal(1, b.GetProperty("quantity").GetInt64());
        Assert.Equal(1, await manager.QuantityAsync(s.Product, quarantine));
        Assert.Equal("B", LotOf(managerMove));
    }

    [Fact]
    public async Task HoldAndRelease_BadInput()
    {
        using var manager = await mqtt.Edge.ClientAsync();
        var s = await LotsBacAsync(manager);

        using var unknown = await manager.PostAsJsonAsync("/api/lots/hold", new { productId = s.Product, lot = "NOPE", reason = "recall" });
        using var noReason = await manager.PostAsJsonAsync("/api/lots/hold", new { productId = s.Product, lot = "A" });
        using var notHeld = await manager.PostAsJsonAsync("/api/lots/release", new { productId = s.Product, lot = "A" });
        await manager.PostOkAsync("/api/lots/hold", new { productId = s.Product, lot = "A", reason = "quality stop" }, HttpStatusCode.OK);
        var released = await manager.PostOkAsync("/api/lots/release", new { productId = s.Product, lot = "A" }, HttpStatusCode.OK);
        using var again = await manager.PostAsJsonAsync("/api/lots/release", new { productId = s.Product, lot = "A" });

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, notHeld.StatusCode);
        Assert.Equal("available", released.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }
}
