using System.Globalization;

namespace Inventory.Sync;

/// <summary>
/// A hybrid logical clock (Kulkarni et al.): wall-clock milliseconds, a counter for events in the same
/// millisecond or behind a clock that ran ahead elsewhere, and the node as the tie-break. Stamps are
/// fixed-width text, so the later one is simply the ordinally greater string, in C#, SQLite and PostgreSQL.
/// </summary>
public sealed class HybridLogicalClock(string node, TimeProvider time)
{
    private readonly Lock _gate = new();
    private long _wall;
    private int _counter;

    public string Node { get; } = node;

    /// <summary>A stamp later than every stamp made or seen here.</summary>
    public string Next()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            if (now > _wall)
            {
                _wall = now;
                _counter = 0;
            }
            else
            {
                _counter++;
            }

            return Format(_wall, _counter, Node);
        }
    }

    /// <summary>Moves the clock past a stamp that arrived from another replica.</summary>
    public void Observe(string? stamp)
    {
        if (!TryParse(stamp, out var wall, out var counter))
        {
            return;
        }

        lock (_gate)
        {
            if (wall > _wall || (wall == _wall && counter > _counter))
            {
                _wall = wall;
                _counter = counter;
            }
        }
    }

    public static string Format(long wallMilliseconds, int counter, string node) =>
        string.Create(CultureInfo.InvariantCulture, $"{wallMilliseconds:D15}.{counter:D6}.{node}");

    public static bool TryParse(string? stamp, out long wallMilliseconds, out int counter)
    {
        wallMilliseconds = 0;
        counter = 0;
        return stamp is { Length: > 23 } && stamp[15] == '.' && stamp[22] == '.'
            && long.TryParse(stamp.AsSpan(0, 15), NumberStyles.None, CultureInfo.InvariantCulture, out wallMilliseconds)
            && int.TryParse(stamp.AsSpan(16, 6), NumberStyles.None, CultureInfo.InvariantCulture, out counter);
    }

    /// <summary>True when <paramref name="candidate"/> should replace <paramref name="current"/>.</summary>
    public static bool IsLater(string candidate, string? current) =>
        current is null || string.CompareOrdinal(candidate, current) > 0;
}
