namespace Inventory.Devices.Contracts;

public static class ScanActions
{
    public const string Lookup = "lookup";
    public const string Receive = "receive";
    public const string Pick = "pick";
    public const string Adjust = "adjust";
    public const string Count = "count";
    public const string Move = "move";
    public static readonly IReadOnlyList<string> All = [Lookup, Receive, Pick, Adjust, Count, Move];
}

/// <summary>
/// A scan as a device publishes it on its scan topic (not retained) or a client posts it to /api/scan:
/// <c>{"id","code","action","location","bin","qty","at"}</c>, the rest optional. Serialized with
/// <see cref="DeviceJson.Options"/>; absent and null fields mean the same. With action <c>receive</c>,
/// <see cref="PurchaseOrder"/> (a PO number such as <c>PO-WH1-000042</c>, or its id) receives the scan against that PO's
/// line for the product, at the PO's location, within the supplier's tolerance. With action <c>count</c> (or none),
/// <see cref="CycleCountId"/> counts into that open cycle count instead of setting the level: a bin's code sets the
/// scanner's current bin, an item scan adds 1 (or <see cref="Qty"/>) to its line in that bin (docs/features/counting.md).
/// </summary>
public sealed record ScanRequest(
    Guid? Id,
    string? Code,
    string? Action,
    string? Location,
    Guid? LocationId,
    string? Bin,
    int? Qty,
    DateTimeOffset? At,
    string? ToLocation = null,
    Guid? ToLocationId = null,
    string? ToBin = null,
    string? Lot = null,
    DateOnly? Expiry = null,
    string? Reason = null,
    string? Note = null,
    string? PurchaseOrder = null,
    Guid? CycleCountId = null)
{
    /// <summary>A bigger payload is answered "Bad scan: too large" without being read.</summary>
    public const int MaxPayloadBytes = 4096;
}

public sealed record ScanProduct(Guid Id, string Sku, string Name);

public sealed record ScanLevel(Guid LocationId, long Quantity, long Reserved, long Available, string Status);

/// <summary>
/// The answer to a scan, on the device's result topic (not retained) or from /api/scan:
/// <c>{"ok","message","product","level"}</c> and more; <see cref="Message"/> fits a small screen (about 40 characters).
/// A scan into a cycle count answers <see cref="CycleCountId"/>, the current <see cref="Bin"/> and the line's
/// <see cref="Counted"/> figure so far, and never a level or an expected quantity (a count may be blind).
/// </summary>
public sealed record ScanResult(
    bool Ok,
    string Message,
    ScanProduct? Product = null,
    ScanLevel? Level = null,
    Guid? Id = null,
    string? Action = null,
    long? Quantity = null,
    IReadOnlyList<ScanLevel>? Levels = null,
    IReadOnlyList<Guid>? MovementIds = null,
    Guid? CycleCountId = null,
    string? Bin = null,
    long? Counted = null)
{
    public static ScanResult Fail(string message, Guid? id = null, string? action = null, ScanProduct? product = null) =>
        new(false, message, product, null, id, action);
}
