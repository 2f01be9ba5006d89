using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Inventory.Edge.Features.Mqtt;

/// <summary>
/// A token bucket per device: a device may burst up to one second's worth of scans, then as many per second
/// as the limit. A jammed trigger or a looping script then costs one error per scan, not the ledger's time.
/// </summary>
public sealed class ScanRateLimiter(IOptions<EdgeOptions> options, TimeProvider time)
{
    private readonly double _rate = options.Value.Mqtt.ScanRateLimit;
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    public double Rate => _rate;

    public bool TryTake(string deviceId)
    {
        if (_rate <= 0)
        {
            return true;
        }

        var capacity = Math.Max(1, _rate);
        var bucket = _buckets.GetOrAdd(deviceId, _ => new Bucket(capacity, time.GetTimestamp()));
        lock (bucket)
        {
            var now = time.GetTimestamp();
            bucket.Tokens = Math.Min(capacity, bucket.Tokens + (time.GetElapsedTime(bucket.Stamp, now).TotalSeconds * _rate));
            bucket.Stamp = now;
            if (bucket.Tokens < 1)
            {
                return false;
            }

            bucket.Tokens -= 1;
            return true;
        }
    }

    private sealed class Bucket(double tokens, long stamp)
    {
        public double Tokens { get; set; } = tokens;
        public long Stamp { get; set; } = stamp;
    }
}
