using Inventory.Cloud.Tests.Infrastructure;
using Inventory.Testing;
using Microsoft.Playwright;
using static Inventory.Cloud.Tests.Purchasing.PurchasingSetup;
using static Microsoft.Playwright.Assertions;

namespace Inventory.Cloud.Tests.Purchasing;

/// <summary>The cloud's purchasing pages in a real Chromium: a late PO with its open value for a manager, no price for a viewer, send from the PO page.</summary>
public sealed class PurchaseOrderPagesTests(CloudHost cloud, BrowserFixture browser) : IClassFixture<CloudHost>, IClassFixture<BrowserFixture>
{
    static PurchaseOrderPagesTests() => SetDefaultExpectTimeout(30_000);

    private async Task<IPage> SignInAsync(IBrowserContext context, string username, string password)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.GetByLabel("Username").FillAsync(username);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        return page;
    }

    private Task<IBrowserContext> ContextAsync() => browser.Browser.NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = cloud.BaseAddress.ToString().TrimEnd('/'),
        ViewportSize = new() { Width = 1280, Height = 800 },
        Locale = "en-GB",
    });

    [Fact]
    public async Task Purchase_orders_page_shows_late_POs_and_open_value_to_a_manager_and_no_price_to_a_viewer()
    {
        using var admin = await cloud.ClientAsync();
        var supplier = await SupplierAsync(admin);
        var product = await Fleet.ProductAsync(admin, Unique("PAGE-"));
        var (site, location) = await SiteAsync(cloud);
        using var _ = site;
        var po = await PurchaseOrderAsync(admin, supplier, location, (product, 4m, 2.5m)); // expected 2020-01-31: late
        var id = po.GetProperty("id").GetGuid();
        var number = po.GetProperty("number").GetString()!;

        await using (var context = await ContextAsync())
        {
            var page = await SignInAsync(context, "admin", CloudHost.AdminPassword);
            await page.GetByRole(AriaRole.Link, new() { Name = "Purchase orders" }).ClickAsync();
            var row = page.Locator($"#purchase-orders tr[data-po='{id}']");
            await Expect(row).ToContainTextAsync(number);
            await Expect(row).ToContainTextAsync("late");
            await Expect(row).ToContainTextAsync("10.00");
            await Expect(page.Locator($"#late tr[data-po='{id}']")).ToBeVisibleAsync();
            await Expect(page.Locator($"#open-value tr[data-supplier='{supplier}']")).ToContainTextAsync("10.00");

            await row.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
            await Expect(page.Locator("#po-status")).ToHaveTextAsync("draft");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
            await Expect(page.Locator("#po-status")).ToHaveTextAsync("sent");
        }

        await using (var context = await ContextAsync())
        {
            var username = "viewer-" + Guid.NewGuid().ToString("N")[..8];
            (await admin.PostAsync("/api/users", System.Net.Http.Json.JsonContent.Create(new { username, password = "password-viewer", role = "viewer" })))
                .EnsureSuccessStatusCode();
            var page = await SignInAsync(context, username, "password-viewer");
            await page.GotoAsync("/purchase-orders");
            await Expect(page.Locator($"#purchase-orders tr[data-po='{id}']")).ToContainTextAsync(number);
            await Expect(page.Locator("#open-value")).ToHaveCountAsync(0);
            Assert.DoesNotContain("10.00", await page.Locator("main").InnerTextAsync());
            await page.GotoAsync($"/purchase-orders/{id}");
            await Expect(page.Locator("#po-status")).ToHaveTextAsync("sent");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cancel order" })).ToHaveCountAsync(0);
            Assert.DoesNotContain("2.50", await page.Locator("main").InnerTextAsync());
        }
    }
}
