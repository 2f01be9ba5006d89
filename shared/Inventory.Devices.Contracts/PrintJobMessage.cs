using System.Text;

namespace Inventory.Devices.Contracts;

/// <summary>
/// A label job on a printer's jobs topic (QoS 1, not retained): the payload is the ZPL itself as UTF-8 text,
/// not JSON, so a gateway sends it to the printer's raw port byte for byte. One message is one job; the
/// copies are inside the ZPL (<c>^PQ</c>).
/// </summary>
public static class PrintJobMessage
{
    /// <summary>The MQTT 5 content type the edge sets on a job.</summary>
    public const string ContentType = "text/plain";

    public static byte[] ToPayload(string zpl) => Encoding.UTF8.GetBytes(zpl);

    public static string ZplOf(ReadOnlySpan<byte> payload) => Encoding.UTF8.GetString(payload);
}
