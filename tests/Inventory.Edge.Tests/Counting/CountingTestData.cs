using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Edge.Tests.Infrastructure;

namespace Inventory.Edge.Tests.Counting;

internal static class CountingTestData
{
    /// <summary>A new location holding the given stock (product, bin, quantity), each product new.</summary>
    public static async Task<(Guid Location, Guid[] Products)> StockAsync(HttpClient manager, params (string Bin, int Quantity)[] rows)
    {
        var location = await manager.CreateLocationAsync();
        var products = new Guid[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            products[i] = await manager.CreateProductAsync();
            await manager.ReceiveAsync(products[i], location, rows[i].Quantity, rows[i].Bin.Length > 0 ? new { bin = rows[i].Bin } : null);
        }

        return (location, products);
    }

    public static Task<HttpResponseMessage> CreateAsync(HttpClient client, object body) => client.PostAsJsonAsync("/api/cycle-counts", body);

    public static async Task<JsonElement> CountOfAsync(HttpClient client, Guid location, bool blind = true) =>
        await client.PostOkAsync("/api/cycle-counts", new { locationId = location, blind });

    public static Guid Id(this JsonElement count) => count.GetProperty("id").GetGuid();

    public static List<JsonElement> Lines(this JsonElement count) => [.. count.GetProperty("lines").EnumerateArray()];

    public static Guid LineOf(this JsonElement count, Guid product) =>
        count.Lines().Single(l => l.GetProperty("productId").GetGuid() == product).GetProperty("id").GetGuid();

    public static Task<HttpResponseMessage> EnterAsync(HttpClient client, Guid count, params (Guid Line, decimal Counted)[] lines) =>
        client.PostAsJsonAsync($"/api/cycle-counts/{count}/counts", new { lines = lines.Select(l => new { lineId = l.Line, counted = l.Counted }) });

    public static Task<HttpResponseMessage> SubmitAsync(HttpClient client, Guid count) =>
        client.PostAsync($"/api/cycle-counts/{count}/submit", null);
}
