using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Inventory.Devices.Contracts;

/// <summary>
/// The JSON of every device payload: camelCase, null fields left out, numbers as JSON numbers only, unknown
/// fields ignored (a newer device may send more). The same settings as the edge's HTTP JSON, so a scan's
/// result is byte for byte the same over MQTT and from /api/scan.
/// </summary>
public static class DeviceJson
{
    /// <summary>The MQTT 5 content type the edge sets on a scan result.</summary>
    public const string ContentType = "application/json";

    public static JsonSerializerOptions Options { get; } = Create();

    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    /// <summary>Reads a payload; throws <see cref="JsonException"/> (its Path names the bad field) on bad input.</summary>
    public static T? Deserialize<T>(ReadOnlySpan<byte> payload) => JsonSerializer.Deserialize<T>(payload, Options);

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.Strict,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            // ASP.NET Core's HTTP JSON writes "é" and "<" as they are, not as \u escapes; a device's small screen
            // shows UTF-8 text, and a payload is never pasted into HTML unencoded.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
