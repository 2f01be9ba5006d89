using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Edge.Tests.Infrastructure;
using Inventory.Edge.Tests.Sync;
using Inventory.Sync;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inventory.Edge.Tests.Web;

/// <summary>
/// The operations pages (adjust, movement history, users) in a real Chromium against the real edge: what they
/// record is checked through the API, and what a staff user is not offered is checked on the page.
/// </summary>
public sealed class OperationsPagesTests(EdgeHost edge, BrowserFixture browser) : IClassFixture<EdgeHost>, IClassFixture<BrowserFixture>
{
    static OperationsPagesTests() => SetDefaultExpectTimeout(15_000);

    private async Task<IPage> SignInAsync(string username = "admin", string password = EdgeHost.AdminPassword)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = edge.BaseAddress.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            Locale = "en-GB",
        });
        // As on a handheld that opens the box over plain http on the warehouse network (not localhost): the
        // browser offers no crypto.randomUUID there, and the pages must not need it.
        await context.AddInitScriptAsync("delete Crypto.prototype.randomUUID;");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.GetByLabel("Username").FillAsync(username);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        return page;
    }

    private static async Task<(Guid Product, string Sku, Guid Location)> StockedProductAsync(HttpClient admin, int quantity)
    {
        var code = "OP" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var location = await admin.CreateLocationAsync(code);
        var sku = "SKU-" + code;
        var product = await admin.CreateProductAsync(sku);
        await admin.ReceiveAsync(product, location, quantity);
        return (product, sku, location);
    }

    private static async Task<int> MovementsAsync(HttpClient admin, Guid product, string type)
    {
        var body = await admin.GetFromJsonAsync<JsonElement>($"/api/stock-movements?productId={product}&type={type}");
        return body.GetProperty("items").GetArrayLength();
    }

    [Fact]
    public async Task AdjustPage_DoubleClickAndDoubleSubmit_RecordOnceAndShowTheNewLevel()
    {
        using var admin = await edge.ClientAsync();
        var (product, sku, location) = await StockedProductAsync(admin, 10);
        var page = await SignInAsync();
        await page.GotoAsync("/adjust");
        await page.GetByLabel("Product").FillAsync(sku);
        await page.GetByLabel("Location").SelectOptionAsync(location.ToString());
        await page.GetByLabel("Quantity").FillAsync("-3");
        await page.GetByLabel("Reason").SelectOptionAsync("damage");
        await page.GetByLabel("Note").FillAsync("dropped");

        await page.GetByRole(AriaRole.Button, new() { Name = "Record adjustment" }).DblClickAsync();
        await Expect(page.Locator("#adjust-result")).ToContainTextAsync("7 on hand");
        Assert.Equal(7, await admin.QuantityAsync(product, location));
        Assert.Equal(1, await MovementsAsync(admin, product, "adjust"));

        // Two submits of the same form at once: the second is not sent while the first is unanswered.
        await page.GetByLabel("Quantity").FillAsync("2");
        await page.GetByLabel("Reason").SelectOptionAsync("found");
        await page.EvaluateAsync("() => { const f = document.getElementById('adjust-form'); f.requestSubmit(); f.requestSubmit(); }");
        await Expect(page.Locator("#adjust-result")).ToContainTextAsync("9 on hand");
        Assert.Equal(9, await admin.QuantityAsync(product, location));
        Assert.Equal(2, await MovementsAsync(admin, product, "adjust"));

        // A refusal shows the problem's detail, and nothing is recorded.
        await page.GetByLabel("Quantity").FillAsync("-50");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record adjustment" }).ClickAsync();
        await Expect(page.Locator("#adjust-result.error")).ToBeVisibleAsync();
        Assert.Equal(9, await admin.QuantityAsync(product, location));
    }

    [Fact]
    public async Task SyncPage_ProductTheCloudSentWithABadGtin_ListedForTheManager_NotForStaff()
    {
        var id = Guid.CreateVersion7();
        var sku = "PULL-" + id.ToString("N")[..8].ToUpperInvariant();
        var bad = new ProductRecord(id, sku, "From the cloud", null, null, null, null, 1m, 2m, null, null, null, "each", null, null, true,
            [new BarcodeRecord("4006381333932", "unit", 1)], DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);
        await edge.ApplyAsync(SyncTestData.Change(ChangeKinds.Product, id, bad));
        using var admin = await edge.ClientAsync();
        await admin.PostOkAsync("/api/users", new { username = "sync-staff", password = "staff-password", role = "staff" });

        var page = await SignInAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Sync" }).ClickAsync();
        var row = page.Locator("#conflict-rows tr", new() { HasText = sku });
        await Expect(row).ToContainTextAsync("check digit");
        await Expect(page.Locator("#sync-status")).ToContainTextAsync("standalone");

        var staff = await SignInAsync("sync-staff", "staff-password");
        await Expect(staff.GetByRole(AriaRole.Link, new() { Name = "Sync" })).ToHaveCountAsync(0);
        await staff.GotoAsync("/sync");
        await Expect(staff.Locator("#conflict-rows")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task MovementsPage_FilterByType_ShowsOnlyThatType()
    {
        using var admin = await edge.ClientAsync();
        var (product, sku, location) = await StockedProductAsync(admin, 5);
        await admin.PostOkAsync("/api/inventory/adjust", new { productId = product, locationId = location, quantity = -1, reason = "damage" });
        await admin.PostOkAsync("/api/inventory/ship", new { productId = product, locationId = location, quantity = 2 });
        var page = await SignInAsync();
        await page.GotoAsync("/movements");
        await page.GetByLabel("Product").FillAsync(sku);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        await Expect(page.Locator("#movement-rows tr")).ToHaveCountAsync(3);
        await Expect(page.Locator("th", new() { HasText = "Unit cost" })).ToHaveCountAsync(1);

        await page.GetByLabel("Type").SelectOptionAsync("adjust");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        await Expect(page.Locator("#movement-rows tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#movement-rows tr[data-type='adjust'] .qty")).ToHaveTextAsync("-1");
        await Expect(page.Locator("#movement-rows")).ToContainTextAsync(sku);
    }

    [Fact]
    public async Task TransfersPage_ShipsToAnotherSiteInTransit_AndReceivesAnIncomingOneWithItsVariance()
    {
        using var admin = await edge.ClientAsync();
        var (product, sku, source) = await StockedProductAsync(admin, 10);
        var remote = await edge.PullOtherSiteLocationAsync("WH2");
        var incoming = new TransferRecord(
            Guid.CreateVersion7(), product, remote, source, "WH2", "WH1", 5, null, TransferStatuses.InTransit,
            Guid.CreateVersion7(), null, "", DateTimeOffset.UtcNow.AddHours(-1), null);
        await edge.ApplyAsync(SyncTestData.Change(ChangeKinds.Transfer, incoming.Id, incoming));
        var page = await SignInAsync();
        await page.GotoAsync("/transfers");

        await page.GetByLabel("Product").FillAsync(sku);
        await page.GetByLabel("From location").SelectOptionAsync(source.ToString());
        await page.GetByLabel("To location").SelectOptionAsync(remote.ToString());
        await page.GetByLabel("Quantity", new() { Exact = true }).FillAsync("4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Transfer", Exact = true }).ClickAsync();
        await Expect(page.Locator("#transfer-result")).ToContainTextAsync("in transit until site WH2 receives it");
        Assert.Equal(6, await admin.QuantityAsync(product, source));

        var row = page.Locator($"tr[data-transfer='{incoming.Id}']");
        await row.GetByLabel("Quantity arrived").FillAsync("4");
        await row.GetByRole(AriaRole.Button, new() { Name = "Receive" }).ClickAsync();
        await Expect(page.Locator("#receive-result")).ToContainTextAsync("Received 4 of 5 shipped: variance -1");
        Assert.Equal(10, await admin.QuantityAsync(product, source));
        await Expect(row).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task UsersPage_ManagerCreatesUser_WhoCanSignIn()
    {
        var username = "clerk" + Guid.NewGuid().ToString("N")[..8];
        var manager = await SignInAsync();
        await manager.GotoAsync("/users");
        await manager.GetByLabel("Username").FillAsync(username);
        await manager.GetByLabel("Password", new() { Exact = true }).FillAsync("clerk-password-1");
        await manager.GetByLabel("Role", new() { Exact = true }).SelectOptionAsync("viewer");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Create user" }).ClickAsync();
        await Expect(manager.Locator("#user-result")).ToContainTextAsync("Created " + username);
        await Expect(manager.Locator($"tr[data-username='{username}'] select")).ToHaveValueAsync("viewer");

        var clerk = await SignInAsync(username, "clerk-password-1");
        await Expect(clerk.Locator(".who")).ToContainTextAsync(username);
    }

    [Fact]
    public async Task DevicesPage_ManagerRegistersAScanner_SeesItsSecretOnce_AndRevokesIt()
    {
        var deviceId = "S" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var page = await SignInAsync();
        await page.GotoAsync("/devices");
        await page.GetByLabel("Device id").FillAsync(deviceId);
        await page.GetByLabel("Kind").SelectOptionAsync("scanner");
        await page.GetByLabel("Name").FillAsync("Dock door");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();

        await Expect(page.Locator("#device-secret")).ToBeVisibleAsync();
        var secret = await page.Locator("#device-secret-value").TextContentAsync();
        Assert.True(secret is { Length: >= 40 }, secret);
        await page.ReloadAsync();
        await Expect(page.Locator("#device-secret")).ToBeHiddenAsync();

        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        var row = page.Locator("tr", new() { HasText = deviceId });
        await row.GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Expect(row).ToContainTextAsync("revoked");
        using var admin = await edge.ClientAsync();
        var devices = await admin.GetStringAsync("/api/devices");
        Assert.Contains(deviceId, devices);
    }

    [Fact]
    public async Task Staff_SeesNoUsersOrDevicesLinks_AndIsNotAllowedOnUsers()
    {
        using var admin = await edge.ClientAsync();
        var username = "staff" + Guid.NewGuid().ToString("N")[..8];
        await admin.PostOkAsync("/api/users", new { username, password = "staff-password-1", role = "staff" });
        var staff = await SignInAsync(username, "staff-password-1");

        await Expect(staff.GetByRole(AriaRole.Link, new() { Name = "Transfers" })).ToBeVisibleAsync();
        await Expect(staff.GetByRole(AriaRole.Link, new() { Name = "Users" })).ToHaveCountAsync(0);
        await Expect(staff.GetByRole(AriaRole.Link, new() { Name = "Devices" })).ToHaveCountAsync(0);
        await Expect(staff.GetByRole(AriaRole.Link, new() { Name = "Adjust" })).ToHaveCountAsync(0);
        await staff.GotoAsync("/users");
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" })).ToBeVisibleAsync();
        await staff.GotoAsync("/movements");
        await Expect(staff.Locator("#movements-app")).ToHaveAttributeAsync("data-loaded", "true");
        await Expect(staff.Locator("main")).Not.ToContainTextAsync("Unit cost");
    }
}
