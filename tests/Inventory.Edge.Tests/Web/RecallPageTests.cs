using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Inventory.Edge.Tests.Infrastructure;
using Inventory.Edge.Tests.Mqtt;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inventory.Edge.Tests.Web;

/// <summary>
/// The /lots/recall page and the scan page's pick hint in a real Chromium against the real edge: a manager holds a lot
/// from the recall page and the box then refuses to ship it; a viewer sees the trace without a hold control; the scan
/// page in pick mode says which lot to take before the pick, B then A as FEFO takes them.
/// </summary>
public sealed class RecallPageTests(EdgeHost edge, BrowserFixture browser) : IClassFixture<EdgeHost>, IClassFixture<BrowserFixture>
{
    static RecallPageTests() => SetDefaultExpectTimeout(15_000);

    private static string Day(int offset) =>
        DateOnly.FromDateTime(DateTime.UtcNow).AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<IPage> SignInAsync(string username, string password, bool phone = false)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = edge.BaseAddress.ToString().TrimEnd('/'),
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 800 },
            IsMobile = phone,
            HasTouch = phone,
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
    public async Task Manager_HoldsALotFromTheRecallPage_ThenAShipIs409_ViewerSeesNoHoldButton()
    {
        using var manager = await edge.ClientAsync();
        var code = "RC" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var location = await manager.CreateLocationAsync(code);
        var sku = "SKU-" + code;
        var product = await manager.CreateProductAsync(sku);
        await manager.ReceiveAsync(product, location, 6, new { lot = "RC-1", expiry = Day(60), bin = "R-1" });
        await manager.PostOkAsync("/api/inventory/ship", new { productId = product, locationId = location, quantity = 1, lot = "RC-1", referenceType = "web", referenceId = "W-31" });

        var page = await SignInAsync("admin", EdgeHost.AdminPassword);
        await page.GetByRole(AriaRole.Link, new() { Name = "Recall", Exact = true }).ClickAsync();
        await page.GetByLabel("Product").FillAsync(sku);
        await page.GetByLabel("Lot", new() { Exact = true }).FillAsync("RC-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(page.Locator("#recall-status")).ToHaveTextAsync("available");
        await Expect(page.Locator("#recall-receipts tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#recall-shipments tbody tr")).ToContainTextAsync("W-31");
        await Expect(page.Locator("#recall-on-hand tbody tr")).ToContainTextAsync(code);
        await Expect(page.Locator("#recall-on-hand tfoot")).ToContainTextAsync("5");
        await Expect(page.Locator("#recall-pdf")).ToHaveAttributeAsync("href", $"/api/lots/trace?productId={product}&lot=RC-1&format=pdf");

        await page.GetByLabel("Reason", new() { Exact = true }).FillAsync("supplier recall R-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Hold", Exact = true }).ClickAsync();
        await Expect(page.Locator("#recall-status")).ToHaveTextAsync("hold");
        await Expect(page.Locator("#recall-reason")).ToHaveTextAsync("supplier recall R-31");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Release", Exact = true })).ToBeVisibleAsync();

        using var ship = await manager.PostAsJsonAsync("/api/inventory/ship", new { productId = product, locationId = location, quantity = 1, lot = "RC-1" });
        Assert.Equal(HttpStatusCode.Conflict, ship.StatusCode);

        await manager.PostOkAsync("/api/users", new { username = "recall-viewer", password = "viewer-password", role = "viewer" });
        var viewer = await SignInAsync("recall-viewer", "viewer-password");
        await viewer.GotoAsync($"/lots/recall?productId={product}&lot=RC-1");
        await Expect(viewer.Locator("#recall-status")).ToHaveTextAsync("hold");
        await Expect(viewer.Locator("#recall-on-hand tbody tr")).ToHaveCountAsync(1);
        await Expect(viewer.GetByRole(AriaRole.Button, new() { Name = "Hold", Exact = true })).ToHaveCountAsync(0);
        await Expect(viewer.GetByRole(AriaRole.Button, new() { Name = "Release", Exact = true })).ToHaveCountAsync(0);
        await Expect(viewer.Locator("#recall-hold")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ScanPage_PickMode_ShowsTheLotToTakeBeforeThePick_BThenA()
    {
        using var manager = await edge.ClientAsync();
        var (product, location, locationCode, barcode) = await manager.StockedProductAsync();
        await manager.ReceiveAsync(product, location, 1, new { lot = "C", bin = "BIN-C" });
        await manager.ReceiveAsync(product, location, 1, new { lot = "A", expiry = Day(30), bin = "BIN-A" });
        await manager.ReceiveAsync(product, location, 1, new { lot = "B", expiry = Day(29), bin = "BIN-B" });

        var page = await SignInAsync("admin", EdgeHost.AdminPassword, phone: true);
        await page.GotoAsync("/scan");
        await page.GetByLabel("Location", new() { Exact = true }).SelectOptionAsync(locationCode);
        await page.Locator("label.mode", new() { HasText = "Pick" }).ClickAsync();
        await page.GetByLabel("Quantity").FillAsync("1");
        await page.GetByLabel("Barcode").FocusAsync();
        await page.Keyboard.TypeAsync(barcode);

        var hint = page.Locator("#pick-next");
        await Expect(hint).ToHaveTextAsync($"Take lot B from bin BIN-B (expires {Day(29)})");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#result")).ToContainTextAsync("lot B bin BIN-B");
        await Expect(hint).ToHaveTextAsync($"Take lot A from bin BIN-A (expires {Day(30)})");
        // The small-screen layout holds: nothing wider than the phone.
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "scan-phone-pick-next.png") });
    }
}
