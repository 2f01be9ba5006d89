using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Cloud.Tests.Infrastructure;
using Inventory.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inventory.Cloud.Tests.Web;

/// <summary>
/// The cloud dashboard in a real Chromium against the real cloud, with two real edges pushing to it: sign-in,
/// both sites at a glance, a level pushed by an edge appearing without a reload, what a viewer is not shown, and
/// the site and user forms of a manager. The desktop screenshot lands in docs/screenshots for the README.
/// </summary>
public sealed class CloudDashboardTests(CloudWebFixture fleet, BrowserFixture browser) : IClassFixture<CloudWebFixture>, IClassFixture<BrowserFixture>
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
    private static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };

    static CloudDashboardTests() => SetDefaultExpectTimeout(30_000);

    private Task<IBrowserContext> NewContextAsync(ViewportSize size) =>
        browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fleet.Cloud.BaseAddress.ToString().TrimEnd('/'),
            ViewportSize = size,
            Locale = "en-GB",
        });

    private static async Task<IPage> SignInAsync(IBrowserContext context, string username = "admin", string password = CloudHost.AdminPassword)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.GetByLabel("Username").FillAsync(username);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        return page;
    }

    private static ILocator Card(IPage page, string site) => page.Locator($"#sites li[data-site='{site}']");

    [Fact]
    public async Task SignIn_WrongThenRightPassword_ErrorThenDashboard()
    {
        await using var context = await NewContextAsync(Desktop);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login"));
        await page.GetByLabel("Username").FillAsync("admin");
        await page.GetByLabel("Password").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator("#login-error")).ToHaveTextAsync("Wrong username or password.");

        await page.GetByLabel("Password").FillAsync(CloudHost.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Every site at a glance" })).ToBeVisibleAsync();
        await Expect(page.Locator("#live-status")).ToHaveTextAsync("Live");
    }

    [Fact]
    public async Task Dashboard_TwoEdgesWithStock_ShowsBothSitesWithTheirFigures()
    {
        var product = await fleet.ProductAtBothAsync("DASH-" + Guid.NewGuid().ToString("N")[..6]);
        await Fleet.ReceiveAsync(fleet.NorthAdmin, product, fleet.NorthMain, 40);
        await Fleet.ReceiveAsync(fleet.SouthAdmin, product, fleet.SouthMain, 25);
        await Fleet.SettledAsync(fleet.NorthAdmin);
        await Fleet.SettledAsync(fleet.SouthAdmin);

        using var admin = await fleet.Cloud.ClientAsync();
        var overview = (await admin.GetFromJsonAsync<JsonElement>("/api/sites/overview")).EnumerateArray()
            .ToDictionary(s => s.GetProperty("code").GetString()!);

        await using var context = await NewContextAsync(Desktop);
        var page = await SignInAsync(context);
        foreach (var site in new[] { "NORTH", "SOUTH" })
        {
            var card = Card(page, site);
            await Expect(card).ToBeVisibleAsync();
            await Expect(card.GetByRole(AriaRole.Heading)).ToContainTextAsync(site);
            var units = overview[site].GetProperty("units").GetInt64();
            Assert.True(units >= (site == "NORTH" ? 40 : 25));
            await Expect(card.Locator("dd.units")).ToHaveTextAsync(units.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
            await Expect(card.Locator("dd.value")).ToBeVisibleAsync();
            await Expect(card.Locator("dd.low")).ToBeVisibleAsync();
            await Expect(card.Locator("dd.out")).ToBeVisibleAsync();
            // Every figure says how fresh it is.
            await Expect(card.Locator(".fresh")).ToContainTextAsync("Last contact");
            await Expect(card.Locator(".fresh")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("(just now|s ago|min ago)"));
            await Expect(card.Locator(".fresh")).ToContainTextAsync("sync lag");
            await Expect(card).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("stale"));
        }

        await Expect(page.Locator("#overview-asof")).ToContainTextAsync("Figures as of");
        await Expect(page.Locator("#live-status")).ToHaveTextAsync("Live");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotDir, "cloud-dashboard.png"), FullPage = true });

        // The product page shows the stock of both sites, per site and per location.
        await page.GotoAsync($"/products/{product}");
        await Expect(page.Locator("#site-rows tr[data-site='NORTH'] .qty")).ToHaveTextAsync("40");
        await Expect(page.Locator("#site-rows tr[data-site='SOUTH'] .qty")).ToHaveTextAsync("25");
        await Expect(page.Locator("#level-rows tr[data-site='NORTH']")).ToContainTextAsync("N-MAIN");
        await Expect(page.Locator("#product-total")).ToHaveTextAsync("65");
        await Expect(page.Locator("#product-facts .cost")).ToBeVisibleAsync();

        // Movements across sites, filtered by site.
        await page.GotoAsync("/movements?siteCode=SOUTH");
        await Expect(page.Locator("#movement-rows tr").First).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("#movement-rows tr[data-site='NORTH']").CountAsync());
        await Expect(page.Locator("#movement-rows tr[data-site='SOUTH']").First).ToContainTextAsync("S-MAIN");
    }

    [Fact]
    public async Task Dashboard_LevelPushedByAnEdge_AppearsWithoutReload()
    {
        var product = await fleet.ProductAtBothAsync("LIVE-" + Guid.NewGuid().ToString("N")[..6]);
        await Fleet.ReceiveAsync(fleet.NorthAdmin, product, fleet.NorthMain, 5);
        await Fleet.SettledAsync(fleet.NorthAdmin);

        await using var context = await NewContextAsync(Desktop);
        var page = await SignInAsync(context);
        await Expect(page.Locator("#live-status")).ToHaveTextAsync("Live");
        var units = Card(page, "NORTH").Locator("dd.units");
        await Expect(units).Not.ToBeEmptyAsync();
        var before = long.Parse(await units.TextContentAsync() ?? "", System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);
        await page.EvaluateAsync("() => { window.__noReload = true; }");

        await Fleet.ReceiveAsync(fleet.NorthAdmin, product, fleet.NorthMain, 1234);

        await Expect(units).ToHaveTextAsync((before + 1234).ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(await page.EvaluateAsync<bool>("() => window.__noReload === true"), "the page was reloaded");
    }

    [Fact]
    public async Task Viewer_SeesNoStockValueAndNoSiteOrUserManagement()
    {
        var username = "view" + Guid.NewGuid().ToString("N")[..6];
        using (var admin = await fleet.Cloud.ClientAsync())
        {
            (await admin.PostAsJsonAsync("/api/users", new { username, password = "viewer-pw-123", role = "viewer" })).EnsureSuccessStatusCode();
            await Fleet.ProductAsync(admin, "VIEW-" + username);
        }

        await using var context = await NewContextAsync(Phone);
        var page = await SignInAsync(context, username, "viewer-pw-123");
        await Expect(Card(page, "NORTH")).ToBeVisibleAsync();
        await Expect(Card(page, "NORTH").Locator("dd.units")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("dd.value").CountAsync());
        Assert.Equal(0, await page.GetByText("Stock value").CountAsync());
        Assert.Equal(0, await page.Locator("[data-manage]").CountAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Manage sites" }).CountAsync());

        await page.GotoAsync("/sites");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" })).ToBeVisibleAsync();
        await page.GotoAsync("/users");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" })).ToBeVisibleAsync();
        await page.GotoAsync("/sync");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" })).ToBeVisibleAsync();

        await page.GotoAsync("/products");
        await Expect(page.Locator("#product-rows tr").First).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator(".cost").CountAsync());
    }

    [Fact]
    public async Task Manager_AddsSiteAndUser_CredentialShownOnce()
    {
        await using var context = await NewContextAsync(Desktop);
        var page = await SignInAsync(context);
        await page.GetByRole(AriaRole.Link, new() { Name = "Manage sites" }).ClickAsync();
        var code = "E" + Guid.NewGuid().ToString("N")[..5].ToUpperInvariant();
        await page.GetByLabel("Code").FillAsync(code);
        await page.GetByLabel("Name").FillAsync("East depot");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add site" }).ClickAsync();
        await Expect(page.Locator("#credential")).ToBeVisibleAsync();
        var credential = await page.Locator("#credential-value").TextContentAsync();
        Assert.False(string.IsNullOrWhiteSpace(credential));
        await Expect(page.Locator($"#site-rows tr[data-site='{code}']")).ToBeVisibleAsync();
        await page.ReloadAsync();
        await Expect(page.Locator($"#site-rows tr[data-site='{code}']")).ToBeVisibleAsync();
        Assert.Equal(0, await page.GetByText(credential!).CountAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "Users" }).ClickAsync();
        var username = "pat" + Guid.NewGuid().ToString("N")[..6];
        await page.GetByLabel("Username").FillAsync(username);
        await page.GetByLabel("Password").FillAsync("staff-pw-1234");
        await page.GetByLabel("Role").SelectOptionAsync("staff");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();
        await Expect(page.Locator($"#user-rows tr[data-user='{username}']")).ToContainTextAsync("staff");
        using var staff = await fleet.Cloud.ClientAsync(username, "staff-pw-1234");
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/api/sites/overview")).StatusCode);
    }

    [Fact]
    public async Task Manager_LimitsAUserToSites_AndAnUnknownCodeIsShownNotSaved()
    {
        await using var context = await NewContextAsync(Desktop);
        var page = await SignInAsync(context);
        await page.GotoAsync("/users");
        var username = "lim" + Guid.NewGuid().ToString("N")[..6];
        await page.GetByLabel("Username").FillAsync(username);
        await page.GetByLabel("Password").FillAsync("staff-pw-1234");
        await page.GetByLabel("Sites", new() { Exact = true }).FillAsync("NORTH");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();
        var sites = page.GetByLabel("Sites of " + username);
        await Expect(sites).ToHaveValueAsync("NORTH");

        await sites.FillAsync("south, NOPE");
        await page.Locator($"#user-rows tr[data-user='{username}']").GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.Locator("#sites-error")).ToContainTextAsync("NOPE");
        await sites.FillAsync("SOUTH NORTH");
        await page.Locator($"#user-rows tr[data-user='{username}']").GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.Locator("#sites-saved")).ToContainTextAsync("NORTH, SOUTH");
        await page.ReloadAsync();
        await Expect(page.GetByLabel("Sites of " + username)).ToHaveValueAsync("NORTH, SOUTH");

        using var admin = await fleet.Cloud.ClientAsync();
        var user = (await admin.GetFromJsonAsync<JsonElement>("/api/users")).EnumerateArray().Single(u => u.GetProperty("username").GetString() == username);
        Assert.Equal(["NORTH", "SOUTH"], user.GetProperty("sites").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task Manager_SeesTheLosingVersionsAndTheQuarantinedMovements()
    {
        var tag = Guid.NewGuid().ToString("N")[..5].ToUpperInvariant();
        var (first, second) = ("C" + tag, "D" + tag);
        using var a = new SiteClient(fleet.Cloud, first, await fleet.Cloud.AddSiteAsync(first));
        using var b = new SiteClient(fleet.Cloud, second, await fleet.Cloud.AddSiteAsync(second));
        var sku = "CLASH-" + tag;
        var clashing = Guid.CreateVersion7();
        await a.PushOkAsync(Batches.Of(first, 0, [], [Batches.Product(1, first, Guid.CreateVersion7(), sku, "Made at " + first, null)]));
        await b.PushOkAsync(Batches.Of(second, 0, [], [Batches.Product(1, second, clashing, sku, "Made at " + second, null)]));
        var location = Guid.CreateVersion7();
        var movement = Batches.Receive(1, Guid.CreateVersion7(), location, 10);
        await a.PushOkAsync(Batches.Of(first, 0, [movement], [Batches.Location(2, first, location, first + "-MAIN")]));
        await a.PushOkAsync(Batches.Of(first, 1, [movement with { Seq = 2, Quantity = 99 }]));

        await using var context = await NewContextAsync(Desktop);
        var page = await SignInAsync(context);
        await page.GetByRole(AriaRole.Link, new() { Name = "Conflicts" }).ClickAsync();

        var conflict = page.Locator($"#conflict-rows tr[data-entity='{clashing}']");
        await Expect(conflict).ToContainTextAsync("cloud");
        await Expect(conflict).ToContainTextAsync(second);
        await Expect(conflict.Locator(".losing")).ToHaveTextAsync($"{sku} · Made at {second}");
        await conflict.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.Locator("#product-title")).ToContainTextAsync($"{sku}~{second}");

        await page.GoBackAsync();
        var quarantined = page.Locator($"#quarantine-rows tr[data-movement='{movement.Id}']");
        await Expect(quarantined).ToContainTextAsync(first);
        await Expect(quarantined).ToContainTextAsync("99");
        await Expect(quarantined).ToContainTextAsync("other content");
    }

    [Fact]
    public async Task Api_WithoutTokenOrCookie_Gets401NotARedirect()
    {
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fleet.Cloud.BaseAddress };
        var api = await anonymous.GetAsync("/api/sites/overview");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Contains("Bearer", api.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/sites", new { code = "X", name = "X" })).StatusCode);

        var pageResponse = await anonymous.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, pageResponse.StatusCode);
        Assert.StartsWith("/login", pageResponse.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        // The shared assets are served from the UI library, without signing in.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/_content/Inventory.Web.UI/css/app.css")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/_content/Inventory.Web.UI/lib/signalr.min.js")).StatusCode);
    }
}
