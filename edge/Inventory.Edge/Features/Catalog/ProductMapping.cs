using System.Text.Json;
using System.Text.RegularExpressions;
using Inventory.Domain.Catalog;
using Inventory.Edge.Infrastructure.Data.Entities;
using Inventory.Web.Http;

namespace Inventory.Edge.Features.Catalog;

/// <summary>The checks a product passes whether it comes from the API or a CSV row.</summary>
public static partial class ProductRules
{
    public const int MaxSku = 50;
    public const int MaxName = 255;
    public const decimal MaxPrice = 99_999_999.99m;
    public static readonly IReadOnlyList<string> Units = ["each", "case", "pallet", "box", "pack", "kg", "g", "l", "ml", "m"];

    public static Validation Validate(ProductRequest r, Validation? into = null)
    {
        var v = (into ?? new Validation())
            .RequireText(r.Sku, "sku", MaxSku)
            .Require(r.Sku is null || SkuPattern().IsMatch(r.Sku.Trim()), "sku", "A SKU has letters, digits and - _ . / only.")
            .RequireText(r.Name, "name", MaxName)
            .OptionalText(r.Description, "description", 4000)
            .OptionalText(r.Category, "category", 100)
            .Require(r.CostPrice is null or (>= 0 and <= MaxPrice), "costPrice", $"'costPrice' is between 0 and {MaxPrice}.")
            .Require(r.SellingPrice is null or (>= 0 and <= MaxPrice), "sellingPrice", $"'sellingPrice' is between 0 and {MaxPrice}.")
            .Require(r.CostPrice is null || decimal.Round(r.CostPrice.Value, 4) == r.CostPrice, "costPrice", "'costPrice' has at most 4 decimals.")
            .Require(r.SellingPrice is null || decimal.Round(r.SellingPrice.Value, 2) == r.SellingPrice, "sellingPrice", "'sellingPrice' has at most 2 decimals.")
            .Require(r.ReorderPoint is null or >= 0, "reorderPoint", "'reorderPoint' cannot be negative.")
            .Require(r.ReorderQuantity is null or >= 0, "reorderQuantity", "'reorderQuantity' cannot be negative.")
            .Require(r.MaxLevel is null or >= 0, "maxLevel", "'maxLevel' cannot be negative.")
            .Require(r.Unit is null || Units.Contains(r.Unit), "unit", "'unit' is one of " + string.Join(", ", Units) + ".")
            .Require(r.Weight is null or (>= 0 and <= 1_000_000), "weight", "'weight' is between 0 and 1,000,000.")
            .OptionalText(r.ImageUrl, "imageUrl", 2000)
            .Require(r.ImageUrl is null || Uri.TryCreate(r.ImageUrl, UriKind.Absolute, out var u) && u.Scheme is "http" or "https",
                "imageUrl", "'imageUrl' is an http(s) address.")
            .Require(r.Attributes is null || r.Attributes.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Null,
                "attributes", "'attributes' is an object of names and values.");
        foreach (var code in r.Barcodes ?? [])
        {
            CheckBarcode(v, code, "barcodes");
        }

        foreach (var pack in r.CaseBarcodes ?? [])
        {
            CheckBarcode(v, pack.Code, "caseBarcodes");
            v.Require(pack.PackQuantity is >= 2 and <= 100_000, "caseBarcodes", "A case holds between 2 and 100,000 units.");
        }

        var all = AllCodes(r).ToList();
        v.Require(all.Count == all.Distinct(StringComparer.Ordinal).Count(), "barcodes", "A barcode is listed twice.");
        return v;
    }

    public static IEnumerable<string> AllCodes(ProductRequest r) =>
        (r.Barcodes ?? []).Concat((r.CaseBarcodes ?? []).Select(c => c.Code ?? "")).Select(c => c.Trim());

    public static List<ProductBarcode> BarcodesOf(ProductRequest r, Guid productId) =>
    [
        .. (r.Barcodes ?? []).Select(c => new ProductBarcode { Code = c.Trim(), ProductId = productId, Kind = BarcodeKinds.Unit, PackQuantity = 1 }),
        .. (r.CaseBarcodes ?? []).Select(c => new ProductBarcode { Code = c.Code!.Trim(), ProductId = productId, Kind = BarcodeKinds.Case, PackQuantity = c.PackQuantity!.Value }),
    ];

    private static void CheckBarcode(Validation v, string? code, string field)
    {
        var trimmed = code?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > 64 || !BarcodePattern().IsMatch(trimmed))
        {
            v.Add(field, $"'{code}' is not a barcode (1-64 printable characters, no spaces).");
        }
        else if (trimmed.All(char.IsAsciiDigit) && trimmed.Length is 8 or 12 or 13 or 14 && !Gtin.IsValid(trimmed))
        {
            v.Add(field, $"'{trimmed}' looks like an EAN/UPC/GTIN but its check digit is wrong.");
        }
    }

    /// <summary>Copies the request onto the entity; the caller has validated it.</summary>
    public static void ApplyTo(ProductRequest r, Product p, Guid? categoryId)
    {
        p.Sku = r.Sku!.Trim();
        p.Name = r.Name!.Trim();
        p.Description = r.Description;
        p.CategoryId = categoryId;
        p.ParentId = r.ParentId;
        p.Attributes = r.Attributes is { ValueKind: JsonValueKind.Object } a ? a.GetRawText() : null;
        p.CostPrice = r.CostPrice;
        p.SellingPrice = r.SellingPrice;
        p.ReorderPoint = r.ReorderPoint;
        p.ReorderQuantity = r.ReorderQuantity;
        p.MaxLevel = r.MaxLevel;
        p.Unit = r.Unit ?? "each";
        p.Weight = r.Weight;
        p.ImageUrl = r.ImageUrl;
        p.IsActive = r.IsActive ?? p.IsActive;
    }

    public static ProductView ToView(Product p) => new(
        p.Id, p.Sku, p.Name, p.Description, p.CategoryId, p.ParentId,
        p.Attributes is null ? null : JsonDocument.Parse(p.Attributes).RootElement.Clone(),
        p.CostPrice, p.SellingPrice, p.ReorderPoint, p.ReorderQuantity, p.MaxLevel, p.Unit, p.Weight, p.ImageUrl, p.IsActive,
        [.. p.Barcodes.Where(b => b.Kind == BarcodeKinds.Unit).Select(b => b.Code).Order(StringComparer.Ordinal)],
        [.. p.Barcodes.Where(b => b.Kind == BarcodeKinds.Case).OrderBy(b => b.Code, StringComparer.Ordinal).Select(b => new BarcodeView(b.Code, b.Kind, b.PackQuantity))],
        p.Version, p.CreatedAt, p.UpdatedAt);

    [GeneratedRegex("^[A-Za-z0-9._/-]+$")]
    private static partial Regex SkuPattern();

    [GeneratedRegex("^[\\x21-\\x7E]+$")]
    private static partial Regex BarcodePattern();
}
