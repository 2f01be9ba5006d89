using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Inventory.Domain.Catalog;
using Inventory.Edge.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Inventory.Edge.Tests.Catalog;

/// <summary>
/// Catalog CSV import and export through the real edge. Each test makes SKUs with its own prefix, so the
/// tests share one host without seeing each other's products. Row numbers in errors are file lines.
/// </summary>
public sealed class CsvImportTests(EdgeHost host, ITestOutputHelper output) : IClassFixture<EdgeHost>
{
    private static readonly TimeSpan SmallImportTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task BulkImport_RowsWithSeveralColumns_CreatesProductsWithAllFields()
    {
        using var admin = await host.ClientAsync();
        var p = Prefix();
        var ean = Ean13("400638133");
        var csv = $$"""
            SKU,Name,Description,Category,Parent_SKU,Cost_Price,Selling_Price,Reorder_Point,Reorder_Quantity,Max_Level,Unit,Weight,Image_Url,Is_Active,Barcodes,Case_Barcodes,Attributes
            {{p}}-SHIRT,Shirt,"Cotton, blue",Clothes {{p}},,4.25,12.50,5,20,100,each,0.2,https://example.com/s.png,yes,{{ean}}|{{p}}X1,{{p}}CASE:12,"{""material"":""cotton""}"
            {{p}}-SHIRT-M,Shirt M,,Clothes {{p}},{{p}}-SHIRT,4.25,12.5,,,,each,,,no,{{p}}M1;{{p}}M2,,"{""size"":""M""}"
            """;

        var status = await ImportAsync(admin, csv);

        AssertCounts(status, "completed", read: 2, created: 2, updated: 0, unchanged: 0, failed: 0);
        var products = await ProductsAsync(admin, p);
        var shirt = products[$"{p}-SHIRT"];
        Assert.Equal("Shirt", shirt.GetProperty("name").GetString());
        Assert.Equal("Cotton, blue", shirt.GetProperty("description").GetString());
        Assert.Equal(4.25m, shirt.GetProperty("costPrice").GetDecimal());
        Assert.Equal(12.5m, shirt.GetProperty("sellingPrice").GetDecimal());
        Assert.Equal(20, shirt.GetProperty("reorderQuantity").GetInt32());
        Assert.Equal(100, shirt.GetProperty("maxLevel").GetInt32());
        Assert.Equal(0.2m, shirt.GetProperty("weight").GetDecimal());
        Assert.Equal("https://example.com/s.png", shirt.GetProperty("imageUrl").GetString());
        Assert.True(shirt.GetProperty("isActive").GetBoolean());
        Assert.Equal([ean, $"{p}X1"], shirt.GetProperty("barcodes").EnumerateArray().Select(b => b.GetString()!).Order(StringComparer.Ordinal));
        var pack = Assert.Single(shirt.GetProperty("caseBarcodes").EnumerateArray());
        Assert.Equal(12, pack.GetProperty("packQuantity").GetInt32());
        Assert.Equal("cotton", shirt.GetProperty("attributes").GetProperty("material").GetString());

        var variant = products[$"{p}-SHIRT-M"];
        Assert.Equal(shirt.GetProperty("id").GetGuid(), variant.GetProperty("parentId").GetGuid());
        Assert.Equal(shirt.GetProperty("categoryId").GetGuid(), variant.GetProperty("categoryId").GetGuid());
        Assert.False(variant.GetProperty("isActive").GetBoolean());
        Assert.Equal(2, variant.GetProperty("barcodes").GetArrayLength());
        var categories = await admin.GetFromJsonAsync<JsonElement>("/api/categories");
        Assert.Single(categories.EnumerateArray(), c => c.GetProperty("name").GetString() == $"Clothes {p}");
    }

