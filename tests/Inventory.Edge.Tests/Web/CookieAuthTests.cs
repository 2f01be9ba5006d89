using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Inventory.Edge.Tests.Infrastructure;

namespace Inventory.Edge.Tests.Web;

/// <summary>The browser's cookie sign-in beside the bearer tokens, over plain HTTP: API behaviour must not change.</summary>
public sealed partial class CookieAuthTests(EdgeHost edge) : IClassFixture<EdgeHost>
{
    private (HttpClient Client, CookieContainer Cookies) Browser()
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = edge.BaseAddress };
        return (client, cookies);
    }

    private static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string username, string password)
    {
        var form = await client.GetStringAsync("/login");
        var token = TokenPattern().Match(form).Groups[1].Value;
        return await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Username"] = username,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    [Fact]
    public async Task Api_NoTokenNoCookie_401BearerChallengeNotRedirect()
    {
        using var client = edge.Anonymous();

        var response = await client.GetAsync("/api/products");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Page_NoCookie_RedirectsToSignIn()
    {
        var (client, _) = Browser();
        using var _client = client;

        var response = await client.GetAsync("/scan");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cookie_SignedIn_ApiReadsWorkAndWritesNeedClientHeader()
    {
        var (client, cookies) = Browser();
        using var _client = client;

        var login = await PostLoginAsync(client, "admin", EdgeHost.AdminPassword);
        var readWithCookie = await client.GetAsync("/api/products");
        var writeWithoutHeader = await client.PostAsJsonAsync("/api/scan", new { code = "nothing", action = "lookup" });
        using var withHeader = new HttpRequestMessage(HttpMethod.Post, "/api/scan") { Content = JsonContent.Create(new { code = "nothing", action = "lookup" }) };
        withHeader.Headers.Add("X-Inventory-Client", "web");
        var writeWithHeader = await client.SendAsync(withHeader);

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var cookie = cookies.GetAllCookies().Single(c => c.Name == "inventory-edge.auth");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(HttpStatusCode.OK, readWithCookie.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, writeWithoutHeader.StatusCode);
        Assert.Equal(HttpStatusCode.OK, writeWithHeader.StatusCode);
    }

    [Fact]
    public async Task Cookie_UserDisabled_CookieStopsWorkingAtOnce()
    {
        using var admin = await edge.ClientAsync();
        var user = await admin.PostOkAsync("/api/users", new { username = "cookie-staff", password = "staff-password", role = "staff" });
        var (client, _) = Browser();
        using var _client = client;
        await PostLoginAsync(client, "cookie-staff", "staff-password");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/products")).StatusCode);

        await admin.PostOkAsync($"/api/users/{user.GetProperty("id").GetGuid()}/disable", new { }, HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/products")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Cookie_StaffRole_ForbiddenWhereTokenIsForbidden()
    {
        using var admin = await edge.ClientAsync();
        await admin.PostOkAsync("/api/users", new { username = "cookie-staff2", password = "staff-password", role = "staff" });
        var (client, _) = Browser();
        using var _client = client;
        await PostLoginAsync(client, "cookie-staff2", "staff-password");

        var users = await client.GetAsync("/api/users");

        Assert.Equal(HttpStatusCode.Forbidden, users.StatusCode);
    }

    [Fact]
    public async Task SignIn_RepeatedFailures_LockedLikeTheTokenEndpoint()
    {
        using var admin = await edge.ClientAsync();
        await admin.PostOkAsync("/api/users", new { username = "cookie-locky", password = "right-password", role = "staff" });
        var (client, _) = Browser();
        using var _client = client;

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await PostLoginAsync(client, "cookie-locky", "wrong-password")).StatusCode);
        }

        var locked = await PostLoginAsync(client, "cookie-locky", "right-password");
        var token = await edge.Anonymous().PostAsJsonAsync("/api/auth/token", new { username = "cookie-locky", password = "right-password" });

        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, token.StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
