using System.Threading.Channels;
using Inventory.Cloud.Features.Sync.Push;
using Microsoft.AspNetCore.SignalR;
using Npgsql;

namespace Inventory.Cloud.Features.Realtime;

/// <summary>
/// Sends what a push changed to dashboards, after the commit and off the push's path: the push answers
/// the edge at once, and this catches up (dropping to one "synced" note per push when it falls behind).
/// </summary>
public sealed class CloudNotifications(IHubContext<InventoryHub> hub, NpgsqlDataSource dataSource, TimeProvider time) : BackgroundService
{
    /// <summary>Above this many changed levels in one push, dashboards get the summary only and reload.</summary>
    public const int MaxLevelMessages = 200;

    private readonly Channel<(string Site, PushResult Result)> _queue =
        Channel.CreateBounded<(string, PushResult)>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest });

    public void Pushed(string site, PushResult result)
    {
        if (result.Ack.MovementsApplied > 0 || result.Ack.Conflicts > 0)
        {
            _queue.Writer.TryWrite((site, result));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (site, result) in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                if (result.Touched.Count <= MaxLevelMessages && _queue.Reader.Count < 10)
                {
                    foreach (var level in await LevelsAsync(site, result.Touched, stoppingToken))
                    {
                        await hub.Clients.All.SendAsync("levelChanged", level, stoppingToken);
                    }
                }

                await hub.Clients.All.SendAsync("siteSynced",
                    new SiteSyncedMessage(site, result.Ack.MovementsApplied, result.Touched.Count, time.GetUtcNow()), stoppingToken);
            }
            catch (NpgsqlException)
            {
                // A dashboard misses one live update and catches up on its next load; the data is committed.
            }
        }
    }

    private async Task<List<LevelChangedMessage>> LevelsAsync(string site, IReadOnlyList<(Guid ProductId, Guid LocationId)> touched, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT product_id, location_id, sum(quantity)::bigint, sum(reserved)::bigint FROM stock_levels
            WHERE (product_id, location_id) IN (SELECT * FROM unnest($1::uuid[], $2::uuid[]))
            GROUP BY product_id, location_id
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = touched.Select(t => t.ProductId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = touched.Select(t => t.LocationId).ToArray() });
        var levels = new List<LevelChangedMessage>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var quantity = reader.GetInt64(2);
            var reserved = reader.GetInt64(3);
            levels.Add(new LevelChangedMessage(site, reader.GetGuid(0), reader.GetGuid(1), quantity, reserved, quantity - reserved));
        }

        return levels;
    }
}
