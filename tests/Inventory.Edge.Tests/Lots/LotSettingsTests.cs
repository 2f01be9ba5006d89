using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Edge.Tests.Infrastructure;
using Inventory.Edge.Tests.Mqtt;
using Inventory.Edge.Tests.Purchasing;
using Inventory.Edge.Tests.Sync;
using Inventory.Sync;

namespace Inventory.Edge.Tests.Lots;

/// <summary>
/// Per-product lot settings at the box, through the single writer: a lot-tracked product refuses a receipt without a
/// lot (over HTTP and from an MQTT scanner), shelf life dates a receipt without expiry, a new lot gets its `lots` row and
/// outbox row once, sell-expired lets an expired lot be allocated, and the product API keeps the settings.
/// </summary>
public sealed class LotSettingsTests(MqttEdge mqtt) : IClassFixture<MqttEdge>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static string Day(int offset) => Today.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed record Stock(Guid Product, string Sku, Guid Location, string LocationCode, string Barcode);

    private static async Task<Stock> ProductAsync(HttpClient manager, object lotSettings)
    {
        var code = "L" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var location = await manager.CreateLocationAsync(code);
        var barcode = Mqtt.Devices.Ean13();
        var sku = "LOT-" + Guid.NewGuid().ToString("N")[..10];
        var body = await manager.PostOkAsync("/api/products", Api.Merge(
            new { sku, name = "Lot product", barcodes = new[] { barcode }, costPrice = 2.5m, unit = "each" }, lotSettings));
        return new Stock(body.GetProperty("id").GetGuid(), sku, location, code, barcode);
    }

    private async Task<long> LotRowsAsync(Guid product) => (long)(await mqtt.Edge.ScalarAsync(
        "SELECT count(*) FROM lots WHERE product_id = $p", ("$p", product.ToString("D"))))!;

    [Fact]
    public async Task LotTracked_ReceiptWithoutLot_400NothingWritten_WithLotAccepted()
    {
        using var manager = await mqtt.Edge.ClientAsync();
        var s = await ProductAsync(manager, new { lotTracked = true });

        using var refused = await manager.PostAsJsonAsync("/api/inventory/receive",
            new { productId = s.Product, locationId = s.Location, quantity = 3, unitCost = 1m });
        using var blank = await manager.PostAsJsonAsync("/api/inventory/receive",
            new { productId = s.Product, locationId = s.Location, quantity = 3, unitCost = 1m, lot = "  " });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal($"{s.Sku} is lot-tracked: a receipt names its lot.", (await refused.ReadJsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.Equal(0, await manager.MovementCountAsync(s.Product));
        Assert.Equal(0, await manager.QuantityAsync(s.Product, s.Location));
        Assert.Equal(0, await LotRowsAsync(s.Product));

        await manager.ReceiveAsync(s.Product, s.Location, 3, new { lot = "L1" });
        Assert.Equal(3, await manager.QuantityAsync(s.Product, s.Location));
    }

    [Fact]
    public async Task LotTracked_PurchaseOrderReceiptWithoutLot_400NothingWritten()
    {
        using var manager = await mqtt.Edge.ClientAsync();
        var supplier = await mqtt.Edge.SupplierAsync(0m);
        var s = await ProductAsync(manager, new { lotTracked = true });
        var order = await mqtt.Edge.OrderForAsync(supplier, s.Location, s.LocationCode,
            [new PurchasingTestData.TestLine(Guid.CreateVersion7(), s.Product, s.Sku, s.Barcode, 10m, 1m)]);

        using var refused = await manager.ReceiveAsync(order, Guid.CreateVersion7(), PurchasingTestData.Line(order.Lines[0], 4));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(0, await manager.MovementCountAsync(s.Product));
        Assert.Equal(0, await LotRowsAsync(s.Product));
    }

    [Fact]
    public async Task LotTracked_MqttScannerReceiveWithoutLot_RefusedNothingWritten()
    {
        using var manager = await mqtt.Edge.ClientAsync();
        var s = await ProductAsync(manager, new { lotTracked = true });
        var (device, secret) = await manager.RegisterAsync();
        await using var sub = await MosquittoSub.StartAsync(mqtt.Port, mqtt.ResultTopic(device), device, secret, count: 1);

        var scan = JsonSerializer.Serialize(new { id = Guid.CreateVersion7(), code = s.Barcode, action = "receive", location = s.LocationCode, qty = 2 });
        var published = await Cli.RunAsync("mosquitto_pub",
            ["-h", "127.0.0.1", "-p", mqtt.Port.ToString(CultureInfo.InvariantCulture), "-i", device, "-u", device, "-P", secret, "-q", "1",
             "-t", mqtt.ScanTopic(device), "-m", scan]);
        Assert.Equal(0, published.ExitCode);
        var result = await sub.NextAsync();

        Assert.False(result.GetProperty("ok").GetBoolean(), result.ToString());
        Assert.Contains("lot-tracked", result.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await manager.MovementCountAsync(s.Product));
        Assert.Equal(0, await manager.QuantityAsync(s.Product, s.Location));
    }

    [Fact]
    public async Task ShelfLife_FillsExpiryOnLevelMovementAndLot_GivenExpiryWins()
    {
        using var manager = await mqtt.Edge.ClientAsync();
        var s = await ProductAsync(manager, new { shelfLifeDays = 10 });

        var dated = await manager.ReceiveAsync(s.Product, s.Location, 2, new { lot = "S1" });
        var again = await manager.ReceiveAsync(s.Product, s.Location, 1, new { lot = "S1" });
        var given = await manager.ReceiveAsync(s.Product, s.Location, 1, new { lot = "S2", expiry = Day(3) });
        var plain = await manager.ReceiveAsync(s.Product, s.Location, 1);
        var lots = await manager.GetFromJsonAsync<JsonElement>($"/api/lots?productId={s.Product}");

        Assert.Equal(Day(10), dated.GetProperty("movements")[0].GetProperty("expiry").GetString());
        Assert.Equal(Day(10), again.GetProperty("movements")[0].GetProperty("expiry").GetString());
        Assert.Equal(Day(3), given.GetProperty("movements")[0].GetProperty("expiry").GetString());
        Assert.Equal(Day(10), plain.GetProperty("movements")[0].GetProperty("expiry").GetString());
        var s1 = Assert.Single(lots.GetProperty("items").EnumerateArray(), l => l.GetProperty("lot").GetString() == "S1");
        Assert.Equal(Day(10), s1.GetProperty("expiry").GetString());
        Assert.Equal(3, s1.GetProperty("quantity").GetInt64());
        Assert.Equal(Day(10), await mqtt.Edge.ScalarAsync(
            "SELECT expiry FROM lots WHERE product_id = $p AND code = 'S1'", ("$p", s.Product.ToString("D"))));
    }

    [Fact]
    public async Task Receipt_NewLot_CreatesLotRowAndOutboxRowOnce_WithPurchaseOrderOrigin()
    {
        using var manager = await mqtt.Edge.ClientAsync();
        var supplier = await mqtt.Edge.SupplierAsync(0m);
        var s = await ProductAsync(manager, new { lotTracked = true });
        var order = await mqtt.Edge.OrderForAsync(supplier, s.Location, s.LocationCode,
            [new PurchasingTestData.TestLine(Guid.CreateVersion7(), s.Product, s.Sku, s.Barcode, 10m, 1m)]);
        var id = DeterministicIds.Lot(s.Product, "P1");

        using var first = await manager.ReceiveAsync(order, Guid.CreateVersion7(), PurchasingTestData.Line(order.Lines[0], 4, lot: "P1", expiry: Day(40)));
        using var second = await manager.ReceiveAsync(order, Guid.CreateVersion7(), PurchasingTestData.Line(order.Lines[0], 2, lot: "P1"));
        await manager.ReceiveAsync(s.Product, s.Location, 1, new { lot = "P1" });
        var outbox = await mqtt.Edge.OutboxAsync(id);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(1, await LotRowsAsync(s.Product));
        var row = Assert.Single(outbox);
        Assert.Equal(ChangeKinds.Lot, row.Kind);
        Assert.Null(row.BaseHlc);
        var record = JsonSerializer.Deserialize(row.Data, SyncJson.Default.LotRecord)!;
        Assert.Equal(id, record.Id);
        Assert.Equal(s.Product, record.ProductId);
        Assert.Equal("P1", record.Lot);
        Assert.Equal(Today.AddDays(40), record.Expiry);
        Assert.Equal(supplier, record.SupplierId);
        Assert.Equal(order.Id, record.PurchaseOrderId);
        Assert.Equal("available", record.Status);
        Assert.Equal(row.Hlc, await mqtt.Edge.ScalarAsync("SELECT hlc FROM lots WHERE id = $id", ("$id", id.ToString("D"))));
    }

    [Fact]
    public async Task Receipt_ExistingHeldLot_LeftAlone()
    {
        using var manager = await mqtt.Edge.ClientAsync();
        var s = await ProductAsync(manager, new { });
        await manager.ReceiveAsync(s.Product, s.Location, 1, new { lot = "H1" });
        await manager.PostOkAsync("/api/lots/hold", new { productId = s.Product, lot = "H1", reason = "recall" }, HttpStatusCode.OK);
        var id = DeterministicIds.Lot(s.Product, "H1");
        var before = (await mqtt.Edge.OutboxAsync(id)).Count;

        await manager.ReceiveAsync(s.Product, s.Location, 1, new { lot = "H1" });

        Assert.Equal("hold", await mqtt.Edge.ScalarAsync("SELECT status FROM lots WHERE id = $id", ("$id", id.ToString("D"))));
        Assert.Equal(before, (await mqtt.Edge.OutboxAsync(id)).Count);
    }

    [Fact]
    public async Task SellExpired_AllocatesExpiredLotFirst_DefaultRefuses()
    {
        using var manager = await mqtt.Edge.ClientAsync();
        var selling = await ProductAsync(manager, new { sellExpired = true });
        var strict = await ProductAsync(manager, new { });
        foreach (var s in new[] { selling, strict })
        {
            await manager.ReceiveAsync(s.Product, s.Location, 2, new { lot = "OLD", expiry = Day(-2) });
            await manager.ReceiveAsync(s.Product, s.Location, 2, new { lot = "NEW", expiry = Day(20) });
        }

        var first = await manager.PostOkAsync("/api/inventory/ship", new { productId = selling.Product, locationId = selling.Location, quantity = 1 });
        var named = await manager.PostOkAsync("/api/inventory/ship", new { productId = selling.Product, locationId = selling.Location, quantity = 1, lot = "OLD" });
        using var later = await manager.PostAsJsonAsync("/api/inventory/ship",
            new { productId = selling.Product, locationId = selling.Location, quantity = 1, lot = "NEW" });
        await manager.PostOkAsync("/api/lots/hold", new { productId = selling.Product, lot = "NEW", reason = "recall" }, HttpStatusCode.OK);
        using var heldStill = await manager.PostAsJsonAsync("/api/inventory/ship",
            new { productId = selling.Product, locationId = selling.Location, quantity = 1 });
        var strictFirst = await manager.PostOkAsync("/api/inventory/ship", new { productId = strict.Product, locationId = strict.Location, quantity = 1 });
        using var strictNamed = await manager.PostAsJsonAsync("/api/inventory/ship",
            new { productId = strict.Product, locationId = strict.Location, quantity = 1, lot = "OLD" });

        Assert.Equal("OLD", first.GetProperty("movements")[0].GetProperty("lot").GetString());
        Assert.Equal("OLD", named.GetProperty("movements")[0].GetProperty("lot").GetString());
        Assert.Equal(HttpStatusCode.Created, later.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, heldStill.StatusCode);
        Assert.Equal("NEW", strictFirst.GetProperty("movements")[0].GetProperty("lot").GetString());
        Assert.Equal(HttpStatusCode.Conflict, strictNamed.StatusCode);
    }

    [Fact]
    public async Task ProductApi_RoundTripsSettings_AbsentFieldsKeepThem()
    {
        using var manager = await mqtt.Edge.ClientAsync();
        var created = await manager.PostOkAsync("/api/products", new
        {
            sku = "LS-" + Guid.NewGuid().ToString("N")[..8], name = "Settings", unit = "each",
            lotTracked = true, shelfLifeDays = 90, expiryAlertDays = 14, sellExpired = true,
        });
        var id = created.GetProperty("id").GetGuid();

        using var update = await manager.PutAsJsonAsync($"/api/products/{id}",
            new { sku = created.GetProperty("sku").GetString(), name = "Renamed", unit = "each", version = 1 });
        var kept = await manager.GetFromJsonAsync<JsonElement>($"/api/products/{id}");
        using var clear = await manager.PutAsJsonAsync($"/api/products/{id}",
            new { sku = created.GetProperty("sku").GetString(), name = "Renamed", unit = "each", version = 2, shelfLifeDays = 0, sellExpired = false });
        var cleared = await clear.ReadJsonAsync();

        Assert.True(created.GetProperty("lotTracked").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        Assert.Equal("Renamed", kept.GetProperty("name").GetString());
        Assert.True(kept.GetProperty("lotTracked").GetBoolean());
        Assert.Equal(90, kept.GetProperty("shelfLifeDays").GetInt32());
        Assert.Equal(14, kept.GetProperty("expiryAlertDays").GetInt32());
        Assert.True(kept.GetProperty("sellExpired").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, clear.StatusCode);
        Assert.False(cleared.TryGetProperty("shelfLifeDays", out var shelfLife) && shelfLife.ValueKind != JsonValueKind.Null, "shelf life cleared");
        Assert.False(cleared.GetProperty("sellExpired").GetBoolean());
        Assert.True(cleared.GetProperty("lotTracked").GetBoolean());
    }
}
