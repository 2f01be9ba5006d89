using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Inventory.Edge.Tests.Infrastructure;

/// <summary>Small helpers that make test data through the public API, as a client would.</summary>
public static class Api
{
    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    public static async Task<JsonElement> PostOkAsync(this HttpClient client, string path, object body, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"POST {path}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<Guid> CreateLocationAsync(this HttpClient client, string? code = null, bool allowNegative = false)
    {
        var body = await client.PostOkAsync("/api/locations", new
        {
            code = code ?? "L" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(),
            name = "Test location",
            type = "warehouse",
            allowNegative,
        });
        return body.GetProperty("id").GetGuid();
    }

    public static async Task<Guid> CreateProductAsync(this HttpClient client, string? sku = null, int? reorderPoint = null, params string[] barcodes)
    {
        var body = await client.PostOkAsync("/api/products", new
        {
            sku = sku ?? "SKU-" + Guid.NewGuid().ToString("N")[..10],
            name = "Test product",
            barcodes,
            costPrice = 2.5m,
            sellingPrice = 5m,
            reorderPoint,
            unit = "each",
        });
        return body.GetProperty("id").GetGuid();
    }

    public static Task<JsonElement> ReceiveAsync(this HttpClient client, Guid productId, Guid locationId, int quantity, object? extra = null) =>
        client.PostOkAsync("/api/inventory/receive", Merge(new { productId, locationId, quantity, unitCost = 2.5m }, extra));

    public static async Task<JsonElement> LevelAsync(this HttpClient client, Guid productId, Guid locationId)
    {
        var body = await client.GetFromJsonAsync<JsonElement>($"/api/inventory/{productId}");
        foreach (var level in body.GetProperty("levels").EnumerateArray())
        {
            if (level.GetProperty("locationId").GetGuid() == locationId)
            {
                return level;
            }
        }

        return JsonDocument.Parse("""{"quantity":0,"reserved":0,"available":0,"status":"out"}""").RootElement;
    }

    public static async Task<long> QuantityAsync(this HttpClient client, Guid productId, Guid locationId) =>
        (await client.LevelAsync(productId, locationId)).GetProperty("quantity").GetInt64();

    /// <summary>An anonymous object's properties plus another's, the second winning: a base body with a few fields changed.</summary>
    public static Dictionary<string, object?> Merge(object body, object? extra)
    {
        var result = JsonSerializer.SerializeToElement(body, EdgeHost.Json).EnumerateObject()
            .ToDictionary(p => p.Name, p => (object?)p.Value);
        if (extra is not null)
        {
            foreach (var p in JsonSerializer.SerializeToElement(extra, EdgeHost.Json).EnumerateObject())
            {
                result[p.Name] = p.Value;
            }
        }

        return result;
    }
}
