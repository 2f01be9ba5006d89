using System.Text.Json;
using System.Text.RegularExpressions;

namespace Inventory.Domain.Catalog;

/// <summary>
/// What a product must be, wherever it is made: the edge's and the cloud's product API, the edge's CSV import,
/// a product a site pushes to the cloud and one the cloud sends down to a box. One rule, so no replica holds a
/// product another would refuse.
/// </summary>
public static partial class ProductRules
{
    public const int MaxSku = 50;
    public const int MaxName = 255;
    public const int MaxDescription = 4000;
    public const int MaxCategory = 100;
    public const int MaxImageUrl = 2000;
    public const int MaxBarcode = 64;
    public const decimal MaxPrice = 99_999_999.99m;
    public const decimal MaxWeight = 1_000_000m;
    public const int MinPack = 2;
    public const int MaxPack = 100_000;

    /// <summary>Every error of the request, in field order; empty when the product may be stored.</summary>
    public static IReadOnlyList<FieldError> Check(ProductRequest r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var errors = new List<FieldError>();
        void Require(bool condition, string field, string message)
        {
            if (!condition)
            {
                errors.Add(new FieldError(field, message));
            }
        }

        RequireText(errors, r.Sku, "sku", MaxSku);
        Require(r.Sku is null || SkuPattern().IsMatch(r.Sku.Trim()), "sku", "A SKU has letters, digits and - _ . / only.");
        RequireText(errors, r.Name, "name", MaxName);
        OptionalText(errors, r.Description, "description", MaxDescription, allowLineBreaks: true);
        OptionalText(errors, r.Category, "category", MaxCategory);
        Require(r.CostPrice is null or (>= 0 and <= MaxPrice), "costPrice", "'costPrice' is between 0 and 99,999,999.99.");
        Require(r.SellingPrice is null or (>= 0 and <= MaxPrice), "sellingPrice", "'sellingPrice' is between 0 and 99,999,999.99.");
        Require(r.CostPrice is null || decimal.Round(r.CostPrice.Value, 4) == r.CostPrice, "costPrice", "'costPrice' has at most 4 decimals.");
        Require(r.SellingPrice is null || decimal.Round(r.SellingPrice.Value, 2) == r.SellingPrice, "sellingPrice", "'sellingPrice' has at most 2 decimals.");
        Require(r.ReorderPoint is null or >= 0, "reorderPoint", "'reorderPoint' cannot be negative.");
        Require(r.ReorderQuantity is null or >= 0, "reorderQuantity", "'reorderQuantity' cannot be negative.");
        Require(r.MaxLevel is null or >= 0, "maxLevel", "'maxLevel' cannot be negative.");
        Require(r.Unit is null || Units.IsKnown(r.Unit), "unit", "'unit' is one of " + string.Join(", ", Units.All) + ".");
        Require(r.Weight is null or (>= 0 and <= MaxWeight), "weight", "'weight' is between 0 and 1,000,000.");
        OptionalText(errors, r.ImageUrl, "imageUrl", MaxImageUrl);
        Require(r.ImageUrl is null || Uri.TryCreate(r.ImageUrl, UriKind.Absolute, out var u) && u.Scheme is "http" or "https",
            "imageUrl", "'imageUrl' is an http(s) address.");
        Require(r.Attributes is null || r.Attributes.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Null,
            "attributes", "'attributes' is an object of names and values.");
        Require(r.ShelfLifeDays is null or (>= 0 and <= Lots.ProductLotSettings.MaxShelfLifeDays), "shelfLifeDays",
            "'shelfLifeDays' is between 0 (none) and 36,500.");
        Require(r.ExpiryAlertDays is null or (>= 0 and <= Lots.ProductLotSettings.MaxExpiryAlertDays), "expiryAlertDays",
            "'expiryAlertDays' is between 0 and 3,650.");
        foreach (var code in r.Barcodes ?? [])
        {
            CheckBarcode(errors, code, "barcodes");
        }

        foreach (var pack in r.CaseBarcodes ?? [])
        {
            CheckBarcode(errors, pack.Code, "caseBarcodes");
            Require(pack.PackQuantity is >= MinPack and <= MaxPack, "caseBarcodes", "A case holds between 2 and 100,000 units.");
        }

        var all = r.AllCodes().ToList();
        Require(all.Count == all.Distinct(StringComparer.Ordinal).Count(), "barcodes", "A barcode is listed twice.");
        return errors;
    }

    private static void CheckBarcode(List<FieldError> errors, string? code, string field)
    {
        var trimmed = code?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxBarcode || !BarcodePattern().IsMatch(trimmed))
        {
            errors.Add(new FieldError(field, $"'{code}' is not a barcode (1-64 printable characters, no spaces)."));
        }
        else if (trimmed.Length is 8 or 12 or 13 or 14 && trimmed.All(char.IsAsciiDigit) && !Gtin.IsValid(trimmed))
        {
            // Digits of a GTIN's length are read as one: a wrong check digit is a typo that no scanner would ever match.
            errors.Add(new FieldError(field, $"'{trimmed}' looks like an EAN/UPC/GTIN but its check digit is wrong."));
        }
    }

    private static void RequireText(List<FieldError> errors, string? value, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new FieldError(field, $"'{field}' is required."));
        }
        else
        {
            OptionalText(errors, value, field, maxLength);
        }
    }

    private static void OptionalText(List<FieldError> errors, string? value, string field, int maxLength, bool allowLineBreaks = false)
    {
        if (value is not null && value.Length > maxLength)
        {
            errors.Add(new FieldError(field, $"'{field}' is longer than {maxLength} characters."));
        }
        else if (value is not null && TextRules.HasControlCharacters(value, allowLineBreaks))
        {
            errors.Add(new FieldError(field, TextRules.ControlCharactersMessage(field)));
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._/-]+$")]
    private static partial Regex SkuPattern();

    [GeneratedRegex("^[\\x21-\\x7E]+$")]
    private static partial Regex BarcodePattern();
}
