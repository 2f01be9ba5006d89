using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Edge.Tests.Infrastructure;

namespace Inventory.Edge.Tests.Catalog;

public sealed class ProductTests(EdgeHost edge) : IClassFixture<EdgeHost>
{
    [Fact]
    public async Task Create_WithBarcodesCaseGtinAndCategory_ReadsBack()
    {
        using var client = await edge.ClientAsync();

        var created = await client.PostOkAsync("/api/products", new
        {
            sku = "GLV-NIT-L",
            name = "Nitrile Gloves Blue L",
            category = "Safety",
            barcodes = new[] { "4006381333931" },
            caseBarcodes = new[] { new { code = "14006381333938", packQuantity = 12 } },
            costPrice = 3.1m,
            sellingPrice = 6.5m,
            reorderPoint = 10,
            reorderQuantity = 50,
            unit = "box",
            attributes = new { size = "L", colour = "blue" },
        });
        var read = await client.GetFromJsonAsync<JsonElement>($"/api/products/{created.GetProperty("id").GetGuid()}");

        Assert.Equal("GLV-NIT-L", read.GetProperty("sku").GetString());
        Assert.Equal("4006381333931", read.GetProperty("barcodes")[0].GetString());
        Assert.Equal(12, read.GetProperty("caseBarcodes")[0].GetProperty("packQuantity").GetInt32());
        Assert.Equal("L", read.GetProperty("attributes").GetProperty("size").GetString());
        Assert.NotEqual(JsonValueKind.Undefined, read.GetProperty("categoryId").ValueKind);
        Assert.Equal(1, read.GetProperty("version").GetInt64());
    }

