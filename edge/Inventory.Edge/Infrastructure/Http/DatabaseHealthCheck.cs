using Inventory.Edge.Infrastructure.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Inventory.Edge.Infrastructure.Http;

public sealed class DatabaseHealthCheck(EdgeDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM __EFMigrationsHistory";
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException)
        {
            return HealthCheckResult.Unhealthy("The database cannot be read.", ex);
        }
    }
}
