using Inventory.Edge.Features.Ledger;
using Microsoft.AspNetCore.SignalR;

namespace Inventory.Edge.Features.Realtime;

/// <summary>
/// Sends each committed level change to the groups that watch its location, off the writer's thread.
/// A failed send is logged and survived: clients resume from the last `seq` they saw.
/// </summary>
public sealed partial class RealtimeBroadcaster(
    LedgerNotifications notifications, IHubContext<InventoryHub> hub, ILogger<RealtimeBroadcaster> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var result in notifications.Reader.ReadAllAsync(stoppingToken))
        {
            foreach (var change in Changes(result))
            {
                try
                {
                    await hub.Clients.Groups(InventoryHub.SiteGroup, InventoryHub.LocationGroup(change.LocationId))
                        .SendAsync(InventoryHub.LevelChangedMethod, change, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogSendFailed(logger, ex);
                }
            }
        }
    }

    /// <summary>One message per level in the result, carrying the last movement that touched it.</summary>
    internal static IEnumerable<LevelChanged> Changes(MovementResult result)
    {
        foreach (var level in result.Levels)
        {
            var last = result.Movements.LastOrDefault(m => m.ProductId == level.ProductId && m.LocationId == level.LocationId);
            yield return new LevelChanged(
                level.ProductId, level.LocationId, level.Quantity, level.Reserved, level.Available, level.Status,
                last?.Id, last?.Seq ?? 0);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A live level update could not be sent")]
    private static partial void LogSendFailed(ILogger logger, Exception exception);
}
