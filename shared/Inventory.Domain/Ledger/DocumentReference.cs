namespace Inventory.Domain.Ledger;

/// <summary>
/// How a movement points at the document line it fulfils: <c>referenceType</c> names the document kind and
/// <c>referenceId</c> is <c>{documentId}/{lineId}</c>. "Received", "picked", "counted" are then sums over the
/// ledger grouped by this reference, the same at the box and in the cloud.
/// </summary>
public static class DocumentReference
{
    public const string PurchaseOrder = "purchase_order";
    public const string SalesOrder = "sales_order";
    public const string CycleCount = "cycle_count";
    public const string Return = "return";

    public static string Line(Guid documentId, Guid lineId) => $"{documentId:D}/{lineId:D}";

    /// <summary>
    /// The half-open range [from, to) of every line reference of one document, for an index range scan:
    /// "{id}/" up to "{id}0" ('0' follows '/' in ordinal order).
    /// </summary>
    public static (string From, string To) Range(Guid documentId) => ($"{documentId:D}/", $"{documentId:D}0");

    public static bool TryParse(string? referenceId, out Guid documentId, out Guid lineId)
    {
        documentId = lineId = Guid.Empty;
        var slash = referenceId?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        return slash > 0
            && Guid.TryParseExact(referenceId.AsSpan(0, slash), "D", out documentId)
            && Guid.TryParseExact(referenceId.AsSpan(slash + 1), "D", out lineId);
    }
}
