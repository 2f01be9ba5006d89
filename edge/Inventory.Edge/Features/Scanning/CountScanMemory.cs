using System.Collections.Concurrent;
using Inventory.Devices.Contracts;

namespace Inventory.Edge.Features.Scanning;

/// <summary>
/// What counting by scan remembers between scans, in memory: each scanner's current bin per count (an MQTT scanner
/// sends only codes, so the box keeps the bin its last bin scan set), and the answers to recent scan ids, so a
/// scanner repeating a scan after a lost answer gets the first answer and the figure grows once. Lost on a restart:
/// a scanner then scans its bin again; a repeat arriving across a restart would count twice (documented).
/// </summary>
public sealed class CountScanMemory
{
    /// <summary>Recent answers kept; the oldest go first.</summary>
    public const int MaxAnswers = 20_000;

    private readonly ConcurrentDictionary<(Guid Count, string Scanner), string> _bins = new();
    private readonly ConcurrentDictionary<Guid, ScanResult> _answers = new();
    private readonly ConcurrentQueue<Guid> _order = new();

    public string? BinOf(Guid countId, string scanner) => _bins.TryGetValue((countId, scanner), out var bin) ? bin : null;

    public void SetBin(Guid countId, string scanner, string bin) => _bins[(countId, scanner)] = bin;

    public ScanResult? AnswerOf(Guid scanId) => _answers.TryGetValue(scanId, out var answer) ? answer : null;

    public void Remember(Guid scanId, ScanResult answer)
    {
        if (_answers.TryAdd(scanId, answer))
        {
            _order.Enqueue(scanId);
            while (_order.Count > MaxAnswers && _order.TryDequeue(out var oldest))
            {
                _answers.TryRemove(oldest, out _);
            }
        }
    }
}
