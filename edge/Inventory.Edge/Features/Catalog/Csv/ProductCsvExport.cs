using System.Globalization;
using System.Text;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Edge.Infrastructure.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Edge.Features.Catalog.Csv;

/// <summary>
/// Writes the catalog as CSV in the import's columns, streaming row by row. Parents come before their
/// variants so the file imports back in one pass.
/// </summary>
public static class ProductCsvExport
{
    public static async Task WriteAsync(Stream output, EdgeDbContext db, bool withCost, CancellationToken cancellationToken)
    {
        var columns = ProductCsvColumns.All.Where(c => withCost || c != ProductCsvColumns.CostPrice).ToList();
        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var parents = await db.Products.AsNoTracking()
            .Where(p => db.Products.Any(v => v.ParentId == p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Sku, cancellationToken);

        // The BOM tells Excel the file is UTF-8; without it accents show as mojibake. The import accepts it.
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024);
        var line = new StringBuilder(512);
        await writer.WriteAsync(string.Join(',', columns) + "\r\n");
        foreach (var variants in new[] { false, true })
        {
            var products = db.Products.AsNoTracking().Include(p => p.Barcodes)
                .Where(p => (p.ParentId != null) == variants)
                .OrderBy(p => p.Sku)
                .AsAsyncEnumerable();
            await foreach (var product in products.WithCancellation(cancellationToken))
            {
                line.Clear();
                for (var i = 0; i < columns.Count; i++)
                {
                    if (i > 0)
                    {
                        line.Append(',');
                    }

                    CsvCells.Append(line, Cell(product, columns[i], categories, parents));
                }

                // Writes go out asynchronously: the response stream refuses synchronous I/O.
                await writer.WriteAsync(line.Append("\r\n"), cancellationToken);
            }
        }

        await writer.FlushAsync(cancellationToken);
    }

    private static string? Cell(Product p, string column, Dictionary<Guid, string> categories, Dictionary<Guid, string> parents) => column switch
    {
        ProductCsvColumns.Sku => p.Sku,
        ProductCsvColumns.Name => p.Name,
        ProductCsvColumns.Description => p.Description,
        ProductCsvColumns.Category => p.CategoryId is { } c ? categories.GetValueOrDefault(c) : null,
        ProductCsvColumns.ParentSku => p.ParentId is { } parent ? parents.GetValueOrDefault(parent) : null,
        ProductCsvColumns.CostPrice => Number(p.CostPrice),
        ProductCsvColumns.SellingPrice => Number(p.SellingPrice),
        ProductCsvColumns.ReorderPoint => Number(p.ReorderPoint),
        ProductCsvColumns.ReorderQuantity => Number(p.ReorderQuantity),
        ProductCsvColumns.MaxLevel => Number(p.MaxLevel),
        ProductCsvColumns.Unit => p.Unit,
        ProductCsvColumns.Weight => Number(p.Weight),
        ProductCsvColumns.ImageUrl => p.ImageUrl,
        ProductCsvColumns.IsActive => p.IsActive ? "true" : "false",
        ProductCsvColumns.Barcodes => string.Join('|', p.Barcodes.Where(b => b.Kind == BarcodeKinds.Unit)
            .Select(b => b.Code).Order(StringComparer.Ordinal)),
        ProductCsvColumns.CaseBarcodes => string.Join('|', p.Barcodes.Where(b => b.Kind == BarcodeKinds.Case)
            .OrderBy(b => b.Code, StringComparer.Ordinal).Select(b => $"{b.Code}:{b.PackQuantity.ToString(CultureInfo.InvariantCulture)}")),
        ProductCsvColumns.Attributes => p.Attributes,
        ProductCsvColumns.LotTracked => p.LotTracked ? "true" : "false",
        ProductCsvColumns.ShelfLifeDays => Number(p.ShelfLifeDays),
        ProductCsvColumns.ExpiryAlertDays => Number(p.ExpiryAlertDays),
        ProductCsvColumns.SellExpired => p.SellExpired ? "true" : "false",
        _ => null,
    };

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    // SQLite hands decimals back with the scale they were stored at ("7.0"); a spreadsheet user expects "7".
    private static string? Number(decimal? value) => value?.ToString("0.############################", CultureInfo.InvariantCulture);
}
