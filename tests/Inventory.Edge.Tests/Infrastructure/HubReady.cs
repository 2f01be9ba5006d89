using System.Text.Json;
using Inventory.Edge.Features.Realtime;
using Microsoft.AspNetCore.SignalR.Client;

namespace Inventory.Edge.Tests.Infrastructure;

public static class HubReady
{
    /// <summary>
    /// Starts the connection and returns once the hub has joined it to its groups. StartAsync alone returns at the
    /// handshake, before the hub's OnConnectedAsync has added the connection to its location's group, so a change
    /// made at once could be sent to a group the connection is not in yet. The server dispatches a connection's
    /// calls only after OnConnectedAsync, so the answer to one cheap call proves the groups are set.
    /// </summary>
    public static async Task StartReadyAsync(this HubConnection connection)
    {
        await connection.StartAsync();
        await connection.InvokeAsync<JsonElement>(nameof(InventoryHub.ChangesSince), long.MaxValue);
    }
}
