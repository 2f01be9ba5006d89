using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Edge.Features.Catalog.Csv;
using Inventory.Edge.Tests.Infrastructure;

namespace Inventory.Edge.Tests.Reports;

public sealed class ReportsTests(EdgeHost edge) : IClassFixture<EdgeHost>
{
    private static IEnumerable<JsonElement> Items(JsonElement report, Guid product) =>
        report.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("productId").GetGuid() == product);

    [Fact]
    public async Task Reorder_BelowLocationPoint_SuggestsWholeReorderQuantities()
    {
        using var admin = await edge.ClientAsync();
        var location = await admin.CreateLocationAsync();
        var product = await admin.CreateProductAsync(reorderPoint: 2);
        (await admin.PutAsJsonAsync($"/api/locations/{location}/products/{product}/settings", new { reorderPoint = 10, reorderQuantity = 12 })).EnsureSuccessStatusCode();
        await admin.ReceiveAsync(product, location, 4);
        using var viewer = await edge.ClientForRoleAsync("viewer");

        var report = await viewer.GetFromJsonAsync<JsonElement>($"/api/reports/reorder?locationId={location}");

        var item = Assert.Single(Items(report, product));
        Assert.Equal(10, item.GetProperty("reorderPoint").GetInt32());
        Assert.Equal(4, item.GetProperty("available").GetInt64());
        Assert.Equal(12, item.GetProperty("suggestedQuantity").GetInt64()); // 7 short → one lot of 12
        var low = await viewer.GetFromJsonAsync<JsonElement>($"/api/reports/low-stock?locationId={location}");
        Assert.Equal("low", Assert.Single(Items(low, product)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Movement_Period_OpeningInOutClosingAddUp()
    {
        using var admin = await edge.ClientAsync();
        var location = await admin.CreateLocationAsync();
        var product = await admin.CreateProductAsync();
        var first = (await admin.ReceiveAsync(product, location, 10)).GetProperty("movements")[0].GetProperty("recordedAt").GetDateTimeOffset();
        // The period starts after the first receipt was booked: wait for the clock to pass it (no fixed sleep).
        while (DateTimeOffset.UtcNow <= first.AddMilliseconds(1))
        {
            await Task.Yield();
        }

        var from = DateTimeOffset.UtcNow;
        await admin.PostOkAsync("/api/inventory/ship", new { productId = product, locationId = location, quantity = 3 });
        await admin.ReceiveAsync(product, location, 5);

        var report = await admin.GetFromJsonAsync<JsonElement>(
            $"/api/reports/movement?locationId={location}&from={Uri.EscapeDataString(from.ToString("O"))}");

        var line = Assert.Single(Items(report, product));
        Assert.Equal((10L, 5L, 3L, 12L), (line.GetProperty("opening").GetInt64(), line.GetProperty("in").GetInt64(),
            line.GetProperty("out").GetInt64(), line.GetProperty("closing").GetInt64()));
    }

    [Fact]
    public async Task StockValuationCsv_RoundTrip_SameNumbersAsJson()
    {
        using var admin = await edge.ClientAsync();
        var location = await admin.CreateLocationAsync();
        for (var i = 0; i < 3; i++)
        {
            var product = await admin.CreateProductAsync();
            await admin.ReceiveAsync(product, location, 7 + i, new { unitCost = 1.333m + i });
        }

        var json = await admin.GetFromJsonAsync<JsonElement>($"/api/reports/stock-valuation?method=wac&locationId={location}");
        var csv = await admin.GetAsync($"/api/reports/stock-valuation?method=wac&locationId={location}&format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);

        using var text = new StreamReader(await csv.Content.ReadAsStreamAsync());
        var reader = new CsvRecordReader(text);
        var fields = new List<string>();
        Assert.True(reader.TryReadRecord(fields));
        Assert.Equal(["SKU", "Location", "Quantity", "Value"], fields);
        var rows = new List<(string Sku, long Quantity, decimal Value)>();
        while (reader.TryReadRecord(fields))
        {
            rows.Add((fields[0], long.Parse(fields[2], CultureInfo.InvariantCulture), decimal.Parse(fields[3], CultureInfo.InvariantCulture)));
        }

        var expected = json.GetProperty("items").EnumerateArray()
            .Select(i => (i.GetProperty("sku").GetString()!, i.GetProperty("quantity").GetInt64(), i.GetProperty("value").GetDecimal())).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(expected, rows);
        Assert.Equal(json.GetProperty("totalValue").GetDecimal(), rows.Sum(r => r.Value));
    }

    [Theory]
    [InlineData("reorder")]
    [InlineData("stock-summary")]
    [InlineData("dead-stock?days=1")]
    public async Task ReportPdf_RendersWithPdftoppm_ToAPng(string report)
    {
        using var admin = await edge.ClientAsync();
        var location = await admin.CreateLocationAsync();
        var sku = "PDF-" + Guid.NewGuid().ToString("N")[..8];
        var product = await admin.CreateProductAsync(sku, reorderPoint: 50);
        await admin.ReceiveAsync(product, location, 3);

        var separator = report.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        var response = await admin.GetAsync($"/api/reports/{report}{separator}format=pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);

        var dir = Path.Combine(edge.DataDir, "pdf-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var pdf = Path.Combine(dir, "report.pdf");
        await File.WriteAllBytesAsync(pdf, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(0, await RunAsync("pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", pdf, Path.Combine(dir, "page")));
        var png = Assert.Single(Directory.GetFiles(dir, "page*.png"));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await File.ReadAllBytesAsync(png))[..4]);
        Assert.Equal(0, await RunAsync("pdftotext", "-layout", pdf, Path.Combine(dir, "report.txt")));
        var text = await File.ReadAllTextAsync(Path.Combine(dir, "report.txt"));
        Assert.Contains("Site WH1", text, StringComparison.Ordinal);
        if (report != "stock-summary")
        {
            Assert.Contains(sku, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task DeadStock_Viewer_NoValues_Manager_Values()
    {
        using var admin = await edge.ClientAsync();
        var location = await admin.CreateLocationAsync();
        var idle = await admin.CreateProductAsync();
        var moving = await admin.CreateProductAsync();
        await admin.ReceiveAsync(idle, location, 4, new { unitCost = 2.5m });
        await admin.ReceiveAsync(moving, location, 4);
        await admin.PostOkAsync("/api/inventory/ship", new { productId = moving, locationId = location, quantity = 1 });
        using var viewer = await edge.ClientForRoleAsync("viewer");

        var managerView = await admin.GetFromJsonAsync<JsonElement>($"/api/reports/dead-stock?days=1&locationId={location}");
        var viewerView = await viewer.GetFromJsonAsync<JsonElement>($"/api/reports/dead-stock?days=1&locationId={location}");
        var viewerCsv = await viewer.GetStringAsync($"/api/reports/dead-stock?days=1&locationId={location}&format=csv");
        var viewerSummary = await viewer.GetStringAsync("/api/reports/stock-summary");

        Assert.Equal(10m, Assert.Single(Items(managerView, idle)).GetProperty("value").GetDecimal());
        Assert.Empty(Items(managerView, moving));
        Assert.False(Assert.Single(Items(viewerView, idle)).TryGetProperty("value", out _));
        Assert.False(viewerView.TryGetProperty("totalValue", out _));
        Assert.DoesNotContain("Value", viewerCsv, StringComparison.Ordinal);
        Assert.DoesNotContain("\"value\"", viewerSummary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("viewer", "/api/reports/reorder", HttpStatusCode.OK)]
    [InlineData("viewer", "/api/reports/abc", HttpStatusCode.OK)]
    [InlineData("purchasing", "/api/reports/movement", HttpStatusCode.OK)]
    [InlineData("staff", "/api/reports/stock-valuation?format=csv", HttpStatusCode.Forbidden)]
    [InlineData("viewer", "/api/reports/stock-valuation?format=pdf", HttpStatusCode.Forbidden)]
    [InlineData("viewer", "/api/alerts/recipients/00000000-0000-0000-0000-000000000000", HttpStatusCode.Forbidden)]
    public async Task Reports_Role_Expected(string role, string path, HttpStatusCode expected)
    {
        using var client = await edge.ClientForRoleAsync(role);

        Assert.Equal(expected, (await client.GetAsync(path)).StatusCode);
    }

    private static async Task<int> RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }
}
