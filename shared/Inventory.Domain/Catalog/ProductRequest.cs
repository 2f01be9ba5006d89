using System.Text.Json;

namespace Inventory.Domain.Catalog;

/// <summary>A case (or inner pack) barcode and how many units it holds.</summary>
public sealed record CaseBarcode(string? Code, int? PackQuantity);

/// <summary>
/// A product as a person or a program asks for it: the create and update body of `/api/products` on the edge
/// and in the cloud, a CSV row once read, and a replicated product record once translated. On update,
/// `version` is the one read; a stale one gets 409. `category` (a name) is the edge's shortcut that makes
/// the category when it is missing. The lot settings (`lotTracked`, `shelfLifeDays`, `expiryAlertDays`,
/// `sellExpired`) keep their current value when absent, so a client that does not know them never resets them;
/// `shelfLifeDays` 0 clears the shelf life.
/// </summary>
public sealed record ProductRequest(
    string? Sku,
    string? Name,
    string? Description,
    Guid? CategoryId,
    string? Category,
    Guid? ParentId,
    JsonElement? Attributes,
    decimal? CostPrice,
    decimal? SellingPrice,
    int? ReorderPoint,
    int? ReorderQuantity,
    int? MaxLevel,
    string? Unit,
    decimal? Weight,
    string? ImageUrl,
    bool? IsActive,
    IReadOnlyList<string>? Barcodes,
    IReadOnlyList<CaseBarcode>? CaseBarcodes,
    long? Version,
    bool? LotTracked = null,
    int? ShelfLifeDays = null,
    int? ExpiryAlertDays = null,
    bool? SellExpired = null)
{
    /// <summary>Every barcode of the request, unit and case, trimmed.</summary>
    public IEnumerable<string> AllCodes() =>
        (Barcodes ?? []).Concat((CaseBarcodes ?? []).Select(c => c.Code ?? "")).Select(c => c.Trim());
}
