using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Inventory.Cloud.Tests.Infrastructure;
using Inventory.Sync;

namespace Inventory.Cloud.Tests.Security;

/// <summary>The role table of docs/contracts/roles.md against every endpoint of the cloud, row by row.</summary>
public sealed class CloudRoleTableTests(CloudRoleTableTests.Fixture fixture) : IClassFixture<CloudRoleTableTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        private readonly ConcurrentDictionary<string, Task<HttpClient>> _clients = new();

        public CloudHost Cloud { get; } = new();

        public Task<HttpClient> ClientFor(string role) => _clients.GetOrAdd(role, async r =>
        {
            if (r == "manager")
            {
                return await Cloud.ClientAsync();
            }

            using var admin = await Cloud.ClientAsync();
            var username = $"{r}-{Guid.NewGuid():N}"[..20];
            (await admin.PostAsJsonAsync("/api/users", new { username, password = "password-" + r, role = r })).EnsureSuccessStatusCode();
            return await Cloud.ClientAsync(username, "password-" + r);
        });

        public Task InitializeAsync() => Cloud.InitializeAsync();

        public async Task DisposeAsync()
        {
            foreach (var client in _clients.Values)
            {
                (await client).Dispose();
            }

            await Cloud.DisposeAsync();
        }
    }

    private static readonly string Any = Guid.Empty.ToString();

    public static TheoryData<string, string, string, string, bool> Rows()
    {
        var table = new (string Group, string Method, string Path, bool Manager, bool Staff, bool Purchasing, bool Viewer)[]
        {
            ("products read", "GET", "/api/products", true, true, true, true),
            ("product read", "GET", $"/api/products/{Any}", true, true, true, true),
            ("products create", "POST", "/api/products", true, false, false, false),
            ("products update", "PUT", $"/api/products/{Any}", true, false, false, false),
            ("categories read", "GET", "/api/categories", true, true, true, true),
            ("categories create", "POST", "/api/categories", true, false, false, false),
            ("locations read", "GET", "/api/locations", true, true, true, true),
            ("inventory read", "GET", "/api/inventory", true, true, true, true),
            ("inventory product", "GET", $"/api/inventory/{Any}", true, true, true, true),
            ("movements read", "GET", "/api/stock-movements", true, true, true, true),
            ("transfers read", "GET", "/api/transfers", true, true, true, true),
            ("sites read", "GET", "/api/sites", true, true, true, true),
            ("sites overview", "GET", "/api/sites/overview", true, true, true, true),
            ("sites create", "POST", "/api/sites", true, false, false, false),
            ("sites rotate", "POST", "/api/sites/NONE/credential", true, false, false, false),
            ("sites revoke", "DELETE", "/api/sites/NONE/credential", true, false, false, false),
            ("users list", "GET", "/api/users", true, false, false, false),
            ("users create", "POST", "/api/users", true, false, false, false),
            ("users change", "PUT", $"/api/users/{Any}", true, false, false, false),
            ("conflicts", "GET", "/api/sync/conflicts", true, false, false, false),
            ("quarantine", "GET", "/api/sync/quarantine", true, false, false, false),
            ("suppliers read", "GET", "/api/suppliers", true, true, true, true),
            ("supplier read", "GET", $"/api/suppliers/{Any}", true, true, true, true),
            ("suppliers create", "POST", "/api/suppliers", true, false, true, false),
            ("suppliers update", "PUT", $"/api/suppliers/{Any}", true, false, true, false),
            ("supplier products read", "GET", $"/api/suppliers/{Any}/products", true, true, true, true),
            ("supplier product read", "GET", $"/api/suppliers/{Any}/products/{Any}", true, true, true, true),
            ("supplier product set", "PUT", $"/api/suppliers/{Any}/products/{Any}", true, false, true, false),
            ("purchase orders read", "GET", "/api/purchase-orders", true, true, true, true),
            ("purchase order read", "GET", $"/api/purchase-orders/{Any}", true, true, true, true),
            ("purchase orders create", "POST", "/api/purchase-orders", true, false, true, false),
            ("purchase orders update", "PUT", $"/api/purchase-orders/{Any}", true, false, true, false),
            ("purchase orders send", "POST", $"/api/purchase-orders/{Any}/send", true, false, true, false),
            ("purchase orders cancel", "POST", $"/api/purchase-orders/{Any}/cancel", true, false, true, false),
            ("purchase orders close", "POST", $"/api/purchase-orders/{Any}/close", true, false, false, false),
            ("lots read", "GET", $"/api/lots?productId={Any}", true, true, true, true),
            ("lots hold", "POST", "/api/lots/hold", true, false, false, false),
            ("lots release", "POST", "/api/lots/release", true, false, false, false),
            ("lot trace", "GET", $"/api/lots/trace?productId={Any}&lot=X", true, true, true, true),
            ("inventory accuracy report", "GET", "/api/reports/inventory-accuracy", true, true, true, true),
        };
        var data = new TheoryData<string, string, string, string, bool>();
        foreach (var row in table)
        {
            data.Add(row.Group, "manager", row.Method, row.Path, row.Manager);
            data.Add(row.Group, "staff", row.Method, row.Path, row.Staff);
            data.Add(row.Group, "purchasing", row.Method, row.Path, row.Purchasing);
            data.Add(row.Group, "viewer", row.Method, row.Path, row.Viewer);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Endpoint_Role_FollowsRoleTable(string group, string role, string method, string path, bool allowed)
    {
        var client = await fixture.ClientFor(role);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT")
        {
            request.Content = JsonContent.Create(new { });
        }

        using var response = await client.SendAsync(request);

        Assert.True(allowed
                ? response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized)
                : response.StatusCode == HttpStatusCode.Forbidden,
            $"{role} on {group} ({method} {path}): {(int)response.StatusCode}");
    }

    [Theory]
    [InlineData("GET", "/api/products")]
    [InlineData("GET", "/api/inventory")]
    [InlineData("GET", "/api/sites")]
    [InlineData("GET", "/api/users")]
    [InlineData("GET", SyncProtocol.ChangesPath)]
    [InlineData("POST", SyncProtocol.PushPath)]
    public async Task Endpoint_NoCredentials_401(string method, string path)
    {
        using var client = fixture.Cloud.Anonymous();
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_user_token_does_not_open_the_sync_endpoints_and_a_site_credential_opens_nothing_else()
    {
        var manager = await fixture.ClientFor("manager");
        Assert.Equal(HttpStatusCode.Unauthorized, (await manager.GetAsync(SyncProtocol.ChangesPath)).StatusCode);

        var credential = await fixture.Cloud.AddSiteAsync("ROLE1");
        using var site = SiteClient.Create(fixture.Cloud.BaseAddress, "ROLE1", credential);
        Assert.Equal(HttpStatusCode.OK, (await site.GetAsync(SyncProtocol.ChangesPath)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await site.GetAsync("/api/products")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await site.GetAsync("/api/users")).StatusCode);
    }

    [Theory]
    [InlineData("staff")]
    [InlineData("viewer")]
    public async Task Cost_prices_are_hidden_from_roles_without_them(string role)
    {
        var manager = await fixture.ClientFor("manager");
        var created = await manager.PostAsJsonAsync("/api/products", new { sku = "COST-" + role, name = "Costly", costPrice = 9.99m, unit = "each" });
        var id = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        var client = await fixture.ClientFor(role);

        var product = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/products/{id}");

        Assert.False(product.TryGetProperty("costPrice", out var cost) && cost.ValueKind != System.Text.Json.JsonValueKind.Null);
        Assert.Equal(9.99m, (await manager.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/products/{id}")).GetProperty("costPrice").GetDecimal());
    }

    [Fact]
    public async Task Health_and_OpenApi_are_open()
    {
        using var client = fixture.Cloud.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        var openApi = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/openapi/v1.json");
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/api/sync/push", out _));
    }
}
