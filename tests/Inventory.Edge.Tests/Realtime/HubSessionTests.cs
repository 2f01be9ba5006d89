using System.Net.Http.Json;
using Inventory.Edge.Features.Realtime;
using Inventory.Edge.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace Inventory.Edge.Tests.Realtime;

/// <summary>A user's live connection ends with their session, not only their next sign-in.</summary>
public sealed class HubSessionTests(EdgeHost edge) : IClassFixture<EdgeHost>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task DisableUser_OpenConnection_IsClosedAtOnce()
    {
        using var admin = await edge.ClientAsync();
        var user = await admin.PostOkAsync("/api/users", new { username = "hub-staff", password = "staff-password", role = "staff" });
        using var staff = await edge.ClientAsync("hub-staff", "staff-password");
        var token = staff.DefaultRequestHeaders.Authorization!.Parameter;
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(edge.BaseAddress, InventoryHub.Path), o => o.AccessTokenProvider = () => Task.FromResult(token))
            .Build();
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        await connection.StartReadyAsync();

        var disabled = await admin.PostAsJsonAsync($"/api/users/{user.GetProperty("id").GetGuid()}/disable", new { });

        disabled.EnsureSuccessStatusCode();
        await closed.Task.WaitAsync(Wait);
        Assert.Equal(HubConnectionState.Disconnected, connection.State);
    }
}
