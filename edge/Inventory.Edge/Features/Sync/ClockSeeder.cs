using Inventory.Edge.Infrastructure.Data;
using Inventory.Sync;

namespace Inventory.Edge.Features.Sync;

/// <summary>
/// Moves the clock past every stamp already stored before anything is written, so a box whose wall clock was
/// set back (a dead RTC battery, a bad NTP answer) still stamps its next edit later than its last one.
/// Registered after the migrator, so the columns exist.
/// </summary>
public sealed class ClockSeeder(EdgeDatabase database, HybridLogicalClock clock) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT max(hlc) FROM (
                SELECT max(hlc) AS hlc FROM sync_outbox UNION ALL SELECT max(hlc) FROM products
                UNION ALL SELECT max(hlc) FROM categories UNION ALL SELECT max(hlc) FROM locations
                UNION ALL SELECT max(hlc) FROM bins UNION ALL SELECT max(hlc) FROM users UNION ALL SELECT max(hlc) FROM transfers)
            """;
        clock.Observe(await command.ExecuteScalarAsync(cancellationToken) as string);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
