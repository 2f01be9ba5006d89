using System.Net;
using System.Net.Sockets;

namespace Inventory.Testing;

/// <summary>
/// Loopback TCP ports for servers a test starts later or elsewhere (a child process, a setting the host
/// reads at start). Asking the OS for port 0 and closing the listener leaves a window in which anything
/// may take that port: an outgoing connection's ephemeral port, another test process's own bind to 0.
/// These ports come from below the OS's ephemeral range instead, which the OS never hands out by itself,
/// and each is reserved for this test process by an exclusive lock on a file named after it, so the
/// test projects that run side by side never pick the same one.
/// </summary>
public static class FreePorts
{
    private const int Lowest = 20000;

    private static readonly string LockDir = Path.Combine(Path.GetTempPath(), "inventory-test-ports");

    // Kept open until the process exits, which releases the locks: a port is never handed out twice.
    private static readonly List<FileStream> Reserved = [];

    private static readonly Lock Gate = new();

    private static int _next = -1;

    public static int Take()
    {
        lock (Gate)
        {
            var highest = EphemeralLow() - 1;
            var count = highest - Lowest + 1;
            Directory.CreateDirectory(LockDir);
            if (_next < 0)
            {
                _next = Lowest + Random.Shared.Next(count);
            }

            for (var tried = 0; tried < count; tried++)
            {
                var port = _next;
                _next = port == highest ? Lowest : port + 1;
                if (TryReserve(port) is { } reservation)
                {
                    if (IsFree(port))
                    {
                        Reserved.Add(reservation);
                        return port;
                    }

                    reservation.Dispose();
                }
            }

            throw new InvalidOperationException($"No free loopback port between {Lowest} and {highest}.");
        }
    }

    private static FileStream? TryReserve(int port)
    {
        try
        {
            // FileShare.None takes an exclusive flock on Unix: another test process holding it fails here.
            return new FileStream(Path.Combine(LockDir, port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    // Something outside the tests (or a server a crashed run left behind) may still listen there.
    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    // Linux's range for ports the OS picks itself (bind to 0, outgoing connections); 32768 where unknown.
    private static int EphemeralLow()
    {
        const string file = "/proc/sys/net/ipv4/ip_local_port_range";
        if (File.Exists(file)
            && int.TryParse(File.ReadAllText(file).Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0],
                System.Globalization.CultureInfo.InvariantCulture, out var low)
            && low > Lowest + 1000)
        {
            return low;
        }

        return 32768;
    }
}
