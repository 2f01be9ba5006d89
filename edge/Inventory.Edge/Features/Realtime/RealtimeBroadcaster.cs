using Inventory.Edge.Features.Alerts;
using Inventory.Edge.Features.Ledger;
using Microsoft.AspNetCore.SignalR;

namespace Inventory.Edge.Features.Realtime;

/// <summary>
/// Sends each committed level change, and each reorder alert that opened or closed, to the groups that
/// watch its location, off the writer's thread. A failed send is logged and survived: clients resume
/// from the last `seq` they saw, and GET /api/alerts holds every alert.
/// </summary>
public sealed partial class RealtimeBroadcaster(
    LedgerNotifications notifications, AlertEvents alerts, IHubContext<InventoryHub> hub, ILogger<RealtimeBroadcaster> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(SendLevelsAsync(stoppingToken), SendAlertsAsync(stoppingToken));

    private async Task SendLevelsAsync(CancellationToken stoppingToken)
    {
        await foreach (var result in notifications.Reader.ReadAllAsync(stoppingToken))
        {
            foreach (var change in Changes(result))
            {
                await SendAsync(change.LocationId, InventoryHub.LevelChangedMethod, change, stoppingToken);
            }
        }
    }

    private async Task SendAlertsAsync(CancellationToken stoppingToken)
    {
        await foreach (var alert in alerts.Reader.ReadAllAsync(stoppingToken))
        {
            await SendAsync(alert.LocationId, InventoryHub.AlertMethod, alert, stoppingToken);
        }
    }

    private async Task SendAsync(Guid locationId, string method, object message, CancellationToken stoppingToken)
    {
        try
        {
            await hub.Clients.Groups(InventoryHub.SiteGroup, InventoryHub.LocationGroup(locationId)).SendAsync(method, message, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSendFailed(logger, ex);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "A live update could not be sent")]
    private static partial void LogSendFailed(ILogger logger, Exception exception);
}
