using Inventory.Domain.Ledger;
using Inventory.Edge.Features.Ledger;
using Microsoft.Data.Sqlite;

namespace Inventory.Edge.Tests.Ledger;

/// <summary>The status filter pages in SQL; these cases keep its SQL twin equal to StockStatuses.Of, the rule itself.</summary>
public sealed class StatusSqlTests
{
    public static TheoryData<long, long, int?, int?, int?, int?> Cases()
    {
        var data = new TheoryData<long, long, int?, int?, int?, int?>();
        foreach (var (q, r) in new (long, long)[] { (0, 0), (3, 0), (5, 0), (6, 0), (10, 10), (10, 4), (60, 0), (-2, 0) })
        {
            foreach (var (productPoint, locationPoint) in new (int?, int?)[] { (null, null), (5, null), (null, 5), (20, 5), (5, 20) })
            {
                foreach (var (productMax, locationMax) in new (int?, int?)[] { (null, null), (50, null), (0, null), (50, 70), (null, 8) })
                {
                    data.Add(q, r, productPoint, locationPoint, productMax, locationMax);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task StatusSql_AgreesWithStockStatuses(long quantity, long reserved, int? productPoint, int? locationPoint, int? productMax, int? locationMax)
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {InventoryQueries.StatusSql}
            FROM (SELECT $q AS quantity, $r AS reserved) l,
                 (SELECT $pp AS reorder_point, $pm AS max_level) p,
                 (SELECT $lp AS reorder_point, $lm AS max_level) s
            """;
        command.Parameters.AddWithValue("$q", quantity);
        command.Parameters.AddWithValue("$r", reserved);
        command.Parameters.AddWithValue("$pp", (object?)productPoint ?? DBNull.Value);
        command.Parameters.AddWithValue("$pm", (object?)productMax ?? DBNull.Value);
        command.Parameters.AddWithValue("$lp", (object?)locationPoint ?? DBNull.Value);
        command.Parameters.AddWithValue("$lm", (object?)locationMax ?? DBNull.Value);

        var fromSql = (string?)await command.ExecuteScalarAsync();

        var expected = StockStatuses.Of(quantity, quantity - reserved, locationPoint ?? productPoint, locationMax ?? productMax).ToWireName();
        Assert.Equal(expected, fromSql);
    }
}
