using System.Collections.Concurrent;

namespace Inventory.Edge.Bench;

/// <summary>Failed requests by kind, with the first few bodies kept to print (enough to see why, not a flood).</summary>
internal sealed class ErrorLog(int keep = 5)
{
    private readonly ConcurrentDictionary<string, int> _byKind = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _samples = new();
    private int _seen;

    public int Total => _byKind.Values.Sum();

    public void Record(string phase, string kind, string detail)
    {
        _byKind.AddOrUpdate(kind, 1, (_, n) => n + 1);
        if (Interlocked.Increment(ref _seen) <= keep)
        {
            _samples.Enqueue($"[{phase}] {kind}: {BenchEdge.Shorten(detail)}");
        }
    }

    public void Print()
    {
        if (_byKind.IsEmpty)
        {
            return;
        }

        Console.WriteLine("Errors by kind (all phases, warm-ups included)");
        foreach (var (kind, count) in _byKind.OrderByDescending(kv => kv.Value))
        {
            Console.WriteLine($"  {count,8:N0}  {kind}");
        }

        Console.WriteLine($"First {_samples.Count} error bodies");
        foreach (var sample in _samples)
        {
            Console.WriteLine("  " + sample);
        }

        Console.WriteLine();
    }
}
