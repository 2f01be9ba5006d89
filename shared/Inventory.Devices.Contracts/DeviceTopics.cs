using System.Text.RegularExpressions;

namespace Inventory.Devices.Contracts;

/// <summary>
/// The MQTT topics of one site: <c>inventory/{site}/devices/{deviceId}/scan|result</c> and
/// <c>inventory/{site}/printers/{printerId}/jobs|status</c>. A device publishes and subscribes only under
/// its own id (its MQTT username), and only to exact topics, never wildcards.
/// </summary>
/// <remarks>
/// Messages on device topics are not retained: the edge publishes without the retain flag, and a device
/// must not set it nor rely on a retained message. A retained message left on one of these topics is not
/// part of the contract; whether a broker keeps, drops or refuses it is the broker's policy.
/// </remarks>
public sealed partial class DeviceTopics
{
    /// <summary>A site code is a topic level: letters, digits, '-' and '_', as the edge's settings accept it (\z, unlike $, refuses a trailing newline).</summary>
    public const string SiteCodePattern = @"^[A-Za-z0-9_-]{1,10}\z";

    /// <summary>A device id is a topic level and the MQTT username: letters, digits, '-' and '_'.</summary>
    public const string DeviceIdPattern = @"^[A-Za-z0-9_-]{1,32}\z";

    private const string Root = "inventory";
    private const string Devices = "devices";
    private const string Printers = "printers";

    public DeviceTopics(string site)
    {
        if (!IsSiteCode(site))
        {
            throw new ArgumentException($"'{site}' is not a site code (1-10 letters, digits, '-' or '_').", nameof(site));
        }

        Site = site;
    }

    public string Site { get; }

    /// <summary>Scanner → edge: a <see cref="ScanRequest"/>.</summary>
    public string Scan(string deviceId) => Build(Devices, deviceId, "scan");

    /// <summary>Edge → scanner: a <see cref="ScanResult"/>.</summary>
    public string Result(string deviceId) => Build(Devices, deviceId, "result");

    /// <summary>Edge → printer: a <see cref="PrintJobMessage"/> (ZPL).</summary>
    public string PrinterJobs(string printerId) => Build(Printers, printerId, "jobs");

    /// <summary>Printer → edge: a <see cref="PrinterStatusMessage"/>.</summary>
    public string PrinterStatus(string printerId) => Build(Printers, printerId, "status");

    /// <summary>What the edge subscribes to on an external broker: every device's scans on this site.</summary>
    public string AllScans => $"{Root}/{Site}/{Devices}/+/scan";

    /// <summary>The device id of a scan topic of this site, or null for any other topic.</summary>
    public string? ScanDeviceOf(string topic) =>
        TryParse(topic, out var parsed) && parsed.Kind == DeviceTopicKind.Scan && parsed.Site == Site ? parsed.DeviceId : null;

    public static bool IsSiteCode(string? site) => site is not null && SiteCodeRegex().IsMatch(site);

    public static bool IsDeviceId(string? deviceId) => deviceId is not null && DeviceIdRegex().IsMatch(deviceId);

    /// <summary>Reads any site's device topic; false for anything else (wildcards and malformed ids included).</summary>
    public static bool TryParse(string? topic, out DeviceTopic parsed)
    {
        parsed = default;
        var levels = topic?.Split('/');
        if (levels is not [Root, var site, var group, var id, var leaf] || !IsSiteCode(site) || !IsDeviceId(id))
        {
            return false;
        }

        DeviceTopicKind? kind = (group, leaf) switch
        {
            (Devices, "scan") => DeviceTopicKind.Scan,
            (Devices, "result") => DeviceTopicKind.Result,
            (Printers, "jobs") => DeviceTopicKind.PrinterJobs,
            (Printers, "status") => DeviceTopicKind.PrinterStatus,
            _ => null,
        };
        if (kind is null)
        {
            return false;
        }

        parsed = new DeviceTopic(site, id, kind.Value);
        return true;
    }

    private string Build(string group, string deviceId, string leaf) =>
        IsDeviceId(deviceId)
            ? $"{Root}/{Site}/{group}/{deviceId}/{leaf}"
            // A '+', '#' or '/' here would turn an exact topic into a wildcard or another device's topic.
            : throw new ArgumentException($"'{deviceId}' is not a device id (1-32 letters, digits, '-' or '_').", nameof(deviceId));

    [GeneratedRegex(SiteCodePattern)]
    private static partial Regex SiteCodeRegex();

    [GeneratedRegex(DeviceIdPattern)]
    private static partial Regex DeviceIdRegex();
}

public enum DeviceTopicKind
{
    Scan,
    Result,
    PrinterJobs,
    PrinterStatus,
}

/// <summary>A device topic read back: whose it is and what travels on it.</summary>
public readonly record struct DeviceTopic(string Site, string DeviceId, DeviceTopicKind Kind);
