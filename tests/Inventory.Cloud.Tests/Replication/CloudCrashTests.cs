using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Cloud.Tests.Infrastructure;
using Inventory.Testing;
using Npgsql;

namespace Inventory.Cloud.Tests.Replication;

/// <summary>The cloud as its own process, killed with SIGKILL while a box is pushing a backlog to it.</summary>
public sealed class CloudCrashTests
{
    private const int Movements = 3000;

    [Fact]
    public async Task A_cloud_killed_mid_push_loses_nothing_and_counts_nothing_twice()
    {
        var server = await PostgresServer.InstanceAsync();
        var database = await server.CreateDatabaseAsync("crash");
        var port = ServiceProcess.FreePort();
        var logDir = Path.Combine(Path.GetTempPath(), "inventory-cloud-tests", Guid.NewGuid().ToString("N"));
        string[] settings =
        [
            $"--ConnectionStrings:Inventory={database}", $"--Inventory:Bootstrap:AdminPassword={CloudHost.AdminPassword}",
            $"--Inventory:LogDir={logDir}", $"--Inventory:Auth:SigningKey={Convert.ToBase64String(new byte[48])}",
            "--Serilog:MinimumLevel:Default=Warning",
        ];

        string credential;
        await using (var first = await ServiceProcess.StartAsync("Inventory.Cloud.dll", settings, port))
        {
            using var admin = await SignInAsync(first.BaseAddress);
            var site = await admin.PostAsJsonAsync("/api/sites", new { code = "CRASH", name = "Crash site" });
            site.EnsureSuccessStatusCode();
            credential = (await site.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("credential").GetString()!;
        }

        // The box records a backlog while the cloud is down, in small pushes so the kill lands between and inside them.
        var edge = new Edge.Tests.Infrastructure.EdgeHost { SiteCode = "CRASH" };
        edge.Settings["Inventory:Cloud:Url"] = $"http://127.0.0.1:{port}/";
        edge.Settings["Inventory:Cloud:Credential"] = credential;
        edge.Settings["Inventory:Cloud:PushBatchSize"] = "100";
        await using var _ = edge;
        await edge.InitializeAsync();
        using var box = await edge.ClientAsync();
        var location = await Fleet.LocationAsync(box, "CRASH-1");
        var products = new[] { await Fleet.ProductAsync(box, "CRASH-A"), await Fleet.ProductAsync(box, "CRASH-B") };
        await Parallel.ForEachAsync(Enumerable.Range(0, Movements), new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (i, _) => await Fleet.ReceiveAsync(box, products[i % 2], location, 1 + (i % 5)));

        await using (var doomed = await ServiceProcess.StartAsync("Inventory.Cloud.dll", settings, port))
        {
            await Fleet.EventuallyAsync(async () => await CloudCursorAsync(database) > 0, "the first pushes to land", TimeSpan.FromSeconds(60));
            await doomed.KillAsync();
        }

        var cursorAtKill = await CloudCursorAsync(database);
        Assert.True(cursorAtKill < Movements, $"the kill came after the whole backlog ({cursorAtKill}); the test proved nothing");

        await using var restarted = await ServiceProcess.StartAsync("Inventory.Cloud.dll", settings, port);
        // The company's admin has replaced the box's own by now, so sign in again as that one.
        using var manager = await Fleet.AdminAsync(edge);
        await Fleet.SettledAsync(manager, TimeSpan.FromSeconds(90));

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(
            "SELECT count(*), count(DISTINCT id), coalesce(sum(quantity), 0)::bigint FROM stock_movements WHERE site_code = 'CRASH'", connection);
        await using var reader = await count.ExecuteReaderAsync();
        await reader.ReadAsync();
        var edgeLevels = await manager.GetFromJsonAsync<JsonElement>($"/api/inventory/{products[0]}");
        var edgeLevelsB = await manager.GetFromJsonAsync<JsonElement>($"/api/inventory/{products[1]}");
        var edgeTotal = edgeLevels.GetProperty("total").GetInt64() + edgeLevelsB.GetProperty("total").GetInt64();
        Assert.Equal(Movements, reader.GetInt64(0));
        Assert.Equal(Movements, reader.GetInt64(1));
        Assert.Equal(edgeTotal, reader.GetInt64(2));
        await reader.CloseAsync();
        await using var levels = new NpgsqlCommand("SELECT coalesce(sum(quantity), 0)::bigint FROM stock_levels WHERE site_code = 'CRASH'", connection);
        Assert.Equal(edgeTotal, (long)(await levels.ExecuteScalarAsync())!);
    }

    private static async Task<long> CloudCursorAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT movements_cursor FROM sites WHERE code = 'CRASH'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<HttpClient> SignInAsync(Uri baseAddress)
    {
        var client = new HttpClient { BaseAddress = baseAddress };
        var response = await client.PostAsJsonAsync("/api/auth/token", new { username = "admin", password = CloudHost.AdminPassword });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
