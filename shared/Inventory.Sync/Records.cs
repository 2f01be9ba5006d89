using System.Text.Json;
using Inventory.Domain.Lots;

namespace Inventory.Sync;

/// <summary>
/// One change of master data, in either direction: in a push it is a row of the edge's outbox, in a pull a row
/// of the cloud's feed. <see cref="Hlc"/> stamps the version; <see cref="BaseHlc"/> is the version the edit
/// started from, so the receiver can tell a plain update from two replicas editing the same row.
/// </summary>
public sealed record ChangeRecord(long Seq, string Kind, Guid Id, string Hlc, string? BaseHlc, JsonElement Data);

/// <summary>A ledger line as recorded at its site; never changes once written.</summary>
public sealed record MovementRecord(
    Guid Id,
    long Seq,
    string Type,
    Guid ProductId,
    Guid LocationId,
    string Bin,
    string Lot,
    string? Expiry,
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
    DateTimeOffset RecordedAt);

public sealed record BarcodeRecord(string Code, string Kind, int PackQuantity);

/// <summary>
/// A product as it replicates. <see cref="Lots"/> is last and optional: a record from a release before lot settings
/// reads as <see cref="ProductLotSettings.Default"/>.
/// </summary>
public sealed record ProductRecord(
    Guid Id,
    string Sku,
    string Name,
    string? Description,
    Guid? CategoryId,
    Guid? ParentId,
    string? Attributes,
    decimal? CostPrice,
    decimal? SellingPrice,
    int? ReorderPoint,
    int? ReorderQuantity,
    int? MaxLevel,
    string Unit,
    decimal? Weight,
    string? ImageUrl,
    bool IsActive,
    IReadOnlyList<BarcodeRecord> Barcodes,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    ProductLotSettings? Lots = null);

public sealed record CategoryRecord(Guid Id, string Name, Guid? ParentId);

/// <summary>
/// An account as the cloud keeps it. <see cref="Sites"/> lists the site codes whose boxes may sign it in; null or
/// empty means every site. Last and optional, so a box of an older release reads the record as before.
/// </summary>
public sealed record UserRecord(
    Guid Id, string Username, string PasswordHash, string Role, bool IsActive, string SecurityStamp, IReadOnlyList<string>? Sites = null);

public sealed record LocationRecord(
    Guid Id,
    string Code,
    string Name,
    string Type,
    string? Address,
    bool IsActive,
    int? Capacity,
    bool AllowNegative,
    string SiteCode);

public sealed record BinRecord(Guid Id, Guid LocationId, string Code, string? Description, bool IsActive);

/// <summary>Stock of one product at another site's location, summed over bins and lots.</summary>
public sealed record LevelSummaryRecord(Guid ProductId, Guid LocationId, string SiteCode, long Quantity, long Reserved, DateTimeOffset AsOf);

/// <summary>
/// Stock shipped from one site's location to another's. The shipping site writes it as in transit; the
/// receiving site closes it. State only moves forward (in transit → received), so the copies agree whatever
/// order they arrive in.
/// </summary>
public sealed record TransferRecord(
    Guid Id,
    Guid ProductId,
    Guid FromLocationId,
    Guid ToLocationId,
    string FromSite,
    string ToSite,
    long QuantityShipped,
    long? QuantityReceived,
    string Status,
    Guid ShipMovementId,
    Guid? ReceiveMovementId,
    string Lot,
    DateTimeOffset ShippedAt,
    DateTimeOffset? ReceivedAt)
{
    public long? Variance => QuantityReceived - QuantityShipped;
}

public static class TransferStatuses
{
    public const string InTransit = "in_transit";
    public const string Received = "received";
}
