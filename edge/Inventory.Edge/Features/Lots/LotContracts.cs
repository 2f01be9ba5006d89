namespace Inventory.Edge.Features.Lots;

/// <summary>
/// One lot of a product at this box: on hand summed over its levels (every location and bin), and its status today
/// (available | hold | expired; expired is derived from the expiry, never stored).
/// </summary>
public sealed record LotView(Guid ProductId, string Lot, DateOnly? Expiry, long Quantity, string Status, string? HoldReason);

public sealed record LotList(IReadOnlyList<LotView> Items);

/// <summary>The body of POST /api/lots/hold and /api/lots/release; a hold needs a reason (the recall or quality stop).</summary>
public sealed record LotHoldRequest(Guid? ProductId, string? Lot, string? Reason)
{
    public const int MaxReasonLength = 500;
}

/// <summary>A movement a manager made out of expiry order, with the reason given (the movement's note).</summary>
public sealed record FefoExceptionView(
    Guid MovementId, DateTimeOffset RecordedAt, string Type, Guid ProductId, string Sku, Guid LocationId, string LocationCode,
    string? Bin, string? Lot, long Quantity, string? Reason, Guid? UserId, string? ReferenceType, string? ReferenceId);

public sealed record FefoExceptionList(DateTimeOffset? From, DateTimeOffset? To, IReadOnlyList<FefoExceptionView> Items);
