using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Edge.Tests.Infrastructure;

namespace Inventory.Edge.Tests.Purchasing;

/// <summary>Suppliers, supplier prices and purchase orders against the real edge and its SQLite file.</summary>
public sealed class PurchaseOrderApiTests(EdgeHost edge) : IClassFixture<EdgeHost>
{
    [Fact]
    public async Task Supplier_CreateReadUpdate_DuplicateCode409()
    {
        using var purchasing = await edge.ClientForRoleAsync("purchasing");
        var code = "ACME-" + Guid.NewGuid().ToString("N")[..6];
        var created = await purchasing.PostOkAsync("/api/suppliers", new
        {
            code, name = "Acme", email = "sales@acme.example", phone = "123", address = "Street 1", currency = "USD", leadTimeDays = 7,
            paymentTerms = "14 days", overReceiptTolerancePercent = 2.5m, isActive = true,
        });
        var id = created.Id();

        var read = await purchasing.GetFromJsonAsync<JsonElement>($"/api/suppliers/{id}");
        var updated = await purchasing.PutAsJsonAsync($"/api/suppliers/{id}", new { name = "Acme GmbH", leadTimeDays = 9 });
        var list = await purchasing.GetFromJsonAsync<JsonElement>($"/api/suppliers?q={code}");
        var duplicate = await purchasing.PostAsJsonAsync("/api/suppliers", new { code = code.ToLowerInvariant(), name = "Other" });

        Assert.Equal("USD", read.GetProperty("currency").GetString());
        Assert.Equal(2.5m, read.GetProperty("overReceiptTolerancePercent").GetDecimal());
        Assert.Equal("14 days", read.GetProperty("paymentTerms").GetString());
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var after = await updated.ReadJsonAsync();
        Assert.Equal("Acme GmbH", after.GetProperty("name").GetString());
        Assert.Equal(9, after.GetProperty("leadTimeDays").GetInt32());
        Assert.Equal("sales@acme.example", after.GetProperty("email").GetString());
        Assert.Equal(id, Assert.Single(list.GetProperty("items").EnumerateArray()).Id());
        Assert.True(list.TryGetProperty("next", out _));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
    }

    [Fact]
    public async Task SupplierProduct_PriceBreaks_AndOnePreferredSupplierPerProduct()
    {
        using var admin = await edge.ClientAsync();
        using var purchasing = await edge.ClientForRoleAsync("purchasing");
        var product = await admin.CreateProductAsync();
        var first = await purchasing.CreateSupplierAsync();
        var second = await purchasing.CreateSupplierAsync();

        var offer = await purchasing.PutOfferAsync(first, product, 10m, preferred: true, min: 10, multiple: 6,
            priceBreaks: [new { quantity = 100, unitPrice = 8.5m }, new { quantity = 50, unitPrice = 9m }]);
        await purchasing.PutOfferAsync(second, product, 11m, preferred: true);
        var firstProducts = await purchasing.GetFromJsonAsync<JsonElement>($"/api/suppliers/{first}/products");
        var secondProducts = await purchasing.GetFromJsonAsync<JsonElement>($"/api/suppliers/{second}/products");

        Assert.Equal(Inventory.Sync.DeterministicIds.SupplierProduct(first, product), offer.Id());
        var row = Assert.Single(firstProducts.EnumerateArray());
        Assert.False(row.GetProperty("preferred").GetBoolean());
        Assert.Equal([50m, 100m], row.GetProperty("priceBreaks").EnumerateArray().Select(b => b.GetProperty("quantity").GetDecimal()));
        Assert.Equal(8.5m, row.GetProperty("priceBreaks")[1].GetProperty("unitPrice").GetDecimal());
        Assert.Equal(6m, row.GetProperty("orderMultiple").GetDecimal());
        Assert.True(Assert.Single(secondProducts.EnumerateArray()).GetProperty("preferred").GetBoolean());
    }

