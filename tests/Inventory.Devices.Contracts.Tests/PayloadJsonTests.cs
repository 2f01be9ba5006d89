using System.Text;
using System.Text.Json;
using Inventory.Devices.Contracts;

namespace Inventory.Devices.Contracts.Tests;

/// <summary>The payloads' JSON as the edge and the device programs put it on the wire, to the byte.</summary>
public sealed class PayloadJsonTests
{
    private static readonly Guid ProductId = Guid.Parse("0190a1b2-0000-7000-8000-000000000001");
    private static readonly Guid LocationId = Guid.Parse("0190a1b2-0000-7000-8000-000000000002");
    private static readonly Guid ScanId = Guid.Parse("0190a1b2-0000-7000-8000-000000000003");
    private static readonly Guid MovementId = Guid.Parse("0190a1b2-0000-7000-8000-000000000004");
    private static readonly DateTimeOffset At = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public void ScanRequest_AsTheScannerSendsIt_DocumentedFieldsNullsLeftOut()
    {
        var scan = new ScanRequest(ScanId, "4006381333931", ScanActions.Receive, "WH1", null, null, 12, At);

        Assert.Equal(
            """{"id":"0190a1b2-0000-7000-8000-000000000003","code":"4006381333931","action":"receive","location":"WH1","qty":12,"at":"2025-01-02T03:04:05+00:00"}""",
            Text(DeviceJson.Serialize(scan)));
    }

    [Fact]
    public void ScanRequest_TheDocumentedExample_Reads()
    {
        var json = """{"id":"0190a1b2-0000-7000-8000-000000000003","code":"4006381333931","action":"pick","location":"WH1","bin":"A-01-02","qty":1,"at":"2025-01-02T03:04:05Z","firmware":"2.1"}""";

        var scan = DeviceJson.Deserialize<ScanRequest>(Encoding.UTF8.GetBytes(json));

        Assert.Equal(new ScanRequest(ScanId, "4006381333931", ScanActions.Pick, "WH1", null, "A-01-02", 1, At), scan);
    }

    [Fact]
    public void ScanRequest_QuantityAsText_IsRefusedNamingTheField()
    {
        var error = Assert.Throws<JsonException>(() => DeviceJson.Deserialize<ScanRequest>("""{"code":"x","qty":"1"}"""u8));
        Assert.Equal("$.qty", error.Path);
    }

    [Fact]
    public void ScanResult_Success_OkMessageProductLevelAndTheRest()
    {
        var result = new ScanResult(true, "Received 12", new ScanProduct(ProductId, "HMR-16", "Claw Hammer"),
            new ScanLevel(LocationId, 24, 0, 24, "ok"), ScanId, ScanActions.Receive, 12, MovementIds: [MovementId]);

        Assert.Equal(
            """
            {"ok":true,"message":"Received 12","product":{"id":"0190a1b2-0000-7000-8000-000000000001","sku":"HMR-16","name":"Claw Hammer"},
            "level":{"locationId":"0190a1b2-0000-7000-8000-000000000002","quantity":24,"reserved":0,"available":24,"status":"ok"},
            "id":"0190a1b2-0000-7000-8000-000000000003","action":"receive","quantity":12,"movementIds":["0190a1b2-0000-7000-8000-000000000004"]}
            """.ReplaceLineEndings(""),
            Text(DeviceJson.Serialize(result)));
    }

    [Fact]
    public void ScanResult_Failure_OkFalseAndMessageOnly()
    {
        Assert.Equal("""{"ok":false,"message":"Bad scan: qty"}""", Text(DeviceJson.Serialize(ScanResult.Fail("Bad scan: qty"))));
    }

    [Fact]
    public void ScanResult_RoundTrips()
    {
        var result = new ScanResult(true, "OK", new ScanProduct(ProductId, "HMR-16", "Claw Hammer"), new ScanLevel(LocationId, 24, 2, 22, "low"));

        var read = DeviceJson.Deserialize<ScanResult>(DeviceJson.Serialize(result));

        Assert.Equal(result, read);
    }

    [Fact]
    public void PrinterStatus_ErrorOnlyWhenThereIsOne()
    {
        Assert.Equal(
            """{"state":"printed","bytes":80,"at":"2025-01-02T03:04:05+00:00"}""",
            Text(DeviceJson.Serialize(new PrinterStatusMessage(PrinterStates.Printed, 80, null, At))));
        Assert.Equal(
            """{"state":"retrying","bytes":80,"error":"ConnectionRefused","at":"2025-01-02T03:04:05+00:00"}""",
            Text(DeviceJson.Serialize(new PrinterStatusMessage(PrinterStates.Retrying, 80, "ConnectionRefused", At))));
    }

    [Fact]
    public void PrintJob_IsTheZplItself()
    {
        const string zpl = "^XA^FO50,50^A0N,40,40^FDClaw Hammer – 10 mm^FS^PQ2^XZ";

        var payload = PrintJobMessage.ToPayload(zpl);

        Assert.Equal(Encoding.UTF8.GetBytes(zpl), payload);
        Assert.Equal(zpl, PrintJobMessage.ZplOf(payload));
        Assert.Equal("text/plain", PrintJobMessage.ContentType);
    }

    private static string Text(byte[] utf8) => Encoding.UTF8.GetString(utf8);
}
