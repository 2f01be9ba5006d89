using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Edge.Tests.Infrastructure;
using Inventory.Edge.Tests.Mqtt;
using Inventory.Edge.Tests.Purchasing;

namespace Inventory.Edge.Tests.Lots;

/// <summary>
/// What the recall page and the scan page read at a box: the lot trace as a PDF (lot header, sections, unit cost only
/// for ViewCostPrices) and GET /api/lots/next, the FEFO choice before a pick, with lots B (29 days), A (30) and C (none).
/// </summary>
public sealed class RecallApiTests(EdgeHost edge) : IClassFixture<EdgeHost>
{
    private static string Day(int offset) =>
        DateOnly.FromDateTime(DateTime.UtcNow).AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task TracePdf_IsAPdfWithTheLotAndItsSections_UnitCostOnlyForManagers()
    {
        using var manager = await edge.ClientAsync();
        using var viewer = await edge.ClientForRoleAsync("viewer");
        var product = await manager.CreateProductAsync();
        var location = await manager.CreateLocationAsync();
        const string lot = "PDF-LOT-7";
        await manager.ReceiveAsync(product, location, 10, new { lot, expiry = Day(90), bin = "P-1", unitCost = 2.5m });
        await manager.PostOkAsync("/api/inventory/ship", new { productId = product, locationId = location, quantity = 3, lot, referenceType = "web", referenceId = "W-9" });
        await manager.PostOkAsync("/api/lots/hold", new { productId = product, lot, reason = "supplier recall R-77" }, HttpStatusCode.OK);

        var managerPdf = await manager.GetByteArrayAsync($"/api/lots/trace?productId={product}&lot={lot}&format=pdf");
        var viewerPdf = await viewer.GetByteArrayAsync($"/api/lots/trace?productId={product}&lot={lot}&format=pdf");

        Assert.Equal("%PDF"u8.ToArray(), managerPdf[..4]);
        var text = await PurchaseOrderApiTests.PdfTextAsync(managerPdf);
        Assert.Contains("Lot trace PDF-LOT-7", text, StringComparison.Ordinal);
        Assert.Contains("status hold", text, StringComparison.Ordinal);
        Assert.Contains("supplier recall R-77", text, StringComparison.Ordinal);
        foreach (var section in new[] { "Receipts", "Shipments and returns", "Transfers", "On hand", "Scrapped" })
        {
            Assert.Contains(section, text, StringComparison.Ordinal);
        }

        Assert.Contains("W-9", text, StringComparison.Ordinal);
        Assert.Contains("Total on hand: 7", text, StringComparison.Ordinal);
        Assert.Contains("Unit cost", text, StringComparison.Ordinal);
        Assert.Contains("2.50", text, StringComparison.Ordinal);
        var viewerText = await PurchaseOrderApiTests.PdfTextAsync(viewerPdf);
        Assert.Contains("PDF-LOT-7", viewerText, StringComparison.Ordinal);
        Assert.DoesNotContain("Unit cost", viewerText, StringComparison.Ordinal);
        Assert.DoesNotContain("2.50", viewerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trace_UnknownFormat_Is400()
    {
        using var manager = await edge.ClientAsync();

        using var response = await manager.GetAsync($"/api/lots/trace?productId={Guid.NewGuid()}&lot=X&format=xml");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Next_AnswersBThenAThenC_AsShipsTakeThem_Then404()
    {
        using var manager = await edge.ClientAsync();
        using var viewer = await edge.ClientForRoleAsync("viewer");
        var (product, location, _, _) = await manager.StockedProductAsync();
        await manager.ReceiveAsync(product, location, 1, new { lot = "C", bin = "BIN-C" });
        await manager.ReceiveAsync(product, location, 1, new { lot = "A", expiry = Day(30), bin = "BIN-A" });
        await manager.ReceiveAsync(product, location, 1, new { lot = "B", expiry = Day(29), bin = "BIN-B" });

        var seen = new List<(string? Lot, string? Bin, string? Expiry, long Available)>();
        for (var i = 0; i < 3; i++)
        {
            var next = await viewer.GetFromJsonAsync<JsonElement>($"/api/lots/next?productId={product}&locationId={location}");
            seen.Add((next.GetProperty("lot").GetString(), next.GetProperty("bin").GetString(),
                next.TryGetProperty("expiry", out var expiry) ? expiry.GetString() : null, next.GetProperty("available").GetInt64()));
            var shipped = await manager.PostOkAsync("/api/inventory/ship", new { productId = product, locationId = location, quantity = 1 });
            Assert.Equal(seen[^1].Lot, shipped.GetProperty("movements")[0].GetProperty("lot").GetString());
        }

        Assert.Equal([("B", "BIN-B", Day(29), 1L), ("A", "BIN-A", Day(30), 1L), ("C", "BIN-C", null, 1L)], seen);
        using var none = await viewer.GetAsync($"/api/lots/next?productId={product}&locationId={location}");
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
    }

    [Fact]
    public async Task Next_SkipsAHeldLotAndAnExpiredOne_BadInputIs400()
    {
        using var manager = await edge.ClientAsync();
        var (product, location, _, _) = await manager.StockedProductAsync();
        await manager.ReceiveAsync(product, location, 2, new { lot = "OLD", expiry = Day(-1), bin = "BIN-O" });
        await manager.ReceiveAsync(product, location, 2, new { lot = "B", expiry = Day(29), bin = "BIN-B" });
        await manager.ReceiveAsync(product, location, 2, new { lot = "A", expiry = Day(30), bin = "BIN-A" });
        await manager.PostOkAsync("/api/lots/hold", new { productId = product, lot = "B", reason = "recall" }, HttpStatusCode.OK);

        var next = await manager.GetFromJsonAsync<JsonElement>($"/api/lots/next?productId={product}&locationId={location}");
        using var missing = await manager.GetAsync($"/api/lots/next?productId={product}");

        Assert.Equal("A", next.GetProperty("lot").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
    }
}
