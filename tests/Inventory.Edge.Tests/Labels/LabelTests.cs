using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Xml.Linq;
using Inventory.Domain.Catalog;
using Inventory.Edge.Tests.Infrastructure;

namespace Inventory.Edge.Tests.Labels;

/// <summary>
/// Labels checked by independent readers: zbarimg must read the Code 128 and the EAN-13 of the PNG and of
/// the PDF as poppler's pdftoppm renders it; the GS1 DataMatrix is read back through /api/scan/image.
/// </summary>
public sealed class LabelTests(EdgeHost edge) : IClassFixture<EdgeHost>
{
    private static int _next = 1000;

    /// <summary>A valid EAN-13 no other test of this class uses (barcodes are unique per product).</summary>
    private static string NewEan13()
    {
        var body = "40" + Interlocked.Increment(ref _next).ToString("D10", System.Globalization.CultureInfo.InvariantCulture);
        return body + Gtin.CheckDigit(body);
    }

    private async Task<(HttpClient Client, Guid Id, string Sku, string Ean)> ProductAsync(string? ean = null, string name = "Claw Hammer 16oz")
    {
        var client = await edge.ClientAsync();
        var sku = "HMR-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        ean ??= NewEan13();
        var body = await client.PostOkAsync("/api/products", new { sku, name, barcodes = new[] { ean }, sellingPrice = 9.99m, unit = "each" });
        return (client, body.GetProperty("id").GetGuid(), sku, ean);
    }

