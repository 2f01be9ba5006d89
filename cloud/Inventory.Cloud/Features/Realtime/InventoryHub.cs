using Microsoft.AspNetCore.SignalR;

namespace Inventory.Cloud.Features.Realtime;

/// <summary>
/// Live view of all sites. Clients only listen: <c>levelChanged</c> per product and location as an edge's
/// push is applied, and <c>siteSynced</c> once per push (a large backlog sends only that, and the
/// dashboard reloads). Who may connect is set where the hub is mapped.
/// </summary>
public sealed class InventoryHub : Hub
{
    public const string Path = "/hubs/inventory";
}

public sealed record LevelChangedMessage(string SiteCode, Guid ProductId, Guid LocationId, long Quantity, long Reserved, long Available);

public sealed record SiteSyncedMessage(string SiteCode, int MovementsApplied, int LevelsChanged, DateTimeOffset At);