    [Theory]
    [InlineData("4006381333932")]
    [InlineData("bar code")]
    public async Task Create_BadBarcode_400(string barcode)
    {
        using var client = await edge.ClientAsync();

        var response = await client.PostAsJsonAsync("/api/products", new { sku = "BAD-" + Guid.NewGuid().ToString("N")[..6], name = "x", barcodes = new[] { barcode } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty("barcodes", out _));
    }

    [Fact]
    public async Task Create_BarcodeOfAnotherProduct_409NamesOwner()
    {
        using var client = await edge.ClientAsync();
        await client.CreateProductAsync("OWNER-1", null, "96385074");

        var response = await client.PostAsJsonAsync("/api/products", new { sku = "THIEF-1", name = "x", barcodes = new[] { "96385074" } });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("OWNER-1", (await response.ReadJsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_DuplicateSkuAnyCase_409()
    {
        using var client = await edge.ClientAsync();
        await client.CreateProductAsync("DUP-SKU");

        var response = await client.PostAsJsonAsync("/api/products", new { sku = "dup-sku", name = "again" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Update_StaleVersion_409_CurrentVersion_200()
    {
        using var client = await edge.ClientAsync();
        var id = await client.CreateProductAsync("VER-1");

        var ok = await client.PutAsJsonAsync($"/api/products/{id}", new { sku = "VER-1", name = "Renamed", version = 1 });
        var stale = await client.PutAsJsonAsync($"/api/products/{id}", new { sku = "VER-1", name = "Lost update", version = 1 });

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(2, (await ok.ReadJsonAsync()).GetProperty("version").GetInt64());
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var read = await client.GetFromJsonAsync<JsonElement>($"/api/products/{id}");
        Assert.Equal("Renamed", read.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Update_NothingChanged_KeepsVersion()
    {
        using var client = await edge.ClientAsync();
        var created = await client.PostOkAsync("/api/products", new { sku = "SAME-1", name = "Same", barcodes = new[] { "036000291452" }, unit = "each" });
        var id = created.GetProperty("id").GetGuid();

        var again = await client.PutAsJsonAsync($"/api/products/{id}", new { sku = "SAME-1", name = "Same", barcodes = new[] { "036000291452" }, unit = "each", version = 1 });

        Assert.Equal(1, (await again.ReadJsonAsync()).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Delete_WithMovements_Deactivates_WithoutDeletes()
    {
        using var client = await edge.ClientAsync();
        var location = await client.CreateLocationAsync();
        var moved = await client.CreateProductAsync();
        var unused = await client.CreateProductAsync();
        await client.ReceiveAsync(moved, location, 1);

        var deactivated = await client.DeleteAsync($"/api/products/{moved}");
        var deleted = await client.DeleteAsync($"/api/products/{unused}");

        Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);
        Assert.False((await deactivated.ReadJsonAsync()).GetProperty("isActive").GetBoolean());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/products/{unused}")).StatusCode);
        Assert.Equal(1, await client.QuantityAsync(moved, location));
    }

    [Fact]
    public async Task Variant_HangsOffParent_NotOffVariant()
    {
        using var client = await edge.ClientAsync();
        var parent = await client.CreateProductAsync("TEE");
        var variant = await client.PostOkAsync("/api/products", new { sku = "TEE-RED-M", name = "Tee red M", parentId = parent, attributes = new { colour = "red", size = "M" } });

        var nested = await client.PostAsJsonAsync("/api/products", new { sku = "TEE-RED-M-X", name = "nested", parentId = variant.GetProperty("id").GetGuid() });

        Assert.Equal(parent, variant.GetProperty("parentId").GetGuid());
        Assert.Equal(HttpStatusCode.BadRequest, nested.StatusCode);
    }

    [Theory]
    [InlineData("Stainles Hammer", "HMR-STEEL-16")]
    [InlineData("hammer", "HMR-STEEL-16")]
    [InlineData("HMR-STEEL", "HMR-STEEL-16")]
    [InlineData("5012345678900", "HMR-STEEL-16")]
    [InlineData("Wrnch", "WRN-ADJ-10")]
    [InlineData("HM", "HMR-STEEL-16")]
    [InlineData("cl", "HMR-STEEL-16")]
    [InlineData("Sterwdriver", "SCR-PH2")]
    [InlineData("Adjustible wrench", "WRN-ADJ-10")]
    [InlineData("phillps", "SCR-PH2")]
    public async Task Search_SkuNameBarcodeAndTypos_FindsProduct(string q, string expectedSku)
    {
        using var client = await edge.ClientAsync();
        await EnsureSearchCatalogAsync(client);

        var result = await client.GetFromJsonAsync<JsonElement>($"/api/products?q={Uri.EscapeDataString(q)}");

        var skus = result.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("sku").GetString()).ToList();
        Assert.Contains(expectedSku, skus);
    }

    [Fact]
    public async Task Search_QuerySyntaxCharacters_AreJustText()
    {
        using var client = await edge.ClientAsync();

        var response = await client.GetAsync($"/api/products?q={Uri.EscapeDataString("\"a\" OR NEAR(b*")}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task List_PagesWithNext()
    {
        using var client = await edge.ClientAsync();
        for (var i = 0; i < 5; i++)
        {
            await client.CreateProductAsync($"PAGE-{i}");
        }

        var first = await client.GetFromJsonAsync<JsonElement>("/api/products?limit=2");
        var second = await client.GetFromJsonAsync<JsonElement>($"/api/products?limit=2&next={first.GetProperty("next").GetString()}");

        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        Assert.NotEqual(first.GetProperty("items")[0].GetProperty("id").GetGuid(), second.GetProperty("items")[0].GetProperty("id").GetGuid());
    }

    private static readonly SemaphoreSlim SeedLock = new(1);
    private static bool _seeded;

    private static async Task EnsureSearchCatalogAsync(HttpClient client)
    {
        await SeedLock.WaitAsync();
        try
        {
            if (_seeded)
            {
                return;
            }

            await client.PostOkAsync("/api/products", new { sku = "HMR-STEEL-16", name = "Stainless Claw Hammer 16oz", barcodes = new[] { "5012345678900" } });
            await client.PostOkAsync("/api/products", new { sku = "WRN-ADJ-10", name = "Adjustable Wrench 10in" });
            await client.PostOkAsync("/api/products", new { sku = "SCR-PH2", name = "Phillips Screwdriver PH2" });
            _seeded = true;
        }
        finally
        {
            SeedLock.Release();
        }
    }
}
