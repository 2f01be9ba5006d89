using Inventory.Devices.Contracts;

namespace Inventory.Devices.Contracts.Tests;

public sealed class DeviceTopicsTests
{
    private readonly DeviceTopics _wh1 = new("WH1");

    [Fact]
    public void Builders_WriteTheDocumentedTopics()
    {
        Assert.Equal("inventory/WH1/devices/S1/scan", _wh1.Scan("S1"));
        Assert.Equal("inventory/WH1/devices/S1/result", _wh1.Result("S1"));
        Assert.Equal("inventory/WH1/printers/P-1_a/jobs", _wh1.PrinterJobs("P-1_a"));
        Assert.Equal("inventory/WH1/printers/P-1_a/status", _wh1.PrinterStatus("P-1_a"));
        Assert.Equal("inventory/WH1/devices/+/scan", _wh1.AllScans);
    }

    [Theory]
    [InlineData(DeviceTopicKind.Scan)]
    [InlineData(DeviceTopicKind.Result)]
    [InlineData(DeviceTopicKind.PrinterJobs)]
    [InlineData(DeviceTopicKind.PrinterStatus)]
    public void TryParse_BuiltTopic_RoundTrips(DeviceTopicKind kind)
    {
        var topic = kind switch
        {
            DeviceTopicKind.Scan => _wh1.Scan("S1"),
            DeviceTopicKind.Result => _wh1.Result("S1"),
            DeviceTopicKind.PrinterJobs => _wh1.PrinterJobs("S1"),
            _ => _wh1.PrinterStatus("S1"),
        };

        Assert.True(DeviceTopics.TryParse(topic, out var parsed));
        Assert.Equal(new DeviceTopic("WH1", "S1", kind), parsed);
    }

    [Theory]
    [InlineData("inventory/WH1/devices/+/scan")]
    [InlineData("inventory/WH1/devices/#")]
    [InlineData("inventory/WH1/devices/S1/jobs")]
    [InlineData("inventory/WH1/printers/P1/scan")]
    [InlineData("inventory/WH1/devices/S1/scan/extra")]
    [InlineData("inventory/WH1/devices//scan")]
    [InlineData("inventory//devices/S1/scan")]
    [InlineData("stock/WH1/devices/S1/scan")]
    [InlineData("inventory/WH1/devices/S1.x/scan")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_AnythingElse_IsRefused(string? topic) =>
        Assert.False(DeviceTopics.TryParse(topic, out _));

    [Fact]
    public void ScanDeviceOf_OnlyThisSitesScanTopics()
    {
        Assert.Equal("S1", _wh1.ScanDeviceOf("inventory/WH1/devices/S1/scan"));
        Assert.Null(_wh1.ScanDeviceOf("inventory/WH2/devices/S1/scan"));
        Assert.Null(_wh1.ScanDeviceOf("inventory/WH1/devices/S1/result"));
        Assert.Null(_wh1.ScanDeviceOf("inventory/WH1/devices/+/scan"));
    }

    [Theory]
    [InlineData("+")]
    [InlineData("#")]
    [InlineData("S1/result")]
    [InlineData("")]
    [InlineData("S1\n")]
    [InlineData("a-device-id-that-is-33-chars-long")]
    public void Builders_NotADeviceId_Throw(string deviceId)
    {
        Assert.False(DeviceTopics.IsDeviceId(deviceId));
        Assert.Throws<ArgumentException>(() => _wh1.Result(deviceId));
        Assert.Throws<ArgumentException>(() => _wh1.PrinterJobs(deviceId));
    }

    [Theory]
    [InlineData("WH/1")]
    [InlineData("+")]
    [InlineData("")]
    [InlineData("ELEVENCHARS")]
    public void Constructor_NotASiteCode_Throws(string site)
    {
        Assert.False(DeviceTopics.IsSiteCode(site));
        Assert.Throws<ArgumentException>(() => new DeviceTopics(site));
    }

    [Fact]
    public void DeviceIds_LettersDigitsDashUnderscore_UpTo32()
    {
        Assert.True(DeviceTopics.IsDeviceId("S1"));
        Assert.True(DeviceTopics.IsDeviceId("dock-3_left"));
        Assert.True(DeviceTopics.IsDeviceId(new string('x', 32)));
    }
}
