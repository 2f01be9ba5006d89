using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Edge.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Inventory.Edge.Tests.Ledger;

public sealed class ConcurrencyAndIdempotencyTests(EdgeHost edge) : IClassFixture<EdgeHost>
{
    [Fact]
    public async Task Ship_FortyConcurrentForTheLastTen_ExactlyTenSucceed()
    {
        using var client = await edge.ClientAsync();
        var location = await client.CreateLocationAsync();
        var product = await client.CreateProductAsync();
        await client.ReceiveAsync(product, location, 10);
        using var start = new SemaphoreSlim(0);

        var racers = Enumerable.Range(0, 40).Select(async _ =>
        {
            await start.WaitAsync();
            return await client.PostAsJsonAsync("/api/inventory/ship", new { productId = product, locationId = location, quantity = 1 });
        }).ToList();
        start.Release(40);
        var responses = await Task.WhenAll(racers);

        Assert.Equal(10, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(30, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(0, await client.QuantityAsync(product, location));
        var ships = await client.GetFromJsonAsync<JsonElement>($"/api/stock-movements?productId={product}&type=ship&limit=100");
        Assert.Equal(10, ships.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task ConcurrentRequests_OneBadAmongGood_NeighboursStillCommit()
    {
        using var client = await edge.ClientAsync();
        var location = await client.CreateLocationAsync();
        var product = await client.CreateProductAsync();

        var requests = Enumerable.Range(0, 30).Select(i => i % 10 == 5
            ? client.PostAsJsonAsync("/api/inventory/ship", new { productId = product, locationId = location, quantity = 1000 })
            : client.PostAsJsonAsync("/api/inventory/receive", new { productId = product, locationId = location, quantity = 1 }));
        var responses = await Task.WhenAll(requests);

        Assert.Equal(27, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(27, await client.QuantityAsync(product, location));
    }

    [Fact]
    public async Task Receive_SameClientIdTwice_OneMovementSameAnswer()
    {
        using var client = await edge.ClientAsync();
        var location = await client.CreateLocationAsync();
        var product = await client.CreateProductAsync();
        var id = Guid.CreateVersion7();
        var body = new { id, productId = product, locationId = location, quantity = 4, unitCost = 1m };

        var first = await client.PostAsJsonAsync("/api/inventory/receive", body);
        var second = await client.PostAsJsonAsync("/api/inventory/receive", body);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(id, (await first.ReadJsonAsync()).GetProperty("movements")[0].GetProperty("id").GetGuid());
        Assert.Equal(4, await client.QuantityAsync(product, location));
    }

    [Fact]
    public async Task Ship_SameIdempotencyKeyTwice_OneMovementSameAnswer()
    {
        using var client = await edge.ClientAsync();
        var location = await client.CreateLocationAsync();
        var product = await client.CreateProductAsync();
        await client.ReceiveAsync(product, location, 10);

        async Task<HttpResponseMessage> Ship()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/inventory/ship")
            {
                Content = JsonContent.Create(new { productId = product, locationId = location, quantity = 3 }),
            };
            request.Headers.Add("Idempotency-Key", "order-4711-line-1");
            return await client.SendAsync(request);
        }

        var first = await Ship();
        var second = await Ship();

        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(7, await client.QuantityAsync(product, location));
    }

    [Fact]
    public async Task ConcurrentReplays_OfOneId_RecordOnce()
    {
        using var client = await edge.ClientAsync();
        var location = await client.CreateLocationAsync();
        var product = await client.CreateProductAsync();
        var body = new { id = Guid.CreateVersion7(), productId = product, locationId = location, quantity = 1 };

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.PostAsJsonAsync("/api/inventory/receive", body)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal(1, await client.QuantityAsync(product, location));
    }

    [Fact]
    public async Task SameId_DifferentBody_409AndNothingChanged()
    {
        using var client = await edge.ClientAsync();
        var location = await client.CreateLocationAsync();
        var product = await client.CreateProductAsync();
        var id = Guid.CreateVersion7();
        await client.PostOkAsync("/api/inventory/receive", new { id, productId = product, locationId = location, quantity = 2 });

        var reused = await client.PostAsJsonAsync("/api/inventory/receive", new { id, productId = product, locationId = location, quantity = 9 });

        Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);
        Assert.Equal(2, await client.QuantityAsync(product, location));
    }

    [Fact]
    public async Task Database_RefusesUpdateAndDeleteOfMovements()
    {
        using var client = await edge.ClientAsync();
        var location = await client.CreateLocationAsync();
        var product = await client.CreateProductAsync();
        await client.ReceiveAsync(product, location, 5);

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(edge.DataDir, "inventory.db")}");
        await connection.OpenAsync();
        await using var update = connection.CreateCommand();
        update.CommandText = "UPDATE stock_movements SET quantity = 500";
        await using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM stock_movements";

        var updateError = await Assert.ThrowsAsync<SqliteException>(() => update.ExecuteNonQueryAsync());
        var deleteError = await Assert.ThrowsAsync<SqliteException>(() => delete.ExecuteNonQueryAsync());

        Assert.Contains("immutable", updateError.Message, StringComparison.Ordinal);
        Assert.Contains("immutable", deleteError.Message, StringComparison.Ordinal);
        Assert.Equal(5, await client.QuantityAsync(product, location));
    }

    [Fact]
    public async Task GroupCommit_UnderConcurrency_SharesCommits()
    {
        using var client = await edge.ClientAsync();
        var location = await client.CreateLocationAsync();
        var product = await client.CreateProductAsync();
        var before = await client.GetFromJsonAsync<JsonElement>("/api/ledger/stats");

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ =>
            client.PostAsJsonAsync("/api/inventory/receive", new { productId = product, locationId = location, quantity = 1 })));

        var after = await client.GetFromJsonAsync<JsonElement>("/api/ledger/stats");
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var commits = after.GetProperty("commits").GetInt64() - before.GetProperty("commits").GetInt64();
        var requests = after.GetProperty("requests").GetInt64() - before.GetProperty("requests").GetInt64();
        Assert.Equal(200, requests);
        Assert.True(commits < requests, $"{requests} requests took {commits} commits: no grouping.");
    }

    [Fact]
    public async Task Pruner_ForgetsOnlyAnswersPastRetention()
    {
        using var client = await edge.ClientAsync();
        var location = await client.CreateLocationAsync();
        var product = await client.CreateProductAsync();
        var fresh = Guid.CreateVersion7();
        await client.PostOkAsync("/api/inventory/receive", new { id = fresh, productId = product, locationId = location, quantity = 1 });
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(edge.DataDir, "inventory.db")}"))
        {
            await connection.OpenAsync();
            await using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO idempotency_keys (key, request_hash, status_code, response, created_at) VALUES ('id:old', 'x', 201, '{}', 0)";
            await insert.ExecuteNonQueryAsync();
        }

        var pruner = edge.Services.GetRequiredService<Inventory.Edge.Features.Ledger.IdempotencyPruner>();
        var removed = await pruner.PruneAsync(CancellationToken.None);

        Assert.True(removed >= 1);
        var replay = await client.PostAsJsonAsync("/api/inventory/receive", new { id = fresh, productId = product, locationId = location, quantity = 1 });
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(1, await client.QuantityAsync(product, location));
    }
}
