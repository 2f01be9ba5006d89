using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Edge.Tests.Infrastructure;

namespace Inventory.Edge.Tests.Durability;

/// <summary>
/// An acknowledged movement is on disk: kill -9 the edge in the middle of a burst of writes, start it
/// again on the same files, and every movement that got a 201 is there, with levels equal to the ledger.
/// </summary>
public sealed class CrashTests : IAsyncLifetime
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "inventory-tests", "crash-" + Guid.NewGuid().ToString("N"));

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_dataDir);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }

        return Task.CompletedTask;
    }

    [Fact]
    public async Task KillDashNine_DuringBurst_LosesNoAcknowledgedMovement()
    {
        Guid product;
        Guid location;
        var acknowledged = new ConcurrentBag<Guid>();
        int port;
        await using (var edge = await EdgeProcess.StartAsync(_dataDir))
        {
            port = edge.Port;
            using var setup = await SignInAsync(edge.BaseAddress);
            location = await setup.CreateLocationAsync();
            product = await setup.CreateProductAsync();

            using var burst = await SignInAsync(edge.BaseAddress);
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 32).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var id = Guid.CreateVersion7();
                    try
                    {
                        using var response = await burst.PostAsJsonAsync("/api/inventory/receive",
                            new { id, productId = product, locationId = location, quantity = 1 }, CancellationToken.None);
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            acknowledged.Add(id);
                        }
                    }
                    catch (HttpRequestException)
                    {
                        // The edge is gone: this request was never acknowledged.
                        return;
                    }
                }
            })).ToList();

            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (acknowledged.Count < 300 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(10);
            }

            await edge.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }

        Assert.True(acknowledged.Count >= 300, $"Only {acknowledged.Count} writes were acknowledged before the kill.");

        await using var restarted = await EdgeProcess.StartAsync(_dataDir, port);
        using var client = await SignInAsync(restarted.BaseAddress);
        var recorded = new HashSet<Guid>();
        string? next = null;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>(
                $"/api/stock-movements?productId={product}&limit=500" + (next is null ? "" : $"&next={next}"));
            foreach (var item in page.GetProperty("items").EnumerateArray())
            {
                recorded.Add(item.GetProperty("id").GetGuid());
            }

            next = page.GetProperty("next").GetString();
        }
        while (next is not null);

        var lost = acknowledged.Where(id => !recorded.Contains(id)).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} of {acknowledged.Count} acknowledged movements were lost.");
        Assert.Equal(recorded.Count, await client.QuantityAsync(product, location));
        var integrity = await client.PostOkAsync("/api/integrity/check", new { }, HttpStatusCode.OK);
        Assert.True(integrity.GetProperty("ok").GetBoolean());
    }

    private static async Task<HttpClient> SignInAsync(Uri baseAddress)
    {
        var client = new HttpClient { BaseAddress = baseAddress };
        var token = await client.PostOkAsync("/api/auth/token", new { username = "admin", password = EdgeHost.AdminPassword }, HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }
}
