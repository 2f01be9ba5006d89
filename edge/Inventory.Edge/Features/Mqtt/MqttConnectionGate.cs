using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace Inventory.Edge.Features.Mqtt;

/// <summary>
/// Stands in front of the embedded broker on each MQTT listener and reads only the packets' fixed headers as the
/// bytes arrive. The broker itself buffers a packet whole before it looks at it, so a client could declare a
/// 250 MB CONNECT and stream it, unauthenticated, into the box's memory. Here a connection is closed as soon as
/// a packet's declared size passes the limit (CONNECT: <see cref="MqttOptions.MaxConnectBytes"/>; any later
/// packet: <see cref="MqttOptions.MaxPacketBytes"/>), when its first packet is not a CONNECT, when no whole
/// CONNECT has arrived within <see cref="MqttOptions.ConnectTimeout"/>, and when one address already has
/// <see cref="MqttOptions.MaxPendingPerAddress"/> connections that have not sent their CONNECT yet.
/// </summary>
public sealed partial class MqttConnectionGate(IOptions<EdgeOptions> options, TimeProvider time, ILogger<MqttConnectionGate> logger)
{
    private readonly ConcurrentDictionary<IPAddress, int> _pending = new();

    public async Task RunAsync(ConnectionContext connection, ConnectionDelegate next)
    {
        var limits = options.Value.Mqtt;
        var address = (connection.RemoteEndPoint as IPEndPoint)?.Address ?? IPAddress.None;
        if (_pending.AddOrUpdate(address, 1, (_, n) => n + 1) > limits.MaxPendingPerAddress)
        {
            Release(address);
            LogRefused(logger, address, "too many connections without CONNECT from this address");
            connection.Abort(new ConnectionAbortedException("Too many pending MQTT connections from one address."));
            return;
        }

        var reader = new FrameCheckingReader(connection.Transport.Input, limits.MaxConnectBytes, limits.MaxPacketBytes);
        var pendingReleased = 0;
        void ConnectArrived()
        {
            if (Interlocked.Exchange(ref pendingReleased, 1) == 0)
            {
                Release(address);
            }
        }

        reader.ConnectArrived += ConnectArrived;
        reader.Refused += why =>
        {
            LogRefused(logger, address, why);
            connection.Abort(new ConnectionAbortedException(why));
        };
        await using var deadline = time.CreateTimer(
            _ =>
            {
                if (!reader.HasConnect)
                {
                    LogRefused(logger, address, $"no CONNECT within {limits.ConnectTimeout.TotalSeconds:0.#} s");
                    connection.Abort(new ConnectionAbortedException("No CONNECT in time."));
                }
            },
            null, limits.ConnectTimeout, Timeout.InfiniteTimeSpan);
        var transport = connection.Transport;
        connection.Transport = new DuplexPipe(reader, transport.Output);
        try
        {
            await next(connection);
        }
        finally
        {
            connection.Transport = transport;
            ConnectArrived();
        }
    }

    private void Release(IPAddress address)
    {
        if (_pending.AddOrUpdate(address, 0, (_, n) => n - 1) <= 0)
        {
            _pending.TryRemove(new KeyValuePair<IPAddress, int>(address, 0));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT connection from {Address} closed: {Reason}")]
    private static partial void LogRefused(ILogger logger, IPAddress address, string reason);

    private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }

    /// <summary>
    /// Passes the transport's bytes through unchanged while it walks the MQTT framing: a type byte, a remaining
    /// length of one to four bytes (seven bits each), then that many bytes, which it skips without looking.
    /// </summary>
    private sealed class FrameCheckingReader(PipeReader inner, int maxConnect, int maxPacket) : PipeReader
    {
        private const byte ConnectType = 1;

        private long _consumed;      // bytes of the stream the broker has consumed
        private long _scanned;       // bytes of the stream walked so far
        private long _bodyLeft;      // bytes of the current packet's body not walked yet
        private int _lengthBytes;    // how many remaining-length bytes of the current header were read
        private long _length;        // the remaining length read so far
        private byte _type;          // the current packet's type, 0 between packets
        private bool _inHeader;
        private ReadOnlySequence<byte> _last;
        private bool _refused;

        public event Action? ConnectArrived;

        public event Action<string>? Refused;

        public bool HasConnect { get; private set; }

        public override void AdvanceTo(SequencePosition consumed) => AdvanceTo(consumed, consumed);

        public override void AdvanceTo(SequencePosition consumed, SequencePosition examined)
        {
            _consumed += _last.Slice(0, consumed).Length;
            inner.AdvanceTo(consumed, examined);
        }

        public override void CancelPendingRead() => inner.CancelPendingRead();

        public override void Complete(Exception? exception = null) => inner.Complete(exception);

        public override async ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
        {
            var result = await inner.ReadAsync(cancellationToken);
            return Check(result);
        }

        public override bool TryRead(out ReadResult result)
        {
            if (!inner.TryRead(out result))
            {
                return false;
            }

            result = Check(result);
            return true;
        }

        private ReadResult Check(ReadResult result)
        {
            _last = result.Buffer;
            var start = _scanned - _consumed;
            if (start < result.Buffer.Length && !_refused)
            {
                foreach (var segment in result.Buffer.Slice(start))
                {
                    if (!Walk(segment.Span))
                    {
                        _refused = true;
                        break;
                    }
                }
            }

            if (_refused)
            {
                // Nothing more reaches the broker: it sees the stream end, and the connection is being aborted.
                return new ReadResult(result.Buffer.Slice(0, 0), isCanceled: false, isCompleted: true);
            }

            return result;
        }

        private bool Walk(ReadOnlySpan<byte> bytes)
        {
            var i = 0;
            while (i < bytes.Length)
            {
                if (_bodyLeft > 0)
                {
                    var skip = (int)Math.Min(_bodyLeft, bytes.Length - i);
                    _bodyLeft -= skip;
                    i += skip;
                    _scanned += skip;
                    if (_bodyLeft == 0)
                    {
                        PacketEnded();
                    }

                    continue;
                }

                var b = bytes[i++];
                _scanned++;
                if (!_inHeader)
                {
                    _type = (byte)(b >> 4);
                    if (!HasConnect && _type != ConnectType)
                    {
                        return Refuse("the first packet is not a CONNECT");
                    }

                    _inHeader = true;
                    _length = 0;
                    _lengthBytes = 0;
                    continue;
                }

                _length |= (long)(b & 0x7F) << (7 * _lengthBytes);
                _lengthBytes++;
                if ((b & 0x80) != 0)
                {
                    if (_lengthBytes == 4)
                    {
                        return Refuse("a malformed packet length");
                    }

                    continue;
                }

                _inHeader = false;
                var limit = HasConnect ? maxPacket : maxConnect;
                if (_length > limit)
                {
                    return Refuse($"a packet of {_length:N0} bytes declared, at most {limit:N0} taken");
                }

                _bodyLeft = _length;
                if (_bodyLeft == 0)
                {
                    PacketEnded();
                }
            }

            return true;
        }

        private void PacketEnded()
        {
            if (_type == ConnectType && !HasConnect)
            {
                HasConnect = true;
                ConnectArrived?.Invoke();
            }

            _type = 0;
        }

        private bool Refuse(string why)
        {
            Refused?.Invoke(why);
            return false;
        }
    }
}
