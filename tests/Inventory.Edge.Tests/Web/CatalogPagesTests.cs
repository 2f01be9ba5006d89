using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Inventory.Edge.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inventory.Edge.Tests.Web;

/// <summary>
/// The catalog's CSV page, the locations page and the product page's label block in a real Chromium against the
/// real edge, and what a viewer is not offered there.
/// </summary>
public sealed class CatalogPagesTests(EdgeHost edge, BrowserFixture browser) : IClassFixture<EdgeHost>, IClassFixture<BrowserFixture>
{
    private static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };

    static CatalogPagesTests() => SetDefaultExpectTimeout(15_000);

    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

    private async Task<IPage> SignInAsync(string username = "admin", string password = EdgeHost.AdminPassword)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = edge.BaseAddress.ToString().TrimEnd('/'),
            ViewportSize = Desktop,
            Locale = "en-GB",
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.GetByLabel("Username").FillAsync(username);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        return page;
    }

    [Fact]
    public async Task ImportPage_CsvWithOneBadRow_ShowsCountsAndTheRowError()
    {
        using var admin = await edge.ClientAsync();
        var p = Unique("IMP");
        var csv = $"sku,name,selling_price\n{p}-A,Alpha,1.00\n{p}-B,Beta,12x\n{p}-C,Gamma,3.00\n";
        var page = await SignInAsync();
        try
        {
            await page.GotoAsync("/products");
            await page.GetByRole(AriaRole.Link, new() { Name = "Import CSV" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Export CSV" })).ToBeVisibleAsync();
            await page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload
            {
                Name = "catalog.csv",
                MimeType = "text/csv",
                Buffer = Encoding.UTF8.GetBytes(csv),
            });
            await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();

            var job = page.Locator("#import-job");
            await Expect(job).ToHaveAttributeAsync("data-status", "completed");
            await Expect(job.Locator("[data-count='rowsRead']")).ToHaveTextAsync("3");
            await Expect(job.Locator("[data-count='created']")).ToHaveTextAsync("2");
            await Expect(job.Locator("[data-count='failed']")).ToHaveTextAsync("1");
            var error = page.Locator("#job-error-rows tr");
            await Expect(error).ToHaveCountAsync(1);
            await Expect(error.Locator("td").Nth(0)).ToHaveTextAsync("3");
            await Expect(error.Locator("td").Nth(1)).ToHaveTextAsync("selling_price");
            await Expect(error.Locator("td").Nth(2)).ToContainTextAsync("12x");
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "catalog-import.png"), FullPage = true });

            var found = await admin.GetFromJsonAsync<JsonElement>($"/api/products?q={p}");
            Assert.Equal(2, found.GetProperty("items").GetArrayLength());
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task LocationsPage_CreateLocationAndBin_ListsBoth()
    {
        using var admin = await edge.ClientAsync();
        var code = Unique("L");
        var page = await SignInAsync();
        try
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Locations" }).ClickAsync();
            await page.GetByLabel("Code", new() { Exact = true }).FillAsync(code);
            await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Back store " + code);
            await page.GetByLabel("Type").SelectOptionAsync("store");
            await page.GetByRole(AriaRole.Button, new() { Name = "Create location" }).ClickAsync();

            var row = page.Locator("#location-rows tr", new() { HasText = code });
            await Expect(row).ToContainTextAsync("Back store " + code);
            await Expect(page.Locator("#bins-location")).ToHaveTextAsync(code);
            await page.GetByLabel("Bin code").FillAsync("A-01-1");
            await page.GetByLabel("Description").FillAsync("Top shelf");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add bin" }).ClickAsync();
            await Expect(page.Locator("#bin-list li")).ToHaveTextAsync(["A-01-1 Top shelf"]);

            // Reloaded, the location is listed and its bins open from the row.
            await page.ReloadAsync();
            await row.GetByRole(AriaRole.Button, new() { Name = "Bins" }).ClickAsync();
            await Expect(page.Locator("#bin-list li")).ToHaveCountAsync(1);
            await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "locations.png"), FullPage = true });

            var locations = await admin.GetFromJsonAsync<JsonElement>("/api/locations");
            var created = locations.EnumerateArray().Single(l => l.GetProperty("code").GetString() == code);
            Assert.Equal("store", created.GetProperty("type").GetString());
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task ProductPage_Labels_PreviewAndPrintToRegisteredPrinter()
    {
        using var admin = await edge.ClientAsync();
        var product = await admin.CreateProductAsync(Unique("LBL-"));
        var printerId = Unique("printer-").ToLowerInvariant();
        await admin.PostOkAsync("/api/devices", new { deviceId = printerId, kind = "printer", name = "Dock printer " + printerId });
        var page = await SignInAsync();
        try
        {
            await page.GotoAsync($"/products/{product}");
            var labels = page.Locator("#labels");
            await Expect(labels.Locator("#label-preview")).ToHaveJSPropertyAsync("complete", true);
            Assert.True(await labels.Locator("#label-preview").EvaluateAsync<int>("img => img.naturalWidth") > 0, "the SVG label did not load");
            await Expect(labels.GetByRole(AriaRole.Link, new() { Name = "Download PDF" })).ToHaveAttributeAsync("href", $"/api/products/{product}/label?format=pdf");
            await labels.GetByLabel("Printer").SelectOptionAsync(printerId);
            await labels.GetByLabel("Copies").FillAsync("3");
            await labels.GetByRole(AriaRole.Button, new() { Name = "Print" }).ClickAsync();

            await Expect(page.Locator("#print-result")).ToContainTextAsync($"3 labels queued for {printerId}");
            await labels.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "product-labels.png") });
            var jobs = await admin.GetFromJsonAsync<JsonElement>($"/api/labels/jobs?printerId={printerId}");
            Assert.Equal(3, Assert.Single(jobs.EnumerateArray()).GetProperty("copies").GetInt32());
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Viewer_SeesNoImportNoCreateLocationAndNoLabelPrinting()
    {
        using var admin = await edge.ClientAsync();
        var product = await admin.CreateProductAsync(Unique("VW-"));
        await admin.CreateLocationAsync(Unique("V"));
        var username = "viewer" + Guid.NewGuid().ToString("N")[..8];
        await admin.PostOkAsync("/api/users", new { username, password = "viewer-password", role = "viewer" });
        var page = await SignInAsync(username, "viewer-password");
        try
        {
            await page.GotoAsync("/products");
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Export CSV" })).ToBeVisibleAsync();
            await Expect(page.Locator("[data-import-control]")).ToHaveCountAsync(0);
            await page.GotoAsync("/products/import");
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Export CSV" })).ToBeVisibleAsync();
            await Expect(page.Locator("#import-form")).ToHaveCountAsync(0);

            await page.GotoAsync("/locations");
            await Expect(page.Locator("#location-rows tr").First).ToBeVisibleAsync();
            await Expect(page.Locator("#location-form")).ToHaveCountAsync(0);
            await page.Locator("#location-rows tr").First.GetByRole(AriaRole.Button, new() { Name = "Bins" }).ClickAsync();
            await Expect(page.Locator("#bins")).ToBeVisibleAsync();
            await Expect(page.Locator("#bin-form")).ToBeHiddenAsync();

            await page.GotoAsync($"/products/{product}");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            await Expect(page.Locator("#labels")).ToHaveCountAsync(0);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
