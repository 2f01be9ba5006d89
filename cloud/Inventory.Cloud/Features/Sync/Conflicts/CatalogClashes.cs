using Inventory.Sync;
using Npgsql;
using NpgsqlTypes;

namespace Inventory.Cloud.Features.Sync.Conflicts;

/// <summary>
/// SKUs and barcodes are unique across the company, but two boxes offline can each make a product under the
/// same SKU or barcode. The first to reach the cloud keeps it: a product a site pushes whose SKU another
/// product holds is renamed <c>SKU~SITE</c> (then <c>~SITE2</c>, …), and a barcode another product holds is
/// left off it. Every site gets that version, the one that made it too; the pushed one goes to the conflict
/// log, where managers find what to tidy up.
/// </summary>
internal static class CatalogClashes
{
    /// <summary>The record as the cloud will keep it, or null when nothing clashes.</summary>
    public static async Task<ProductRecord?> ResolveAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, string site, ProductRecord product, CancellationToken ct)
    {
        var sku = await TakenAsync(c, tx, "SELECT 1 FROM products WHERE sku = $1 AND id <> $2", product.Sku, product.Id, ct)
            ? await FreeSkuAsync(c, tx, $"{product.Sku}~{site}", product.Id, ct)
            : product.Sku;
        var barcodes = await FreeBarcodesAsync(c, tx, product, ct);
        return sku == product.Sku && barcodes.Count == product.Barcodes.Count
            ? null
            : product with { Sku = sku, Barcodes = barcodes };
    }

    private static async Task<string> FreeSkuAsync(NpgsqlConnection c, NpgsqlTransaction tx, string wanted, Guid id, CancellationToken ct)
    {
        var candidate = wanted;
        for (var n = 2; await TakenAsync(c, tx, "SELECT 1 FROM products WHERE sku = $1 AND id <> $2", candidate, id, ct); n++)
        {
            candidate = $"{wanted}{n}";
        }

        return candidate;
    }

    private static async Task<List<BarcodeRecord>> FreeBarcodesAsync(NpgsqlConnection c, NpgsqlTransaction tx, ProductRecord product, CancellationToken ct)
    {
        if (product.Barcodes.Count == 0)
        {
            return [];
        }

        await using var command = new NpgsqlCommand("SELECT code FROM product_barcodes WHERE code = ANY($1) AND product_id <> $2", c, tx);
        command.Parameters.Add(new NpgsqlParameter { Value = product.Barcodes.Select(b => b.Code).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = product.Id });
        var taken = new HashSet<string>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                taken.Add(reader.GetString(0));
            }
        }

        return [.. product.Barcodes.Where(b => !taken.Contains(b.Code))];
    }

    private static async Task<bool> TakenAsync(NpgsqlConnection c, NpgsqlTransaction tx, string sql, string value, Guid id, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, c, tx);
        command.Parameters.Add(new NpgsqlParameter { Value = value });
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        return await command.ExecuteScalarAsync(ct) is not null;
    }
}
