using Microsoft.Data.Sqlite;

namespace Inventory.Edge.Features.Sync;

/// <summary>Small helpers for the applier's one-off statements inside its open transaction.</summary>
internal static class SqlCommands
{
    public static int Execute(this SqliteTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Create(transaction, sql, parameters);
        return command.ExecuteNonQuery();
    }

    /// <summary>The first column of the first row: null when there is no row, DBNull when the value is NULL.</summary>
    public static object? Scalar(this SqliteTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Create(transaction, sql, parameters);
        return command.ExecuteScalar();
    }

    public static bool Exists(this SqliteTransaction transaction, string sql, params (string Name, object? Value)[] parameters) =>
        transaction.Scalar(sql, parameters) is not null;

    private static SqliteCommand Create(SqliteTransaction transaction, string sql, (string Name, object? Value)[] parameters)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
