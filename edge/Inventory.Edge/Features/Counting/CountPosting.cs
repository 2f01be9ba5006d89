using Inventory.Domain.Counting;
using Inventory.Domain.Ledger;
using Inventory.Edge.Features.Ledger;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Edge.Infrastructure.Data.Entities;
using Inventory.Sync;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Edge.Features.Counting;

/// <summary>
/// Posts a count line's adjustment through the single ledger writer: one <c>count</c> movement referencing
/// <c>cycle_count</c> <c>{count}/{line}</c>. The default decision adds the variance (counted − expected) to the counted
/// product, bin and lot (<see cref="LineMode.AddCounted"/>), so stock that moved during the count is kept;
/// <c>counted_wins</c> sets the row to the counted figure (<see cref="LineMode.SetCounted"/>). The movement id and the
/// idempotency key are derived from the line: the ledger is written before the line is marked posted, and a retry after
/// a crash in between replays the first answer (or, once the key was pruned, finds the movement) instead of posting twice.
/// </summary>
public sealed class CountPosting(MovementWriter writer, EdgeDbContext db)
{
    public static Guid MovementIdOf(Guid countId, Guid lineId) => DeterministicIds.From("cycle-count", countId, lineId);

    /// <summary>
    /// Posts the lines side by side (the writer's group commit takes them together) and marks each posted one (not saved:
    /// the caller saves its whole step). Null when every line posted, else the first reason one did not.
    /// </summary>
    public async Task<string?> PostAsync(CycleCount count, IReadOnlyList<CycleCountLine> lines, Guid? userId, DateTimeOffset at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(count);
        ArgumentNullException.ThrowIfNull(lines);
        var outcomes = await Task.WhenAll(lines.Select(l => writer.SubmitAsync(CommandOf(count, l, userId, at), ct)));
        string? failure = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var why = await RecordAsync(lines[i], MovementIdOf(count.Id, lines[i].Id), outcomes[i], ct);
            failure ??= why;
        }

        return failure;
    }

    private static LedgerCommand CommandOf(CycleCount count, CycleCountLine line, Guid? userId, DateTimeOffset at)
    {
        var counted = line.Counted ?? throw new InvalidOperationException("Only a counted line posts.");
        var countedWins = line.Decision == CountDecision.CountedWins;
        var variance = counted - line.Expected;
        var ledgerLine = new LedgerLine(
            MovementIdOf(count.Id, line.Id), MovementType.Count, countedWins ? LineMode.SetCounted : LineMode.AddCounted, line.ProductId,
            count.LocationId, countedWins ? counted : variance, line.Bin, line.Lot,
            UnitCost: !countedWins && variance > 0 ? line.UnitCost : null,
            Note: line.ApprovalReason,
            ReferenceType: DocumentReference.CycleCount, ReferenceId: DocumentReference.Line(count.Id, line.Id));
        // The same key and hash whatever the figure: a retry replays the first posting, never a second one.
        var key = $"cycle-count:{line.Id:D}";
        return new LedgerCommand([ledgerLine], userId, null, at, key, key);
    }

    private async Task<string?> RecordAsync(CycleCountLine line, Guid movementId, LedgerOutcome outcome, CancellationToken ct)
    {
        long posted;
        switch (outcome.Kind)
        {
            case LedgerOutcomeKind.Committed or LedgerOutcomeKind.Replayed:
                posted = outcome.Result!.Movements.Where(m => m.Id == movementId).Sum(m => m.Quantity);
                break;
            case LedgerOutcomeKind.KeyReused:
                // The idempotency record was pruned but the movement is there: it posted before.
                var recorded = await db.StockMovements.AsNoTracking().Where(m => m.Id == movementId).Select(m => (long?)m.Quantity).FirstOrDefaultAsync(ct);
                if (recorded is null)
                {
                    return outcome.Message ?? "The adjustment could not be recorded.";
                }

                posted = recorded.Value;
                break;
            default:
                return outcome.Message ?? "The adjustment could not be recorded; try again.";
        }

        line.Status = CountLineStatus.Posted;
        line.PostedQuantity = posted;
        line.MovementId = movementId;
        return null;
    }
}
