using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Edge.Tests.Infrastructure;
using Inventory.Edge.Tests.Mqtt;
using MQTTnet;
using MQTTnet.Protocol;

namespace Inventory.Edge.Tests.Purchasing;

/// <summary>Receive mode with a purchase order named, over POST /api/scan and over a real MQTT client on the box's broker.</summary>
public sealed class ScanReceivingTests(MqttEdge mqtt) : IClassFixture<MqttEdge>
{
    private EdgeHost Edge => mqtt.Edge;

    private static async Task<JsonElement> ScanAsync(HttpClient client, object body) =>
        await client.PostOkAsync("/api/scan", body, HttpStatusCode.OK);

    private static string Gs1(string ean13, string expiry, string lot, int? count = null) =>
        $"(01)0{ean13}(17){expiry}(10){lot}" + (count is { } c ? $"(30){c}" : "");

    [Fact]
    public async Task ScanApi_ReceiveAgainstPo_Gs1LotAndExpiryFlowIn_NotOnPoAndOverTolerance_Refused()
    {
        using var manager = await Edge.ClientAsync();
        var order = await Edge.OrderAsync(manager, await Edge.SupplierAsync(0m), (10m, 2m), (5m, 1m));
        var line = order.Lines[0];
        using var staff = await Edge.ClientForRoleAsync("staff");
        var stranger = await manager.CreateProductAsync(null, null, Mqtt.Devices.Ean13());
        var strangerSku = (await manager.GetFromJsonAsync<JsonElement>($"/api/products/{stranger}")).GetProperty("sku").GetString()!;

        var first = await ScanAsync(staff, new { id = Guid.CreateVersion7(), code = Gs1(line.Barcode, "300630", "LOT-A"), action = "receive", purchaseOrder = order.Number, qty = 6 });
        var byId = await ScanAsync(staff, new { id = Guid.CreateVersion7(), code = line.Barcode, action = "receive", purchaseOrder = order.Id.ToString(), qty = 4 });
        var over = await ScanAsync(staff, new { id = Guid.CreateVersion7(), code = line.Barcode, action = "receive", purchaseOrder = order.Number.ToLowerInvariant() });
        var notOnPo = await ScanAsync(staff, new { id = Guid.CreateVersion7(), code = strangerSku, action = "receive", purchaseOrder = order.Number });
        var noPo = await ScanAsync(staff, new { id = Guid.CreateVersion7(), code = line.Barcode, action = "receive", purchaseOrder = "PO-XX-999999" });

        Assert.True(first.GetProperty("ok").GetBoolean(), first.ToString());
        Assert.Equal($"Received 6 {line.Sku} 6/10", first.GetProperty("message").GetString());
        Assert.Equal(6, first.GetProperty("level").GetProperty("quantity").GetInt64());
        Assert.True(byId.GetProperty("ok").GetBoolean(), byId.ToString());
        Assert.False(over.GetProperty("ok").GetBoolean());
        Assert.StartsWith("Over PO: 0 left", over.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(notOnPo.GetProperty("ok").GetBoolean());
        Assert.StartsWith($"Not on {order.Number}", notOnPo.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("No PO PO-XX-999999", noPo.GetProperty("message").GetString());
        Assert.Equal(10, await manager.QuantityAsync(line.ProductId, order.LocationId));
        var movements = await manager.GetFromJsonAsync<JsonElement>($"/api/stock-movements?productId={line.ProductId}&type=receive");
        var lotA = movements.GetProperty("items").EnumerateArray().Single(m => m.TryGetProperty("lot", out var lot) && lot.GetString() == "LOT-A");
        Assert.Equal("2030-06-30", lotA.GetProperty("expiry").GetString());
        Assert.Equal($"{order.Id}/{line.Id}", lotA.GetProperty("referenceId").GetString());
        Assert.Equal(2m, lotA.GetProperty("unitCost").GetDecimal());
        Assert.DoesNotContain("unitPrice", first.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mqtt_ScanWithPurchaseOrder_ReceivesOnceEvenWhenRepeated()
    {
        using var manager = await Edge.ClientAsync();
        var order = await Edge.OrderAsync(manager, await Edge.SupplierAsync(0m), (12m, 3m));
        var line = order.Lines[0];
        var (device, secret) = await manager.RegisterAsync();
        using var client = new MqttClientFactory().CreateMqttClient();
        var answers = System.Threading.Channels.Channel.CreateUnbounded<string>();
        client.ApplicationMessageReceivedAsync += e =>
        {
            answers.Writer.TryWrite(e.ApplicationMessage.ConvertPayloadToString());
            return Task.CompletedTask;
        };
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", mqtt.Port).WithCredentials(device, secret)
            .WithClientId(device).WithTimeout(TimeSpan.FromSeconds(60)).Build());
        await client.SubscribeAsync(mqtt.ResultTopic(device), MqttQualityOfServiceLevel.AtLeastOnce);
        var scan = JsonSerializer.Serialize(new { id = Guid.CreateVersion7(), code = Gs1(line.Barcode, "291231", "M-1", 12), action = "receive", purchaseOrder = order.Number });

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await client.PublishStringAsync(mqtt.ScanTopic(device), scan, MqttQualityOfServiceLevel.AtLeastOnce);
        var first = JsonDocument.Parse(await answers.Reader.ReadAsync(timeout.Token)).RootElement;
        await client.PublishStringAsync(mqtt.ScanTopic(device), scan, MqttQualityOfServiceLevel.AtLeastOnce);
        var repeated = JsonDocument.Parse(await answers.Reader.ReadAsync(timeout.Token)).RootElement;
        await client.DisconnectAsync();

        Assert.True(first.GetProperty("ok").GetBoolean(), first.ToString());
        Assert.Equal($"Received 12 {line.Sku} 12/12", first.GetProperty("message").GetString());
        Assert.True(repeated.GetProperty("ok").GetBoolean(), repeated.ToString());
        Assert.Equal(12, await manager.QuantityAsync(line.ProductId, order.LocationId));
        var po = await manager.GetFromJsonAsync<JsonElement>($"/api/stock-movements?productId={line.ProductId}&type=receive");
        Assert.Equal(1, po.GetProperty("items").GetArrayLength());
        Assert.Equal(device, po.GetProperty("items")[0].GetProperty("deviceId").GetString());
    }
}
