using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Edge.Tests.Infrastructure;
using Inventory.Web.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace Inventory.Cloud.Tests.Infrastructure;

/// <summary>Edges wired to a cloud as an installer would: a site and its credential from the cloud, then the box's settings.</summary>
public static class Fleet
{
    /// <param name="via">The cloud's address as the box sees it (a <see cref="Inventory.Testing.TcpRelay"/> to cut its link).</param>
    public static async Task<EdgeHost> StartEdgeAsync(CloudHost cloud, string site, string? credential = null, int pushBatch = 5000, Uri? via = null)
    {
        credential ??= await cloud.AddSiteAsync(site);
        var edge = new EdgeHost { SiteCode = site };
        edge.Settings["Inventory:Cloud:Url"] = (via ?? cloud.BaseAddress).ToString();
        edge.Settings["Inventory:Cloud:Credential"] = credential;
        edge.Settings["Inventory:Cloud:PushBatchSize"] = pushBatch.ToString(System.Globalization.CultureInfo.InvariantCulture);
        edge.Settings["Inventory:Cloud:PullInterval"] = "00:00:01";
        await edge.InitializeAsync();
        return edge;
    }

    /// <summary>
    /// The company's admin at the box: the cloud's account replaces the box's own bootstrap admin with the
    /// first pull, so this also waits for that pull.
    /// </summary>
    /// <summary>
    /// Signs in at the box as the company's admin once that account has reached it. Waited for through the box's
    /// own password check, not by signing in again and again: the sign-in throttle would hold a name that failed
    /// five times from this address for minutes, as it would a guesser's.
    /// </summary>
    public static async Task<HttpClient> AdminAsync(EdgeHost edge)
    {
        var passwords = edge.Services.GetRequiredService<IPasswordCheck>();
        await EventuallyAsync(
            async () => (await passwords.CheckAsync("admin", CloudHost.AdminPassword, CancellationToken.None)).Outcome == LoginOutcome.Success,
            "the company's admin to reach the box", TimeSpan.FromSeconds(60));
        return await edge.ClientAsync("admin", CloudHost.AdminPassword);
    }

    public static async Task<JsonElement> StatusAsync(HttpClient edge) =>
        await edge.GetFromJsonAsync<JsonElement>("/api/sync/status");

    /// <summary>Waits until the box has pushed everything it had (what it pulls is checked by its effects).</summary>
    public static Task SettledAsync(HttpClient edge, TimeSpan? timeout = null) =>
        EventuallyAsync(async () => (await StatusAsync(edge)).GetProperty("pendingChanges").GetInt64() == 0,
            "the box to push everything", timeout);

    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("Timed out waiting for " + what);
    }

    public static async Task<Guid> LocationAsync(HttpClient edge, string code)
    {
        var response = await edge.PostAsJsonAsync("/api/locations", new { code, name = "Location " + code, type = "warehouse" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task<Guid> ProductAsync(HttpClient client, string sku)
    {
        var response = await client.PostAsJsonAsync("/api/products", new { sku, name = "Product " + sku, costPrice = 2m, reorderPoint = 3, unit = "each" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task ReceiveAsync(HttpClient edge, Guid product, Guid location, long quantity)
    {
        var response = await edge.PostAsJsonAsync("/api/inventory/receive", new { productId = product, locationId = location, quantity, unitCost = 1.5m });
        response.EnsureSuccessStatusCode();
    }

    public static async Task ShipAsync(HttpClient edge, Guid product, Guid location, long quantity)
    {
        var response = await edge.PostAsJsonAsync("/api/inventory/ship", new { productId = product, locationId = location, quantity });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Every movement id and quantity the API lists, following 'next'.</summary>
    public static async Task<Dictionary<Guid, long>> MovementsAsync(HttpClient client, string query)
    {
        var all = new Dictionary<Guid, long>();
        string? next = null;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/stock-movements?{query}&limit=500" + (next is null ? "" : "&next=" + next));
            foreach (var item in page.GetProperty("items").EnumerateArray())
            {
                all.Add(item.GetProperty("id").GetGuid(), item.GetProperty("quantity").GetInt64());
            }

            next = page.TryGetProperty("next", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        }
        while (next is not null);
        return all;
    }
}
