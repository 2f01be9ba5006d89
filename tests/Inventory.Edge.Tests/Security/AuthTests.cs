using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Edge.Tests.Infrastructure;

namespace Inventory.Edge.Tests.Security;

public sealed class AuthTests(EdgeHost edge) : IClassFixture<EdgeHost>
{
    [Fact]
    public async Task Token_BootstrapAdmin_GetsManagerToken()
    {
        using var client = edge.Anonymous();

        var body = await client.PostOkAsync("/api/auth/token", new { username = "admin", password = EdgeHost.AdminPassword }, HttpStatusCode.OK);

        Assert.False(string.IsNullOrEmpty(body.GetProperty("accessToken").GetString()));
        Assert.True(body.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow);
        Assert.Equal("manager", body.GetProperty("role").GetString());
    }

    [Fact]
    public async Task Token_WrongPassword_401WithoutSayingWhich()
    {
        using var client = edge.Anonymous();

        var wrongPassword = await client.PostAsJsonAsync("/api/auth/token", new { username = "admin", password = "nope-nope" });
        var wrongUser = await client.PostAsJsonAsync("/api/auth/token", new { username = "nobody", password = "nope-nope" });

        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongUser.StatusCode);
        Assert.Equal(
            (await wrongPassword.ReadJsonAsync()).GetProperty("detail").GetString(),
            (await wrongUser.ReadJsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Token_RepeatedFailures_LocksAccountEvenForRightPassword()
    {
        using var admin = await edge.ClientAsync();
        await admin.PostOkAsync("/api/users", new { username = "locky", password = "right-password", role = "staff" });
        using var client = edge.Anonymous();

        for (var i = 0; i < 5; i++)
        {
            var failed = await client.PostAsJsonAsync("/api/auth/token", new { username = "locky", password = "wrong-password" });
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        var locked = await client.PostAsJsonAsync("/api/auth/token", new { username = "locky", password = "right-password" });

        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.NotNull(locked.Headers.RetryAfter);
        var users = await admin.GetFromJsonAsync<JsonElement>("/api/users");
        Assert.Contains(users.EnumerateArray(), u => u.GetProperty("username").GetString() == "locky" && u.GetProperty("locked").GetBoolean());
    }

    [Fact]
    public async Task DisabledUser_TokenStopsWorkingAtOnce()
    {
        using var admin = await edge.ClientAsync();
        var user = await admin.PostOkAsync("/api/users", new { username = "leaver", password = "leaver-password", role = "viewer" });
        using var leaver = await edge.ClientAsync("leaver", "leaver-password");
        Assert.Equal(HttpStatusCode.OK, (await leaver.GetAsync("/api/products")).StatusCode);

        await admin.PostOkAsync($"/api/users/{user.GetProperty("id").GetGuid()}/disable", new { }, HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.Unauthorized, (await leaver.GetAsync("/api/products")).StatusCode);
        var login = await edge.Anonymous().PostAsJsonAsync("/api/auth/token", new { username = "leaver", password = "leaver-password" });
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
    }

    [Fact]
    public async Task RoleChange_And_PasswordReset_TakeEffect()
    {
        using var admin = await edge.ClientAsync();
        var user = await admin.PostOkAsync("/api/users", new { username = "mover", password = "mover-password", role = "viewer" });
        var id = user.GetProperty("id").GetGuid();

        var promoted = await admin.PutAsJsonAsync($"/api/users/{id}/role", new { role = "staff" });
        await admin.PostOkAsync($"/api/users/{id}/password", new { password = "new-password-2" }, HttpStatusCode.NoContent);

        Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        var oldLogin = await edge.Anonymous().PostAsJsonAsync("/api/auth/token", new { username = "mover", password = "mover-password" });
        Assert.Equal(HttpStatusCode.Unauthorized, oldLogin.StatusCode);
        using var mover = await edge.ClientAsync("mover", "new-password-2");
        var location = await admin.CreateLocationAsync();
        var product = await admin.CreateProductAsync();
        var receive = await mover.PostAsJsonAsync("/api/inventory/receive", new { productId = product, locationId = location, quantity = 1 });
        Assert.Equal(HttpStatusCode.Created, receive.StatusCode);
    }

    [Theory]
    [InlineData("x", "long-enough-pw", "staff")]
    [InlineData("has space", "long-enough-pw", "staff")]
    [InlineData("shortpw", "short", "staff")]
    [InlineData("badrole", "long-enough-pw", "admin")]
    public async Task CreateUser_BadInput_400(string username, string password, string role)
    {
        using var admin = await edge.ClientAsync();

        var response = await admin.PostAsJsonAsync("/api/users", new { username = username == "x" ? "" : username, password, role });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task CreateUser_TakenName_409()
    {
        using var admin = await edge.ClientAsync();

        var response = await admin.PostAsJsonAsync("/api/users", new { username = "ADMIN", password = "long-enough-pw", role = "staff" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task LastManager_CannotBeDisabledOrDemoted()
    {
        using var admin = await edge.ClientAsync();
        var users = await admin.GetFromJsonAsync<JsonElement>("/api/users");
        var adminId = users.EnumerateArray().First(u => u.GetProperty("username").GetString() == "admin").GetProperty("id").GetGuid();
        var managers = users.EnumerateArray().Count(u => u.GetProperty("role").GetString() == "manager" && u.GetProperty("isActive").GetBoolean());
        Assert.Equal(1, managers);

        var disable = await admin.PostAsync($"/api/users/{adminId}/disable", null);

        Assert.Equal(HttpStatusCode.Conflict, disable.StatusCode);
    }

    [Fact]
    public async Task ForgedToken_401()
    {
        using var client = edge.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxIiwicm9sZSI6Im1hbmFnZXIifQ.c2lnbmF0dXJl");

        var response = await client.GetAsync("/api/users");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
