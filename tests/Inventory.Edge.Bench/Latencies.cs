using System.Diagnostics;
using System.Globalization;

namespace Inventory.Edge.Bench;

/// <summary>Latency samples in milliseconds; percentiles by nearest rank over the sorted samples.</summary>
internal sealed class Latencies
{
    private readonly List<double> _ms;

    public Latencies(int capacity = 1024) => _ms = new List<double>(capacity);

    public int Count => _ms.Count;

    /// <summary>Adds the time between two <see cref="Stopwatch.GetTimestamp"/> readings.</summary>
    public void Add(long startTimestamp, long endTimestamp) => _ms.Add(Stopwatch.GetElapsedTime(startTimestamp, endTimestamp).TotalMilliseconds);

    public void AddMs(double ms) => _ms.Add(ms);

    public static Latencies Merge(IEnumerable<Latencies> parts)
    {
        var all = new Latencies();
        foreach (var part in parts)
        {
            all._ms.AddRange(part._ms);
        }

        return all;
    }

    public Summary Summarize()
    {
        if (_ms.Count == 0)
        {
            return new Summary(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var sorted = _ms.ToArray();
        Array.Sort(sorted);
        double Pct(double p) => sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Summary(sorted.Length, Pct(50), Pct(95), Pct(99), sorted[^1], sorted.Average());
    }

    public sealed record Summary(int Count, double P50, double P95, double P99, double Max, double Mean)
    {
        public static string Ms(double value) =>
            double.IsNaN(value) ? "-" : value.ToString(value < 10 ? "0.00" : value < 100 ? "0.0" : "0", CultureInfo.InvariantCulture);
    }
}
