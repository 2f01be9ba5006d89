using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Inventory.Edge.Features.Alerts;
using Inventory.Edge.Features.Realtime;
using Inventory.Edge.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace Inventory.Edge.Tests.Realtime;

public sealed class InventoryHubTests(EdgeHost edge) : IClassFixture<EdgeHost>
{
    // Generous: events normally come in milliseconds, but the suite shares a loaded 2-core machine.
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task LevelChanged_AfterHttpMovement_ArrivesWithNewLevelAndSeq()
    {
        using var client = await edge.ClientAsync();
        var location = await client.CreateLocationAsync();
        var product = await client.CreateProductAsync(reorderPoint: 5);
        await using var hub = await ConnectAsync(client);

        var body = await client.ReceiveAsync(product, location, 3);
        var change = await hub.NextAsync(c => c.ProductId == product);

        Assert.Equal(location, change.LocationId);
        Assert.Equal(3, change.Quantity);
        Assert.Equal(3, change.Available);
        Assert.Equal("low", change.Status);
        Assert.Equal(body.GetProperty("movements")[0].GetProperty("id").GetGuid(), change.MovementId);
        Assert.Equal(body.GetProperty("movements")[0].GetProperty("seq").GetInt64(), change.Seq);
    }

    [Fact]
    public async Task LocationGroup_OnlyItsLocation_AndNothingForRefusedMovements()
    {
        using var client = await edge.ClientAsync();
        var watched = await client.CreateLocationAsync();
        var other = await client.CreateLocationAsync();
        var product = await client.CreateProductAsync();
        await using var hub = await ConnectAsync(client, watched);

        await client.ReceiveAsync(product, other, 5);
        var refused = await client.PostAsJsonAsync("/api/inventory/ship", new { productId = product, locationId = watched, quantity = 1 });
        await client.ReceiveAsync(product, watched, 2);
        var first = await hub.NextAsync(_ => true);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(watched, first.LocationId);
        Assert.Equal(2, first.Quantity);
    }

    [Fact]
    public async Task Transfer_NotifiesBothLocations()
    {
        using var client = await edge.ClientAsync();
        var from = await client.CreateLocationAsync();
        var to = await client.CreateLocationAsync();
        var product = await client.CreateProductAsync();
        await client.ReceiveAsync(product, from, 10);
        await using var hub = await ConnectAsync(client);

        await client.PostOkAsync("/api/inventory/transfer", new { productId = product, fromLocationId = from, toLocationId = to, quantity = 4 });
        var a = await hub.NextAsync(c => c.ProductId == product);
        var b = await hub.NextAsync(c => c.ProductId == product);

        var byLocation = new[] { a, b }.ToDictionary(c => c.LocationId, c => c.Quantity);
        Assert.Equal(6, byLocation[from]);
        Assert.Equal(4, byLocation[to]);
    }

    [Fact]
    public async Task ChangesSince_AfterAMissedUpdate_GivesCurrentLevel()
    {
        using var client = await edge.ClientAsync();
        var location = await client.CreateLocationAsync();
        var product = await client.CreateProductAsync();
        var first = await client.ReceiveAsync(product, location, 1);
        var seen = first.GetProperty("movements")[0].GetProperty("seq").GetInt64();
        await client.ReceiveAsync(product, location, 6);
        await using var hub = await ConnectAsync(client);

        var missed = await hub.Connection.InvokeAsync<ChangesSinceResult>("ChangesSince", seen);

        var level = Assert.Single(missed.Levels, l => l.ProductId == product);
        Assert.Equal(7, level.Quantity);
        Assert.True(level.Seq > seen);
        Assert.False(missed.Resync);
        Assert.True(missed.LatestSeq >= level.Seq);
    }

    [Fact]
    public async Task Alert_ReorderPointCrossed_PushedOnceWhenItOpens()
    {
        using var client = await edge.ClientAsync();
        var location = await client.CreateLocationAsync();
        var product = await client.CreateProductAsync(reorderPoint: 5);
        await client.ReceiveAsync(product, location, 10);
        await using var hub = await ConnectAsync(client, location);
        var alerts = Channel.CreateUnbounded<AlertChanged>();
        hub.Connection.On<AlertChanged>(InventoryHub.AlertMethod, a => alerts.Writer.TryWrite(a));

        await client.PostOkAsync("/api/inventory/ship", new { productId = product, locationId = location, quantity = 6 });
        await client.PostOkAsync("/api/inventory/ship", new { productId = product, locationId = location, quantity = 1 });
        await client.ReceiveAsync(product, location, 20);
        using var timeout = new CancellationTokenSource(Wait);
        var opened = await alerts.Reader.ReadAsync(timeout.Token);
        var closed = await alerts.Reader.ReadAsync(timeout.Token);

        Assert.Equal("open", opened.Status);
        Assert.Equal(4, opened.Available);
        Assert.Equal(product, opened.ProductId);
        Assert.Equal("closed", closed.Status);
    }

    [Theory]
    [InlineData("viewer")]
    [InlineData("purchasing")]
    [InlineData("staff")]
    public async Task EveryRole_MayWatch(string role)
    {
        using var client = await edge.ClientForRoleAsync(role);

        await using var hub = await ConnectAsync(client);

        Assert.Equal(HubConnectionState.Connected, hub.Connection.State);
    }

    [Fact]
    public async Task NoToken_Refused()
    {
        var connection = new HubConnectionBuilder().WithUrl(new Uri(edge.BaseAddress, InventoryHub.Path)).Build();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        await connection.DisposeAsync();
    }

    private async Task<HubClient> ConnectAsync(HttpClient signedIn, Guid? locationId = null)
    {
        var token = signedIn.DefaultRequestHeaders.Authorization!.Parameter;
        var url = new Uri(edge.BaseAddress, InventoryHub.Path + (locationId is null ? "" : $"?locationId={locationId}"));
        var connection = new HubConnectionBuilder()
            .WithUrl(url, o => o.AccessTokenProvider = () => Task.FromResult(token))
            .Build();
        var client = new HubClient(connection);
        await connection.StartReadyAsync();
        return client;
    }

    /// <summary>A hub connection whose levelChanged messages queue up for the test to take in order.</summary>
    private sealed class HubClient : IAsyncDisposable
    {
        private readonly Channel<LevelChanged> _changes = Channel.CreateUnbounded<LevelChanged>();

        public HubClient(HubConnection connection)
        {
            Connection = connection;
            connection.On<LevelChanged>(InventoryHub.LevelChangedMethod, change => _changes.Writer.TryWrite(change));
        }

        public HubConnection Connection { get; }

        public async Task<LevelChanged> NextAsync(Func<LevelChanged, bool> match)
        {
            using var timeout = new CancellationTokenSource(Wait);
            while (true)
            {
                var change = await _changes.Reader.ReadAsync(timeout.Token);
                if (match(change))
                {
                    return change;
                }
            }
        }

        public ValueTask DisposeAsync() => Connection.DisposeAsync();
    }
}
