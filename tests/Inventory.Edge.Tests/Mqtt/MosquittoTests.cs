using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Edge.Tests.Infrastructure;

namespace Inventory.Edge.Tests.Mqtt;

/// <summary>The embedded broker driven by the real Mosquitto command-line clients, as a technician would.</summary>
public sealed class MosquittoTests(MqttEdge mqtt) : IClassFixture<MqttEdge>
{
    private string PortText => mqtt.Port.ToString(CultureInfo.InvariantCulture);

    private Task<Cli.Result> PubAsync(string? user, string? password, string topic, string message, params string[] extra)
    {
        // MQTT 3.1.1 (mosquitto's default) needs a client id: the broker can assign one on MQTT 5 only.
        var args = new List<string> { "-h", "127.0.0.1", "-p", PortText, "-t", topic, "-q", "1", "-m", message, "-i", ClientId(user) };
        if (user is not null)
        {
            args.AddRange(["-u", user, "-P", password ?? ""]);
        }

        args.AddRange(extra);
        return Cli.RunAsync("mosquitto_pub", args);
    }

    private static string ClientId(string? user) => $"{user ?? "anon"}-{Guid.NewGuid():N}"[..23];

    private static string Scan(Guid id, string code, string action, string location, int? qty = null) =>
        JsonSerializer.Serialize(new { id, code, action, location, qty });

    [Fact]
    public async Task Scan_Receive_BecomesMovementAndResultArrives()
    {
        using var manager = await mqtt.Edge.ClientAsync();
        var device = await manager.RegisterAsync();
        var stock = await manager.StockedProductAsync();
        await using var sub = await MosquittoSub.StartAsync(mqtt.Port, mqtt.ResultTopic(device.Id), device.Id, device.Secret);
        var id = Guid.CreateVersion7();

        var pub = await PubAsync(device.Id, device.Secret, mqtt.ScanTopic(device.Id), Scan(id, stock.Barcode, "receive", stock.LocationCode, 3));

        Assert.True(pub.ExitCode == 0, pub.All);
        var result = await sub.NextAsync();
        Assert.True(result.GetProperty("ok").GetBoolean(), result.ToString());
        Assert.Equal(stock.Product, result.GetProperty("product").GetProperty("id").GetGuid());
        Assert.Equal(3, result.GetProperty("level").GetProperty("quantity").GetInt64());
        Assert.Equal(stock.Location, result.GetProperty("level").GetProperty("locationId").GetGuid());
        var movement = await manager.GetFromJsonAsync<JsonElement>($"/api/stock-movements/{id}");
        Assert.Equal("receive", movement.GetProperty("type").GetString());
        Assert.Equal(device.Id, movement.GetProperty("deviceId").GetString());
        Assert.Equal(3, await manager.QuantityAsync(stock.Product, stock.Location));
    }

    [Fact]
    public async Task Scan_SameIdTwice_RecordsOneMovement()
    {
        using var manager = await mqtt.Edge.ClientAsync();
        var device = await manager.RegisterAsync();
        var stock = await manager.StockedProductAsync(onHand: 10);
        await using var sub = await MosquittoSub.StartAsync(mqtt.Port, mqtt.ResultTopic(device.Id), device.Id, device.Secret, count: 2);
        var scan = Scan(Guid.CreateVersion7(), stock.Barcode, "pick", stock.LocationCode, 4);

        await PubAsync(device.Id, device.Secret, mqtt.ScanTopic(device.Id), scan);
        await PubAsync(device.Id, device.Secret, mqtt.ScanTopic(device.Id), scan);

        var first = await sub.NextAsync();
        var second = await sub.NextAsync();
        Assert.Equal(6, first.GetProperty("level").GetProperty("quantity").GetInt64());
        Assert.Equal(first.ToString(), second.ToString());
        Assert.Equal(6, await manager.QuantityAsync(stock.Product, stock.Location));
    }

