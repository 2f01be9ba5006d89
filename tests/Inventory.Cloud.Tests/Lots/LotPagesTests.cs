using System.Net;
using System.Net.Http.Json;
using Inventory.Cloud.Tests.Infrastructure;
using Inventory.Domain.Lots;
using Inventory.Sync;
using Inventory.Testing;
using Microsoft.Playwright;
using static Inventory.Cloud.Tests.Purchasing.PurchasingSetup;
using static Microsoft.Playwright.Assertions;

namespace Inventory.Cloud.Tests.Lots;

/// <summary>The cloud's /lots page in a real Chromium (hold and release by a manager, none for a viewer), and a pushed lot the cloud refuses.</summary>
public sealed class LotPagesTests(CloudHost cloud, BrowserFixture browser) : IClassFixture<CloudHost>, IClassFixture<BrowserFixture>
{
    static LotPagesTests() => SetDefaultExpectTimeout(30_000);

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
    public async Task Lots_page_lists_a_products_lots_per_site_and_a_manager_holds_and_releases_one_a_viewer_cannot()
    {
        using var admin = await cloud.ClientAsync();
        var sku = Unique("LOTPAGE-");
        var product = await Fleet.ProductAsync(admin, sku);
        var (site, location) = await SiteAsync(cloud);
        using var _ = site;
        await site.PushOkAsync(Batches.Of(site.Site, 0, [Batches.Receive(1, product, location, 5) with { Lot = "P-1", Expiry = "2099-01-31" }]));

        await using (var context = await ContextAsync())
        {
            var page = await SignInAsync(context, "admin", CloudHost.AdminPassword);
            await page.GetByRole(AriaRole.Link, new() { Name = "Lots" }).ClickAsync();
            await page.GetByLabel("SKU").FillAsync(sku);
            await page.GetByRole(AriaRole.Button, new() { Name = "Show lots" }).ClickAsync();
            var row = page.Locator("#lot-rows tr[data-lot-row='P-1']");
            await Expect(row).ToContainTextAsync("available");
            await Expect(row).ToContainTextAsync("2099-01-31");
            await Expect(row).ToContainTextAsync($"{site.Site}: 5");

            page.Dialog += async (_, dialog) => await dialog.AcceptAsync("Supplier recall 7");
            await row.GetByRole(AriaRole.Button, new() { Name = "Hold" }).ClickAsync();
            await Expect(row).ToContainTextAsync("hold");
            await Expect(row).ToContainTextAsync("Supplier recall 7");
            await row.GetByRole(AriaRole.Button, new() { Name = "Release" }).ClickAsync();
            await Expect(row).ToContainTextAsync("available");
        }

        await using (var context = await ContextAsync())
        {
            var username = "viewer-" + Guid.NewGuid().ToString("N")[..8];
            (await admin.PostAsJsonAsync("/api/users", new { username, password = "password-viewer", role = "viewer" })).EnsureSuccessStatusCode();
            var page = await SignInAsync(context, username, "password-viewer");
            await page.GotoAsync($"/lots?productId={product}");
            await Expect(page.Locator("#lot-rows tr[data-lot-row='P-1']")).ToContainTextAsync("available");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Hold" })).ToHaveCountAsync(0);
        }
    }

    [Fact]
    public async Task A_pushed_lot_with_a_status_other_than_available_or_hold_refuses_the_batch()
    {
        var (site, _) = await SiteAsync(cloud);
        using var __ = site;
        var product = Guid.CreateVersion7();
        var lot = new LotRecord(DeterministicIds.Lot(product, "X"), product, "X", null, null, null, null, null, LotStatus.Expired, null, null, null,
            DateTimeOffset.UtcNow);
        var change = new ChangeRecord(2, ChangeKinds.Lot, lot.Id, Batches.Stamp(site.Site), null, SyncJson.ToElement(lot));

        using var response = await site.PushAsync(Batches.Of(site.Site, 0, [], [change]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
