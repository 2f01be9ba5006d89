using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Edge.Features.Mqtt;
using Inventory.Edge.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Inventory.Edge.Tests.Mqtt;

/// <summary>The real edge with its embedded broker on a free loopback port.</summary>
public class MqttEdge : IAsyncLifetime
{
    public MqttEdge()
        : this(5)
    {
    }

    protected MqttEdge(double scanRateLimit)
    {
        Edge.Settings["Inventory:Mqtt:Port"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        Edge.Settings["Inventory:Mqtt:BindAddress"] = "127.0.0.1";
        Edge.Settings["Inventory:Mqtt:ScanRateLimit"] = scanRateLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public EdgeHost Edge { get; } = new();

    public int Port => Edge.Services.GetRequiredService<MqttListeners>().PlainPort!.Value;

    public string Site => Edge.SiteCode;

    public virtual Task InitializeAsync() => Edge.InitializeAsync();

    public virtual Task DisposeAsync() => Edge.DisposeAsync();

    /// <summary>A free loopback port the edge binds a moment later, reserved for this test process (see <see cref="FreePorts"/>).</summary>
    public static int FreePort() => FreePorts.Take();

    public string ScanTopic(string deviceId) => $"inventory/{Site}/devices/{deviceId}/scan";

    public string ResultTopic(string deviceId) => $"inventory/{Site}/devices/{deviceId}/result";
}

public static class Devices
{
    public static async Task<(string Id, string Secret)> RegisterAsync(this HttpClient manager, string kind = "scanner", string? id = null)
    {
        id ??= "S" + Guid.NewGuid().ToString("N")[..8];
        var body = await manager.PostOkAsync("/api/devices", new { deviceId = id, kind, name = "test " + kind });
        Assert.Equal(id, body.GetProperty("deviceId").GetString());
        return (id, body.GetProperty("secret").GetString()!);
    }

    public static async Task<(Guid Product, Guid Location, string LocationCode, string Barcode)> StockedProductAsync(this HttpClient manager, int onHand = 0)
    {
        var code = "L" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var location = await manager.CreateLocationAsync(code);
        var barcode = Ean13();
        var product = await manager.CreateProductAsync(null, null, barcode);
        if (onHand > 0)
        {
            await manager.ReceiveAsync(product, location, onHand);
        }

        return (product, location, code, barcode);
    }

    /// <summary>A random valid EAN-13 (prefix 20-29: in-store numbers, never a real product).</summary>
    public static string Ean13()
    {
        var digits = "2" + Random.Shared.NextInt64(0, 100_000_000_000).ToString("D11", System.Globalization.CultureInfo.InvariantCulture);
        return digits + Inventory.Domain.Catalog.Gtin.CheckDigit(digits).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<int> MovementCountAsync(this HttpClient client, Guid productId)
    {
        var body = await client.GetFromJsonAsync<JsonElement>($"/api/stock-movements?productId={productId}&limit=500");
        return body.GetProperty("items").GetArrayLength();
    }
}
