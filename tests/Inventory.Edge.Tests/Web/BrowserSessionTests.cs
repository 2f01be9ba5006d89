using System.Net;
using System.Text.RegularExpressions;
using Inventory.Edge.Tests.Infrastructure;
using Inventory.Web.Http;

namespace Inventory.Edge.Tests.Web;

/// <summary>What a browser session leaves behind: nothing after sign-out, and every answer with its security headers.</summary>
public sealed partial class BrowserSessionTests(EdgeHost edge) : IClassFixture<EdgeHost>
{
    [Fact]
    public async Task SignOut_SavedCookieReplayed_OpensNothing()
    {
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = edge.BaseAddress };
        var login = await PostFormAsync(browser, "/login", new() { ["Username"] = "admin", ["Password"] = EdgeHost.AdminPassword });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var saved = cookies.GetAllCookies().Single(c => c.Name == "inventory-edge.auth").Value;

        var logout = await PostFormAsync(browser, "/logout", []);
        using var replay = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = edge.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/products");
        request.Headers.Add("Cookie", $"inventory-edge.auth={saved}");
        var replayed = await replay.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
    }

    [Theory]
    [InlineData("/login")]
    [InlineData("/api/products")]
    [InlineData("/health")]
    public async Task AnyAnswer_CarriesTheSecurityHeaders(string path)
    {
        using var client = edge.Anonymous();

        var response = await client.GetAsync(path);

        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Pages_HaveNoInlineScript()
    {
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = edge.BaseAddress };
        await PostFormAsync(browser, "/login", new() { ["Username"] = "admin", ["Password"] = EdgeHost.AdminPassword });

        foreach (var page in new[] { "/", "/scan", "/alerts", "/transfers", "/movements", "/users", "/devices", "/locations", "/adjust", "/products" })
        {
            var html = await browser.GetStringAsync(page);
            Assert.DoesNotMatch(InlineHandler(), html);
            Assert.DoesNotMatch(InlineScript(), html);
        }
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(path == "/logout" ? "/" : path);
        fields["__RequestVerificationToken"] = TokenPattern().Match(page).Groups[1].Value;
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandler();

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();
}
