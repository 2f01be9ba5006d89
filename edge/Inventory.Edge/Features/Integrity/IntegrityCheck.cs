using Inventory.Edge.Infrastructure.Data;

namespace Inventory.Edge.Features.Integrity;

public sealed record LevelDifference(
    Guid ProductId, Guid LocationId, string? Bin, string? Lot,
    long LedgerQuantity, long LevelQuantity, long LedgerReserved, long LevelReserved);

public sealed record IntegrityReport(
    DateTimeOffset CheckedAt, long Movements, int Levels, bool Ok, IReadOnlyList<LevelDifference> Differences, double ElapsedMs);

/// <summary>
/// Rebuilds every level from the ledger and compares it with the stored levels. Both reads run in one
/// read transaction, so they see the same snapshot while the writer goes on committing.
/// </summary>
public sealed class IntegrityCheck(EdgeDatabase database, TimeProvider time)
{
    private const int MaxReported = 1000;

    public async Task<IntegrityReport> RunAsync(CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var ledger = new Dictionary<(string, string, string, string), (long Quantity, long Reserved)>();
        long movements = 0;
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT product_id, location_id, bin, lot, sum(quantity), sum(reserved_delta), count(*)
                FROM stock_movements GROUP BY product_id, location_id, bin, lot
                """;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ledger[(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3))] =
                    (reader.GetInt64(4), reader.GetInt64(5));
                movements += reader.GetInt64(6);
            }
        }

        var differences = new List<LevelDifference>();
        var levels = 0;
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT product_id, location_id, bin, lot, quantity, reserved FROM stock_levels";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                levels++;
                var key = (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3));
                var stored = (Quantity: reader.GetInt64(4), Reserved: reader.GetInt64(5));
                var rebuilt = ledger.Remove(key, out var found) ? found : (0, 0);
                if (rebuilt != stored)
                {
                    differences.Add(Difference(key, rebuilt, stored));
                }
            }
        }

        // Whatever the ledger has that no level row holds is a difference too.
        differences.AddRange(ledger.Where(kv => kv.Value != (0, 0)).Select(kv => Difference(kv.Key, kv.Value, (0, 0))));
        return new IntegrityReport(
            time.GetUtcNow(), movements, levels, differences.Count == 0, differences.Take(MaxReported).ToList(),
            time.GetElapsedTime(started).TotalMilliseconds);
    }

    private static LevelDifference Difference(
        (string Product, string Location, string Bin, string Lot) key, (long Quantity, long Reserved) ledger, (long Quantity, long Reserved) level) =>
        new(Guid.Parse(key.Product), Guid.Parse(key.Location), key.Bin.Length == 0 ? null : key.Bin, key.Lot.Length == 0 ? null : key.Lot,
            ledger.Quantity, level.Quantity, ledger.Reserved, level.Reserved);
}
