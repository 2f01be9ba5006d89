using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Inventory.Cloud.Tests.Infrastructure;
using Inventory.Testing;
using Microsoft.Playwright;
using static Inventory.Cloud.Tests.Purchasing.PurchasingSetup;
using static Microsoft.Playwright.Assertions;

namespace Inventory.Cloud.Tests.Lots;

/// <summary>
/// The cloud's recall: the trace of a lot held at two sites as a PDF (unit cost only for managers) and the /lots/recall
/// page in a real Chromium, with the quantity on hand per site; a manager holds the lot there, a viewer has no control.
/// </summary>
public sealed class RecallTests(CloudHost cloud, BrowserFixture browser) : IClassFixture<CloudHost>, IClassFixture<BrowserFixture>
{
    static RecallTests() => SetDefaultExpectTimeout(30_000);

    private sealed record TwoSites(Guid Product, string Sku, string First, string Second);

    /// <summary>Lot R-1 received at two sites: 5 at the first, 3 at the second.</summary>
    private async Task<TwoSites> LotAtTwoSitesAsync(HttpClient admin)
    {
        var sku = Unique("RECALL-");
        var product = await Fleet.ProductAsync(admin, sku);
        var (first, firstLocation) = await SiteAsync(cloud);
        var (second, secondLocation) = await SiteAsync(cloud);
        using (first)
        using (second)
        {
            await first.PushOkAsync(Batches.Of(first.Site, 0, [Batches.Receive(1, product, firstLocation, 5) with { Lot = "R-1", Expiry = "2099-03-31" }]));
            await second.PushOkAsync(Batches.Of(second.Site, 0, [Batches.Receive(1, product, secondLocation, 3) with { Lot = "R-1", Expiry = "2099-03-31" }]));
            return new TwoSites(product, sku, first.Site, second.Site);
        }
    }

    private static async Task<string> PdfTextAsync(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), "recall-" + Guid.NewGuid().ToString("N") + ".pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var arg in new[] { "-layout", file, "-" })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var text = await process.StandardOutput.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            Assert.Equal(0, process.ExitCode);
            return text;
        }
        finally
        {
            File.Delete(file);
        }
    }

    private async Task<HttpClient> ViewerAsync(HttpClient admin)
    {
        var username = "viewer-" + Guid.NewGuid().ToString("N")[..8];
        (await admin.PostAsJsonAsync("/api/users", new { username, password = "password-viewer", role = "viewer" })).EnsureSuccessStatusCode();
        return await cloud.ClientAsync(username, "password-viewer");
    }

    [Fact]
    public async Task TracePdf_ListsTheLotAtEverySite_UnitCostOnlyForManagers_UnknownFormatIs400()
    {
        using var admin = await cloud.ClientAsync();
        var lot = await LotAtTwoSitesAsync(admin);
        using var viewer = await ViewerAsync(admin);

        var pdf = await admin.GetByteArrayAsync($"/api/lots/trace?productId={lot.Product}&lot=R-1&format=pdf");
        var viewerPdf = await viewer.GetByteArrayAsync($"/api/lots/trace?productId={lot.Product}&lot=R-1&format=pdf");
        using var bad = await admin.GetAsync($"/api/lots/trace?productId={lot.Product}&lot=R-1&format=xml");

        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
        var text = await PdfTextAsync(pdf);
        Assert.Contains("Lot trace R-1", text, StringComparison.Ordinal);
        Assert.Contains(lot.Sku, text, StringComparison.Ordinal);
        Assert.Contains("expiry 2099-03-31", text, StringComparison.Ordinal);
        var perSite = text[text.IndexOf("On hand per site: ", StringComparison.Ordinal)..].Split('\n')[0];
        Assert.Contains($"{lot.First} 5", perSite, StringComparison.Ordinal);
        Assert.Contains($"{lot.Second} 3", perSite, StringComparison.Ordinal);
        Assert.Contains("Unit cost", text, StringComparison.Ordinal);
        Assert.Contains("1.25", text, StringComparison.Ordinal);
        var viewerText = await PdfTextAsync(viewerPdf);
        Assert.Contains("Lot trace R-1", viewerText, StringComparison.Ordinal);
        Assert.DoesNotContain("Unit cost", viewerText, StringComparison.Ordinal);
        Assert.DoesNotContain("1.25", viewerText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task RecallPage_ShowsTheTraceWithOnHandPerSite_AManagerHoldsTheLot_AViewerHasNoControl()
    {
        using var admin = await cloud.ClientAsync();
        var lot = await LotAtTwoSitesAsync(admin);
        using var viewerApi = await ViewerAsync(admin);

        await using (var context = await ContextAsync())
        {
            var page = await SignInAsync(context, "admin", CloudHost.AdminPassword);
            await page.GetByRole(AriaRole.Link, new() { Name = "Recall", Exact = true }).ClickAsync();
            await page.GetByLabel("SKU").FillAsync(lot.Sku);
            await page.GetByLabel("Lot", new() { Exact = true }).FillAsync("R-1");
            await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();

            await Expect(page.Locator("#recall-per-site tbody tr")).ToHaveCountAsync(2);
            await Expect(page.Locator("#recall-per-site tbody tr").Filter(new() { HasText = lot.First })).ToContainTextAsync("5");
            await Expect(page.Locator("#recall-per-site tbody tr").Filter(new() { HasText = lot.Second })).ToContainTextAsync("3");
            await Expect(page.Locator("#recall-per-site tfoot")).ToContainTextAsync("8");
            await Expect(page.Locator("#recall-receipts tbody tr")).ToHaveCountAsync(2);
            await Expect(page.Locator("#recall-csv")).ToHaveAttributeAsync("href", $"/api/lots/trace?productId={lot.Product}&lot=R-1&format=csv");

            await page.GetByLabel("Reason", new() { Exact = true }).FillAsync("Supplier recall 12");
            await page.GetByRole(AriaRole.Button, new() { Name = "Hold", Exact = true }).ClickAsync();
            await Expect(page.Locator("#recall-status")).ToHaveTextAsync("hold");
            await Expect(page.Locator("#recall-reason")).ToHaveTextAsync("Supplier recall 12");
        }

        await using (var context = await ContextAsync())
        {
            var username = "viewer-" + Guid.NewGuid().ToString("N")[..8];
            (await admin.PostAsJsonAsync("/api/users", new { username, password = "password-viewer", role = "viewer" })).EnsureSuccessStatusCode();
            var page = await SignInAsync(context, username, "password-viewer");
            await page.GotoAsync($"/lots/recall?productId={lot.Product}&lot=R-1");
            await Expect(page.Locator("#recall-status")).ToHaveTextAsync("hold");
            await Expect(page.Locator("#recall-per-site tbody tr")).ToHaveCountAsync(2);
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Hold", Exact = true })).ToHaveCountAsync(0);
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Release", Exact = true })).ToHaveCountAsync(0);
        }

        using var refused = await viewerApi.PostAsJsonAsync("/api/lots/release", new { productId = lot.Product, lot = "R-1" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

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
}