    private static async Task<byte[]> GetBytesAsync(HttpClient client, string path, string contentType)
    {
        var response = await client.GetAsync(path);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(bytes)}");
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        return bytes;
    }

    [Fact]
    public async Task Png_ProductWithEan13_ZbarReadsSkuAndEan()
    {
        var (client, id, sku, ean) = await ProductAsync();
        using var dir = new ExternalTool.TempDir();
        var png = dir.File("label.png");
        await File.WriteAllBytesAsync(png, await GetBytesAsync(client, $"/api/products/{id}/label?format=png", "image/png"));

        var codes = await ExternalTool.ZbarAsync(png);

        Assert.Contains(sku, codes);
        Assert.Contains(ean, codes);
    }

    [Fact]
    public async Task Png_UpcAProduct_ZbarReadsUpc()
    {
        var (client, id, sku, _) = await ProductAsync(ean: "036000291452");
        using var dir = new ExternalTool.TempDir();
        var png = dir.File("label.png");
        await File.WriteAllBytesAsync(png, await GetBytesAsync(client, $"/api/products/{id}/label?format=png", "image/png"));

        var codes = await ExternalTool.ZbarAsync(png);

        Assert.Contains(sku, codes);
        // zbar reports a UPC-A in its EAN-13 form, with the leading zero.
        Assert.Contains(codes, c => c.EndsWith("036000291452", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Png_LotLabel_DataMatrixCarriesGs1GtinExpiryLot()
    {
        var (client, id, sku, ean) = await ProductAsync();
        var png = await GetBytesAsync(client, $"/api/products/{id}/label?format=png&lot=L-2027/A&expiry=2027-06-30", "image/png");
        using var dir = new ExternalTool.TempDir();
        await File.WriteAllBytesAsync(dir.File("label.png"), png);
        Assert.Contains(sku, await ExternalTool.ZbarAsync(dir.File("label.png")));

        using var form = new MultipartFormDataContent();
        var image = new ByteArrayContent(png);
        image.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(image, "image", "label.png");
        var response = await client.PostAsync("/api/scan/image", form);
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var matrix = body.GetProperty("codes").EnumerateArray().Single(c => c.GetProperty("format").GetString() == "DATA_MATRIX");
        Assert.Equal($"\u001D010{ean}1727063010L-2027/A", matrix.GetProperty("text").GetString());
        var gs1 = matrix.GetProperty("gs1");
        Assert.Equal("0" + ean, gs1.GetProperty("gtin").GetString());
        Assert.Equal("2027-06-30", gs1.GetProperty("expiry").GetString());
        Assert.Equal("L-2027/A", gs1.GetProperty("batch").GetString());
    }

    [Fact]
    public async Task Pdf_RenderedByPdftoppm_BarcodesStillRead()
    {
        var (client, id, sku, ean) = await ProductAsync(name: "Schraubendreher Größe 2");
        var pdf = await GetBytesAsync(client, $"/api/products/{id}/label?format=pdf&price=true&lot=LOT7&expiry=2027-01-31", "application/pdf");
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        using var dir = new ExternalTool.TempDir();
        await File.WriteAllBytesAsync(dir.File("label.pdf"), pdf);

        var render = await ExternalTool.RunAsync("pdftoppm", "-r", "300", "-png", "-singlefile", dir.File("label.pdf"), dir.File("page"));
        Assert.True(render.ExitCode == 0, render.StdErr);
        var text = await ExternalTool.RunAsync("pdftotext", dir.File("label.pdf"), "-");
        var codes = await ExternalTool.ZbarAsync(dir.File("page.png"));

        Assert.Contains(sku, codes);
        Assert.Contains(ean, codes);
        Assert.Contains("Schraubendreher Größe 2", text.StdOut, StringComparison.Ordinal);
        Assert.Contains("9.99", text.StdOut, StringComparison.Ordinal);
        Assert.Contains("LOT LOT7", text.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Svg_Label_IsFourByTwoInchesWithBarsAndText()
    {
        var (client, id, sku, _) = await ProductAsync(name: "Tape <10m> & Co");
        var svg = XDocument.Parse(System.Text.Encoding.UTF8.GetString(await GetBytesAsync(client, $"/api/products/{id}/label?format=svg", "image/svg+xml")));
        XNamespace ns = "http://www.w3.org/2000/svg";

        Assert.Equal("4in", svg.Root!.Attribute("width")!.Value);
        Assert.Equal("0 0 812 406", svg.Root.Attribute("viewBox")!.Value);
        Assert.True(svg.Descendants(ns + "rect").Count() > 30);
        var texts = svg.Descendants(ns + "text").Select(t => t.Value).ToList();
        Assert.Contains("Tape <10m> & Co", texts);
        Assert.Contains("SKU " + sku, texts);
    }

    [Fact]
    public async Task Zpl_LotLabel_UsesPrinterBarcodeCommands()
    {
        var (client, id, sku, ean) = await ProductAsync();
        var response = await client.GetAsync($"/api/products/{id}/label?lot=ABC123&expiry=2027-06-30&price=true");
        var zpl = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("^XA^CI28^PW812^LL406", zpl, StringComparison.Ordinal);
        Assert.EndsWith("^XZ\n", zpl, StringComparison.Ordinal);
        Assert.Contains($"^BCN,120,Y,N,N,A^FH^FD{sku}^FS", zpl, StringComparison.Ordinal);
        Assert.Contains($"^BEN,120,Y,N^FD{ean[..12]}^FS", zpl, StringComparison.Ordinal);
        Assert.Contains($"^BXN,", zpl, StringComparison.Ordinal);
        Assert.Contains($",200,0,0,6,#^FD#1010{ean}1727063010ABC123^FS", zpl, StringComparison.Ordinal);
        Assert.Contains("^FD9.99^FS", zpl, StringComparison.Ordinal);
        Assert.Contains("^FDLOT ABC123   EXP 2027-06-30^FS", zpl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Zpl_UpcAWithoutPrice_UsesBuAndShowsNoPrice()
    {
        var (client, id, _, _) = await ProductAsync(ean: "042100005264");
        var zpl = await client.GetStringAsync($"/api/products/{id}/label?format=zpl");

        Assert.Contains("^BUN,170,Y,N,Y^FD04210000526^FS", zpl, StringComparison.Ordinal);
        Assert.DoesNotContain("9.99", zpl, StringComparison.Ordinal);
        Assert.DoesNotContain("^BX", zpl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Zpl_NameWithZplControlCharacters_IsEscaped()
    {
        var (client, id, _, _) = await ProductAsync(name: "Cable ^XZ ~JR snake_case");
        var zpl = await client.GetStringAsync($"/api/products/{id}/label");

        Assert.Contains("^FDCable _5EXZ _7EJR snake_5Fcase^FS", zpl, StringComparison.Ordinal);
        Assert.Equal(1, zpl.Split("^XZ").Length - 1);
    }

    [Fact]
    public async Task Label_ProductWithoutRetailCode_HasCode128Only()
    {
        var client = await edge.ClientAsync();
        var sku = "INT-" + Guid.NewGuid().ToString("N")[..8];
        var id = (await client.PostOkAsync("/api/products", new { sku, name = "Internal part", barcodes = new[] { "X-INTERNAL-" + sku } })).GetProperty("id").GetGuid();
        var zpl = await client.GetStringAsync($"/api/products/{id}/label?lot=L1");

        Assert.Contains("^BC", zpl, StringComparison.Ordinal);
        Assert.DoesNotContain("^BE", zpl, StringComparison.Ordinal);
        // No GTIN to put in (01): the lot is printed as text, without a GS1 DataMatrix.
        Assert.DoesNotContain("^BX", zpl, StringComparison.Ordinal);
        Assert.Contains("LOT L1", zpl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Label_LongSkuOnLotLabel_StillFitsAndReads()
    {
        var client = await edge.ClientAsync();
        // A fixed SKU: at 50 mixed characters the Code 128 only fits with 1-dot (0.125 mm) modules, and whether
        // a decoder reads those depends on the content; random content made this test flaky (see README, Labels).
        const string sku = "LONG-1234abcd1234abcd1234abcd1234abcd-abcdefghijkl";
        var ean = NewEan13();
        var id = (await client.PostOkAsync("/api/products", new { sku, name = "Long SKU", barcodes = new[] { ean } })).GetProperty("id").GetGuid();
        using var dir = new ExternalTool.TempDir();
        await File.WriteAllBytesAsync(dir.File("label.png"), await GetBytesAsync(client, $"/api/products/{id}/label?format=png&lot=ABCDEFGHIJKLMNOPQRST&expiry=2030-01-01", "image/png"));

        Assert.Contains(sku, await ExternalTool.ZbarAsync(dir.File("label.png")));
    }

    [Theory]
    [InlineData("format=gif", "format")]
    [InlineData("lot=has%20space", "lot")]
    [InlineData("lot=ABCDEFGHIJKLMNOPQRSTU", "lot")]
    [InlineData("expiry=2027-13-01", "expiry")]
    [InlineData("expiry=2200-01-01", "expiry")]
    public async Task Label_BadQuery_Returns400NamingTheField(string query, string field)
    {
        var (client, id, _, _) = await ProductAsync();
        var response = await client.GetAsync($"/api/products/{id}/label?{query}");
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), body.ToString());
    }

    [Fact]
    public async Task Label_UnknownProduct_Returns404()
    {
        var client = await edge.ClientAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/products/{Guid.NewGuid()}/label?format=png")).StatusCode);
    }

    [Fact]
    public async Task Label_Viewer_MayReadLabels()
    {
        var (_, id, _, _) = await ProductAsync();
        using var viewer = await edge.ClientForRoleAsync("viewer");

        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/api/products/{id}/label?format=svg")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await edge.Anonymous().GetAsync($"/api/products/{id}/label")).StatusCode);
    }
}
