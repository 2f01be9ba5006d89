using System.ComponentModel.DataAnnotations;

namespace Inventory.Edge.Features.Mqtt;

/// <summary>The "Inventory:Mqtt" section: the embedded broker, or the edge as a client of an external one.</summary>
public sealed class MqttOptions : IValidatableObject
{
    /// <summary>Plain MQTT port of the embedded broker; 0 turns the plain listener off.</summary>
    [Range(0, 65535)]
    public int Port { get; set; } = 1883;

    /// <summary>MQTT over TLS (usually 8883); 0 = off. Needs <see cref="CertificatePath"/>.</summary>
    [Range(0, 65535)]
    public int TlsPort { get; set; }

    /// <summary>A PKCS#12 (.pfx) file with the broker's certificate and private key.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>Address the listeners bind to; the broker is for the warehouse LAN, so all interfaces by default.</summary>
    public string BindAddress { get; set; } = "0.0.0.0";

    /// <summary>
    /// "host:port" of an external broker (Mosquitto). When set, the embedded broker stays off and the edge
    /// subscribes to the scan topics there as a client; the broker does device authentication and ACLs.
    /// </summary>
    public string? ExternalBroker { get; set; }

    /// <summary>The edge's own account on the external broker.</summary>
    public string? ExternalUsername { get; set; }

    public string? ExternalPassword { get; set; }

    /// <summary>Scans per second a device may send (token bucket, bursts up to one second's worth); 0 = no limit.</summary>
    [Range(0, 10_000)]
    public double ScanRateLimit { get; set; } = 20;

    /// <summary>
    /// Largest CONNECT the embedded broker reads (fixed header excluded). A device's CONNECT is its id, its secret
    /// and a few properties: well under 1 KB.
    /// </summary>
    [Range(128, 65_536)]
    public int MaxConnectBytes { get; set; } = 4_096;

    /// <summary>Largest packet after CONNECT: a scan or a printer status is well under 1 KB.</summary>
    [Range(1_024, 16_777_216)]
    public int MaxPacketBytes { get; set; } = 65_536;

    /// <summary>A connection that has not sent its whole CONNECT within this is closed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Connections one address may hold open before their CONNECT; more are closed at once.</summary>
    [Range(1, 10_000)]
    public int MaxPendingPerAddress { get; set; } = 16;

    public bool EmbeddedEnabled => string.IsNullOrWhiteSpace(ExternalBroker) && (Port != 0 || TlsPort != 0);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (TlsPort != 0 && string.IsNullOrWhiteSpace(CertificatePath))
        {
            yield return new ValidationResult("Inventory:Mqtt:TlsPort needs Inventory:Mqtt:CertificatePath (a .pfx file).", [nameof(CertificatePath)]);
        }

        if (TlsPort != 0 && TlsPort == Port)
        {
            yield return new ValidationResult("Inventory:Mqtt:TlsPort and Inventory:Mqtt:Port must differ.", [nameof(TlsPort)]);
        }

        if (!System.Net.IPAddress.TryParse(BindAddress, out _))
        {
            yield return new ValidationResult("Inventory:Mqtt:BindAddress is an IP address such as 0.0.0.0 or 127.0.0.1.", [nameof(BindAddress)]);
        }

        if (!string.IsNullOrWhiteSpace(ExternalBroker) && !ExternalBrokerAddress.TryParse(ExternalBroker, out _, out _))
        {
            yield return new ValidationResult("Inventory:Mqtt:ExternalBroker is host:port, e.g. localhost:1883.", [nameof(ExternalBroker)]);
        }
    }
}

public static class ExternalBrokerAddress
{
    public static bool TryParse(string text, out string host, out int port)
    {
        host = "";
        port = 0;
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), out port) || port is < 1 or > 65535)
        {
            return false;
        }

        host = text[..colon].Trim('[', ']');
        return host.Length > 0;
    }
}
