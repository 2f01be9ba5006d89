using Microsoft.Data.Sqlite;

namespace Inventory.Edge.Bench;

/// <summary>Prepared statements for seeding an in-process edge's SQLite file straight, faster than its API by far.</summary>
internal static class SqliteSeed
{
    public static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    /// <summary>Binds the values in the order the parameters were declared and runs the statement.</summary>
    public static void Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        command.ExecuteNonQuery();
    }
}
