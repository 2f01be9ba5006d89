using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Edge.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inventory.Edge.Tests.Purchasing;

/// <summary>
/// The purchasing pages in a real Chromium against the real edge: a purchasing user makes a supplier and a PO and
/// sends it; what the pages recorded is checked through the API; a staff user sees the PO without prices.
/// </summary>
public sealed class PurchasingPagesTests(EdgeHost edge, BrowserFixture browser) : IClassFixture<EdgeHost>, IClassFixture<BrowserFixture>
{
    static PurchasingPagesTests() => SetDefaultExpectTimeout(15_000);

    private async Task<IPage> SignInAsync(string username, string password)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = edge.BaseAddress.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
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
    public async Task PurchasingUser_CreatesSupplierAndPo_SendsIt_StaffSeesNoPrices()
    {
        using var admin = await edge.ClientAsync();
        var code = "PG" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var location = await admin.CreateLocationAsync(code);
        var sku = "SKU-" + code;
        var product = await admin.CreateProductAsync(sku);
        await admin.PostOkAsync("/api/users", new { username = "buyer-" + code, password = "buyer-password", role = "purchasing" });
        await admin.PostOkAsync("/api/users", new { username = "staff-" + code, password = "staff-password", role = "staff" });

        var page = await SignInAsync("buyer-" + code, "buyer-password");
        await page.GetByRole(AriaRole.Link, new() { Name = "Suppliers" }).ClickAsync();
        await page.GetByLabel("Code").FillAsync("SUP-" + code);
        await page.GetByLabel("Name").FillAsync("Page Supplies");
        await page.GetByLabel("E-mail").FillAsync("orders@page.example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create supplier" }).ClickAsync();
        await Expect(page.Locator("#supplier-result")).ToContainTextAsync("created");

        // The supplier's page: price the product with a break.
        await page.Locator("#supplier-result a").ClickAsync();
        await Expect(page.Locator("#supplier-title")).ToContainTextAsync("SUP-" + code);
        await page.GetByLabel("Product").FillAsync(sku);
        await page.GetByLabel("Unit price").FillAsync("4.00");
        await page.GetByLabel("Preferred supplier").CheckAsync();
        await page.GetByLabel("Price breaks").FillAsync("10 3.50");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save price" }).ClickAsync();
        await Expect(page.Locator("#offer-rows")).ToContainTextAsync("from 10: 3.50");

        // A PO: the line takes the supplier's price for 12 units (the break).
        await page.GetByRole(AriaRole.Link, new() { Name = "Purchase orders" }).ClickAsync();
        await page.GetByLabel("Supplier").SelectOptionAsync(new SelectOptionValue { Label = $"SUP-{code} · Page Supplies" });
        await page.GetByLabel("Deliver to").SelectOptionAsync(location.ToString());
        await page.GetByLabel("Product").FillAsync(sku);
        await page.GetByLabel("Quantity").FillAsync("12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create purchase order" }).ClickAsync();
        await Expect(page.Locator("#po-result")).ToContainTextAsync("PO-WH1-");
        await page.Locator("#po-result a").ClickAsync();
        await Expect(page.Locator("#po-status")).ToHaveTextAsync("draft");
        await Expect(page.Locator("#po-total")).ToContainTextAsync("42.00");

        await page.GetByRole(AriaRole.Button, new() { Name = "Send to supplier" }).ClickAsync();
        await Expect(page.Locator("#po-status")).ToHaveTextAsync("sent");
        await Expect(page.Locator("#po-result")).ToContainTextAsync("Sent");
        var poUrl = page.Url;

        var list = await admin.GetFromJsonAsync<JsonElement>($"/api/purchase-orders?locationId={location}");
        var po = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal("sent", po.GetProperty("status").GetString());
        Assert.Equal(3.5m, po.GetProperty("lines")[0].GetProperty("unitPrice").GetDecimal());
        Assert.Equal(product, po.GetProperty("lines")[0].GetProperty("productId").GetGuid());

        // Staff: the PO and its receive link, no price anywhere on the page, no Suppliers menu entry.
        var staff = await SignInAsync("staff-" + code, "staff-password");
        await Expect(staff.GetByRole(AriaRole.Link, new() { Name = "Suppliers" })).ToHaveCountAsync(0);
        await staff.GotoAsync(poUrl);
        await Expect(staff.Locator("#po-status")).ToHaveTextAsync("sent");
        await Expect(staff.GetByRole(AriaRole.Link, new() { Name = "Receive" })).ToBeVisibleAsync();
        await Expect(staff.GetByRole(AriaRole.Button, new() { Name = "Send to supplier" })).ToHaveCountAsync(0);
        var text = await staff.Locator("main").InnerTextAsync();
        Assert.DoesNotContain("3.50", text, StringComparison.Ordinal);
        Assert.DoesNotContain("42.00", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Unit price", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FromAlertsPage_ShowsProposalAndUnassigned()
    {
        using var admin = await edge.ClientAsync();
        var code = "FA" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var location = await admin.CreateLocationAsync(code);
        var orphan = "ORPH-" + code;
        var product = await admin.CreateProductAsync(orphan, reorderPoint: 5);
        await admin.ReceiveAsync(product, location, 2);

        var page = await SignInAsync("admin", EdgeHost.AdminPassword);
        await page.GotoAsync("/purchase-orders");
        await page.GetByRole(AriaRole.Link, new() { Name = "Create from alerts" }).ClickAsync();

        await Expect(page.Locator("#plan-unassigned")).ToContainTextAsync(orphan);
        await Expect(page.Locator("#plan-unassigned")).ToContainTextAsync("no preferred supplier");
    }
}
