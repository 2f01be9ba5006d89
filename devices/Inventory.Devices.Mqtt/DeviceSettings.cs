using System.Security.Cryptography.X509Certificates;
using Inventory.Devices.Contracts;
using MQTTnet;
using MQTTnet.Formatter;

namespace Inventory.Devices.Mqtt;

/// <summary>
/// How a device reaches the edge's broker: its id and secret (the username and password the edge issued),
/// the broker address, the site, TLS. The secret may come from the environment so it stays out of
/// the process list and shell history.
/// </summary>
public sealed record DeviceSettings(string Broker, int Port, string Site, string DeviceId, string Secret, bool Tls, string? CaFile)
{
    public const string SecretVariable = "INVENTORY_DEVICE_SECRET";

    public const string HelpText = """
          --broker HOST[:PORT]  the edge (or its external broker); default localhost:1883 (8883 with --tls)
          --site CODE           the edge's site code; default WH1
          --device ID           this device's id, as registered with POST /api/devices
          --secret SECRET       its secret (better: the environment variable INVENTORY_DEVICE_SECRET)
          --tls                 connect with TLS
          --ca-file PATH        trust this CA certificate (PEM) for a broker with its own certificate
        """;

    public static DeviceSettings From(CommandLine args)
    {
        var tls = args.Flag("tls");
        var broker = args.Get("broker") ?? "localhost";
        var port = tls ? 8883 : 1883;
        var colon = broker.LastIndexOf(':');
        if (colon > 0 && int.TryParse(broker[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture, out var parsed))
        {
            port = parsed;
            broker = broker[..colon];
        }

        var site = args.Get("site") ?? "WH1";
        var device = args.Require("device");
        if (!DeviceTopics.IsSiteCode(site))
        {
            throw new ArgumentException($"--site '{site}' is not a site code (1-10 letters, digits, '-' or '_').");
        }

        if (!DeviceTopics.IsDeviceId(device))
        {
            throw new ArgumentException($"--device '{device}' is not a device id (1-32 letters, digits, '-' or '_').");
        }

        return new DeviceSettings(broker, port, site, device, args.Require("secret", SecretVariable), tls, args.Get("ca-file"));
    }

    /// <summary>This device's site's topics (the contract every program and the edge share).</summary>
    public DeviceTopics Topics => new(Site);

    /// <summary>
    /// A persistent session (clean start off, long expiry) under the device's own id: QoS 1 messages sent
    /// while the device was away (a printer switched off) wait in the broker and arrive when it is back.
    /// </summary>
    public MqttClientOptions ClientOptions()
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(Broker, Port)
            .WithClientId(DeviceId)
            .WithCredentials(DeviceId, Secret)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(false)
            .WithSessionExpiryInterval(7 * 24 * 3600)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(30));
        if (Tls)
        {
            builder.WithTlsOptions(o =>
            {
                o.UseTls();
                if (CaFile is not null)
                {
                    var ca = X509CertificateLoader.LoadCertificateFromFile(CaFile);
                    o.WithTrustChain([ca]);
                }
            });
        }

        return builder.Build();
    }
}