    [Fact]
    public async Task Connect_AnonymousOrWrongSecretOrUnknownDevice_Refused()
    {
        using var manager = await mqtt.Edge.ClientAsync();
        var device = await manager.RegisterAsync();
        var topic = mqtt.ScanTopic(device.Id);

        var anonymous = await PubAsync(null, null, topic, "{}");
        var wrongSecret = await PubAsync(device.Id, device.Secret + "x", topic, "{}");
        var unknown = await PubAsync("nobody", device.Secret, topic, "{}");

        foreach (var refused in new[] { anonymous, wrongSecret, unknown })
        {
            Assert.NotEqual(0, refused.ExitCode);
            Assert.Contains("Connection Refused: bad user name or password", refused.All, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task DeviceA_CannotPublishAsB_NorReadBsResults()
    {
        using var manager = await mqtt.Edge.ClientAsync();
        var a = await manager.RegisterAsync();
        var b = await manager.RegisterAsync();
        var stock = await manager.StockedProductAsync();
        await using var bSub = await MosquittoSub.StartAsync(mqtt.Port, mqtt.ResultTopic(b.Id), b.Id, b.Secret);

        // A subscribing to B's results, or to everything, is denied at SUBACK.
        await using var spy = await MosquittoSub.StartAsync(mqtt.Port, mqtt.ResultTopic(b.Id), a.Id, a.Secret, waitSeconds: 5);
        await using var wildcard = await MosquittoSub.StartAsync(mqtt.Port, "inventory/#", a.Id, a.Secret, waitSeconds: 5);
        // A publishing on B's scan topic (QoS 1: mosquitto_pub returns once the broker has answered).
        var forged = Guid.CreateVersion7();
        await PubAsync(a.Id, a.Secret, mqtt.ScanTopic(b.Id), Scan(forged, stock.Barcode, "receive", stock.LocationCode, 50));
        var genuine = Guid.CreateVersion7();
        await PubAsync(b.Id, b.Secret, mqtt.ScanTopic(b.Id), Scan(genuine, stock.Barcode, "receive", stock.LocationCode, 1));

        // B's first result is its own genuine scan: the forged one produced nothing.
        var result = await bSub.NextAsync();
        Assert.Equal(genuine, result.GetProperty("id").GetGuid());
        Assert.Equal(1, await manager.QuantityAsync(stock.Product, stock.Location));
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/stock-movements/{forged}")).StatusCode);
        await spy.WaitForExitAsync();
        await wildcard.WaitForExitAsync();
        Assert.Contains("denied", spy.Log, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("denied", wildcard.Log, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(genuine.ToString(), spy.Log + wildcard.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Garbage_AnsweredWithErrors_BrokerLivesOn()
    {
        using var manager = await mqtt.Edge.ClientAsync();
        var device = await manager.RegisterAsync();
        var stock = await manager.StockedProductAsync();
        await using var sub = await MosquittoSub.StartAsync(mqtt.Port, mqtt.ResultTopic(device.Id), device.Id, device.Secret, count: 5, waitSeconds: 20);
        var topic = mqtt.ScanTopic(device.Id);
        var binary = Path.Combine(mqtt.Edge.DataDir, "garbage.bin");
        await File.WriteAllBytesAsync(binary, [0x00, 0xFF, 0xFE, 0x7B, 0x22, 0xC3, 0x28, 0x0A, 0x01]);

        await Cli.RunAsync("mosquitto_pub", ["-h", "127.0.0.1", "-p", PortText, "-t", topic, "-q", "1", "-u", device.Id, "-P", device.Secret, "-f", binary, "-i", ClientId(device.Id)]);
        await PubAsync(device.Id, device.Secret, topic, "this is not json {");
        await PubAsync(device.Id, device.Secret, topic, """{"action":"receive","qty":1}""");
        await PubAsync(device.Id, device.Secret, topic, $$"""{"code":"{{stock.Barcode}}","action":"receive","qty":"lots"}""");
        await PubAsync(device.Id, device.Secret, topic, Scan(Guid.CreateVersion7(), stock.Barcode, "receive", stock.LocationCode, 2));

        var answers = new List<JsonElement>();
        for (var i = 0; i < 5; i++)
        {
            answers.Add(await sub.NextAsync());
        }

        Assert.All(answers.Take(4), a => Assert.False(a.GetProperty("ok").GetBoolean()));
        Assert.Equal("Bad scan: not JSON", answers[1].GetProperty("message").GetString());
        Assert.Equal("Bad scan: no code", answers[2].GetProperty("message").GetString());
        Assert.Equal("Bad scan: qty", answers[3].GetProperty("message").GetString());
        Assert.True(answers[4].GetProperty("ok").GetBoolean(), answers[4].ToString());
        Assert.Equal(2, await manager.QuantityAsync(stock.Product, stock.Location));
    }

    [Fact]
    public async Task Scan_UnknownCode_ShortNotFound()
    {
        using var manager = await mqtt.Edge.ClientAsync();
        var device = await manager.RegisterAsync();
        await using var sub = await MosquittoSub.StartAsync(mqtt.Port, mqtt.ResultTopic(device.Id), device.Id, device.Secret);

        await PubAsync(device.Id, device.Secret, mqtt.ScanTopic(device.Id), """{"code":"123456","action":"lookup"}""");

        var result = await sub.NextAsync();
        Assert.False(result.GetProperty("ok").GetBoolean());
        Assert.Equal("Not found: 123456", result.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Scans_FasterThanLimit_GetTooFastErrors()
    {
        using var manager = await mqtt.Edge.ClientAsync();
        var device = await manager.RegisterAsync();
        var stock = await manager.StockedProductAsync();
        const int sent = 15;
        await using var sub = await MosquittoSub.StartAsync(mqtt.Port, mqtt.ResultTopic(device.Id), device.Id, device.Secret, count: sent, waitSeconds: 30);
        var lines = string.Join('\n', Enumerable.Range(0, sent).Select(_ => Scan(Guid.CreateVersion7(), stock.Barcode, "lookup", stock.LocationCode))) + "\n";

        // -l: one message per line of stdin, all on one connection, as fast as the broker takes them.
        var pub = await Cli.RunAsync(
            "mosquitto_pub", ["-h", "127.0.0.1", "-p", PortText, "-t", mqtt.ScanTopic(device.Id), "-q", "1", "-u", device.Id, "-P", device.Secret, "-l", "-i", ClientId(device.Id)], lines);

        Assert.True(pub.ExitCode == 0, pub.All);
        var messages = new List<string>();
        for (var i = 0; i < sent; i++)
        {
            messages.Add((await sub.NextAsync()).GetProperty("message").GetString()!);
        }

        Assert.Contains(messages, m => m.StartsWith("Too fast", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith(stock.Barcode, StringComparison.Ordinal) || m.Contains('@', StringComparison.Ordinal));
    }

    [Fact]
    public async Task RevokedDevice_IsDisconnectedAndRefused()
    {
        using var manager = await mqtt.Edge.ClientAsync();
        var device = await manager.RegisterAsync();
        await using var sub = await MosquittoSub.StartAsync(mqtt.Port, mqtt.ResultTopic(device.Id), device.Id, device.Secret, waitSeconds: 30);
        var listed = await manager.GetFromJsonAsync<JsonElement>("/api/devices");
        Assert.Contains(listed.EnumerateArray(), d => d.GetProperty("deviceId").GetString() == device.Id && d.GetProperty("connected").GetBoolean());

        var revoke = await manager.DeleteAsync($"/api/devices/{device.Id}");

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        await sub.WaitForExitAsync();
        var again = await PubAsync(device.Id, device.Secret, mqtt.ScanTopic(device.Id), "{}");
        Assert.NotEqual(0, again.ExitCode);
        Assert.Contains("Connection Refused: bad user name or password", again.All, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Mqtt5Client_WithoutClientId_GetsOneAssigned()
    {
        using var manager = await mqtt.Edge.ClientAsync();
        var device = await manager.RegisterAsync();

        await using var sub = await MosquittoSub.StartAsync(mqtt.Port, mqtt.ResultTopic(device.Id), device.Id, device.Secret, 1, 15, "-V", "mqttv5");
        var pub = await Cli.RunAsync("mosquitto_pub", ["-h", "127.0.0.1", "-p", PortText, "-V", "mqttv5", "-q", "1", "-u", device.Id, "-P", device.Secret,
            "-t", mqtt.ScanTopic(device.Id), "-m", """{"code":"nothing-here"}"""]);

        Assert.True(pub.ExitCode == 0, pub.All);
        Assert.Equal("Not found: nothing-here", (await sub.NextAsync()).GetProperty("message").GetString());
    }
}
