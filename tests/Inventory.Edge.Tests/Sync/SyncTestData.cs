using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Edge.Features.Sync;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Edge.Tests.Infrastructure;
using Inventory.Sync;
using Microsoft.Extensions.DependencyInjection;

namespace Inventory.Edge.Tests.Sync;

/// <summary>Changes "from the cloud" applied through the real applier, and reads of the edge's sync tables.</summary>
internal static class SyncTestData
{
    public static string Later(TimeSpan ahead) => HybridLogicalClock.Format(DateTimeOffset.UtcNow.Add(ahead).ToUnixTimeMilliseconds(), 0, "CLOUD");

    public static string Earlier() => HybridLogicalClock.Format(1_000, 0, "CLOUD");

    public static ChangeRecord Change<T>(string kind, Guid id, T record, string? hlc = null) =>
        new(0, kind, id, hlc ?? Later(TimeSpan.FromSeconds(1)), null, SyncJson.ToElement(record));

    public static Task<ApplyResult> ApplyAsync(this EdgeHost edge, params ChangeRecord[] changes) =>
        edge.Services.GetRequiredService<ChangeApplier>().ApplyAsync(changes, CancellationToken.None);

    public static LocationRecord OtherSiteLocation(string site = "WH2") =>
        new(Guid.CreateVersion7(), "R" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant(), "Remote", "warehouse", null, true, null, false, site);

    /// <summary>A location of another site, as a pull would bring it.</summary>
    public static async Task<Guid> PullOtherSiteLocationAsync(this EdgeHost edge, string site = "WH2")
    {
        var location = OtherSiteLocation(site);
        await edge.ApplyAsync(Change(ChangeKinds.Location, location.Id, location));
        return location.Id;
    }

    public static async Task<List<(long Seq, string Kind, string Hlc, string? BaseHlc, string Data)>> OutboxAsync(this EdgeHost edge, Guid entityId)
    {
        await using var connection = await edge.Services.GetRequiredService<EdgeDatabase>().OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, kind, hlc, base_hlc, data FROM sync_outbox WHERE entity_id = $id ORDER BY seq";
        command.Parameters.AddWithValue("$id", entityId.ToString("D"));
        var rows = new List<(long, string, string, string?, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4)));
        }

        return rows;
    }

    public static async Task<object?> ScalarAsync(this EdgeHost edge, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await edge.Services.GetRequiredService<EdgeDatabase>().OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteScalarAsync();
    }

    public static async Task<JsonElement> StatusAsync(this HttpClient client) =>
        await client.GetFromJsonAsync<JsonElement>("/api/sync/status");

    /// <summary>Polls the status until the condition holds (the agent works in the background), or fails after the timeout.</summary>
    public static async Task<JsonElement> StatusUntilAsync(this HttpClient client, Func<JsonElement, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            var status = await client.StatusAsync();
            if (condition(status))
            {
                return status;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                Assert.Fail("The sync status never reached the expected state: " + status);
            }

            await Task.Delay(50);
        }
    }
}
