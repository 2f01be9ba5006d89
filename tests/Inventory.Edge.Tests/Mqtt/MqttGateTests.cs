using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Inventory.Edge.Tests.Mqtt;

/// <summary>What an unauthenticated client on the LAN can make the embedded broker hold: next to nothing.</summary>
public sealed class MqttGateTests(MqttGateTests.Broker broker) : IClassFixture<MqttGateTests.Broker>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    /// <summary>The CONNECT time-out long, so what closes a connection in these tests is the limit under test.</summary>
    public sealed class Broker : MqttEdge
    {
        public Broker()
        {
            Edge.Settings["Inventory:Mqtt:ConnectTimeout"] = "00:02:00";
            Edge.Settings["Inventory:Mqtt:MaxPendingPerAddress"] = "4";
        }
    }

    [Fact]
    public async Task Connect_Declaring250MB_ClosedBeforeItIsBuffered()
    {
        using var socket = await ConnectAsync(broker.Port, IPAddress.Loopback);
        using var stream = new NetworkStream(socket);

        // CONNECT, remaining length 250,000,000 (variable byte integer), then the first kilobyte of it.
        await stream.WriteAsync(new byte[] { 0x10, 0x80, 0xE5, 0x9A, 0x77 });
        await stream.WriteAsync(new byte[1024]);

        Assert.True(await ClosedAsync(stream, Wait), "The broker kept reading a 250 MB CONNECT.");
    }

    [Fact]
    public async Task FirstPacket_NotAConnect_Closed()
    {
        using var socket = await ConnectAsync(broker.Port, IPAddress.Loopback);
        using var stream = new NetworkStream(socket);

        // PUBLISH before CONNECT.
        await stream.WriteAsync(new byte[] { 0x30, 0x05, 0x00, 0x01, (byte)'a', (byte)'h', (byte)'i' });

        Assert.True(await ClosedAsync(stream, Wait), "The broker kept a connection whose first packet was a PUBLISH.");
    }

    [Fact]
    public async Task PendingConnections_PastTheLimitForOneAddress_ClosedAtOnce()
    {
        var address = IPAddress.Parse("127.0.0.9");
        var held = new List<Socket>();
        try
        {
            for (var i = 0; i < 5; i++)
            {
                held.Add(await ConnectAsync(broker.Port, address));
            }

            // Kestrel hands accepted connections to the gate on thread-pool threads, so under load the gate may count
            // them in another order than they connected: one of the five is past the limit, not necessarily the last.
            var clock = Stopwatch.StartNew();
            using var timeout = new CancellationTokenSource(Wait);
            var streams = held.Select(s => new NetworkStream(s)).ToList();
            var watches = streams.Select(s => ClosedAsync(s, timeout.Token)).ToList();
            var first = await Task.WhenAny(watches);

            Assert.True(await first, "None of five pending connections from one address was closed.");
            // The CONNECT time-out is two minutes here: a close this early is the per-address limit.
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"closed after {clock.Elapsed}");
            Assert.Equal(1, watches.Count(w => w.IsCompletedSuccessfully && w.Result));
            using var otherAddress = await ConnectAsync(broker.Port, IPAddress.Parse("127.0.0.10"));
            Assert.True(otherAddress.Connected);
            await timeout.CancelAsync();
            await Task.WhenAll(watches);
            streams.ForEach(s => s.Dispose());
        }
        finally
        {
            held.ForEach(s => s.Dispose());
        }
    }

    private static async Task<Socket> ConnectAsync(int port, IPAddress from)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(from, 0));
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
        return socket;
    }

    private static async Task<bool> ClosedAsync(NetworkStream stream, TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        return await ClosedAsync(stream, timeout.Token);
    }

    private static async Task<bool> ClosedAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[256];
        try
        {
            while (true)
            {
                if (await stream.ReadAsync(buffer, cancellationToken) == 0)
                {
                    return true;
                }
            }
        }
        catch (IOException)
        {
            return true; // reset by the broker
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}

/// <summary>A connection that never sends its CONNECT is closed after the time-out.</summary>
public sealed class MqttConnectTimeoutTests(MqttConnectTimeoutTests.Broker broker) : IClassFixture<MqttConnectTimeoutTests.Broker>
{
    public sealed class Broker : MqttEdge
    {
        public Broker() => Edge.Settings["Inventory:Mqtt:ConnectTimeout"] = "00:00:02";
    }

    [Fact]
    public async Task SilentConnection_ClosedAfterTheConnectTimeout()
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, broker.Port);
        using var stream = client.GetStream();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        int read;
        try
        {
            read = await stream.ReadAsync(new byte[16], timeout.Token);
        }
        catch (IOException)
        {
            read = 0;
        }

        Assert.Equal(0, read);
        Assert.False(timeout.IsCancellationRequested, string.Create(CultureInfo.InvariantCulture, $"still open after 60 s"));
    }
}
