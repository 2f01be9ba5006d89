namespace Inventory.Devices.Tests;

/// <summary>
/// A real Mosquitto (apt `mosquitto`) on a free loopback port, anonymous, for the device programs' own
/// tests. The edge's embedded broker and its device logins are tested with the edge.
/// </summary>
public sealed class MosquittoBroker : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "inventory-tests", "mosquitto-" + Guid.NewGuid().ToString("N"));
    private RunningProgram? _broker;

    public int Port { get; } = RunningProgram.FreePort();

    public async Task InitializeAsync()
    {
        if (!File.Exists("/usr/sbin/mosquitto"))
        {
            throw new InvalidOperationException("mosquitto is not installed: run ./test.sh, which installs it (apt mosquitto).");
        }

        Directory.CreateDirectory(_dir);
        var config = Path.Combine(_dir, "mosquitto.conf");
        await File.WriteAllTextAsync(config, $"""
            listener {Port} 127.0.0.1
            allow_anonymous true
            persistence false
            log_dest stdout
            """);
        _broker = RunningProgram.Start("stdbuf", "-oL", "/usr/sbin/mosquitto", "-c", config);
        // Mosquitto's own word that its listener is open: a connect probe could reach whatever else held the port.
        // Generous: the suite shares a loaded machine; it normally comes in milliseconds.
        await _broker.WaitForLineAsync("running", TimeSpan.FromSeconds(60));
    }

    public async Task DisposeAsync()
    {
        if (_broker is not null)
        {
            await _broker.DisposeAsync();
        }

        Directory.Delete(_dir, recursive: true);
    }

    /// <summary>mosquitto_pub from apt mosquitto-clients, QoS 1.</summary>
    public async Task PublishAsync(string topic, string message)
    {
        await using var pub = RunningProgram.Start("mosquitto_pub", "-h", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-i", "test-pub-" + Guid.NewGuid().ToString("N")[..8], "-q", "1", "-t", topic, "-m", message);
        Assert.Equal(0, await pub.WaitForExitAsync(TimeSpan.FromSeconds(60)));
    }

    /// <summary>
    /// mosquitto_sub waiting for one message on the topic, returned once the broker has granted the subscription
    /// (its SUBACK), so nothing published afterwards can be missed; read the message with WaitForLineAsync.
    /// </summary>
    public async Task<RunningProgram> SubscribeAsync(string topic)
    {
        // -d prints the protocol exchange (SUBACK among it); stdbuf: line by line on a pipe, not at exit.
        var sub = RunningProgram.Start("stdbuf", "-oL", "mosquitto_sub", "-d", "-h", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-i", "test-sub-" + Guid.NewGuid().ToString("N")[..8], "-q", "1", "-t", topic, "-C", "1", "-W", "60");
        await sub.WaitForLineAsync("SUBACK", TimeSpan.FromSeconds(60));
        return sub;
    }
}
