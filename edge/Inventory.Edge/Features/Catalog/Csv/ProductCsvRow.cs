using System.Globalization;
using System.Text.Json;
using Inventory.Domain.Catalog;
using Inventory.Domain.Lots;
using Inventory.Edge.Infrastructure.Data.Entities;

namespace Inventory.Edge.Features.Catalog.Csv;

/// <summary>
/// One data row read into a <see cref="ProductRequest"/>, with what is wrong at the CSV level (numbers,
/// flags, JSON, formulas, duplicates). The shared <see cref="ProductRules"/> run later, on the request
/// merged with the product it updates.
/// </summary>
public sealed class ProductCsvRow
{
    private static readonly char[] ListSeparators = ['|', ';'];

    private ProductCsvRow(int line, ProductRequest request, string? parentSku, List<ImportRowError> errors)
    {
        Line = line;
        Request = request;
        ParentSku = parentSku;
        Errors = errors;
    }

    public int Line { get; }

    /// <summary>Values of the columns the file has; a column it lacks is null here and kept from the product on update.</summary>
    public ProductRequest Request { get; }

    public string? Sku => Request.Sku?.Trim();

    public string? ParentSku { get; }

    public List<ImportRowError> Errors { get; }

    public static ProductCsvRow Parse(
        ProductCsvHeader header, List<string> fields, int line, string? malformed, Dictionary<string, int> firstLineOfSku)
    {
        var errors = new List<ImportRowError>();
        if (malformed is not null)
        {
            errors.Add(new ImportRowError(line, null, malformed));
        }

        if (fields.Count > header.Width && fields.Skip(header.Width).Any(f => f.Length > 0))
        {
            errors.Add(new ImportRowError(line, null, $"The row has {fields.Count} values but the header names {header.Width} columns."));
        }

        string? Text(string column) => header.Cell(fields, column) is { Length: > 0 } s ? s : null;
        string? Trimmed(string column) => Text(column)?.Trim() is { Length: > 0 } s ? s : null;
        void Error(string column, string message) => errors.Add(new ImportRowError(line, column, message));

        var sku = Trimmed(ProductCsvColumns.Sku);
        if (sku is not null && !firstLineOfSku.TryAdd(sku, line))
        {
            Error(ProductCsvColumns.Sku, $"SKU {sku} already appeared on row {firstLineOfSku[sku]} of this file; only the first is imported.");
        }

        var name = Text(ProductCsvColumns.Name);
        if (CsvCells.StartsLikeFormula(name) || CsvCells.StartsLikeFormula(name?.Trim()))
        {
            Error(ProductCsvColumns.Name,
                "A name cannot start with =, +, -, @, a tab or a line break: a spreadsheet would run it as a formula. Remove the leading character.");
        }

        var request = new ProductRequest(
            Sku: sku,
            Name: name,
            Description: Text(ProductCsvColumns.Description),
            CategoryId: null,
            Category: Trimmed(ProductCsvColumns.Category),
            ParentId: null,
            Attributes: ParseAttributes(Text(ProductCsvColumns.Attributes), Error),
            CostPrice: ParseDecimal(Trimmed(ProductCsvColumns.CostPrice), ProductCsvColumns.CostPrice, Error),
            SellingPrice: ParseDecimal(Trimmed(ProductCsvColumns.SellingPrice), ProductCsvColumns.SellingPrice, Error),
            ReorderPoint: ParseInt(Trimmed(ProductCsvColumns.ReorderPoint), ProductCsvColumns.ReorderPoint, Error),
            ReorderQuantity: ParseInt(Trimmed(ProductCsvColumns.ReorderQuantity), ProductCsvColumns.ReorderQuantity, Error),
            MaxLevel: ParseInt(Trimmed(ProductCsvColumns.MaxLevel), ProductCsvColumns.MaxLevel, Error),
            Unit: Trimmed(ProductCsvColumns.Unit),
            Weight: ParseDecimal(Trimmed(ProductCsvColumns.Weight), ProductCsvColumns.Weight, Error),
            ImageUrl: Trimmed(ProductCsvColumns.ImageUrl),
            IsActive: ParseFlag(Trimmed(ProductCsvColumns.IsActive), ProductCsvColumns.IsActive, Error),
            Barcodes: header.Has(ProductCsvColumns.Barcodes) ? SplitList(Text(ProductCsvColumns.Barcodes)) : null,
            CaseBarcodes: header.Has(ProductCsvColumns.CaseBarcodes) ? ParseCases(Text(ProductCsvColumns.CaseBarcodes), Error) : null,
            Version: null,
            // Like every column: absent keeps the product's value, an empty cell clears it (not tracked, no shelf life,
            // the default alert window, expired stock not sold), so an exported file imports back unchanged.
            LotTracked: Lot(ProductCsvColumns.LotTracked, c => ParseFlag(Trimmed(c), c, Error), false),
            ShelfLifeDays: Lot(ProductCsvColumns.ShelfLifeDays, c => ParseInt(Trimmed(c), c, Error), 0),
            ExpiryAlertDays: Lot(ProductCsvColumns.ExpiryAlertDays, c => ParseInt(Trimmed(c), c, Error), ProductLotSettings.DefaultExpiryAlertDays),
            SellExpired: Lot(ProductCsvColumns.SellExpired, c => ParseFlag(Trimmed(c), c, Error), false));

        T? Lot<T>(string column, Func<string, T?> parse, T cleared)
            where T : struct =>
            !header.Has(column) ? null : Trimmed(column) is null ? cleared : parse(column);

        return new ProductCsvRow(line, request, Trimmed(ProductCsvColumns.ParentSku), errors);
    }