    [Fact]
    public async Task BulkImport_SameFileTwice_SecondRunAllUnchangedAndVersionsKept()
    {
        using var admin = await host.ClientAsync();
        var p = Prefix();
        var csv = new StringBuilder("sku,name,category,selling_price,cost_price,barcodes,case_barcodes,attributes,is_active\n");
        for (var i = 0; i < 30; i++)
        {
            csv.Append($"{p}-{i:D3},Item {i},Cat {p},{i}.10,1.5,{p}B{i:D3},{p}C{i:D3}:6,\"{{\"\"n\"\":{i}}}\",true\n");
        }

        var first = await ImportAsync(admin, csv.ToString());
        AssertCounts(first, "completed", read: 30, created: 30, updated: 0, unchanged: 0, failed: 0);
        var before = (await ProductsAsync(admin, p)).ToDictionary(kv => kv.Key, kv => kv.Value.GetProperty("version").GetInt64());

        var second = await ImportAsync(admin, csv.ToString());

        AssertCounts(second, "completed", read: 30, created: 0, updated: 0, unchanged: 30, failed: 0);
        var after = await ProductsAsync(admin, p);
        Assert.Equal(30, after.Count);
        Assert.All(after, kv => Assert.Equal(before[kv.Key], kv.Value.GetProperty("version").GetInt64()));
    }

