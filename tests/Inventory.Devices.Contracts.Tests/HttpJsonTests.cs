using System.Text;
using System.Text.Json;
using Inventory.Devices.Contracts;
using Inventory.Web.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Inventory.Devices.Contracts.Tests;

/// <summary>
/// /api/scan answers "the same result a device gets over MQTT": the device JSON and the hosts' HTTP JSON
/// must write a result to the same bytes, or a change to one would quietly split the two contracts.
/// </summary>
public sealed class HttpJsonTests
{
    [Fact]
    public void ScanResult_SameBytesAsTheHttpJson()
    {
        using var services = new ServiceCollection().AddInventoryHttp().BuildServiceProvider();
        var http = services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var result = new ScanResult(true, "Picked 2 <fragile> & \"co\" é", new ScanProduct(Guid.CreateVersion7(), "HMR-16", "Claw Hammer"),
            new ScanLevel(Guid.CreateVersion7(), 22, 0, 22, "ok"), Guid.CreateVersion7(), ScanActions.Pick, -2,
            [new ScanLevel(Guid.CreateVersion7(), 22, 0, 22, "ok")], [Guid.CreateVersion7()]);

        Assert.Equal(JsonSerializer.Serialize(result, http), Encoding.UTF8.GetString(DeviceJson.Serialize(result)));
    }

    [Fact]
    public void ScanRequest_SameReadingAsTheHttpJson()
    {
        using var services = new ServiceCollection().AddInventoryHttp().BuildServiceProvider();
        var http = services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var json = """{"Code":"4006381333931","ACTION":"receive","location":"WH1","qty":3,"expiry":"2026-05-01","extra":1}""";

        Assert.Equal(JsonSerializer.Deserialize<ScanRequest>(json, http), DeviceJson.Deserialize<ScanRequest>(Encoding.UTF8.GetBytes(json)));
    }
}
