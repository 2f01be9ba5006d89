using Inventory.Domain.Counting;
using Inventory.Domain.Valuation;
using Inventory.Edge.Features.Reports;

namespace Inventory.Edge.Features.Counting;

/// <summary>
/// Each product's ABC class for counting: the ABC report's rule (80 % / 15 % of consumption value over the last 365
/// days, products in stock that shipped nothing are C) over this box's ledger. Worked out once a day and kept, because
/// it replays the ledger's cost layers; a count made twice in a day classes its lines the same way.
/// </summary>
internal sealed class AbcClasses(LedgerValuation valuation, TimeProvider time) : IDisposable
{
    private const int ShareA = 80;
    private const int ShareB = 15;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (DateOnly Day, IReadOnlyDictionary<Guid, string> Classes)? _cached;

    /// <summary>Today's classes; a product not listed (never shipped, not in stock) is C.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> TodayAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (_cached is { } hit && hit.Day == today)
        {
            return hit.Classes;
        }

        await _gate.WaitAsync(ct);
        try
        {
            if (_cached is { } again && again.Day == today)
            {
                return again.Classes;
            }

            var run = await valuation.RunAsync(ValuationMethod.Fifo, now, now.AddDays(-365), ct);
            var classes = AbcReport.Rank(run, ShareA, ShareB, byValue: true).ToDictionary(x => Guid.Parse(x.Id), x => x.Class);
            _cached = (today, classes);
            return classes;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    public static string Of(IReadOnlyDictionary<Guid, string> classes, Guid productId) =>
        classes.TryGetValue(productId, out var c) ? c : AbcClass.C;
}
