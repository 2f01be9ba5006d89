using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Edge.Tests.Infrastructure;

namespace Inventory.Edge.Tests.Purchasing;

/// <summary>Suppliers, supplier prices and POs made through the public API, as a purchasing client would.</summary>
internal static class PurchasingData
{
    public static async Task<Guid> CreateSupplierAsync(this HttpClient client, string? email = "orders@supplier.example", decimal tolerance = 0)
    {
        var body = await client.PostOkAsync("/api/suppliers", new
        {
            code = "SUP-" + Guid.NewGuid().ToString("N")[..8],
            name = "Acme Supplies",
            email,
            phone = "+49 30 123456",
            address = "Hauptstraße 1\n10115 Berlin",
            currency = "EUR",
            leadTimeDays = 5,
            paymentTerms = "30 days net",
            overReceiptTolerancePercent = tolerance,
        });
        return body.GetProperty("id").GetGuid();
    }

    public static async Task<JsonElement> PutOfferAsync(
        this HttpClient client, Guid supplier, Guid product, decimal unitPrice, bool preferred = true, decimal min = 0, decimal multiple = 0,
        object[]? priceBreaks = null)
    {
        var response = await client.PutAsJsonAsync($"/api/suppliers/{supplier}/products/{product}", new
        {
            supplierSku = "S-" + product.ToString("N")[..6],
            unitPrice,
            minOrderQuantity = min,
            orderMultiple = multiple,
            leadTimeDays = 3,
            preferred,
            priceBreaks = priceBreaks ?? [],
        });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"PUT supplier product: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static Task<JsonElement> CreatePoAsync(this HttpClient client, Guid supplier, Guid location, params object[] lines) =>
        client.PostOkAsync("/api/purchase-orders", new { supplierId = supplier, locationId = location, expectedDate = "2027-01-15", notes = "Test", lines });

    public static Guid Id(this JsonElement element) => element.GetProperty("id").GetGuid();

    public static string Status(this JsonElement element) => element.GetProperty("status").GetString()!;

    public static async Task<List<JsonElement>> ListPosAsync(this HttpClient client, string query)
    {
        var page = await client.GetFromJsonAsync<JsonElement>("/api/purchase-orders?limit=500&" + query);
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    /// <summary>A receipt against one PO line as the ledger records it (what the receiving call writes).</summary>
    public static Task<JsonElement> ReceiveAgainstAsync(this HttpClient client, JsonElement po, int lineIndex, int quantity)
    {
        var line = po.GetProperty("lines")[lineIndex];
        return client.ReceiveAsync(line.GetProperty("productId").GetGuid(), po.GetProperty("locationId").GetGuid(), quantity, new
        {
            referenceType = "purchase_order",
            referenceId = $"{po.Id():D}/{line.Id():D}",
        });
    }
}
