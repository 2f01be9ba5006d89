namespace Inventory.Edge.Features.Mqtt;

/// <summary>The topic contract of docs/contracts/mqtt.md: every device lives under its own id, on this site.</summary>
public sealed class Topics(string site)
{
    public string Site { get; } = site;

    public string Scan(string deviceId) => $"inventory/{Site}/devices/{deviceId}/scan";

    public string Result(string deviceId) => $"inventory/{Site}/devices/{deviceId}/result";

    public string PrinterJobs(string printerId) => $"inventory/{Site}/printers/{printerId}/jobs";

    public string PrinterStatus(string printerId) => $"inventory/{Site}/printers/{printerId}/status";

    /// <summary>What the edge subscribes to on an external broker.</summary>
    public string AllScans => $"inventory/{Site}/devices/+/scan";

    /// <summary>The device id of a scan topic of this site, or null.</summary>
    public string? ScanDeviceOf(string topic)
    {
        var prefix = $"inventory/{Site}/devices/";
        if (!topic.StartsWith(prefix, StringComparison.Ordinal) || !topic.EndsWith("/scan", StringComparison.Ordinal))
        {
            return null;
        }

        var id = topic[prefix.Length..^"/scan".Length];
        return id.Length > 0 && !id.Contains('/', StringComparison.Ordinal) ? id : null;
    }
}
