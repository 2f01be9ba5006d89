using Inventory.Domain.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Inventory.Edge.Features.Realtime;

/// <summary>
/// `/hubs/inventory`: live stock. A connection joins the group of every location it asked for
/// (`?locationId=` once or more) or, asking for none, the group of the whole site. Every role may view
/// every location of this site, so the role check is the hub's policy; methods that change stock do
/// not exist here: changes go through the HTTP and MQTT calls and their checks.
/// </summary>
[Authorize(Policy = nameof(Permission.ViewInventory))]
public sealed class InventoryHub(ChangeFeed feed) : Hub
{
    public const string Path = "/hubs/inventory";
    public const string LevelChangedMethod = "levelChanged";
    public const string AlertMethod = "alert";
    public const string SiteGroup = "site";

    public static string LocationGroup(Guid locationId) => "location:" + locationId;

    public override async Task OnConnectedAsync()
    {
        var requested = Context.GetHttpContext()?.Request.Query["locationId"] ?? default;
        var locations = requested.Select(v => Guid.TryParse(v, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).ToList();
        if (locations.Count == 0)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, SiteGroup);
        }

        foreach (var location in locations)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, LocationGroup(location));
        }

        await base.OnConnectedAsync();
    }

    /// <summary>
    /// After a reconnect: the current level of everything that moved after <paramref name="seq"/> (the last
    /// `seq` the client saw). When that is too much to send, Resync says to reload the page's data instead.
    /// </summary>
    public Task<ChangesSinceResult> ChangesSince(long seq) => feed.SinceAsync(seq, Context.ConnectionAborted);
}
