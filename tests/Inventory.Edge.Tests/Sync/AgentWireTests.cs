using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text.Json;
using Inventory.Edge.Features.Sync;
using Inventory.Edge.Tests.Infrastructure;
using Inventory.Sync;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inventory.Edge.Tests.Sync;

/// <summary>
/// A stand-in cloud (a minimal Kestrel app on a free loopback port) that only checks the agent's wire format:
/// gzip body, headers, cursors moving on 200 and not on 403. The real cloud's end-to-end tests come later.
/// </summary>
public sealed class AgentWireTests : IAsyncLifetime
{
    private readonly EdgeHost _edge = new();
    private readonly ConcurrentQueue<(string Authorization, string Protocol, string ContentEncoding, PushBatch Batch)> _pushes = new();
    private WebApplication? _cloud;
    private volatile bool _refuse;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _cloud = builder.Build();
        _cloud.MapPost("/api/sync/push", async (HttpRequest request) =>
        {
            await using var gzip = new GZipStream(request.Body, CompressionMode.Decompress);
            var batch = await JsonSerializer.DeserializeAsync(gzip, SyncJson.Default.PushBatch);
            // Header values are copied now: Kestrel reuses the header collection once the request is over.
            _pushes.Enqueue((request.Headers.Authorization.ToString(), request.Headers[SyncProtocol.VersionHeader].ToString(),
                request.Headers.ContentEncoding.ToString(), batch!));
            return _refuse
                ? Results.Problem("Location X belongs to another site.", statusCode: 403, title: "Location not owned")
                : Results.Json(new PushAck(batch!.MovementsUpTo, batch.ChangesUpTo, batch.Movements.Count, 0, [], 0), SyncJson.Default.PushAck);
        });
        _cloud.MapGet("/api/sync/changes", (long after) => Results.Json(new ChangePage([], after, false), SyncJson.Default.ChangePage));
        await _cloud.StartAsync();

        _edge.Settings["Inventory:Cloud:Url"] = _cloud.Urls.First();
        _edge.Settings["Inventory:Cloud:Credential"] = "s3cret";
        await _edge.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _edge.DisposeAsync();
        if (_cloud is not null)
        {
            await _cloud.DisposeAsync();
        }
    }

    [Fact]
    public async Task Push_GzipWithSiteHeaders_CursorMovesOn200_NotOn403()
    {
        using var client = await _edge.ClientAsync();
        var location = await client.CreateLocationAsync();
        var product = await client.CreateProductAsync();
        await client.ReceiveAsync(product, location, 5);
        await client.ReceiveAsync(product, location, 6);

        var synced = await client.StatusUntilAsync(s => s.GetProperty("pendingChanges").GetInt64() == 0);

        Assert.Equal(JsonValueKind.String, synced.GetProperty("lastPushAt").ValueKind);
        var pushes = _pushes.ToList();
        Assert.All(pushes, p =>
        {
            Assert.Equal("gzip", p.ContentEncoding);
            Assert.Equal("Site WH1:s3cret", p.Authorization);
            Assert.Equal("1", p.Protocol);
            Assert.Equal("WH1", p.Batch.SiteCode);
        });
        Assert.Equal(0, pushes[0].Batch.MovementsAfter);
        var movements = pushes.SelectMany(p => p.Batch.Movements).ToList();
        Assert.Equal([5L, 6L], movements.Select(m => m.Quantity));
        Assert.Equal(movements.Select(m => m.Seq).Order(), movements.Select(m => m.Seq));
        var kinds = pushes.SelectMany(p => p.Batch.Changes).Select(c => c.Kind).ToHashSet();
        Assert.Contains(ChangeKinds.Location, kinds);
        Assert.Contains(ChangeKinds.Product, kinds);
        var state = _edge.Services.GetRequiredService<SyncStateStore>();
        var before = await state.CursorsAsync(CancellationToken.None);
        Assert.Equal(movements[^1].Seq, before.MovementsPushedSeq);

        _refuse = true;
        var count = _pushes.Count;
        await client.ReceiveAsync(product, location, 1);
        var refused = await client.StatusUntilAsync(s => s.GetProperty("lastError").GetString()?.Contains("Location not owned", StringComparison.Ordinal) == true);

        Assert.Contains("belongs to another site", refused.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, refused.GetProperty("pendingChanges").GetInt64());
        Assert.Equal(before, await state.CursorsAsync(CancellationToken.None));
        var retried = _pushes.Skip(count).First().Batch;
        Assert.Equal(before.MovementsPushedSeq, retried.MovementsAfter);

        _refuse = false;
        var recovered = await client.StatusUntilAsync(s => s.GetProperty("pendingChanges").GetInt64() == 0, TimeSpan.FromSeconds(30));
        Assert.Equal(JsonValueKind.Null, recovered.GetProperty("lastError").ValueKind);
    }
}
