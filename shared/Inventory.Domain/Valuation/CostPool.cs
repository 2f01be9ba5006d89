namespace Inventory.Domain.Valuation;

/// <summary>
/// The perpetual cost position of one product at one location: what is on hand and what it cost, kept as
/// layers (FIFO, LIFO) or as a moving average (WAC), updated movement by movement in ledger order.
/// </summary>
/// <remarks>
/// Stock below zero (a location that allows it) is a backlog: units issued before they were received. They
/// are costed, when issued, at the best cost known then (<see cref="FallbackCost"/>, else zero), and the
/// next receipts cover the backlog first, so a position never holds layers and a backlog at once.
/// </remarks>
public sealed class CostPool(ValuationMethod method)
{
    // FIFO consumes from _head upwards, LIFO from the end; consumed head entries are dropped in bulk.
    private readonly List<CostLayer> _layers = [];
    private int _head;
    // Running totals of the layers (or the WAC pool): exact, since decimal products of these sizes do not round.
    private long _onHand;
    private decimal _onHandValue;
    private long _backlog;
    private decimal _backlogValue;
    private decimal? _lastCost;

    public ValuationMethod Method { get; } = method;

    /// <summary>On hand: positive layers, or minus the backlog.</summary>
    public long Quantity => _backlog > 0 ? -_backlog : _onHand;

    /// <summary>Unrounded value of what is on hand (negative while in backlog).</summary>
    public decimal Value => _backlog > 0 ? -_backlogValue : _onHandValue;

    /// <summary>Average unit cost of what is on hand, or null when nothing is.</summary>
    public decimal? AverageCost => _onHand > 0 ? _onHandValue / _onHand : null;

    /// <summary>The cost of a unit that arrives or leaves with no cost of its own: the average on hand, else the last cost seen.</summary>
    public decimal? FallbackCost => AverageCost ?? _lastCost;

    /// <summary>Units come in at a unit cost; receipts first cover any backlog.</summary>
    public void Receive(long quantity, decimal unitCost)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        _lastCost = unitCost;
        if (_backlog > 0)
        {
            // These units were already issued (and costed) while stock was below zero.
            var covered = Math.Min(quantity, _backlog);
            _backlogValue = covered == _backlog ? 0 : _backlogValue - (_backlogValue * covered / _backlog);
            _backlog -= covered;
            quantity -= covered;
            if (quantity == 0)
            {
                return;
            }
        }

        _onHand += quantity;
        _onHandValue += quantity * unitCost;
        if (Method == ValuationMethod.Wac)
        {
            return;
        }

        // Two receipts in a row at the same cost are one layer as far as any order of issue can tell.
        if (_layers.Count > _head && _layers[^1].UnitCost == unitCost)
        {
            _layers[^1] = _layers[^1] with { Quantity = _layers[^1].Quantity + quantity };
        }
        else
        {
            _layers.Add(new CostLayer(quantity, unitCost));
        }
    }

    /// <summary>
    /// Units leave; returns their cost and, when asked, the layers they came from (a transfer carries them on).
    /// </summary>
    public decimal Issue(long quantity, List<CostLayer>? consumed = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        var fallback = FallbackCost ?? 0m;
        var take = Math.Min(quantity, _onHand);
        decimal cost = 0;
        if (take > 0)
        {
            cost = Method == ValuationMethod.Wac ? IssueAtAverage(take, consumed) : IssueLayers(take, consumed);
            _onHand -= take;
            _onHandValue -= cost;
        }

        var remaining = quantity - take;
        if (remaining > 0)
        {
            _backlog += remaining;
            _backlogValue += remaining * fallback;
            cost += remaining * fallback;
            consumed?.Add(new CostLayer(remaining, fallback));
        }

        return cost;
    }

    private decimal IssueAtAverage(long take, List<CostLayer>? consumed)
    {
        // Taking everything takes the whole value, so no fraction of a cent is stranded by the division.
        var cost = take == _onHand ? _onHandValue : _onHandValue * take / _onHand;
        consumed?.Add(new CostLayer(take, cost / take));
        return cost;
    }

    private decimal IssueLayers(long take, List<CostLayer>? consumed)
    {
        decimal cost = 0;
        var remaining = take;
        while (remaining > 0)
        {
            var index = Method == ValuationMethod.Fifo ? _head : _layers.Count - 1;
            var layer = _layers[index];
            var part = Math.Min(remaining, layer.Quantity);
            cost += part * layer.UnitCost;
            consumed?.Add(new CostLayer(part, layer.UnitCost));
            remaining -= part;
            if (part < layer.Quantity)
            {
                _layers[index] = layer with { Quantity = layer.Quantity - part };
            }
            else if (Method == ValuationMethod.Fifo)
            {
                _head++;
            }
            else
            {
                _layers.RemoveAt(index);
            }
        }

        if (_head == _layers.Count)
        {
            _layers.Clear();
            _head = 0;
        }
        else if (_head > 64 && _head > _layers.Count / 2)
        {
            _layers.RemoveRange(0, _head);
            _head = 0;
        }

        return cost;
    }
}
