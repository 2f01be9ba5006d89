using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Inventory.Edge.Features.Mqtt;
using Inventory.Edge.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Inventory.Edge.Tests.Mqtt;

/// <summary>The embedded broker with TLS on as well, reached by MQTTnet clients as a .NET device would.</summary>
public sealed class MqttNetClientTests(MqttNetClientTests.TlsEdge mqtt) : IClassFixture<MqttNetClientTests.TlsEdge>
{
    public sealed class TlsEdge : MqttEdge
    {
        public TlsEdge()
        {
            var dir = Path.Combine(Path.GetTempPath(), "inventory-tests", "cert-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            CertificatePath = Path.Combine(dir, "broker.pfx");
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var san = new SubjectAlternativeNameBuilder();
            san.AddIpAddress(System.Net.IPAddress.Loopback);
            san.AddDnsName("localhost");
            request.CertificateExtensions.Add(san.Build());
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
            Thumbprint = certificate.Thumbprint;
            File.WriteAllBytes(CertificatePath, certificate.Export(X509ContentType.Pfx, "cert-pw"));
            Edge.Settings["Inventory:Mqtt:TlsPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
            Edge.Settings["Inventory:Mqtt:CertificatePath"] = CertificatePath;
            Edge.Settings["Inventory:Mqtt:CertificatePassword"] = "cert-pw";
        }

        public string CertificatePath { get; }

        public string Thumbprint { get; }

        public int TlsPort => Edge.Services.GetRequiredService<MqttListeners>().TlsPort!.Value;

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            Directory.Delete(Path.GetDirectoryName(CertificatePath)!, recursive: true);
        }
    }

    private MqttClientOptionsBuilder Options(string user, string password, bool tls, MqttProtocolVersion version = MqttProtocolVersion.V500)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", tls ? mqtt.TlsPort : mqtt.Port)
            .WithCredentials(user, password)
            .WithProtocolVersion(version)
            .WithTimeout(TimeSpan.FromSeconds(60));
        if (tls)
        {
            // The test's own self-signed certificate, pinned by thumbprint (a device would pin or trust the site CA).
            builder.WithTlsOptions(o => o.UseTls().WithCertificateValidationHandler(e =>
                e.Certificate is X509Certificate2 c && c.Thumbprint == mqtt.Thumbprint));
        }

        return builder;
    }

    private async Task<JsonElement> ScanOnceAsync(bool tls, MqttProtocolVersion version)
    {
        using var manager = await mqtt.Edge.ClientAsync();
        var device = await manager.RegisterAsync();
        var stock = await manager.StockedProductAsync();
        using var client = new MqttClientFactory().CreateMqttClient();
        var answer = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.ApplicationMessageReceivedAsync += e =>
        {
            answer.TrySetResult(e.ApplicationMessage.ConvertPayloadToString());
            return Task.CompletedTask;
        };

        var connected = await client.ConnectAsync(Options(device.Id, device.Secret, tls, version).WithClientId(device.Id).Build());
        Assert.Equal(MqttClientConnectResultCode.Success, connected.ResultCode);
        var subscribed = await client.SubscribeAsync(mqtt.ResultTopic(device.Id), MqttQualityOfServiceLevel.AtLeastOnce);
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, subscribed.Items.Single().ResultCode);
        var published = await client.PublishStringAsync(
            mqtt.ScanTopic(device.Id),
            JsonSerializer.Serialize(new { id = Guid.CreateVersion7(), code = stock.Barcode, action = "receive", location = stock.LocationCode, qty = 4 }),
            MqttQualityOfServiceLevel.AtLeastOnce);
        Assert.True(published.IsSuccess, published.ReasonCode.ToString());

        var text = await answer.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await client.DisconnectAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Theory]
    [InlineData(false, MqttProtocolVersion.V500)]
    [InlineData(false, MqttProtocolVersion.V311)]
    [InlineData(true, MqttProtocolVersion.V500)]
    public async Task MqttNetClient_Scan_ResultArrives(bool tls, MqttProtocolVersion version)
    {
        var result = await ScanOnceAsync(tls, version);

        Assert.True(result.GetProperty("ok").GetBoolean(), result.ToString());
        Assert.Equal(4, result.GetProperty("level").GetProperty("quantity").GetInt64());
    }

    [Fact]
    public async Task MqttNetClient_ForeignTopicsAndWildcards_RefusedWithReasonCodes()
    {
        using var manager = await mqtt.Edge.ClientAsync();
        var a = await manager.RegisterAsync();
        var b = await manager.RegisterAsync();
        using var client = new MqttClientFactory().CreateMqttClient();
        Assert.Equal(MqttClientConnectResultCode.Success, (await client.ConnectAsync(Options(a.Id, a.Secret, tls: false).Build())).ResultCode);

        var foreign = await client.SubscribeAsync(mqtt.ResultTopic(b.Id));
        var wildcard = await client.SubscribeAsync($"inventory/{mqtt.Site}/devices/+/result");
        var forged = await client.PublishStringAsync(mqtt.ScanTopic(b.Id), "{}", MqttQualityOfServiceLevel.AtLeastOnce);

        Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, foreign.Items.Single().ResultCode);
        Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, wildcard.Items.Single().ResultCode);
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, forged.ReasonCode);
    }

    [Fact]
    public async Task MqttNetClient_ClientIdHeldByAnotherDevice_Refused()
    {
        using var manager = await mqtt.Edge.ClientAsync();
        var a = await manager.RegisterAsync();
        var b = await manager.RegisterAsync();
        using var first = new MqttClientFactory().CreateMqttClient();
        using var thief = new MqttClientFactory().CreateMqttClient();
        Assert.Equal(MqttClientConnectResultCode.Success, (await first.ConnectAsync(Options(a.Id, a.Secret, false).WithClientId("shared-id").Build())).ResultCode);

        var taken = await thief.ConnectAsync(Options(b.Id, b.Secret, false).WithClientId("shared-id").Build());

        Assert.Equal(MqttClientConnectResultCode.ClientIdentifierNotValid, taken.ResultCode);
        Assert.True(first.IsConnected);
    }
}
