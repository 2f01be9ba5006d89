using Inventory.Domain.Catalog;

namespace Inventory.Edge.Features.Catalog.Csv;

/// <summary>The columns of the catalog CSV, in export order; import and export share them so a file round-trips.</summary>
public static class ProductCsvColumns
{
    public const string Sku = "sku";
    public const string Name = "name";
    public const string Description = "description";
    public const string Category = "category";
    public const string ParentSku = "parent_sku";
    public const string CostPrice = "cost_price";
    public const string SellingPrice = "selling_price";
    public const string ReorderPoint = "reorder_point";
    public const string ReorderQuantity = "reorder_quantity";
    public const string MaxLevel = "max_level";
    public const string Unit = "unit";
    public const string Weight = "weight";
    public const string ImageUrl = "image_url";
    public const string IsActive = "is_active";
    public const string Barcodes = "barcodes";
    public const string CaseBarcodes = "case_barcodes";
    public const string Attributes = "attributes";
    public const string LotTracked = "lot_tracked";
    public const string ShelfLifeDays = "shelf_life_days";
    public const string ExpiryAlertDays = "expiry_alert_days";
    public const string SellExpired = "sell_expired";

    public static readonly IReadOnlyList<string> All =
    [
        Sku, Name, Description, Category, ParentSku, CostPrice, SellingPrice, ReorderPoint, ReorderQuantity,
        MaxLevel, Unit, Weight, ImageUrl, IsActive, Barcodes, CaseBarcodes, Attributes,
        LotTracked, ShelfLifeDays, ExpiryAlertDays, SellExpired,
    ];

    /// <summary>The API's field names (in <see cref="ProductRules"/> messages) as CSV columns.</summary>
    private static readonly Dictionary<string, string> FromApiField = new(StringComparer.Ordinal)
    {
        ["sku"] = Sku, ["name"] = Name, ["description"] = Description, ["category"] = Category,
        ["categoryId"] = Category, ["parentId"] = ParentSku, ["costPrice"] = CostPrice,
        ["sellingPrice"] = SellingPrice, ["reorderPoint"] = ReorderPoint, ["reorderQuantity"] = ReorderQuantity,
        ["maxLevel"] = MaxLevel, ["unit"] = Unit, ["weight"] = Weight, ["imageUrl"] = ImageUrl,
        ["isActive"] = IsActive, ["barcodes"] = Barcodes, ["caseBarcodes"] = CaseBarcodes, ["attributes"] = Attributes,
        ["lotTracked"] = LotTracked, ["shelfLifeDays"] = ShelfLifeDays, ["expiryAlertDays"] = ExpiryAlertDays,
        ["sellExpired"] = SellExpired,
    };

    public static string OfApiField(string field) => FromApiField.GetValueOrDefault(field, field);

    /// <summary>A shared rule's message speaks of 'costPrice'; a CSV user knows the column as 'cost_price'.</summary>
    public static string InCsvTerms(string field, string message)
    {
        var column = OfApiField(field);
        return column == field ? message : message.Replace($"'{field}'", $"'{column}'", StringComparison.Ordinal);
    }
}

/// <summary>Where each known column sits in a file's header row.</summary>
public sealed class ProductCsvHeader
{
    private readonly Dictionary<string, int> _index;

    private ProductCsvHeader(Dictionary<string, int> index, int width, List<string> warnings)
    {
        _index = index;
        Width = width;
        Warnings = warnings;
    }

    public int Width { get; }

    /// <summary>Unknown and unnamed columns: ignored, named once for the whole file rather than on every row.</summary>
    public IReadOnlyList<string> Warnings { get; }

    public bool Has(string column) => _index.ContainsKey(column);

    /// <summary>The cell, "" for a short row, or null when the file has no such column.</summary>
    public string? Cell(List<string> fields, string column) =>
        !_index.TryGetValue(column, out var i) ? null : i < fields.Count ? fields[i] : "";

    public static (ProductCsvHeader? Header, string? Problem) Parse(IReadOnlyList<string> names)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var warnings = new List<string>();
        for (var i = 0; i < names.Count; i++)
        {
            // "Cost Price" and "cost-price" are what people type in a spreadsheet's first row.
            var name = names[i].Trim().TrimStart('\uFEFF').Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');
            if (name.Length == 0)
            {
                warnings.Add($"Column {i + 1} has no name; its values are ignored.");
            }
            else if (!ProductCsvColumns.All.Contains(name))
            {
                warnings.Add($"Unknown column '{names[i].Trim()}' is ignored. Known columns: {string.Join(", ", ProductCsvColumns.All)}.");
            }
            else if (!index.TryAdd(name, i))
            {
                return (null, $"The header names column '{name}' twice.");
            }
        }

        var missing = new[] { ProductCsvColumns.Sku, ProductCsvColumns.Name }.Where(c => !index.ContainsKey(c)).ToList();
        return missing.Count > 0
            ? (null, $"The header row has no {string.Join(" and no ", missing.Select(m => $"'{m}'"))} column; the first row must name the columns (sku and name are required).")
            : (new ProductCsvHeader(index, names.Count, warnings), null);
    }
}
