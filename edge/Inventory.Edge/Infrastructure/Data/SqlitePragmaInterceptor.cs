using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Inventory.Edge.Infrastructure.Data;

/// <summary>
/// Sets the PRAGMAs that are per connection on every open. journal_mode=WAL persists in the file, but
/// synchronous, busy_timeout and foreign_keys reset with each connection, and a connection that forgot
/// synchronous=FULL could acknowledge a commit that a power cut then loses.
/// </summary>
public sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    public const string Pragmas =
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) =>
        Apply(connection);

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }
}
