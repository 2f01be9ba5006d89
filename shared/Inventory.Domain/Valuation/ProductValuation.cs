using Inventory.Domain.Ledger;

namespace Inventory.Domain.Valuation;

/// <summary>
/// Values one product at every location from its ledger, movement by movement in commit order (seq).
/// Quantity decides the direction: a positive line (receive, return, transfer_in, a positive adjust or
/// count) opens a cost layer, a negative one issues; reserve and release move no stock and are ignored.
/// </summary>
/// <remarks>
/// Cost of an inbound line, first that applies:
/// 1. its own unit cost (receipts and returns carry one);
/// 2. for transfer_in, exactly what the paired transfer_out consumed at the source, layer by layer (the two
///    share reference_id = the transfer id, and the out line is committed before the in line);
/// 3. the product's cost price, when the caller knows it;
/// 4. the average cost of what is on hand at that location, else the last unit cost seen there, else zero.
/// </remarks>
public sealed class ProductValuation<TLocation>(ValuationMethod method, decimal? productCost)
    where TLocation : notnull
{
    private readonly Dictionary<TLocation, CostPool> _pools = [];
    private readonly Dictionary<string, Queue<CostLayer>> _inTransit = new(StringComparer.Ordinal);
    private List<CostLayer>? _scratch;

    public ValuationMethod Method { get; } = method;

    public IEnumerable<KeyValuePair<TLocation, CostPool>> Positions => _pools;

    public CostPool PoolAt(TLocation location)
    {
        if (!_pools.TryGetValue(location, out var pool))
        {
            _pools[location] = pool = new CostPool(Method);
        }

        return pool;
    }

    /// <summary>Applies one ledger line; returns the cost of what an outbound line issued (zero for inbound).</summary>
    public decimal Apply(TLocation location, MovementType type, long quantity, decimal? unitCost, string? referenceId)
    {
        if (quantity == 0)
        {
            return 0;
        }

        var pool = PoolAt(location);
        if (quantity < 0)
        {
            if (type == MovementType.TransferOut && referenceId is not null)
            {
                _scratch ??= [];
                _scratch.Clear();
                var cost = pool.Issue(-quantity, _scratch);
                if (!_inTransit.TryGetValue(referenceId, out var queue))
                {
                    _inTransit[referenceId] = queue = new Queue<CostLayer>();
                }

                foreach (var layer in _scratch)
                {
                    queue.Enqueue(layer);
                }

                return cost;
            }

            return pool.Issue(-quantity);
        }

        if (unitCost is { } own)
        {
            pool.Receive(quantity, own);
            return 0;
        }

        if (type == MovementType.TransferIn && referenceId is not null && _inTransit.TryGetValue(referenceId, out var transit))
        {
            quantity = ReceiveInTransit(pool, transit, quantity);
            if (transit.Count == 0)
            {
                _inTransit.Remove(referenceId);
            }

            if (quantity == 0)
            {
                return 0;
            }
        }

        pool.Receive(quantity, productCost ?? pool.FallbackCost ?? 0m);
        return 0;
    }

    private static long ReceiveInTransit(CostPool pool, Queue<CostLayer> transit, long quantity)
    {
        while (quantity > 0 && transit.TryPeek(out var layer))
        {
            var take = Math.Min(quantity, layer.Quantity);
            pool.Receive(take, layer.UnitCost);
            quantity -= take;
            if (take == layer.Quantity)
            {
                transit.Dequeue();
            }
            else
            {
                // Queue<T> has no in-place update: swap the head for its remainder.
                var rest = transit.ToArray();
                rest[0] = layer with { Quantity = layer.Quantity - take };
                transit.Clear();
                foreach (var r in rest)
                {
                    transit.Enqueue(r);
                }
            }
        }

        return quantity;
    }
}
