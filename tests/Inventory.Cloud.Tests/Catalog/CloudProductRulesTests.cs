using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Cloud.Tests.Infrastructure;
using Inventory.Edge.Tests.Infrastructure;
using Inventory.Sync;

namespace Inventory.Cloud.Tests.Catalog;

/// <summary>The cloud applies the catalog's rules the edge applies: through its API and to what sites push.</summary>
public sealed class CloudProductRulesTests(CloudHost cloud) : IClassFixture<CloudHost>
{
    [Fact]
    public async Task Post_BadGtinCheckDigit_400WithTheEdgesErrors()
    {
        var body = new { sku = "RULE-1", name = "Rule one", barcodes = new[] { "4006381333932" }, costPrice = 2m, unit = "each" };
        await using var edge = new EdgeHost();
        await edge.InitializeAsync();
        using var edgeAdmin = await edge.ClientAsync();
        using var cloudAdmin = await cloud.ClientAsync();

        using var atCloud = await cloudAdmin.PostAsJsonAsync("/api/products", body);
        using var atEdge = await edgeAdmin.PostAsJsonAsync("/api/products", body);

        Assert.Equal(HttpStatusCode.BadRequest, atCloud.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, atEdge.StatusCode);
        var cloudErrors = (await atCloud.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        var edgeErrors = (await atEdge.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("'4006381333932' looks like an EAN/UPC/GTIN but its check digit is wrong.",
            Assert.Single(cloudErrors.GetProperty("barcodes").EnumerateArray()).GetString());
        Assert.Equal(edgeErrors.GetRawText(), cloudErrors.GetRawText());
        var list = await cloudAdmin.GetFromJsonAsync<JsonElement>("/api/products?q=RULE-1");
        Assert.Empty(list.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Push_ProductBreakingTheRules_RefusedIntoTheConflictLog()
    {
        using var site = new SiteClient(cloud, "R1", await cloud.AddSiteAsync("R1"));
        var id = Guid.CreateVersion7();
        var bad = Batches.Product(1, "R1", id, "R1-BAD", "Bad one", null) with
        {
            Data = SyncJson.ToElement(new ProductRecord(id, "R1-BAD", "Bad one", null, null, null, null, -5m, 3m, 5, 10, null, "each",
                null, null, true, [new BarcodeRecord("4006381333932", "unit", 1)], DateTimeOffset.UtcNow, DateTimeOffset.UtcNow)),
        };

        var ack = await site.PushOkAsync(Batches.Of("R1", 0, [], [bad]));
        var again = await site.PushOkAsync(Batches.Of("R1", 0, [], [bad]));

        Assert.Equal((1, 0), (ack.Conflicts, again.Conflicts));
        using var admin = await cloud.ClientAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/products/{id}")).StatusCode);
        var conflicts = await admin.GetFromJsonAsync<JsonElement>($"/api/sync/conflicts?entityId={id}");
        var conflict = Assert.Single(conflicts.GetProperty("items").EnumerateArray());
        Assert.Equal("R1", conflict.GetProperty("loserSite").GetString());
        using var other = new SiteClient(cloud, "R2", await cloud.AddSiteAsync("R2"));
        Assert.DoesNotContain(await other.PullAllAsync(), c => c.Id == id);
    }
}
