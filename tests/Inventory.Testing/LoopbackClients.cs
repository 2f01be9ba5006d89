using System.Net;
using System.Net.Sockets;

namespace Inventory.Testing;

/// <summary>
/// HttpClients that connect from a chosen loopback address (127.0.0.2, 127.0.0.3, …): Linux routes all of 127/8
/// to the loopback device, so one test can be several clients on a LAN, each with its own address.
/// </summary>
public static class LoopbackClients
{
    public static HttpClient From(IPAddress source, Uri baseAddress)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = baseAddress };
    }
}
