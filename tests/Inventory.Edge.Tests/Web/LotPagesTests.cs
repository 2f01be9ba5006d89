using System.Globalization;
using Inventory.Edge.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inventory.Edge.Tests.Web;

/// <summary>
/// The /lots page in a real Chromium against the real edge: a manager holds a lot with a reason and releases it; a
/// staff user sees the lots without the hold control.
/// </summary>
public sealed class LotPagesTests(EdgeHost edge, BrowserFixture browser) : IClassFixture<EdgeHost>, IClassFixture<BrowserFixture>
{
    static LotPagesTests() => SetDefaultExpectTimeout(15_000);

    private static string Day(int offset) =>
        DateOnly.FromDateTime(DateTime.UtcNow).AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<IPage> SignInAsync(string username = "admin", string password = EdgeHost.AdminPassword)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = edge.BaseAddress.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
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

    private async Task<string> TwoLotsAsync(HttpClient manager)
    {
        var code = "LP" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var location = await manager.CreateLocationAsync(code);
        var sku = "SKU-" + code;
        var product = await manager.CreateProductAsync(sku);
        await manager.ReceiveAsync(product, location, 5, new { lot = "L-SOON", expiry = Day(10) });
        await manager.ReceiveAsync(product, location, 7, new { lot = "L-LATE", expiry = Day(200) });
        return sku;
    }

    [Fact]
    public async Task Manager_HoldsALotWithAReason_ThenReleasesIt_StaffSeesNoHoldButton()
    {
        using var manager = await edge.ClientAsync();
        var sku = await TwoLotsAsync(manager);
        var page = await SignInAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Lots", Exact = true }).ClickAsync();
        await page.GetByLabel("Product").FillAsync(sku);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show lots" }).ClickAsync();

        var soon = page.Locator("#lot-rows tr[data-lot-row='L-SOON']");
        var late = page.Locator("#lot-rows tr[data-lot-row='L-LATE']");
        await Expect(page.Locator("#lot-rows tr")).ToHaveCountAsync(2);
        await Expect(soon.Locator(".warn")).ToHaveTextAsync(Day(10));
        await Expect(late.Locator(".warn")).ToHaveCountAsync(0);
        await Expect(soon.Locator(".lot-status")).ToHaveTextAsync("available");

        await soon.GetByLabel("Reason for lot L-SOON").FillAsync("supplier recall R-9");
        await soon.GetByRole(AriaRole.Button, new() { Name = "Hold" }).ClickAsync();
        await Expect(soon.Locator(".lot-status")).ToHaveTextAsync("hold");
        await Expect(soon).ToContainTextAsync("supplier recall R-9");
        await Expect(late.Locator(".lot-status")).ToHaveTextAsync("available");

        await soon.GetByRole(AriaRole.Button, new() { Name = "Release" }).ClickAsync();
        await Expect(soon.Locator(".lot-status")).ToHaveTextAsync("available");
        await Expect(soon.GetByRole(AriaRole.Button, new() { Name = "Hold" })).ToBeVisibleAsync();

        await manager.PostOkAsync("/api/users", new { username = "lots-staff", password = "staff-password", role = "staff" });
        var staff = await SignInAsync("lots-staff", "staff-password");
        await staff.GetByRole(AriaRole.Link, new() { Name = "Lots", Exact = true }).ClickAsync();
        await staff.GetByLabel("Product").FillAsync(sku);
        await staff.GetByRole(AriaRole.Button, new() { Name = "Show lots" }).ClickAsync();
        await Expect(staff.Locator("#lot-rows tr")).ToHaveCountAsync(2);
        await Expect(staff.GetByRole(AriaRole.Button, new() { Name = "Hold" })).ToHaveCountAsync(0);
        await Expect(staff.GetByRole(AriaRole.Link, new() { Name = "Trace" })).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task ExpiryPage_AndProductPage_ShowTheLots()
    {
        using var manager = await edge.ClientAsync();
        var sku = await TwoLotsAsync(manager);
        var page = await SignInAsync();

        await page.GotoAsync("/lots/expiry");
        await Expect(page.Locator("#expiry-rows tr[data-lot='L-SOON']")).ToContainTextAsync(sku);
        await Expect(page.Locator("#expiry-rows tr[data-lot='L-LATE']")).ToHaveCountAsync(0);
        await page.GetByLabel("Expiring within").SelectOptionAsync("365");
        await Expect(page.Locator("#expiry-rows tr[data-lot='L-LATE']")).ToContainTextAsync(sku);

        await page.GotoAsync("/lots/trace");
        await Expect(page.Locator("#trace-error")).ToBeVisibleAsync();

        var products = await manager.GetStringAsync("/api/products?q=" + sku);
        var id = System.Text.Json.JsonDocument.Parse(products).RootElement.GetProperty("items")[0].GetProperty("id").GetString();
        await page.GotoAsync("/products/" + id);
        await Expect(page.Locator("#product-lot-rows tr")).ToHaveCountAsync(2);
        await Expect(page.Locator("#product-lot-rows tr[data-lot-row='L-SOON'] .warn")).ToHaveTextAsync(Day(10));
    }
}