    [Fact]
    public async Task Create_PriceFromBreaks_CurrencyFromSupplier_NumbersConsecutive()
    {
        using var admin = await edge.ClientAsync();
        using var purchasing = await edge.ClientForRoleAsync("purchasing");
        var location = await admin.CreateLocationAsync();
        var cheap = await admin.CreateProductAsync();
        var plain = await admin.CreateProductAsync();
        var supplier = await purchasing.CreateSupplierAsync();
        await purchasing.PutOfferAsync(supplier, cheap, 10m, priceBreaks: [new { quantity = 50, unitPrice = 9m }, new { quantity = 100, unitPrice = 8m }]);
        await purchasing.PutOfferAsync(supplier, plain, 3m);

        var po = await purchasing.CreatePoAsync(supplier, location,
            new { productId = cheap, quantity = 60 }, new { productId = plain, quantity = 2.0m, unitPrice = 2.75m }, new { productId = cheap, quantity = 5 });
        var second = await purchasing.CreatePoAsync(supplier, location, new { productId = plain, quantity = 1 });

        Assert.Equal("draft", po.Status());
        Assert.Equal("EUR", po.GetProperty("currency").GetString());
        Assert.Equal(new DateOnly(2027, 1, 15), DateOnly.Parse(po.GetProperty("expectedDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        var lines = po.GetProperty("lines");
        Assert.Equal(9m, lines[0].GetProperty("unitPrice").GetDecimal());
        Assert.Equal(2.75m, lines[1].GetProperty("unitPrice").GetDecimal());
        Assert.Equal(10m, lines[2].GetProperty("unitPrice").GetDecimal());
        Assert.Equal(0m, lines[0].GetProperty("received").GetDecimal());
        Assert.Equal((60 * 9m) + (2 * 2.75m) + (5 * 10m), po.GetProperty("totalAmount").GetDecimal());
        var number = po.GetProperty("number").GetString()!;
        Assert.Matches("^PO-WH1-[0-9]{6}$", number);
        Assert.Equal($"PO-WH1-{int.Parse(number[^6..], System.Globalization.CultureInfo.InvariantCulture) + 1:D6}", second.GetProperty("number").GetString());
    }

    [Fact]
    public async Task List_FiltersBySupplierLocationAndDerivedStatus()
    {
        using var admin = await edge.ClientAsync();
        using var purchasing = await edge.ClientForRoleAsync("purchasing");
        var location = await admin.CreateLocationAsync();
        var other = await admin.CreateLocationAsync();
        var product = await admin.CreateProductAsync();
        var supplier = await purchasing.CreateSupplierAsync(email: null);
        var otherSupplier = await purchasing.CreateSupplierAsync(email: null);
        var line = new { productId = product, quantity = 10, unitPrice = 1m };
        var draft = await purchasing.CreatePoAsync(supplier, location, line);
        var sent = await purchasing.CreatePoAsync(supplier, location, line);
        var partial = await purchasing.CreatePoAsync(supplier, location, line);
        var cancelled = await purchasing.CreatePoAsync(supplier, location, line);
        var elsewhere = await purchasing.CreatePoAsync(supplier, other, line);
        var otherDraft = await purchasing.CreatePoAsync(otherSupplier, location, line);
        await purchasing.PostOkAsync($"/api/purchase-orders/{sent.Id()}/send", new { }, HttpStatusCode.OK);
        await purchasing.PostOkAsync($"/api/purchase-orders/{partial.Id()}/send", new { }, HttpStatusCode.OK);
        await admin.ReceiveAgainstAsync(partial, 0, 4);
        var cancelAnswer = await purchasing.PostOkAsync($"/api/purchase-orders/{cancelled.Id()}/cancel", new { }, HttpStatusCode.OK);

        var bySupplier = await purchasing.ListPosAsync($"supplierId={supplier}");
        var byLocation = await purchasing.ListPosAsync($"supplierId={supplier}&locationId={other}");
        var drafts = await purchasing.ListPosAsync($"supplierId={supplier}&status=draft");
        var partials = await purchasing.ListPosAsync($"supplierId={supplier}&status=partial");
        var sentOnes = await purchasing.ListPosAsync($"supplierId={supplier}&status=sent");
        var cancelledOnes = await purchasing.ListPosAsync($"supplierId={supplier}&status=cancelled");
        var paged = await purchasing.GetFromJsonAsync<JsonElement>($"/api/purchase-orders?supplierId={supplier}&status=draft&limit=1");
        var bad = await purchasing.GetAsync("/api/purchase-orders?status=open");

        Assert.Equal("cancelled", cancelAnswer.Status());
        Assert.Equal(5, bySupplier.Count);
        Assert.DoesNotContain(bySupplier, p => p.Id() == otherDraft.Id());
        Assert.Equal(elsewhere.Id(), Assert.Single(byLocation).Id());
        Assert.Equal([elsewhere.Id(), draft.Id()], drafts.Select(p => p.Id()));
        Assert.Equal(partial.Id(), Assert.Single(partials).Id());
        Assert.Equal(4m, Assert.Single(partials).GetProperty("lines")[0].GetProperty("received").GetDecimal());
        Assert.Equal(sent.Id(), Assert.Single(sentOnes).Id());
        Assert.Equal(cancelled.Id(), Assert.Single(cancelledOnes).Id());
        Assert.Equal(elsewhere.Id(), Assert.Single(paged.GetProperty("items").EnumerateArray()).Id());
        var rest = await purchasing.GetFromJsonAsync<JsonElement>(
            $"/api/purchase-orders?supplierId={supplier}&status=draft&limit=1&next={paged.GetProperty("next").GetString()}");
        Assert.Equal(draft.Id(), Assert.Single(rest.GetProperty("items").EnumerateArray()).Id());
        Assert.Equal(JsonValueKind.Null, rest.GetProperty("next").ValueKind);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Cancel_AfterReceipt409_Close_NeedsManagerAndReason()
    {
        using var admin = await edge.ClientAsync();
        using var purchasing = await edge.ClientForRoleAsync("purchasing");
        var location = await admin.CreateLocationAsync();
        var product = await admin.CreateProductAsync();
        var supplier = await purchasing.CreateSupplierAsync(email: null);
        var po = await purchasing.CreatePoAsync(supplier, location, new { productId = product, quantity = 10, unitPrice = 1m });
        await purchasing.PostOkAsync($"/api/purchase-orders/{po.Id()}/send", new { }, HttpStatusCode.OK);
        await admin.ReceiveAgainstAsync(po, 0, 6);

        var cancel = await purchasing.PostAsJsonAsync($"/api/purchase-orders/{po.Id()}/cancel", new { });
        var edit = await purchasing.PutAsJsonAsync($"/api/purchase-orders/{po.Id()}",
            new { supplierId = supplier, locationId = location, lines = new[] { new { productId = product, quantity = 6, unitPrice = 1m } } });
        var byPurchasing = await purchasing.PostAsJsonAsync($"/api/purchase-orders/{po.Id()}/close", new { reason = "Supplier out of stock" });
        var noReason = await admin.PostAsJsonAsync($"/api/purchase-orders/{po.Id()}/close", new { reason = " " });
        var closed = await admin.PostOkAsync($"/api/purchase-orders/{po.Id()}/close", new { reason = "Supplier out of stock" }, HttpStatusCode.OK);
        var cancelClosed = await purchasing.PostAsJsonAsync($"/api/purchase-orders/{po.Id()}/cancel", new { });

        Assert.Equal(HttpStatusCode.Conflict, cancel.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byPurchasing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal("closed", closed.Status());
        Assert.Equal("Supplier out of stock", closed.GetProperty("closeReason").GetString());
        Assert.Equal(-4m, closed.GetProperty("lines")[0].GetProperty("variance").GetDecimal());
        Assert.Equal(HttpStatusCode.Conflict, cancelClosed.StatusCode);
    }

    [Fact]
    public async Task Update_DraftReplacesLines_CancelledRefused()
    {
        using var admin = await edge.ClientAsync();
        using var purchasing = await edge.ClientForRoleAsync("purchasing");
        var location = await admin.CreateLocationAsync();
        var a = await admin.CreateProductAsync();
        var b = await admin.CreateProductAsync();
        var supplier = await purchasing.CreateSupplierAsync(email: null);
        var po = await purchasing.CreatePoAsync(supplier, location, new { productId = a, quantity = 10, unitPrice = 1m });
        var keptLine = po.GetProperty("lines")[0].Id();

        var response = await purchasing.PutAsJsonAsync($"/api/purchase-orders/{po.Id()}", new
        {
            supplierId = supplier, locationId = location, expectedDate = "2027-02-01", notes = "Changed",
            lines = new object[] { new { id = keptLine, productId = a, quantity = 12, unitPrice = 1m }, new { productId = b, quantity = 3, unitPrice = 2m } },
        });
        var updated = await response.ReadJsonAsync();
        await purchasing.PostOkAsync($"/api/purchase-orders/{po.Id()}/cancel", new { }, HttpStatusCode.OK);
        var afterCancel = await purchasing.PutAsJsonAsync($"/api/purchase-orders/{po.Id()}", new
        {
            supplierId = supplier, locationId = location, lines = new[] { new { productId = a, quantity = 1, unitPrice = 1m } },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, updated.GetProperty("lines").GetArrayLength());
        Assert.Equal(keptLine, updated.GetProperty("lines")[0].Id());
        Assert.Equal(12m, updated.GetProperty("lines")[0].GetProperty("quantity").GetDecimal());
        Assert.Equal("Changed", updated.GetProperty("notes").GetString());
        Assert.Equal(po.GetProperty("number").GetString(), updated.GetProperty("number").GetString());
        Assert.Equal(HttpStatusCode.Conflict, afterCancel.StatusCode);
    }

    [Theory]
    [InlineData("staff")]
    [InlineData("viewer")]
    public async Task Prices_HiddenFromStaffAndViewers_InJsonAndPdf(string role)
    {
        using var admin = await edge.ClientAsync();
        using var purchasing = await edge.ClientForRoleAsync("purchasing");
        using var client = await edge.ClientForRoleAsync(role);
        var location = await admin.CreateLocationAsync();
        var product = await admin.CreateProductAsync();
        var supplier = await purchasing.CreateSupplierAsync(email: null);
        var po = await purchasing.CreatePoAsync(supplier, location, new { productId = product, quantity = 7, unitPrice = 123.45m });

        var one = await client.GetStringAsync($"/api/purchase-orders/{po.Id()}");
        var list = await client.GetStringAsync($"/api/purchase-orders?supplierId={supplier}");
        var offers = await client.GetAsync($"/api/suppliers/{supplier}/products");
        var supplierRead = await client.GetAsync($"/api/suppliers/{supplier}");
        var pdfText = await PdfTextAsync(await client.GetByteArrayAsync($"/api/purchase-orders/{po.Id()}/pdf"));
        var buyerPdfText = await PdfTextAsync(await purchasing.GetByteArrayAsync($"/api/purchase-orders/{po.Id()}/pdf"));

        foreach (var json in new[] { one, list })
        {
            Assert.DoesNotContain("unitPrice", json, StringComparison.Ordinal);
            Assert.DoesNotContain("totalAmount", json, StringComparison.Ordinal);
            Assert.DoesNotContain("123.45", json, StringComparison.Ordinal);
            Assert.Contains("\"quantity\":7", json, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Forbidden, offers.StatusCode);
        Assert.Equal(HttpStatusCode.OK, supplierRead.StatusCode);
        Assert.Contains(po.GetProperty("number").GetString()!, pdfText, StringComparison.Ordinal);
        Assert.DoesNotContain("123.45", pdfText, StringComparison.Ordinal);
        Assert.DoesNotContain("Unit price", pdfText, StringComparison.Ordinal);
        Assert.Contains("123.45", buyerPdfText, StringComparison.Ordinal);
        Assert.Contains("864.15", buyerPdfText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadInput_RefusedWith400_NothingMade()
    {
        using var admin = await edge.ClientAsync();
        using var purchasing = await edge.ClientForRoleAsync("purchasing");
        var location = await admin.CreateLocationAsync();
        var product = await admin.CreateProductAsync();
        var unpriced = await admin.CreateProductAsync();
        var supplier = await purchasing.CreateSupplierAsync(email: null);
        var line = new { productId = product, quantity = 1, unitPrice = 1m };
        var bodies = new (string Case, object Body)[]
        {
            ("unknown supplier", new { supplierId = Guid.NewGuid(), locationId = location, lines = new[] { line } }),
            ("unknown location", new { supplierId = supplier, locationId = Guid.NewGuid(), lines = new[] { line } }),
            ("unknown product", new { supplierId = supplier, locationId = location, lines = new[] { new { productId = Guid.NewGuid(), quantity = 1, unitPrice = 1m } } }),
            ("zero quantity", new { supplierId = supplier, locationId = location, lines = new[] { new { productId = product, quantity = 0, unitPrice = 1m } } }),
            ("negative quantity", new { supplierId = supplier, locationId = location, lines = new[] { new { productId = product, quantity = -3, unitPrice = 1m } } }),
            ("fraction", new { supplierId = supplier, locationId = location, lines = new[] { new { productId = product, quantity = 1.5m, unitPrice = 1m } } }),
            ("negative price", new { supplierId = supplier, locationId = location, lines = new[] { new { productId = product, quantity = 1, unitPrice = -1m } } }),
            ("no price known", new { supplierId = supplier, locationId = location, lines = new[] { new { productId = unpriced, quantity = 1 } } }),
            ("no lines", new { supplierId = supplier, locationId = location, lines = Array.Empty<object>() }),
            ("bad date", new { supplierId = supplier, locationId = location, expectedDate = "15/01/2027", lines = new[] { line } }),
        };

        foreach (var (name, body) in bodies)
        {
            var response = await purchasing.PostAsJsonAsync("/api/purchase-orders", body);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        Assert.Empty(await purchasing.ListPosAsync($"supplierId={supplier}"));
        var badSupplier = await purchasing.PostAsJsonAsync("/api/suppliers", new { code = "has space", name = "", email = "not-mail", currency = "euro", overReceiptTolerancePercent = -1 });
        var problem = await badSupplier.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.BadRequest, badSupplier.StatusCode);
        foreach (var field in new[] { "code", "name", "email", "currency", "overReceiptTolerancePercent" })
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), field);
        }

        var badBreaks = await purchasing.PutAsJsonAsync($"/api/suppliers/{supplier}/products/{product}",
            new { unitPrice = 1m, priceBreaks = new[] { new { quantity = 10, unitPrice = 1m }, new { quantity = 10, unitPrice = 2m } } });
        var unknownProduct = await purchasing.PutAsJsonAsync($"/api/suppliers/{supplier}/products/{Guid.NewGuid()}", new { unitPrice = 1m });
        Assert.Equal(HttpStatusCode.BadRequest, badBreaks.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownProduct.StatusCode);
    }

    [Fact]
    public async Task Pdf_RendersWithPdftoppm()
    {
        using var admin = await edge.ClientAsync();
        using var purchasing = await edge.ClientForRoleAsync("purchasing");
        var location = await admin.CreateLocationAsync();
        var product = await admin.CreateProductAsync();
        var supplier = await purchasing.CreateSupplierAsync();
        var po = await purchasing.CreatePoAsync(supplier, location, new { productId = product, quantity = 3, unitPrice = 4m });

        var response = await purchasing.GetAsync($"/api/purchase-orders/{po.Id()}/pdf");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var dir = new ExternalTool.TempDir();
        await File.WriteAllBytesAsync(dir.File("po.pdf"), bytes);
        var render = await ExternalTool.RunAsync("pdftoppm", "-png", "-r", "50", "-singlefile", dir.File("po.pdf"), dir.File("page"));
        var text = await PdfTextAsync(bytes);

        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.True(render.ExitCode == 0, render.StdErr);
        Assert.True(new FileInfo(dir.File("page.png")).Length > 1000);
        Assert.Contains("Acme Supplies", text, StringComparison.Ordinal);
        Assert.Contains("Hauptstraße 1", text, StringComparison.Ordinal);
        Assert.Contains("orders@supplier.example", text, StringComparison.Ordinal);
        Assert.Contains("Deliver to", text, StringComparison.Ordinal);
        Assert.Contains("Total EUR 12.00", text, StringComparison.Ordinal);
        Assert.Contains("2027-01-15", text, StringComparison.Ordinal);
    }

    internal static async Task<string> PdfTextAsync(byte[] pdf)
    {
        using var dir = new ExternalTool.TempDir();
        await File.WriteAllBytesAsync(dir.File("doc.pdf"), pdf);
        var output = await ExternalTool.RunAsync("pdftotext", "-layout", dir.File("doc.pdf"), "-");
        Assert.True(output.ExitCode == 0, output.StdErr);
        return output.StdOut;
    }
}
