using Microsoft.Data.Sqlite;

namespace Inventory.Edge.Features.Ledger;

/// <summary>
/// A feature whose rows must change in the same transaction as the stock levels a movement changes (reorder
/// alerts open and close with the movement that caused them, or not at all). The writer opens one session per
/// connection and calls it inside its group-commit transaction. The ledger knows only this interface, so a
/// feature that watches levels depends on the ledger and never the other way round; implementations register
/// themselves in DI.
/// </summary>
public interface ILedgerTransactionObserver
{
    /// <summary>Called once, when the writer opens its connection: prepare statements on it here.</summary>
    ILedgerTransactionSession Open(SqliteConnection connection);
}

/// <summary>
/// An observer bound to the writer's connection for the writer's lifetime. Called on the writer's thread only;
/// it must not block and must not open its own transaction.
/// </summary>
public interface ILedgerTransactionSession : IDisposable
{
    /// <summary>Binds the session's statements to the batch's transaction; null once it committed or rolled back.</summary>
    void Enlist(SqliteTransaction? transaction);

    /// <summary>A command of the batch starts (after its savepoint).</summary>
    void BeginCommand();

    /// <summary>Each level the command touched, as the command leaves it, inside the transaction.</summary>
    void Observe(in ChangedLevel level);

    /// <summary>The command was refused and rolled back to its savepoint: forget what it made you do.</summary>
    void RollbackCommand();

    /// <summary>After the batch committed: tell listeners what happened. Never called for a batch that rolled back.</summary>
    void Committed();

    /// <summary>The batch did not commit: forget all of it.</summary>
    void Discard();
}

/// <summary>A stock level (product, location, summed over bins and lots) as one command leaves it, before the commit.</summary>
public readonly record struct ChangedLevel(
    Guid ProductId, Guid LocationId, string Sku, string LocationCode, long Available, int? ReorderPoint, DateTimeOffset At);
