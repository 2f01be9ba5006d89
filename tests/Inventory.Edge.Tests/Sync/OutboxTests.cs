using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Edge.Tests.Infrastructure;
using Inventory.Sync;

namespace Inventory.Edge.Tests.Sync;

public sealed class OutboxTests(EdgeHost edge) : IClassFixture<EdgeHost>
{
    [Fact]
    public async Task ProductEdits_EachWriteAnOutboxRow_WithLaterHlcAndThePreviousAsBase()
    {
        using var client = await edge.ClientAsync();
        var id = await client.CreateProductAsync(barcodes: ["4006381333931"]);

        var update = await client.PutAsJsonAsync($"/api/products/{id}", new
        {
            sku = "OUT-" + id.ToString("N")[..8], name = "Renamed", barcodes = new[] { "4006381333931", "5012345678900" },
            costPrice = 3m, unit = "each", version = 1,
        });
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);

        var rows = await edge.OutboxAsync(id);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(ChangeKinds.Product, r.Kind));
        Assert.Null(rows[0].BaseHlc);
        Assert.True(string.CompareOrdinal(rows[1].Hlc, rows[0].Hlc) > 0);
        Assert.Equal(rows[0].Hlc, rows[1].BaseHlc);
        Assert.EndsWith(".WH1", rows[1].Hlc, StringComparison.Ordinal);
        Assert.Equal(rows[1].Hlc, await edge.ScalarAsync("SELECT hlc FROM products WHERE id = $id", ("$id", id.ToString("D"))));

        var record = SyncJson.Read<ProductRecord>(JsonDocument.Parse(rows[1].Data).RootElement);
        Assert.Equal("Renamed", record.Name);
        Assert.Equal(3m, record.CostPrice);
        Assert.Equal(["4006381333931", "5012345678900"], record.Barcodes.Select(b => b.Code));
    }

    [Fact]
    public async Task ProductDelete_WritesADeactivation()
    {
        using var client = await edge.ClientAsync();
        var id = await client.CreateProductAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/products/{id}")).StatusCode);

        var rows = await edge.OutboxAsync(id);
        Assert.Equal(2, rows.Count);
        Assert.False(SyncJson.Read<ProductRecord>(JsonDocument.Parse(rows[1].Data).RootElement).IsActive);
        Assert.Equal(rows[0].Hlc, rows[1].BaseHlc);
    }

    [Fact]
    public async Task LocationBinAndCategoryEdits_WriteOutboxRows()
    {
        using var client = await edge.ClientAsync();
        var code = "OB" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var location = await client.CreateLocationAsync(code);
        var update = await client.PutAsJsonAsync($"/api/locations/{location}", new { code, name = "Renamed", type = "store", version = 1 });
        var bin = (await client.PostOkAsync($"/api/locations/{location}/bins", new { code = "A-01" })).GetProperty("id").GetGuid();
        var category = (await client.PostOkAsync("/api/categories", new { name = "Cat " + code })).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        var locationRows = await edge.OutboxAsync(location);
        Assert.Equal(2, locationRows.Count);
        Assert.Equal(locationRows[0].Hlc, locationRows[1].BaseHlc);
        var record = SyncJson.Read<LocationRecord>(JsonDocument.Parse(locationRows[1].Data).RootElement);
        Assert.Equal(("Renamed", "store", "WH1"), (record.Name, record.Type, record.SiteCode));
        Assert.Equal(ChangeKinds.Bin, Assert.Single(await edge.OutboxAsync(bin)).Kind);
        Assert.Equal(ChangeKinds.Category, Assert.Single(await edge.OutboxAsync(category)).Kind);
    }

    [Fact]
    public async Task CsvImport_WritesAnOutboxRowPerProduct()
    {
        using var client = await edge.ClientAsync();
        var sku = "CSV-" + Guid.NewGuid().ToString("N")[..8];
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes($"sku,name\n{sku},Imported\n"));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        using var form = new MultipartFormDataContent { { file, "file", "products.csv" } };

        var queued = await client.PostAsync("/api/products/bulk-import", form);
        var statusUrl = (await queued.ReadJsonAsync()).GetProperty("statusUrl").GetString()!;
        JsonElement job;
        var deadline = DateTimeOffset.UtcNow.AddSeconds(20);
        do
        {
            await Task.Delay(50);
            job = await client.GetFromJsonAsync<JsonElement>(statusUrl);
        }
        while (job.GetProperty("status").GetString() is "queued" or "running" && DateTimeOffset.UtcNow < deadline);

        Assert.Equal("completed", job.GetProperty("status").GetString());
        var id = Guid.Parse((string)(await edge.ScalarAsync("SELECT id FROM products WHERE sku = $sku", ("$sku", sku)))!);
        var row = Assert.Single(await edge.OutboxAsync(id));
        Assert.Equal(sku, SyncJson.Read<ProductRecord>(JsonDocument.Parse(row.Data).RootElement).Sku);
    }
}
