using Npgsql;

namespace Inventory.Cloud.Infrastructure.Data;

/// <summary>One statement with positional parameters ($1, $2, …) inside a caller's transaction.</summary>
internal static class NpgsqlExec
{
    public static async Task ExecAsync(NpgsqlConnection c, NpgsqlTransaction tx, string sql, CancellationToken ct, params object?[] values)
    {
        await using var command = new NpgsqlCommand(sql, c, tx);
        foreach (var value in values)
        {
            // Untyped nulls let the server infer the column's type; timestamptz takes UTC only.
            command.Parameters.Add(new NpgsqlParameter
            {
                Value = value switch
                {
                    null => DBNull.Value,
                    DateTimeOffset at => at.ToUniversalTime(),
                    _ => value,
                },
            });
        }

        await command.ExecuteNonQueryAsync(ct);
    }
}