    /// <summary>
    /// The request an update applies: columns the file has win, the others keep the product's values,
    /// so a file of just sku,name,selling_price changes prices and nothing else.
    /// </summary>
    public ProductRequest MergeWith(ProductCsvHeader header, Product? existing, Guid? parentId)
    {
        if (existing is null)
        {
            return Request with { ParentId = parentId };
        }

        bool Has(string column) => header.Has(column);
        return Request with
        {
            ParentId = parentId,
            Description = Has(ProductCsvColumns.Description) ? Request.Description : existing.Description,
            Attributes = Has(ProductCsvColumns.Attributes) ? Request.Attributes
                : existing.Attributes is null ? null : JsonDocument.Parse(existing.Attributes).RootElement.Clone(),
            CostPrice = Has(ProductCsvColumns.CostPrice) ? Request.CostPrice : existing.CostPrice,
            SellingPrice = Has(ProductCsvColumns.SellingPrice) ? Request.SellingPrice : existing.SellingPrice,
            ReorderPoint = Has(ProductCsvColumns.ReorderPoint) ? Request.ReorderPoint : existing.ReorderPoint,
            ReorderQuantity = Has(ProductCsvColumns.ReorderQuantity) ? Request.ReorderQuantity : existing.ReorderQuantity,
            MaxLevel = Has(ProductCsvColumns.MaxLevel) ? Request.MaxLevel : existing.MaxLevel,
            Unit = Has(ProductCsvColumns.Unit) ? Request.Unit : existing.Unit,
            Weight = Has(ProductCsvColumns.Weight) ? Request.Weight : existing.Weight,
            ImageUrl = Has(ProductCsvColumns.ImageUrl) ? Request.ImageUrl : existing.ImageUrl,
            Barcodes = Request.Barcodes
                ?? [.. existing.Barcodes.Where(b => b.Kind == BarcodeKinds.Unit).Select(b => b.Code)],
            CaseBarcodes = Request.CaseBarcodes
                ?? [.. existing.Barcodes.Where(b => b.Kind == BarcodeKinds.Case).Select(b => new CaseBarcode(b.Code, b.PackQuantity))],
        };
    }

    // Invariant and strict: "12,5" is refused rather than read as 125 (thousands) or 12.5 (a comma culture).
    private const NumberStyles DecimalStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    private static decimal? ParseDecimal(string? text, string column, Action<string, string> error)
    {
        if (text is null)
        {
            return null;
        }

        if (decimal.TryParse(text, DecimalStyle, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        error(column, $"'{text}' is not a number: use digits with a dot for decimals (12.5), no thousands separators.");
        return null;
    }

    private static int? ParseInt(string? text, string column, Action<string, string> error)
    {
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        error(column, $"'{text}' is not a whole number.");
        return null;
    }

    private static bool? ParseFlag(string? text, string column, Action<string, string> error)
    {
        switch (text?.ToLowerInvariant())
        {
            case null:
                return null;
            case "true" or "1" or "yes":
                return true;
            case "false" or "0" or "no":
                return false;
            default:
                error(column, $"'{text}' is not one of true, false, 1, 0, yes, no.");
                return null;
        }
    }

    private static JsonElement? ParseAttributes(string? text, Action<string, string> error)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            error(ProductCsvColumns.Attributes, "'attributes' is not valid JSON: write an object such as {\"size\":\"M\"}.");
            return null;
        }
    }

    private static List<string> SplitList(string? text) =>
        text is null ? [] : [.. text.Split(ListSeparators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    private static List<CaseBarcode> ParseCases(string? text, Action<string, string> error)
    {
        var cases = new List<CaseBarcode>();
        foreach (var item in SplitList(text))
        {
            // The code itself may contain ':' (barcodes are any printable ASCII); the pack size is after the last one.
            var colon = item.LastIndexOf(':');
            if (colon <= 0 || !int.TryParse(item.AsSpan(colon + 1).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pack))
            {
                error(ProductCsvColumns.CaseBarcodes, $"'{item}' is not CODE:PACK_QUANTITY (for example 05012345678900:12).");
                continue;
            }

            cases.Add(new CaseBarcode(item[..colon].Trim(), pack));
        }

        return cases;
    }
}
