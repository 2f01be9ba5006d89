namespace Inventory.Edge.Features.Ledger;

public sealed record MovementView(
    Guid Id,
    long Seq,
    string Type,
    Guid ProductId,
    Guid LocationId,
    string? Bin,
    string? Lot,
    DateOnly? Expiry,
    long Quantity,
    long ReservedDelta,
    decimal? UnitCost,
    string? Reason,
    string? Note,
    string? ReferenceType,
    string? ReferenceId,
    Guid? UserId,
    string? DeviceId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt)
{
    public MovementView WithoutCost() => this with { UnitCost = null };
}

/// <summary>A product's stock at one location, all bins and lots together.</summary>
public sealed record LevelView(Guid ProductId, Guid LocationId, long Quantity, long Reserved, long Available, string Status);

/// <summary>What a movement request recorded; <see cref="Transfer"/> is set when it shipped to or received from another site.</summary>
public sealed record MovementResult(IReadOnlyList<MovementView> Movements, IReadOnlyList<LevelView> Levels, Inventory.Sync.TransferRecord? Transfer = null)
{
    /// <summary>Cost prices are for managers only; everyone else gets the same answer without them.</summary>
    public MovementResult WithoutCosts() =>
        this with { Movements = [.. Movements.Select(m => m.WithoutCost())] };
}
