namespace Inventory.Devices.Mqtt;

/// <summary>The topic contract of docs/contracts/mqtt.md, in one place for every device program.</summary>
public static class Topics
{
    public static string Scan(string site, string device) => $"inventory/{site}/devices/{device}/scan";

    public static string Result(string site, string device) => $"inventory/{site}/devices/{device}/result";

    public static string PrinterJobs(string site, string printer) => $"inventory/{site}/printers/{printer}/jobs";

    public static string PrinterStatus(string site, string printer) => $"inventory/{site}/printers/{printer}/status";
}
