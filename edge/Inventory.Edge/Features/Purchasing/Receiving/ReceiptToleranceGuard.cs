using System.Globalization;
using Inventory.Domain.Ledger;
using Inventory.Domain.Purchasing;
using Inventory.Edge.Features.Ledger;
using Microsoft.Data.Sqlite;

namespace Inventory.Edge.Features.Purchasing.Receiving;

/// <summary>
/// The receipt tolerance, checked where it cannot race: inside the single writer's transaction, just before the
/// receipt's movements are written. Reads the PO's events, its lines' ordered quantities and the supplier's
/// tolerance as they are now, sums what the ledger already received per line over every receipt, and refuses the
/// whole receipt when one line would go past ordered × (1 + tolerance). Sixteen clients receiving against one line
/// are serialised by the writer, so each sees the others' receipts.
/// </summary>
internal sealed class ReceiptToleranceGuard(Guid purchaseOrderId, string number, IReadOnlyList<ReceiptToleranceGuard.Line> lines)
    : ILedgerPrecondition
{
    /// <summary>One line of the receipt: what it adds to a PO line (several receipt lines may name the same PO line).</summary>
    public sealed record Line(Guid LineId, int LineNumber, string Sku, decimal Quantity);

    /// <summary>Set when the check refused for a line past its tolerance: the numbers the 409 names.</summary>
    public ReceiptOverTolerance? Over { get; private set; }

    /// <summary>Each PO line's received total once this receipt is written (set when the check passed).</summary>
    public IReadOnlyDictionary<Guid, (decimal Ordered, decimal Received)> After { get; private set; } =
        new Dictionary<Guid, (decimal, decimal)>();

    public LedgerPreconditionRefusal? Check(SqliteTransaction transaction, LedgerCommand command)
    {
        var connection = transaction.Connection!;
        using var order = Command(connection, transaction, """
            SELECT o.cancelled_at, o.closed_at, s.over_receipt_tolerance_percent
            FROM purchase_orders o LEFT JOIN suppliers s ON s.id = o.supplier_id
            WHERE o.id = $po
            """);
        order.Parameters.AddWithValue("$po", purchaseOrderId.ToString("D"));
        decimal tolerance;
        using (var reader = order.ExecuteReader())
        {
            if (!reader.Read())
            {
                return new(LedgerOutcomeKind.NotFound, $"No purchase order {number}.");
            }

            // This box knew of the cancel or close before the receipt: it refuses. A receipt recorded before the
            // cancel arrived stays; the status derivation flags that PO for a manager.
            if (!reader.IsDBNull(0))
            {
                return new(LedgerOutcomeKind.Conflict, $"{number} is cancelled; it takes no receipts.");
            }

            if (!reader.IsDBNull(1))
            {
                return new(LedgerOutcomeKind.Conflict, $"{number} is closed; it takes no receipts.");
            }

            // A PO pulled from the cloud may arrive before its supplier: no tolerance until the supplier is known.
            tolerance = reader.IsDBNull(2) ? 0m : reader.GetDecimal(2);
        }

        using var ordered = Command(connection, transaction,
            "SELECT quantity FROM purchase_order_lines WHERE id = $line AND purchase_order_id = $po");
        ordered.Parameters.AddWithValue("$po", purchaseOrderId.ToString("D"));
        var orderedLine = ordered.Parameters.Add("$line", SqliteType.Text);
        using var received = Command(connection, transaction,
            "SELECT coalesce(sum(quantity), 0) FROM stock_movements WHERE reference_type = $type AND reference_id = $ref");
        received.Parameters.AddWithValue("$type", DocumentReference.PurchaseOrder);
        var receivedRef = received.Parameters.Add("$ref", SqliteType.Text);

        var after = new Dictionary<Guid, (decimal, decimal)>();
        foreach (var group in lines.GroupBy(l => l.LineId))
        {
            var first = group.First();
            orderedLine.Value = group.Key.ToString("D");
            if (ordered.ExecuteScalar() is not { } quantity)
            {
                return new(LedgerOutcomeKind.Invalid, $"Line {first.LineNumber} is no longer on {number}.");
            }

            var orderedQuantity = Convert.ToDecimal(quantity, CultureInfo.InvariantCulture);
            receivedRef.Value = DocumentReference.Line(purchaseOrderId, group.Key);
            var already = Convert.ToDecimal(received.ExecuteScalar(), CultureInfo.InvariantCulture);
            var adding = group.Sum(l => l.Quantity);
            if (!ReceiptTolerance.Allows(orderedQuantity, already, adding, tolerance))
            {
                Over = ReceiptOverTolerance.Of(number, first.LineId, first.LineNumber, first.Sku, orderedQuantity, already, adding, tolerance);
                return new(LedgerOutcomeKind.Conflict, Over.Message);
            }

            after[group.Key] = (orderedQuantity, already + adding);
        }

        After = after;
        return null;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}

/// <summary>A receipt line that would take its PO line past the supplier's tolerance: what the 409 tells the caller.</summary>
public sealed record ReceiptOverTolerance(
    Guid LineId, int LineNumber, string Sku, decimal Ordered, decimal Received, decimal Quantity, decimal TolerancePercent,
    decimal Remaining, string Message)
{
    public static ReceiptOverTolerance Of(
        string number, Guid lineId, int lineNumber, string sku, decimal ordered, decimal received, decimal quantity, decimal tolerance)
    {
        var remaining = ReceiptTolerance.Remaining(ordered, received, tolerance);
        var message = string.Create(CultureInfo.InvariantCulture,
            $"Line {lineNumber} ({sku}) of {number}: ordered {ordered:0.###}, received {received:0.###}, {remaining:0.###} more allowed at {tolerance:0.##}% tolerance; {quantity:0.###} is too many.");
        return new ReceiptOverTolerance(lineId, lineNumber, sku, ordered, received, quantity, tolerance, remaining, message);
    }
}
