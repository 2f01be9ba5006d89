using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Cloud.Tests.Infrastructure;

namespace Inventory.Cloud.Tests.Purchasing;

/// <summary>What a purchasing test needs in the cloud: a site with a location (pushed as its box would), products, a supplier, users.</summary>
internal static class PurchasingSetup
{
    public static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

    /// <summary>A new site whose box has sent one location; its client and the location.</summary>
    public static async Task<(SiteClient Site, Guid Location)> SiteAsync(CloudHost cloud)
    {
        var code = Unique("S")[..7];
        var site = new SiteClient(cloud, code, await cloud.AddSiteAsync(code));
        var location = Guid.CreateVersion7();
        await site.PushOkAsync(Batches.Of(code, 0, [], [Batches.Location(1, code, location, code + "-MAIN")]));
        return (site, location);
    }

    public static async Task<Guid> SupplierAsync(HttpClient client, decimal tolerance = 0m)
    {
        var response = await client.PostAsJsonAsync("/api/suppliers", new
        {
            code = Unique("SUP-"), name = "Acme Supplies", email = "orders@acme.example", leadTimeDays = 7, currency = "EUR",
            overReceiptTolerancePercent = tolerance,
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> PurchaseOrderAsync(HttpClient client, Guid supplier, Guid location, params (Guid Product, decimal Quantity, decimal? Price)[] lines)
    {
        var response = await client.PostAsJsonAsync("/api/purchase-orders", new
        {
            supplierId = supplier, locationId = location, expectedDate = "2020-01-31", notes = "test",
            lines = lines.Select(l => new { productId = l.Product, quantity = l.Quantity, unitPrice = l.Price }).ToArray(),
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<HttpClient> UserAsync(CloudHost cloud, string role)
    {
        using var admin = await cloud.ClientAsync();
        var username = $"{role}-{Guid.NewGuid():N}"[..20];
        (await admin.PostAsJsonAsync("/api/users", new { username, password = "password-" + role, role })).EnsureSuccessStatusCode();
        return await cloud.ClientAsync(username, "password-" + role);
    }
}
