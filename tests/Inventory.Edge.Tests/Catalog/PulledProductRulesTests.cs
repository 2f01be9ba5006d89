using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Edge.Features.Sync;
using Inventory.Edge.Tests.Infrastructure;
using Inventory.Sync;
using Microsoft.Extensions.DependencyInjection;

namespace Inventory.Edge.Tests.Catalog;

/// <summary>The catalog's rules hold for what the cloud sends too: the change applier is the box's third way in.</summary>
public sealed class PulledProductRulesTests(EdgeHost edge) : IClassFixture<EdgeHost>
{
    private static ChangeRecord ProductChange(Guid id, string sku, string barcode, string hlc) =>
        new(1, ChangeKinds.Product, id, hlc, null, SyncJson.ToElement(new ProductRecord(
            id, sku, "Pulled " + sku, null, null, null, null, 1.5m, 3m, 5, 10, null, "each", null, null, true,
            [new BarcodeRecord(barcode, "unit", 1)], DateTimeOffset.UtcNow, DateTimeOffset.UtcNow)));

    private static string Stamp(int counter) => HybridLogicalClock.Format(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), counter, "CLOUD");

    [Fact]
    public async Task Apply_ProductWithBadCheckDigit_GoesToConflictLogNotCatalog()
    {
        using var client = await edge.ClientAsync();
        var applier = edge.Services.GetRequiredService<ChangeApplier>();
        var id = Guid.CreateVersion7();
        var change = ProductChange(id, "PULL-BAD", "4006381333932", Stamp(0));

        var result = await applier.ApplyAsync([change], CancellationToken.None);
        // A re-pulled page logs the same version once.
        await applier.ApplyAsync([change], CancellationToken.None);

        Assert.Equal(0, result.Applied);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/products/{id}")).StatusCode);
        var conflicts = await client.GetFromJsonAsync<JsonElement>($"/api/sync/conflicts?entityId={id}");
        var conflict = Assert.Single(conflicts.GetProperty("items").EnumerateArray());
        Assert.Equal("product", conflict.GetProperty("kind").GetString());
        Assert.Contains("check digit", conflict.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("PULL-BAD", conflict.GetProperty("data").GetProperty("sku").GetString());
    }

    [Fact]
    public async Task Apply_BadVersionOfKnownProduct_KeepsTheGoodOne()
    {
        using var client = await edge.ClientAsync();
        var applier = edge.Services.GetRequiredService<ChangeApplier>();
        var id = Guid.CreateVersion7();
        var good = Stamp(1);
        await applier.ApplyAsync([ProductChange(id, "PULL-KEEP", "96385074", good)], CancellationToken.None);

        await applier.ApplyAsync([ProductChange(id, "PULL-KEEP", "96385075", Stamp(2))], CancellationToken.None);

        var product = await client.GetFromJsonAsync<JsonElement>($"/api/products/{id}");
        Assert.Equal("96385074", product.GetProperty("barcodes")[0].GetString());
        var conflict = Assert.Single((await client.GetFromJsonAsync<JsonElement>($"/api/sync/conflicts?entityId={id}")).GetProperty("items").EnumerateArray());
        Assert.Equal(good, conflict.GetProperty("keptHlc").GetString());
    }
}
