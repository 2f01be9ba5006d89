using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Inventory.Devices.Contracts;
using Inventory.Domain.Accounts;
using Inventory.Edge.Features.Scanning;

namespace Inventory.Edge.Features.Mqtt;

/// <summary>
/// A scan payload from a device in, a result payload out, whichever broker carried it. Anything a device
/// sends, however broken, gets an answer on its result topic; nothing here throws for bad input. Payloads are
/// read and written with the device contract's JSON (<see cref="DeviceJson"/>), the same settings as /api/scan's.
/// </summary>
public sealed partial class ScanMessages(ScanProcessor processor, ScanRateLimiter limiter, ILogger<ScanMessages> logger)
{
    public async Task<byte[]> HandleAsync(string deviceId, ReadOnlySequence<byte> payload, CancellationToken cancellationToken)
    {
        ScanResult result;
        if (!limiter.TryTake(deviceId))
        {
            result = ScanResult.Fail($"Too fast: max {limiter.Rate.ToString("0.##", CultureInfo.InvariantCulture)} scans/s");
        }
        else if (payload.Length > ScanRequest.MaxPayloadBytes)
        {
            result = ScanResult.Fail("Bad scan: too large");
        }
        else if (Parse(payload, out var scan) is { } problem)
        {
            result = ScanResult.Fail(problem);
        }
        else
        {
            try
            {
                // A device is a staff member's tool: it may do what staff may do, no more (no adjustments).
                var actor = new ScanActor(null, deviceId, p => Role.Staff.Allows(p));
                result = await processor.ProcessAsync(scan!, actor, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The broker must outlive any one bad scan; the device hears something went wrong.
                LogScanFailed(logger, ex, deviceId);
                result = ScanResult.Fail("Error; try again", scan!.Id, scan.Action);
            }
        }

        return DeviceJson.Serialize(result);
    }

    private static string? Parse(ReadOnlySequence<byte> payload, out ScanRequest? scan)
    {
        scan = null;
        try
        {
            var reader = new Utf8JsonReader(payload);
            scan = JsonSerializer.Deserialize<ScanRequest>(ref reader, DeviceJson.Options);
            return scan is null ? "Bad scan: not JSON" : null;
        }
        catch (JsonException ex)
        {
            // The path names the field a device got wrong ("$.qty"), which is what its developer needs.
            return ex.Path is { Length: > 2 } path ? "Bad scan: " + path[2..] : "Bad scan: not JSON";
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException)
        {
            return "Bad scan: not JSON";
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A scan from device {DeviceId} failed")]
    private static partial void LogScanFailed(ILogger logger, Exception exception, string deviceId);
}
