using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Cloud.Tests.Infrastructure;
using Inventory.Sync;
using static Inventory.Cloud.Tests.Purchasing.PurchasingSetup;

namespace Inventory.Cloud.Tests.Purchasing;

/// <summary>Suppliers, their prices and purchase orders through the cloud's API, on a real PostgreSQL.</summary>
public sealed class PurchasingApiTests(CloudHost cloud) : IClassFixture<CloudHost>
{
    [Fact]
    public async Task Supplier_price_with_breaks_prices_a_PO_line_without_a_unit_price()
    {
        using var admin = await cloud.ClientAsync();
        var supplier = await SupplierAsync(admin);
        var product = await Fleet.ProductAsync(admin, Unique("PB-"));
        var (site, location) = await SiteAsync(cloud);
        using var _ = site;

        var put = await admin.PutAsJsonAsync($"/api/suppliers/{supplier}/products/{product}", new
        {
            supplierSku = "ACME-1", unitPrice = 10.00m, minOrderQuantity = 10, orderMultiple = 6, leadTimeDays = 5, preferred = true,
            priceBreaks = new[] { new { quantity = 100, unitPrice = 8.50m }, new { quantity = 50, unitPrice = 9.25m } },
        });
        var term = await put.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(DeterministicIds.SupplierProduct(supplier, product), term.GetProperty("id").GetGuid());
        Assert.True(term.GetProperty("preferred").GetBoolean());
        var listed = await admin.GetFromJsonAsync<JsonElement>($"/api/suppliers/{supplier}/products");
        Assert.Equal(9.25m, Assert.Single(listed.GetProperty("items").EnumerateArray()).GetProperty("priceBreaks")[0].GetProperty("unitPrice").GetDecimal());

        var po = await PurchaseOrderAsync(admin, supplier, location, (product, 60m, null), (product, 12m, null), (product, 100m, 7.77m));

        Assert.StartsWith("PO-HQ-", po.GetProperty("number").GetString());
        Assert.Equal("draft", po.GetProperty("status").GetString());
        var prices = po.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("unitPrice").GetDecimal()).ToArray();
        Assert.Equal([9.25m, 10.00m, 7.77m], prices);
        Assert.Equal("ACME-1", po.GetProperty("lines")[0].GetProperty("supplierSku").GetString());
        Assert.Equal(60 * 9.25m + 12 * 10m + 100 * 7.77m, po.GetProperty("totalAmount").GetDecimal());
    }

    [Fact]
    public async Task A_second_preferred_supplier_takes_over_and_the_first_gives_way_in_every_boxs_feed()
    {
        using var admin = await cloud.ClientAsync();
        var first = await SupplierAsync(admin);
        var second = await SupplierAsync(admin);
        var product = await Fleet.ProductAsync(admin, Unique("PREF-"));
        (await admin.PutAsJsonAsync($"/api/suppliers/{first}/products/{product}", new { unitPrice = 1m, preferred = true })).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync($"/api/suppliers/{second}/products/{product}", new { unitPrice = 2m, preferred = true })).EnsureSuccessStatusCode();

        var one = await admin.GetFromJsonAsync<JsonElement>($"/api/suppliers/{first}/products/{product}");
        var two = await admin.GetFromJsonAsync<JsonElement>($"/api/suppliers/{second}/products/{product}");
        Assert.False(one.GetProperty("preferred").GetBoolean());
        Assert.True(two.GetProperty("preferred").GetBoolean());
        var (site, _) = await SiteAsync(cloud);
        using var __ = site;
        var feed = (await site.PullAllAsync()).Where(c => c.Kind == ChangeKinds.SupplierProduct)
            .Select(c => SyncJson.Read<SupplierProductRecord>(c.Data)).Where(r => r.ProductId == product).ToList();
        Assert.Equal([second], feed.Where(r => r.Preferred).Select(r => r.SupplierId));
    }

    [Fact]
    public async Task PO_lifecycle_send_cancel_close_and_edit_with_their_conflicts()
    {
        using var admin = await cloud.ClientAsync();
        var supplier = await SupplierAsync(admin);
        var product = await Fleet.ProductAsync(admin, Unique("LIFE-"));
        var (site, location) = await SiteAsync(cloud);
        using var _ = site;
        var po = await PurchaseOrderAsync(admin, supplier, location, (product, 10m, 2m));
        var id = po.GetProperty("id").GetGuid();

        var edit = await admin.PutAsJsonAsync($"/api/purchase-orders/{id}", new
        {
            supplierId = supplier, locationId = location, expectedDate = "2030-02-01", notes = "more",
            lines = new[] { new { id = po.GetProperty("lines")[0].GetProperty("id").GetGuid(), productId = product, quantity = 20m, unitPrice = 2m } },
        });
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.Equal(40m, (await edit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("totalAmount").GetDecimal());

        var sent = await (await admin.PostAsync($"/api/purchase-orders/{id}/send", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("sent", sent.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.String, sent.GetProperty("sentAt").ValueKind);

        var listed = await admin.GetFromJsonAsync<JsonElement>($"/api/purchase-orders?status=sent&supplierId={supplier}&siteCode={site.Site}");
        Assert.Equal(id, Assert.Single(listed.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement>($"/api/purchase-orders?status=draft&supplierId={supplier}")).GetProperty("items").EnumerateArray());

        var cancelled = await admin.PostAsync($"/api/purchase-orders/{id}/cancel", null);
        Assert.Equal("cancelled", (await cancelled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/purchase-orders/{id}/send", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PutAsJsonAsync($"/api/purchase-orders/{id}", new
        {
            supplierId = supplier, locationId = location, lines = new[] { new { productId = product, quantity = 1m } },
        })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync($"/api/purchase-orders/{id}/close", new { reason = "x" })).StatusCode);

        var other = (await PurchaseOrderAsync(admin, supplier, location, (product, 5m, 1m))).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync($"/api/purchase-orders/{other}/close", new { reason = "" })).StatusCode);
        var closed = await (await admin.PostAsJsonAsync($"/api/purchase-orders/{other}/close", new { reason = "Supplier stopped the line" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("closed", closed.GetProperty("status").GetString());
        Assert.Equal("Supplier stopped the line", closed.GetProperty("closeReason").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/purchase-orders/{Guid.NewGuid()}/send", null)).StatusCode);
    }

    [Theory]
    [InlineData("unknown supplier")]
    [InlineData("unknown location")]
    [InlineData("unknown product")]
    [InlineData("zero quantity")]
    [InlineData("negative quantity")]
    [InlineData("fraction")]
    [InlineData("no price known")]
    public async Task A_bad_PO_is_refused_with_400_and_nothing_is_made(string what)
    {
        using var admin = await cloud.ClientAsync();
        var supplier = await SupplierAsync(admin);
        var product = await Fleet.ProductAsync(admin, Unique("BAD-"));
        var (site, location) = await SiteAsync(cloud);
        using var _ = site;
        var (s, l, p, q, price) = what switch
        {
            "unknown supplier" => (Guid.NewGuid(), location, product, 1m, (decimal?)1m),
            "unknown location" => (supplier, Guid.NewGuid(), product, 1m, 1m),
            "unknown product" => (supplier, location, Guid.NewGuid(), 1m, 1m),
            "zero quantity" => (supplier, location, product, 0m, 1m),
            "negative quantity" => (supplier, location, product, -3m, 1m),
            "fraction" => (supplier, location, product, 1.5m, 1m),
            _ => (supplier, location, product, 1m, null),
        };

        var response = await admin.PostAsJsonAsync("/api/purchase-orders", new
        {
            supplierId = s, locationId = l, lines = new[] { new { productId = p, quantity = q, unitPrice = price } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement>($"/api/purchase-orders?supplierId={supplier}")).GetProperty("items").EnumerateArray());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1000.5)]
    public async Task A_bad_tolerance_or_a_taken_code_is_refused(double tolerance)
    {
        using var admin = await cloud.ClientAsync();
        var bad = await admin.PostAsJsonAsync("/api/suppliers", new { code = Unique("T-"), name = "T", overReceiptTolerancePercent = (decimal)tolerance });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        var code = Unique("DUP-");
        (await admin.PostAsJsonAsync("/api/suppliers", new { code, name = "One" })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsJsonAsync("/api/suppliers", new { code, name = "Two" })).StatusCode);
    }

    [Theory]
    [InlineData("staff")]
    [InlineData("viewer")]
    public async Task Staff_and_viewers_see_POs_and_supplier_terms_without_any_price(string role)
    {
        using var admin = await cloud.ClientAsync();
        var supplier = await SupplierAsync(admin);
        var product = await Fleet.ProductAsync(admin, Unique("NOPRICE-"));
        var (site, location) = await SiteAsync(cloud);
        using var _ = site;
        (await admin.PutAsJsonAsync($"/api/suppliers/{supplier}/products/{product}", new
        {
            unitPrice = 3m, priceBreaks = new[] { new { quantity = 10, unitPrice = 2m } },
        })).EnsureSuccessStatusCode();
        var id = (await PurchaseOrderAsync(admin, supplier, location, (product, 10m, null))).GetProperty("id").GetGuid();
        using var client = await UserAsync(cloud, role);

        var answers = new[]
        {
            await client.GetStringAsync($"/api/purchase-orders/{id}"),
            await client.GetStringAsync($"/api/purchase-orders?supplierId={supplier}"),
            await client.GetStringAsync($"/api/suppliers/{supplier}/products"),
            await client.GetStringAsync($"/api/suppliers/{supplier}/products/{product}"),
        };

        Assert.Contains(id.ToString(), answers[0]);
        Assert.Contains(id.ToString(), answers[1]);
        foreach (var answer in answers)
        {
            Assert.DoesNotContain("unitPrice", answer, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("totalAmount", answer, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("priceBreaks", answer, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("openAmount", answer, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("varianceValue", answer, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("\"unitPrice\":2", await admin.GetStringAsync($"/api/purchase-orders/{id}"));
    }

    [Fact]
    public async Task A_site_named_HQ_is_refused()
    {
        using var admin = await cloud.ClientAsync();
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/sites", new { code = "HQ", name = "Head office" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/sites", new { code = "hq", name = "Head office" })).StatusCode);
    }
}
