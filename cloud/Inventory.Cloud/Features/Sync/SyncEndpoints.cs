using System.Text.Json;
using Inventory.Cloud.Features.Realtime;
using Inventory.Cloud.Features.Sync.Feed;
using Inventory.Cloud.Features.Sync.Push;
using Inventory.Sync;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Inventory.Cloud.Features.Sync;

public static class SyncEndpoints
{
    public const string SitePolicy = "Site";

    public static IEndpointRouteBuilder MapSyncApi(this IEndpointRouteBuilder app)
    {
        var sync = app.MapGroup("").RequireAuthorization(SitePolicy).WithTags("Sync");
        // Both answer in the sync protocol's own JSON (SyncJson): a JsonHttpResult declares no response, so it is named here.
        sync.MapPost(SyncProtocol.PushPath, PushAsync)
            .WithMetadata(new RequestSizeLimitAttribute(SyncProtocol.MaxPushBytes))
            .WithName("PushBatch")
            .WithSummary("A box pushes its new ledger movements and record changes; the answer acknowledges what was applied.")
            .Produces<PushAck>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        sync.MapGet(SyncProtocol.ChangesPath, ChangesAsync)
            .WithName("PullChanges")
            .WithSummary("A box pulls the changes for its site after a cursor, waiting up to `wait` seconds when there are none.")
            .Produces<ChangePage>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    private static async Task<Results<JsonHttpResult<PushAck>, ProblemHttpResult>> PushAsync(
        HttpContext http, PushApplier applier, CloudNotifications notifications, CancellationToken ct)
    {
        if (ProtocolOf(http) is { Problem: { } refused })
        {
            return refused;
        }

        var site = http.User.SiteCode();
        PushBatch? batch;
        try
        {
            batch = await JsonSerializer.DeserializeAsync(http.Request.Body, SyncJson.Default.PushBatch, ct);
        }
        catch (JsonException e)
        {
            return Refused(SyncRefusedException.BadBatch($"The batch is not valid JSON: {e.Message}"));
        }

        if (batch is null)
        {
            return Refused(SyncRefusedException.BadBatch("The batch is empty."));
        }

        try
        {
            PushValidation.Check(batch, site);
            var result = await applier.ApplyAsync(site, batch, ProtocolOf(http).Version, ct);
            notifications.Pushed(site, result);
            return TypedResults.Json(result.Ack, SyncJson.Default.PushAck);
        }
        catch (SyncRefusedException e)
        {
            return Refused(e);
        }
    }

    private static async Task<Results<JsonHttpResult<ChangePage>, ProblemHttpResult, EmptyHttpResult>> ChangesAsync(
        HttpContext http, FeedReader feed, FeedSignal signal, SiteContact contact, TimeProvider time,
        long? after, int? limit, int? wait, CancellationToken ct)
    {
        if (ProtocolOf(http) is { Problem: { } refused })
        {
            return refused;
        }

        var site = http.User.SiteCode();
        var cursor = Math.Max(0, after ?? 0);
        var size = Math.Clamp(limit ?? 1000, 1, SyncProtocol.MaxChangesPerPull);
        var deadline = TimeSpan.FromSeconds(Math.Clamp(wait ?? 0, 0, SyncProtocol.MaxPullWaitSeconds));
        try
        {
            await contact.PulledAsync(site, ct);
            var page = await feed.ReadAsync(site, cursor, size, ct);
            var started = time.GetTimestamp();
            while (page.Changes.Count == 0 && time.GetElapsedTime(started) < deadline)
            {
                await signal.WaitAsync(deadline - time.GetElapsedTime(started), ct);
                page = await feed.ReadAsync(site, page.Next, size, ct);
            }

            return TypedResults.Json(page, SyncJson.Default.ChangePage);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The box hung up while waiting (it stops, or the network dropped): nobody is left to answer.
            return TypedResults.Empty;
        }
    }

    private static (int Version, ProblemHttpResult? Problem) ProtocolOf(HttpContext http)
    {
        var header = http.Request.Headers[SyncProtocol.VersionHeader].ToString();
        if (string.IsNullOrEmpty(header))
        {
            return (1, null);
        }

        if (!int.TryParse(header, out var version) || version < SyncProtocol.OldestSupported || version > SyncProtocol.Version)
        {
            return (0, TypedResults.Problem(
                $"This cloud speaks sync protocol {SyncProtocol.OldestSupported} to {SyncProtocol.Version}; the box sent '{header}'. " +
                (version > SyncProtocol.Version ? "Upgrade the cloud first." : "Upgrade the box."),
                statusCode: StatusCodes.Status400BadRequest, title: "Unsupported sync protocol"));
        }

        return (version, null);
    }

    private static ProblemHttpResult Refused(SyncRefusedException e) =>
        TypedResults.Problem(e.Message, statusCode: e.Status, title: e.Title);
}
