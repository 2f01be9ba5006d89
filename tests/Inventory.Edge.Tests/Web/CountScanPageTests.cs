using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Edge.Tests.Counting;
using Inventory.Edge.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inventory.Edge.Tests.Web;

/// <summary>The scan page's count mode into an open cycle count, in a real Chromium: pick the count, scan a bin, scan items.</summary>
public sealed class CountScanPageTests(EdgeHost edge, BrowserFixture browser) : IClassFixture<EdgeHost>, IClassFixture<BrowserFixture>
{
    static CountScanPageTests() => SetDefaultExpectTimeout(15_000);

    private static async Task ScanAsync(IPage page, string code)
    {
        await Expect(page.GetByLabel("Barcode")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(code);
        await page.Keyboard.PressAsync("Enter");
    }

    [Fact]
    public async Task ScanPage_CountMode_PickOpenCount_ScanBinThenItems_AddsUpBlind()
    {
        using var admin = await edge.ClientAsync();
        var (location, products) = await CountingTestData.StockAsync(admin, ("K-4", 987_654));
        var locationCode = (await admin.GetFromJsonAsync<JsonElement>($"/api/locations/{location}")).GetProperty("code").GetString()!;
        var sku = (await admin.GetFromJsonAsync<JsonElement>($"/api/products/{products[0]}")).GetProperty("sku").GetString()!;
        var count = await CountingTestData.CountOfAsync(admin, location);
        await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = edge.BaseAddress.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            Locale = "en-GB",
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.GetByLabel("Username").FillAsync("admin");
        await page.GetByLabel("Password").FillAsync(EdgeHost.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();

        await page.GotoAsync("/scan");
        await page.GetByLabel("Location", new() { Exact = true }).SelectOptionAsync(locationCode);
        await page.Locator("label.mode", new() { HasText = "Count" }).ClickAsync();
        var counts = page.GetByLabel("Cycle count");
        await Expect(counts.Locator($"option[value='{count.Id()}']")).ToHaveCountAsync(1);
        await counts.SelectOptionAsync(count.Id().ToString());
        await page.GetByLabel("Quantity").FillAsync("1");
        await page.GetByLabel("Barcode").FocusAsync();

        await ScanAsync(page, "K-4");
        await Expect(page.Locator("#result")).ToContainTextAsync("Bin K-4");
        await Expect(page.GetByLabel("Bin", new() { Exact = true })).ToHaveValueAsync("K-4");
        await ScanAsync(page, sku);
        await Expect(page.Locator("#result")).ToContainTextAsync($"{sku} counted so far 1 in bin K-4");
        await ScanAsync(page, sku);
        await Expect(page.Locator("#result")).ToContainTextAsync($"{sku} counted so far 2 in bin K-4");
        await Expect(page.Locator("#result")).Not.ToContainTextAsync("987654");

        var view = await admin.GetFromJsonAsync<JsonElement>($"/api/cycle-counts/{count.Id()}");
        Assert.Equal(2, view.Lines().Single().GetProperty("counted").GetInt64());
        Assert.Equal(987_654, await admin.QuantityAsync(products[0], location));
    }
}
