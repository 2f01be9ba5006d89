using Inventory.Edge.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Inventory.Edge.Features.Ledger;

/// <summary>
/// Forgets stored first answers older than IdempotencyRetention, hourly, in small chunks so the writer
/// never waits long for the database lock. Without it the table would grow by every keyed movement.
/// </summary>
public sealed partial class IdempotencyPruner(
    EdgeDatabase database, IOptions<EdgeOptions> options, TimeProvider time, ILogger<IdempotencyPruner> logger) : BackgroundService
{
    private const int Chunk = 2000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        do
        {
            try
            {
                var removed = await PruneAsync(stoppingToken);
                if (removed > 0)
                {
                    LogPruned(logger, removed);
                }
            }
            catch (SqliteException ex)
            {
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var cutoff = (time.GetUtcNow() - options.Value.Ledger.IdempotencyRetention).ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"DELETE FROM idempotency_keys WHERE rowid IN (SELECT rowid FROM idempotency_keys WHERE created_at < $cutoff LIMIT {Chunk})";
        command.Parameters.AddWithValue("$cutoff", cutoff);
        var total = 0;
        int removed;
        do
        {
            removed = await command.ExecuteNonQueryAsync(cancellationToken);
            total += removed;
        }
        while (removed == Chunk);
        return total;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Forgot {Count} idempotency answers past their retention")]
    private static partial void LogPruned(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning idempotency answers failed; will retry in an hour")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
