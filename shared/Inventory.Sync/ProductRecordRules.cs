using System.Text.Json;
using Inventory.Domain;
using Inventory.Domain.Catalog;

namespace Inventory.Sync;

/// <summary>
/// The catalog's <see cref="ProductRules"/> applied to a replicated product, so the cloud refuses a pushed
/// product and a box a pulled one that neither API would have taken.
/// </summary>
public static class ProductRecordRules
{
    public const string UnitKind = "unit";
    public const string CaseKind = "case";

    /// <summary>Every error of the record; empty when a replica may store it.</summary>
    public static IReadOnlyList<FieldError> Check(ProductRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var errors = new List<FieldError>();
        JsonElement? attributes = null;
        if (record.Attributes is { } text)
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                attributes = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                errors.Add(new FieldError("attributes", "'attributes' is an object of names and values."));
            }
        }

        var barcodes = record.Barcodes ?? [];
        if (barcodes.Any(b => b.Kind is not (UnitKind or CaseKind)))
        {
            errors.Add(new FieldError("barcodes", $"A barcode's kind is {UnitKind} or {CaseKind}."));
        }

        var request = new ProductRequest(
            WithoutClashSuffix(record.Sku), record.Name, record.Description, record.CategoryId, Category: null, record.ParentId, attributes,
            record.CostPrice, record.SellingPrice, record.ReorderPoint, record.ReorderQuantity, record.MaxLevel, record.Unit,
            record.Weight, record.ImageUrl, record.IsActive,
            [.. barcodes.Where(b => b.Kind != CaseKind).Select(b => b.Code)],
            [.. barcodes.Where(b => b.Kind == CaseKind).Select(b => new CaseBarcode(b.Code, b.PackQuantity))],
            Version: null,
            record.Lots?.LotTracked, record.Lots?.ShelfLifeDays, record.Lots?.ExpiryAlertDays, record.Lots?.SellExpired);
        errors.AddRange(ProductRules.Check(request));
        return errors;
    }

    /// <summary>
    /// The SKU as its maker gave it: the cloud keeps a product whose SKU another product already holds as
    /// <c>SKU~SITE</c> (<c>~SITE2</c>, …) and sends it to every site. No API takes a <c>~</c>, so the suffix is the
    /// cloud's mark, not bad input, and the SKU before it is what the rule checks.
    /// </summary>
    public static string? WithoutClashSuffix(string? sku)
    {
        var mark = sku?.LastIndexOf('~') ?? -1;
        return mark > 0 && mark < sku!.Length - 1 && sku[(mark + 1)..].All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? sku[..mark]
            : sku;
    }

    /// <summary>The errors as one line for a log or a conflict row: "field: message; …".</summary>
    public static string Describe(IEnumerable<FieldError> errors) =>
        string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}"));
}
