using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Edge.Tests.Infrastructure;

namespace Inventory.Edge.Tests.Reports;

/// <summary>The domain's hand-worked ledger (ValuationTests), this time through HTTP and the real ledger.</summary>
public sealed class StockValuationTests(EdgeHost edge) : IClassFixture<EdgeHost>
{
    private async Task<(HttpClient Admin, Guid Product, Guid Location, DateTimeOffset AfterSecondReceipt)> SeedAsync()
    {
        var admin = await edge.ClientAsync();
        var location = await admin.CreateLocationAsync();
        var sku = "VAL-" + Guid.NewGuid().ToString("N")[..8];
        var product = (await admin.PostOkAsync("/api/products", new { sku, name = "Valued", unit = "each" })).GetProperty("id").GetGuid();
        await admin.ReceiveAsync(product, location, 10, new { unitCost = 4.125m });
        var second = await admin.ReceiveAsync(product, location, 20, new { unitCost = 5.499m });
        await admin.PostOkAsync("/api/inventory/ship", new { productId = product, locationId = location, quantity = 15 });
        await admin.ReceiveAsync(product, location, 7, new { unitCost = 6.2375m });
        await admin.PostOkAsync("/api/inventory/ship", new { productId = product, locationId = location, quantity = 12 });
        await admin.PostOkAsync("/api/inventory/adjust", new { productId = product, locationId = location, quantity = 3, reason = "found" });
        var recorded = second.GetProperty("movements")[0].GetProperty("recordedAt").GetDateTimeOffset();
        return (admin, product, location, recorded);
    }

    [Theory]
    [InlineData("fifo", "78.21")]
    [InlineData("lifo", "53.63")]
    [InlineData("wac", "70.48")]
    public async Task StockValuation_HandWorkedLedger_EqualToTheCent(string method, string expected)
    {
        var (admin, product, location, _) = await SeedAsync();
        using var _ = admin;

        var report = await admin.GetFromJsonAsync<JsonElement>($"/api/reports/stock-valuation?method={method}&locationId={location}");

        Assert.Equal(method, report.GetProperty("method").GetString());
        var item = Assert.Single(report.GetProperty("items").EnumerateArray());
        Assert.Equal(product, item.GetProperty("productId").GetGuid());
        Assert.Equal(13, item.GetProperty("quantity").GetInt64());
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), item.GetProperty("value").GetDecimal());
        Assert.Equal(item.GetProperty("value").GetDecimal(), report.GetProperty("totalValue").GetDecimal());
    }

    [Fact]
    public async Task StockValuation_AsOfBeforeTheShipments_ValuesWhatWasBookedThen()
    {
        var (admin, _, location, afterSecond) = await SeedAsync();
        using var _ = admin;

        var asOf = Uri.EscapeDataString(afterSecond.ToString("O"));
        var report = await admin.GetFromJsonAsync<JsonElement>($"/api/reports/stock-valuation?method=fifo&locationId={location}&asOf={asOf}");

        var item = Assert.Single(report.GetProperty("items").EnumerateArray());
        Assert.Equal(30, item.GetProperty("quantity").GetInt64());
        Assert.Equal(151.23m, item.GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task StockValuation_Transfer_DestinationCarriesTheSourceCost()
    {
        using var admin = await edge.ClientAsync();
        var from = await admin.CreateLocationAsync();
        var to = await admin.CreateLocationAsync();
        var product = (await admin.PostOkAsync("/api/products", new { sku = "TRF-" + Guid.NewGuid().ToString("N")[..8], name = "Moved", costPrice = 99m })).GetProperty("id").GetGuid();
        await admin.ReceiveAsync(product, from, 5, new { unitCost = 2m });
        await admin.ReceiveAsync(product, from, 5, new { unitCost = 3m });
        await admin.PostOkAsync("/api/inventory/transfer", new { productId = product, fromLocationId = from, toLocationId = to, quantity = 6 });

        var report = await admin.GetFromJsonAsync<JsonElement>("/api/reports/stock-valuation?method=fifo");

        var values = report.GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("productId").GetGuid() == product)
            .ToDictionary(i => i.GetProperty("locationId").GetGuid(), i => i.GetProperty("value").GetDecimal());
        Assert.Equal(12m, values[from]);
        Assert.Equal(13m, values[to]);
    }

    [Theory]
    [InlineData("staff")]
    [InlineData("purchasing")]
    [InlineData("viewer")]
    public async Task StockValuation_NotManager_Forbidden(string role)
    {
        using var client = await edge.ClientForRoleAsync(role);

        var response = await client.GetAsync("/api/reports/stock-valuation?method=fifo");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task StockValuation_UnknownMethod_BadRequest()
    {
        using var admin = await edge.ClientAsync();

        var response = await admin.GetAsync("/api/reports/stock-valuation?method=average");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
