using Inventory.Edge.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inventory.Edge.Tests.Purchasing;

/// <summary>The one-handed receive screen in a real Chromium at a phone's size, as staff.</summary>
public sealed class ReceiveScreenTests(EdgeHost edge, BrowserFixture browser) : IClassFixture<EdgeHost>, IClassFixture<BrowserFixture>
{
    static ReceiveScreenTests() => SetDefaultExpectTimeout(15_000);

    [Fact]
    public async Task ReceiveScreen_StaffOnAPhone_ReceivesALineAndSeesNoPrice()
    {
        using var admin = await edge.ClientAsync();
        var order = await edge.OrderAsync(admin, await edge.SupplierAsync(0m), (10m, 7.25m), (4m, 13.5m));
        await admin.PostOkAsync("/api/users", new { username = "dock-staff", password = "staff-password", role = "staff" });
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = edge.BaseAddress.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
            IsMobile = true,
            HasTouch = true,
            Locale = "en-GB",
        });
        await context.AddInitScriptAsync("delete Crypto.prototype.randomUUID;");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.GetByLabel("Username").FillAsync("dock-staff");
        await page.GetByLabel("Password").FillAsync("staff-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();

        await page.GotoAsync($"/purchase-orders/{order.Id}/receive");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Receive " + order.Number })).ToBeVisibleAsync();
        await page.GetByLabel("Quantity for line 1").FillAsync("6");
        await page.GetByLabel("Lot").First.FillAsync("DOCK-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Receive line 1" }).TapAsync();

        await Expect(page.Locator("#po-result")).ToContainTextAsync("Received 6");
        var first = page.Locator($"li[data-line=\"{order.Lines[0].Id}\"]");
        await Expect(first.Locator("[data-field=outstanding]")).ToHaveTextAsync("4");
        await Expect(page.Locator("#po-status")).ToHaveTextAsync("partial");
        Assert.Equal(6, await admin.QuantityAsync(order.Lines[0].ProductId, order.LocationId));
        var button = await page.GetByRole(AriaRole.Button, new() { Name = "Receive line 2" }).BoundingBoxAsync();
        Assert.True(button!.Height >= 44, $"a touch target of {button.Height}px");

        // Too many is refused on the page with the line's numbers, and nothing is recorded.
        await page.GetByLabel("Quantity for line 1").FillAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Receive line 1" }).TapAsync();
        await Expect(page.Locator("#po-result")).ToContainTextAsync("4 more allowed");
        Assert.Equal(6, await admin.QuantityAsync(order.Lines[0].ProductId, order.LocationId));

        var text = await page.Locator("body").InnerTextAsync();
        var html = await page.ContentAsync();
        Assert.DoesNotContain("7.25", text, StringComparison.Ordinal);
        Assert.DoesNotContain("13.5", html, StringComparison.Ordinal);
        Assert.DoesNotContain("price", text, StringComparison.OrdinalIgnoreCase);
        await context.CloseAsync();
    }
}
