using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Edge.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inventory.Edge.Tests.Web;

/// <summary>
/// The edge's web UI in a real Chromium against the real edge: sign-in, the scan page (typed and offline),
/// the live dashboard and what a viewer is shown. Screenshots land in docs/screenshots for the README.
/// </summary>
public sealed class WebUiTests(EdgeHost edge, BrowserFixture browser) : IClassFixture<EdgeHost>, IClassFixture<BrowserFixture>
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
    private static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };

    static WebUiTests() => SetDefaultExpectTimeout(15_000);

    private Task<IBrowserContext> NewContextAsync(ViewportSize size, bool phone = false) =>
        browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = edge.BaseAddress.ToString().TrimEnd('/'),
            ViewportSize = size,
            IsMobile = phone,
            HasTouch = phone,
            Locale = "en-GB",
        });

    private static async Task<IPage> SignInAsync(IBrowserContext context, string username = "admin", string password = EdgeHost.AdminPassword)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.GetByLabel("Username").FillAsync(username);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        return page;
    }

    private static async Task<(Guid Product, Guid Location, string LocationCode, string Barcode)> ProductAndLocationAsync(HttpClient admin)
    {
        var code = "UI" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var location = await admin.CreateLocationAsync(code);
        var barcode = Ean13("2" + Random.Shared.NextInt64(10_000_000_000, 99_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var product = await admin.CreateProductAsync("SKU-" + code, null, barcode);
        return (product, location, code, barcode);
    }

    /// <summary>Twelve digits and their EAN-13 check digit (restricted-circulation prefix 2, never a real product).</summary>
    private static string Ean13(string twelve)
    {
        var sum = twelve.Select((c, i) => (c - '0') * (i % 2 == 0 ? 1 : 3)).Sum();
        return twelve + (char)('0' + ((10 - (sum % 10)) % 10));
    }

    private static async Task<IPage> OpenScanAsync(IBrowserContext context, string mode, string locationCode, int qty)
    {
        var page = await SignInAsync(context);
        await page.GotoAsync("/scan");
        await page.GetByLabel("Location", new() { Exact = true }).SelectOptionAsync(locationCode);
        await page.Locator("label.mode", new() { HasText = mode }).ClickAsync();
        await page.GetByLabel("Quantity").FillAsync(qty.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Barcode").FocusAsync();
        return page;
    }

    private static async Task ScanAsync(IPage page, string code)
    {
        var input = page.GetByLabel("Barcode");
        await Expect(input).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync(code);
        await page.Keyboard.PressAsync("Enter");
    }

    private static async Task<int> MovementCountAsync(HttpClient admin, Guid product)
    {
        var body = await admin.GetFromJsonAsync<JsonElement>($"/api/stock-movements?productId={product}");
        return body.GetProperty("items").GetArrayLength();
    }

    [Fact]
    public async Task ScanPage_TypedBarcodeAndEnter_ReceivesAndDashboardUpdatesWithoutReload()
    {
        using var admin = await edge.ClientAsync();
        var (product, location, locationCode, barcode) = await ProductAndLocationAsync(admin);
        await using var desk = await NewContextAsync(Desktop);
        await using var handheld = await NewContextAsync(Phone, phone: true);

        var dashboard = await SignInAsync(desk);
        await Expect(dashboard.Locator("#live-status")).ToHaveTextAsync("Live");
        await dashboard.EvaluateAsync("() => { window.notReloaded = true; }");
        var scan = await OpenScanAsync(handheld, "Receive", locationCode, 5);
        await ScanAsync(scan, barcode);

        await Expect(scan.Locator("#result")).ToContainTextAsync("Received 5 SKU-" + locationCode);
        await Expect(scan.GetByLabel("Barcode")).ToBeFocusedAsync();
        var row = dashboard.Locator($"tr[data-product='{product}']");
        await Expect(row.Locator(".qty")).ToHaveTextAsync("5");
        await Expect(row.Locator(".status")).ToHaveTextAsync("ok");
        Assert.True(await dashboard.EvaluateAsync<bool>("() => window.notReloaded === true"), "the dashboard reloaded");
        Assert.Equal(5, await admin.QuantityAsync(product, location));

        // A second scan moves the row in place: the same element, its numbers changed live.
        await ScanAsync(scan, barcode);
        await Expect(row.Locator(".qty")).ToHaveTextAsync("10");
        await scan.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "scan-phone.png") });
        await dashboard.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "dashboard.png") });
    }

    [Fact]
    public async Task ScanPage_OfflineThreeScans_SentOnceEachWhenBack()
    {
        using var admin = await edge.ClientAsync();
        var (product, location, locationCode, barcode) = await ProductAndLocationAsync(admin);
        await using var handheld = await NewContextAsync(Phone, phone: true);
        var page = await OpenScanAsync(handheld, "Receive", locationCode, 1);
        // The service worker holds the page's shell before the network goes.
        await page.EvaluateAsync("async () => { await navigator.serviceWorker.ready; }");

        await handheld.SetOfflineAsync(true);
        for (var i = 0; i < 3; i++)
        {
            await ScanAsync(page, barcode);
        }

        await Expect(page.Locator("#pending-count")).ToHaveTextAsync("3");
        await Expect(page.Locator("#net-status")).ToContainTextAsync("not reachable");
        await Expect(page.Locator("#history li[data-state='queued']")).ToHaveCountAsync(3);
        Assert.Equal(0, await admin.QuantityAsync(product, location));
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "scan-phone-offline.png") });

        // Still cut off, the page opens again from the service worker's cache and finds its queue in IndexedDB.
        await page.ReloadAsync();
        await Expect(page.GetByLabel("Barcode")).ToBeVisibleAsync();
        await Expect(page.Locator("#pending-count")).ToHaveTextAsync("3");

        await handheld.SetOfflineAsync(false);
        await Expect(page.Locator("#pending-count")).ToHaveTextAsync("0");
        Assert.Equal(3, await admin.QuantityAsync(product, location));
        Assert.Equal(3, await MovementCountAsync(admin, product));
    }

    [Fact]
    public async Task Viewer_SeesNoEditControlsNoCostPricesAndNoScanPage()
    {
        using var admin = await edge.ClientAsync();
        var (product, location, _, _) = await ProductAndLocationAsync(admin);
        await admin.ReceiveAsync(product, location, 4);
        var username = "viewer" + Guid.NewGuid().ToString("N")[..8];
        await admin.PostOkAsync("/api/users", new { username, password = "viewer-password", role = "viewer" });
        await using var managerContext = await NewContextAsync(Desktop);
        await using var viewerContext = await NewContextAsync(Desktop);

        // The manager is offered what the viewer is not: the same pages with the controls and the cost.
        var manager = await SignInAsync(managerContext);
        await manager.GotoAsync($"/products/{product}");
        await Expect(manager.GetByRole(AriaRole.Link, new() { Name = "Edit" })).ToBeVisibleAsync();
        await Expect(manager.Locator(".facts")).ToContainTextAsync("Cost price");

        var viewer = await SignInAsync(viewerContext, username, "viewer-password");
        await Expect(viewer.GetByRole(AriaRole.Link, new() { Name = "Scan" })).ToHaveCountAsync(0);
        await viewer.GotoAsync("/products");
        await Expect(viewer.Locator($"tr[data-product='{product}']")).ToBeVisibleAsync();
        await Expect(viewer.Locator("[data-edit-control]")).ToHaveCountAsync(0);
        await Expect(viewer.Locator("main")).Not.ToContainTextAsync("Cost");
        await viewer.GotoAsync($"/products/{product}");
        await Expect(viewer.Locator("#product-levels")).ToContainTextAsync("4");
        await Expect(viewer.Locator("[data-edit-control]")).ToHaveCountAsync(0);
        await Expect(viewer.Locator("main")).Not.ToContainTextAsync("Cost");
        await Expect(viewer.Locator("main")).Not.ToContainTextAsync("2.50");
        await viewer.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "product-viewer.png"), FullPage = true });
        await viewer.GotoAsync("/scan");
        await Expect(viewer.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Manager_CreatesAndEditsProductInTheForm()
    {
        using var admin = await edge.ClientAsync();
        var sku = "FORM-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await using var context = await NewContextAsync(Desktop);
        var page = await SignInAsync(context);
        await page.GotoAsync("/products");
        await page.GetByRole(AriaRole.Link, new() { Name = "New product" }).ClickAsync();

        await page.GetByLabel("SKU").FillAsync(sku);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Form-made widget");
        await page.GetByLabel("Cost price").FillAsync("1.25");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(sku);
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Form-edited widget");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Form-edited widget");
        var found = await admin.GetFromJsonAsync<JsonElement>($"/api/products?q={sku}");
        var product = found.GetProperty("items")[0];
        Assert.Equal("Form-edited widget", product.GetProperty("name").GetString());
        Assert.Equal(1.25m, product.GetProperty("costPrice").GetDecimal());
    }

    [Fact]
    public async Task SignIn_WrongPasswordThenSignOut_ShowsErrorAndEndsSession()
    {
        await using var context = await NewContextAsync(Desktop);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login"));
        await page.GetByLabel("Username").FillAsync("admin");
        await page.GetByLabel("Password").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator("#login-error")).ToHaveTextAsync("Wrong username or password.");

        page = await SignInAsync(context);
        var cookie = (await context.CookiesAsync()).Single(c => c.Name == "inventory-edge.auth");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login"));
        await page.GotoAsync("/products");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login"));
    }
}
