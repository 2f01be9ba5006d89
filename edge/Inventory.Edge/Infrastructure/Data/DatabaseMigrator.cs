using Inventory.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Edge.Infrastructure.Data;

/// <summary>
/// Applies migrations before anything else starts (hosted services start in registration order, and this
/// one is registered first), so the writer and the bootstrap never see an old schema.
/// </summary>
public sealed partial class DatabaseMigrator(
    IDbContextFactory<EdgeDbContext> contexts, EdgeDatabase database, ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        PrivateFiles.Restrict(database.DataDir);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        // Again now that the database, its WAL and the first log exist: files made before the folder was closed.
        PrivateFiles.Restrict(database.DataDir);
        LogMigrated(logger, pending.Count, database.DataDir);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ready in {DataDir} ({Count} migrations applied)")]
    private static partial void LogMigrated(ILogger logger, int count, string dataDir);
}