    [Fact]
    public async Task BulkImport_ChangedRowsAndBarcodes_UpdatesOnlyThoseAndBumpsTheirVersion()
    {
        using var admin = await host.ClientAsync();
        var p = Prefix();
        await ImportAsync(admin, $"sku,name,selling_price,barcodes\n{p}-A,Alpha,1.00,{p}A1|{p}A2\n{p}-B,Beta,2.00,{p}B1\n");
        var before = await ProductsAsync(admin, p);

        // A keeps one barcode and gains one; B's price alone changes; the file has no barcodes for B's row to clear.
        var status = await ImportAsync(admin, $"sku,name,barcodes\n{p}-A,Alpha,{p}A1|{p}A3\n");
        var status2 = await ImportAsync(admin, $"sku,name,selling_price\n{p}-B,Beta,2.50\n{p}-A,Alpha,1.00\n");

        AssertCounts(status, "completed", read: 1, created: 0, updated: 1, unchanged: 0, failed: 0);
        AssertCounts(status2, "completed", read: 2, created: 0, updated: 1, unchanged: 1, failed: 0);
        var after = await ProductsAsync(admin, p);
        Assert.Equal([$"{p}A1", $"{p}A3"], after[$"{p}-A"].GetProperty("barcodes").EnumerateArray().Select(b => b.GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal(before[$"{p}-A"].GetProperty("version").GetInt64() + 1, after[$"{p}-A"].GetProperty("version").GetInt64());
        Assert.Equal(2.5m, after[$"{p}-B"].GetProperty("sellingPrice").GetDecimal());
        Assert.Equal([$"{p}B1"], after[$"{p}-B"].GetProperty("barcodes").EnumerateArray().Select(b => b.GetString()!));
    }

    [Fact]
    public async Task BulkImport_RowsWithErrors_RefusesBadRowsAndImportsGoodOnes()
    {
        using var admin = await host.ClientAsync();
        var p = Prefix();
        await admin.CreateProductAsync($"{p}-OWNER", null, $"{p}TAKEN");
        var csv = $"""
            sku,name,selling_price,barcodes,colour
            {p}-GOOD1,Good one,1.50,,red
            ,No SKU,1.00,,
            {p}-BADNUM,Bad number,"12,5x",,
            {p}-GOOD1,Second occurrence,9.99,,
            {p}-FORMULA,"=HYPERLINK(""http://x"",""y"")",1.00,,
            {p}-STEAL,Takes a barcode,1.00,{p}TAKEN,
            {p}-GOOD2,Good two,2.50,,blue
            """;

        var status = await ImportAsync(admin, csv);

        AssertCounts(status, "completed", read: 7, created: 2, updated: 0, unchanged: 0, failed: 5);
        var errors = status.GetProperty("errors").EnumerateArray()
            .Select(e => (Row: e.GetProperty("row").GetInt32(), Column: e.GetProperty("column").GetString(), Message: e.GetProperty("message").GetString()!))
            .ToList();
        Assert.Contains(errors, e => e is { Row: 3, Column: "sku" } && e.Message.Contains("required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e is { Row: 4, Column: "selling_price" } && e.Message.Contains("12,5x", StringComparison.Ordinal));
        Assert.Contains(errors, e => e is { Row: 5, Column: "sku" } && e.Message.Contains("row 2", StringComparison.Ordinal));
        Assert.Contains(errors, e => e is { Row: 6, Column: "name" } && e.Message.Contains("formula", StringComparison.Ordinal));
        Assert.Contains(errors, e => e is { Row: 7, Column: "barcodes" } && e.Message.Contains($"{p}-OWNER", StringComparison.Ordinal));
        var warning = Assert.Single(status.GetProperty("warnings").EnumerateArray());
        Assert.Contains("colour", warning.GetString(), StringComparison.Ordinal);

        var products = await ProductsAsync(admin, p);
        Assert.Equal([$"{p}-GOOD1", $"{p}-GOOD2", $"{p}-OWNER"], products.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Good one", products[$"{p}-GOOD1"].GetProperty("name").GetString());
        Assert.Equal(1.5m, products[$"{p}-GOOD1"].GetProperty("sellingPrice").GetDecimal());
    }

    [Fact]
    public async Task BulkImport_BarcodeClaimedTwiceInOneFile_SecondRowRefusedAndMovedBarcodeAccepted()
    {
        using var admin = await host.ClientAsync();
        var p = Prefix();
        await ImportAsync(admin, $"sku,name,barcodes\n{p}-OLD,Old owner,{p}MOVE\n");

        // Same chunk: NEW1 takes a fresh code, NEW2 wants it too; OLD gives MOVE up and NEW3 takes it.
        var status = await ImportAsync(admin, $"sku,name,barcodes\n{p}-NEW1,First,{p}X\n{p}-NEW2,Second,{p}X\n{p}-OLD,Old owner,\n{p}-NEW3,Third,{p}MOVE\n");

        AssertCounts(status, "completed", read: 4, created: 2, updated: 1, unchanged: 0, failed: 1);
        var error = Assert.Single(status.GetProperty("errors").EnumerateArray());
        Assert.Equal(3, error.GetProperty("row").GetInt32());
        Assert.Contains($"{p}-NEW1", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        var products = await ProductsAsync(admin, p);
        Assert.Equal([$"{p}MOVE"], products[$"{p}-NEW3"].GetProperty("barcodes").EnumerateArray().Select(b => b.GetString()!));
        Assert.Equal(0, products[$"{p}-OLD"].GetProperty("barcodes").GetArrayLength());
        Assert.False(products.ContainsKey($"{p}-NEW2"));
    }

    [Fact]
    public async Task BulkImport_ManyBadRows_StoresFirst1000ErrorsCountsTheRestAndSavesStatusFile()
    {
        using var admin = await host.ClientAsync();
        var csv = new StringBuilder("sku,name,reorder_point\n");
        for (var i = 0; i < 1200; i++)
        {
            csv.Append($"{Prefix()},Item,lots\n");
        }

        var status = await ImportAsync(admin, csv.ToString());

        AssertCounts(status, "completed", read: 1200, created: 0, updated: 0, unchanged: 0, failed: 1200);
        Assert.Equal(1000, status.GetProperty("errors").GetArrayLength());
        Assert.Equal(200, status.GetProperty("moreErrors").GetInt64());
        Assert.Equal("reorder_point", status.GetProperty("errors")[0].GetProperty("column").GetString());
        Assert.Equal(2, status.GetProperty("errors")[0].GetProperty("row").GetInt32());
        var saved = Path.Combine(host.DataDir, "imports", status.GetProperty("jobId").GetGuid().ToString("N") + ".json");
        Assert.Equal("completed", JsonDocument.Parse(await File.ReadAllTextAsync(saved)).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task BulkImport_Latin1File_FailsWholeJobAndImportsNothing()
    {
        using var admin = await host.ClientAsync();
        var p = Prefix();
        var text = $"sku,name\n{p}-OK,Plain name\n{p}-CAFE,Café crème\n";

        var status = await ImportAsync(admin, Encoding.Latin1.GetBytes(text));

        Assert.Equal("failed", status.GetProperty("status").GetString());
        Assert.Contains("UTF-8", status.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("line 3", status.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, status.GetProperty("created").GetInt64());
        Assert.Empty(await ProductsAsync(admin, p));
    }

    [Fact]
    public async Task BulkImport_Utf8WithBomAndAccents_Imports()
    {
        using var admin = await host.ClientAsync();
        var p = Prefix();
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes($"sku,name\r\n{p}-CAFE,Café crème\r\n")).ToArray();

        var status = await ImportAsync(admin, bytes);

        AssertCounts(status, "completed", read: 1, created: 1, updated: 0, unchanged: 0, failed: 0);
        Assert.Equal("Café crème", (await ProductsAsync(admin, p))[$"{p}-CAFE"].GetProperty("name").GetString());
    }

    [Fact]
    public async Task BulkImport_HeaderWithoutSku_FailsJobWithMessage()
    {
        using var admin = await host.ClientAsync();

        var status = await ImportAsync(admin, "code,name\nX1,Thing\n");

        Assert.Equal("failed", status.GetProperty("status").GetString());
        Assert.Contains("'sku'", status.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, status.GetProperty("rowsRead").GetInt64());
    }

    [Fact]
    public async Task BulkImport_StaffOrViewer_Returns403()
    {
        foreach (var role in new[] { "staff", "viewer" })
        {
            using var client = await host.ClientForRoleAsync(role);
            using var response = await client.PostAsync("/api/products/bulk-import", Form("sku,name\nX,Y\n"u8.ToArray()));
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    [Fact]
    public async Task BulkImport_NoFileField_Returns400AndUnknownJob404()
    {
        using var admin = await host.ClientAsync();
        using var form = new MultipartFormDataContent { { new StringContent("x"), "other" } };

        using var response = await admin.PostAsync("/api/products/bulk-import", form);
        using var missing = await admin.GetAsync($"/api/products/bulk-import/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task BulkImport_50000Rows_CompletesInTimeAndReportsProgress()
    {
        const int rows = 50_000;
        using var admin = await host.ClientAsync();
        var p = Prefix();
        var csv = new StringBuilder(rows * 90);
        csv.Append("sku,name,category,selling_price,cost_price,reorder_point,unit,barcodes,is_active\n");
        for (var i = 0; i < rows; i++)
        {
            csv.Append($"{p}-{i:D6},Bulk product {i},Bulk {p} {i % 20},{i % 1000}.99,1.25,5,each,{p}BC{i:D6},true\n");
        }

        var clock = Stopwatch.StartNew();
        var statusUrl = await UploadAsync(admin, Encoding.UTF8.GetBytes(csv.ToString()));
        var progressSeen = false;
        var status = await WaitForJobAsync(admin, statusUrl, TimeSpan.FromSeconds(120), TimeSpan.FromMilliseconds(100), s =>
            progressSeen |= s.GetProperty("status").GetString() == "running" && s.GetProperty("rowsRead").GetInt64() is > 0 and < rows);
        clock.Stop();

        output.WriteLine($"50,000-row import: {clock.Elapsed.TotalSeconds:0.0} s from upload to completed " +
            $"(job ran {status.GetProperty("startedAt").GetDateTimeOffset():HH:mm:ss.fff} to {status.GetProperty("finishedAt").GetDateTimeOffset():HH:mm:ss.fff})");
        AssertCounts(status, "completed", read: rows, created: rows, updated: 0, unchanged: 0, failed: 0);
        Assert.True(progressSeen, "No status poll saw the job running with part of the rows read.");
        var sample = await ProductsAsync(admin, $"{p}-049999");
        Assert.Equal("Bulk product 49999", sample[$"{p}-049999"].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Export_Manager_ContainsProductsAndNeutralisesFormulaCells()
    {
        using var admin = await host.ClientAsync();
        var p = Prefix();
        await admin.PostOkAsync("/api/products", new { sku = $"{p}-F", name = "@risky name", description = "=1+2", costPrice = 3.5m, sellingPrice = 7m });
        await admin.PostOkAsync("/api/products", new { sku = $"{p}-Q", name = "Quote \"and\", comma", description = "two\nlines" });

        using var response = await admin.GetAsync("/api/products/export.csv");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var header = text.TrimStart('\uFEFF')[..text.TrimStart('\uFEFF').IndexOf('\r', StringComparison.Ordinal)];
        Assert.Equal("sku,name,description,category,parent_sku,cost_price,selling_price,reorder_point,reorder_quantity,max_level,unit,weight,image_url,is_active,barcodes,case_barcodes,attributes,lot_tracked,shelf_life_days,expiry_alert_days,sell_expired", header);
        Assert.Contains($"\r\n{p}-F,'@risky name,'=1+2,,,3.5,7,,,,each,,,true,,,,false,,30,false\r\n", text, StringComparison.Ordinal);
        Assert.Contains($"\r\n{p}-Q,\"Quote \"\"and\"\", comma\",\"two\nlines\",", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LotColumns_SetOnImport_KeptWhenAbsent_EmptyShelfLifeClears_Exported()
    {
        using var admin = await host.ClientAsync();
        var p = Prefix();

        var created = await ImportAsync(admin, $"sku,name,lot_tracked,shelf_life_days,expiry_alert_days,sell_expired\n{p}-LOT,Lotted,yes,90,14,true\n");
        var afterCreate = (await ProductsAsync(admin, p))[$"{p}-LOT"];
        await ImportAsync(admin, $"sku,name\n{p}-LOT,Renamed\n");
        var kept = (await ProductsAsync(admin, p))[$"{p}-LOT"];
        var export = await admin.GetStringAsync("/api/products/export.csv");
        var bad = await ImportAsync(admin, $"sku,name,sell_expired,shelf_life_days\n{p}-LOT,Renamed,maybe,\n");
        await ImportAsync(admin, $"sku,name,shelf_life_days\n{p}-LOT,Renamed,\n");
        var cleared = (await ProductsAsync(admin, p))[$"{p}-LOT"];

        AssertCounts(created, "completed", read: 1, created: 1, updated: 0, unchanged: 0, failed: 0);
        Assert.True(afterCreate.GetProperty("lotTracked").GetBoolean());
        Assert.Equal(90, afterCreate.GetProperty("shelfLifeDays").GetInt32());
        Assert.Equal(14, afterCreate.GetProperty("expiryAlertDays").GetInt32());
        Assert.True(afterCreate.GetProperty("sellExpired").GetBoolean());
        Assert.Equal("Renamed", kept.GetProperty("name").GetString());
        Assert.True(kept.GetProperty("lotTracked").GetBoolean());
        Assert.Equal(90, kept.GetProperty("shelfLifeDays").GetInt32());
        Assert.True(kept.GetProperty("sellExpired").GetBoolean());
        Assert.EndsWith(",true,90,14,true", SplitRecords(export.TrimStart('\uFEFF')).Single(l => l.StartsWith($"{p}-LOT,", StringComparison.Ordinal)), StringComparison.Ordinal);
        AssertCounts(bad, "completed", read: 1, created: 0, updated: 0, unchanged: 0, failed: 1);
        Assert.False(cleared.TryGetProperty("shelfLifeDays", out var shelfLife) && shelfLife.ValueKind != JsonValueKind.Null, "shelf life cleared");
        Assert.True(cleared.GetProperty("lotTracked").GetBoolean());
    }

    [Fact]
    public async Task Export_Viewer_HasNoCostPriceColumn()
    {
        using var admin = await host.ClientAsync();
        var p = Prefix();
        await admin.PostOkAsync("/api/products", new { sku = $"{p}-V", name = "Viewer sees", costPrice = 9.75m, sellingPrice = 20m });
        using var viewer = await host.ClientForRoleAsync("viewer");

        var text = await viewer.GetStringAsync("/api/products/export.csv");

        Assert.DoesNotContain("cost_price", text, StringComparison.Ordinal);
        Assert.DoesNotContain("9.75", text, StringComparison.Ordinal);
        Assert.Contains($"{p}-V,Viewer sees,,,,20,", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_ThenImportTheSameFile_EveryRowUnchanged()
    {
        using var admin = await host.ClientAsync();
        var p = Prefix();
        await ImportAsync(admin, $$"""
            sku,name,description,category,cost_price,selling_price,weight,barcodes,case_barcodes,attributes,is_active
            {{p}}-P,Parent,"Line one
            line two",Round {{p}},1.2500,3.50,0.500,{{p}}P1|{{p}}P2,{{p}}PC:24,"{""a"":[1,2],""b"":""x""}",false
            """);
        await admin.PostOkAsync("/api/products", new { sku = $"{p}-Z", name = "Made by API", sellingPrice = 1.1m, unit = "kg" });
        await ImportAsync(admin, $"sku,name,parent_sku\n{p}-V,Variant,{p}-P\n");

        var export = await admin.GetStringAsync("/api/products/export.csv");
        var lines = SplitRecords(export.TrimStart('\uFEFF'));
        var mine = string.Join("\r\n", lines.Take(1).Concat(lines.Skip(1).Where(l => l.StartsWith(p, StringComparison.Ordinal)))) + "\r\n";
        var status = await ImportAsync(admin, mine);

        AssertCounts(status, "completed", read: 3, created: 0, updated: 0, unchanged: 3, failed: 0);
    }

    private static string Prefix() => "T" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    private static string Ean13(string twelveDigitsOrFewer)
    {
        var body = twelveDigitsOrFewer.PadRight(12, '0');
        return body + Gtin.CheckDigit(body).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Records of a CSV text, keeping quoted line breaks inside their record.</summary>
    private static List<string> SplitRecords(string csv)
    {
        var records = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (c == '"')
            {
                quoted = !quoted;
            }

            if (!quoted && c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
            {
                records.Add(current.ToString());
                current.Clear();
                i++;
                continue;
            }

            current.Append(c);
        }

        if (current.Length > 0)
        {
            records.Add(current.ToString());
        }

        return records;
    }

    private static void AssertCounts(JsonElement status, string expected, long read, long created, long updated, long unchanged, long failed)
    {
        var text = status.GetRawText();
        Assert.True(status.GetProperty("status").GetString() == expected, $"Expected {expected}: {text}");
        Assert.True(status.GetProperty("rowsRead").GetInt64() == read, $"rowsRead {read}: {text}");
        Assert.True(status.GetProperty("created").GetInt64() == created, $"created {created}: {text}");
        Assert.True(status.GetProperty("updated").GetInt64() == updated, $"updated {updated}: {text}");
        Assert.True(status.GetProperty("unchanged").GetInt64() == unchanged, $"unchanged {unchanged}: {text}");
        Assert.True(status.GetProperty("failed").GetInt64() == failed, $"failed {failed}: {text}");
    }

    private static MultipartFormDataContent Form(byte[] file)
    {
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { content, "file", "products.csv" } };
    }

    private static async Task<string> UploadAsync(HttpClient client, byte[] file)
    {
        using var response = await client.PostAsync("/api/products/bulk-import", Form(file));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"Upload: {(int)response.StatusCode} {body}");
        var accepted = JsonDocument.Parse(body).RootElement;
        Assert.Equal("queued", accepted.GetProperty("status").GetString());
        var statusUrl = accepted.GetProperty("statusUrl").GetString()!;
        Assert.Equal($"/api/products/bulk-import/{accepted.GetProperty("jobId").GetGuid()}", statusUrl);
        return statusUrl;
    }

    private static Task<JsonElement> ImportAsync(HttpClient client, string csv) => ImportAsync(client, Encoding.UTF8.GetBytes(csv));

    private static async Task<JsonElement> ImportAsync(HttpClient client, byte[] file) =>
        await WaitForJobAsync(client, await UploadAsync(client, file), SmallImportTimeout, TimeSpan.FromMilliseconds(50), _ => { });

    private static async Task<JsonElement> WaitForJobAsync(
        HttpClient client, string statusUrl, TimeSpan timeout, TimeSpan pollEvery, Action<JsonElement> onPoll)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var status = await client.GetFromJsonAsync<JsonElement>(statusUrl);
            onPoll(status);
            if (status.GetProperty("status").GetString() is "completed" or "failed")
            {
                return status;
            }

            Assert.True(clock.Elapsed < timeout, $"The import did not finish within {timeout.TotalSeconds} s: {status.GetRawText()}");
            await Task.Delay(pollEvery);
        }
    }

    private static async Task<Dictionary<string, JsonElement>> ProductsAsync(HttpClient client, string skuPart)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/products?q={Uri.EscapeDataString(skuPart)}&includeInactive=true&limit=500");
        return page.GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("sku").GetString()!.Contains(skuPart, StringComparison.Ordinal))
            .ToDictionary(i => i.GetProperty("sku").GetString()!);
    }
}
