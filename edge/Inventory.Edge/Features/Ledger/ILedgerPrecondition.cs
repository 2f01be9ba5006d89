using Microsoft.Data.Sqlite;

namespace Inventory.Edge.Features.Ledger;

/// <summary>
/// A check a feature attaches to one <see cref="LedgerCommand"/> that must hold at the instant the command is
/// written (a purchase order line not received past its tolerance, summed over every receipt). It runs on the
/// single writer's connection inside its transaction, after the replay check and before anything of the command is
/// written, so no concurrent request can slip between the check and the write. The ledger knows only this
/// interface: the feature that owns the rule implements it and depends on the ledger, never the other way round.
/// </summary>
public interface ILedgerPrecondition
{
    /// <summary>
    /// Null lets the command go on; a refusal rolls the command back to its savepoint, nothing written. Called on the
    /// writer's thread: read with <paramref name="transaction"/>'s connection, never block, never write.
    /// </summary>
    LedgerPreconditionRefusal? Check(SqliteTransaction transaction, LedgerCommand command);
}

/// <summary>Why a precondition refused: the outcome's kind (Conflict, Invalid, NotFound, Refused) and its message.</summary>
public sealed record LedgerPreconditionRefusal(LedgerOutcomeKind Kind, string Message);
