namespace Inventory.Edge.Features.Realtime;

/// <summary>
/// What a screen receives when a level moves: the product's stock at one location after the commit,
/// the movement that moved it, and the ledger sequence number to resume from after a reconnect.
/// </summary>
public sealed record LevelChanged(
    Guid ProductId,
    Guid LocationId,
    long Quantity,
    long Reserved,
    long Available,
    string Status,
    Guid? MovementId,
    long Seq);

/// <summary>The answer to ChangesSince: current levels of what moved after the given sequence.</summary>
public sealed record ChangesSinceResult(IReadOnlyList<LevelChanged> Levels, long LatestSeq, bool Resync);
