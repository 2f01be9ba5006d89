using Inventory.Edge.Features.Ledger;
using Inventory.Edge.Infrastructure.Data;
using Microsoft.Data.Sqlite;

namespace Inventory.Edge.Features.Scanning;

public sealed record ScanMatch(Guid Id, string Sku, string Name, bool Active, int PackQuantity);

public sealed record ScanLocation(Guid Id, string Code);

/// <summary>Finds what a code names. Plain SQL on the hot path: a fleet of scanners asks many times a second.</summary>
public sealed class ScanCatalog(EdgeDatabase database, Microsoft.Extensions.Options.IOptions<EdgeOptions> options)
{
    private readonly string _siteCode = options.Value.Site.Code;

    /// <summary>
    /// A barcode as printed first; then the other spellings of the same GTIN (a UPC-A scanned against a
    /// stored EAN-13, an EAN-13 against a stored GTIN-14, …); then the SKU.
    /// </summary>
    /// <summary>One pooled read connection serves every lookup of a scan.</summary>
    public Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => database.OpenAsync(cancellationToken);

    public async Task<ScanMatch?> FindAsync(SqliteConnection connection, ScannedCode code, CancellationToken cancellationToken)
    {
        var candidates = new List<string> { code.Raw };
        if (code.Gtin14 is { } g)
        {
            candidates.Add(g);
            for (var zeros = 1; zeros <= 6 && g[zeros - 1] == '0'; zeros++)
            {
                if (14 - zeros is 13 or 12 or 8)
                {
                    candidates.Add(g[zeros..]);
                }
            }
        }

        candidates = [.. candidates.Distinct(StringComparer.Ordinal)];
        await using (var command = connection.CreateCommand())
        {
            var names = candidates.Select((_, i) => "$c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
            command.CommandText = $"""
                SELECT b.code, p.id, p.sku, p.name, p.is_active, b.pack_quantity
                FROM product_barcodes b JOIN products p ON p.id = b.product_id
                WHERE b.code IN ({string.Join(", ", names)})
                """;
            for (var i = 0; i < candidates.Count; i++)
            {
                command.Parameters.AddWithValue(names[i], candidates[i]);
            }

            var found = new Dictionary<string, ScanMatch>(StringComparer.Ordinal);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                found[reader.GetString(0)] = new ScanMatch(
                    Guid.Parse(reader.GetString(1)), reader.GetString(2), reader.GetString(3), reader.GetBoolean(4), reader.GetInt32(5));
            }

            foreach (var candidate in candidates)
            {
                if (found.TryGetValue(candidate, out var match))
                {
                    return match;
                }
            }
        }

        await using var bySku = connection.CreateCommand();
        bySku.CommandText = "SELECT id, sku, name, is_active FROM products WHERE sku = $sku";
        bySku.Parameters.AddWithValue("$sku", code.Raw);
        await using var skuReader = await bySku.ExecuteReaderAsync(cancellationToken);
        return await skuReader.ReadAsync(cancellationToken)
            ? new ScanMatch(Guid.Parse(skuReader.GetString(0)), skuReader.GetString(1), skuReader.GetString(2), skuReader.GetBoolean(3), 1)
            : null;
    }

    public async Task<ScanLocation?> FindLocationAsync(SqliteConnection connection, string? code, Guid? id, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        if (id is { } locationId)
        {
            command.CommandText = "SELECT id, code FROM locations WHERE id = $id";
            command.Parameters.AddWithValue("$id", SqliteValues.Of(locationId));
        }
        else
        {
            // Another site's location may share the code; this site's own comes first (the ledger refuses the other anyway).
            command.CommandText = "SELECT id, code FROM locations WHERE code = $code ORDER BY site_code = $site DESC LIMIT 1";
            command.Parameters.AddWithValue("$site", _siteCode);
            command.Parameters.AddWithValue("$code", code?.Trim() ?? "");
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new ScanLocation(Guid.Parse(reader.GetString(0)), reader.GetString(1)) : null;
    }
}
