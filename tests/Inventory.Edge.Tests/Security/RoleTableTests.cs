using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Inventory.Edge.Tests.Infrastructure;

namespace Inventory.Edge.Tests.Security;

/// <summary>
/// The role table of docs/contracts/roles.md, row by row: each role against each endpoint group. Allowed means the
/// request got past authorization (any answer but 401/403; an empty body then earns a 400 or 404).
/// </summary>
public sealed class RoleTableTests(RoleTableTests.Fixture fixture) : IClassFixture<RoleTableTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        private readonly ConcurrentDictionary<string, Task<HttpClient>> _clients = new();

        public EdgeHost Edge { get; } = new();

        public Task<HttpClient> ClientFor(string role) =>
            _clients.GetOrAdd(role, r => r == "manager" ? Edge.ClientAsync() : Edge.ClientForRoleAsync(r));

        public Task InitializeAsync() => Edge.InitializeAsync();

        public async Task DisposeAsync()
        {
            foreach (var client in _clients.Values)
            {
                (await client).Dispose();
            }

            await Edge.DisposeAsync();
        }
    }

    private static readonly string Any = Guid.Empty.ToString();

    // group, method, path, then who may: manager, staff, purchasing, viewer
    public static TheoryData<string, string, string, string, bool> Rows()
    {
        var table = new (string Group, string Method, string Path, bool Manager, bool Staff, bool Purchasing, bool Viewer)[]
        {
            ("products read", "GET", "/api/products", true, true, true, true),
            ("product read", "GET", $"/api/products/{Any}", true, true, true, true),
            ("products create", "POST", "/api/products", true, false, false, false),
            ("products update", "PUT", $"/api/products/{Any}", true, false, false, false),
            ("products delete", "DELETE", $"/api/products/{Any}", true, false, false, false),
            ("categories read", "GET", "/api/categories", true, true, true, true),
            ("categories create", "POST", "/api/categories", true, false, false, false),
            ("locations read", "GET", "/api/locations", true, true, true, true),
            ("locations create", "POST", "/api/locations", true, false, false, false),
            ("locations update", "PUT", $"/api/locations/{Any}", true, false, false, false),
            ("bins create", "POST", $"/api/locations/{Any}/bins", true, false, false, false),
            ("location settings", "PUT", $"/api/locations/{Any}/products/{Any}/settings", true, false, false, false),
            ("inventory read", "GET", "/api/inventory", true, true, true, true),
            ("inventory product", "GET", $"/api/inventory/{Any}", true, true, true, true),
            ("receive", "POST", "/api/inventory/receive", true, true, false, false),
            ("ship", "POST", "/api/inventory/ship", true, true, false, false),
            ("adjust", "POST", "/api/inventory/adjust", true, false, false, false),
            ("transfer", "POST", "/api/inventory/transfer", true, true, false, false),
            ("return", "POST", "/api/inventory/return", true, true, false, false),
            ("count", "POST", "/api/inventory/count", true, true, false, false),
            ("reserve", "POST", "/api/inventory/reserve", true, true, false, false),
            ("release", "POST", "/api/inventory/release", true, true, false, false),
            ("movements read", "GET", "/api/stock-movements", true, true, true, true),
            ("users list", "GET", "/api/users", true, false, false, false),
            ("users create", "POST", "/api/users", true, false, false, false),
            ("users role", "PUT", $"/api/users/{Any}/role", true, false, false, false),
            ("users disable", "POST", $"/api/users/{Any}/disable", true, false, false, false),
            ("users password", "POST", $"/api/users/{Any}/password", true, false, false, false),
            ("integrity", "POST", "/api/integrity/check", true, false, false, false),
            ("ledger stats", "GET", "/api/ledger/stats", true, false, false, false),
            ("labels print", "POST", "/api/labels/print", true, true, false, false),
            ("label jobs", "GET", "/api/labels/jobs", true, true, false, false),
            ("product label", "GET", $"/api/products/{Any}/label", true, true, true, true),
            ("scan image", "POST", "/api/scan/image", true, true, false, false),
            ("stock valuation", "GET", "/api/reports/stock-valuation", true, false, false, false),
            ("reorder report", "GET", "/api/reports/reorder", true, true, true, true),
            ("low stock report", "GET", "/api/reports/low-stock", true, true, true, true),
            ("movement report", "GET", "/api/reports/movement", true, true, true, true),
            ("alerts read", "GET", "/api/alerts", true, true, true, true),
            ("alerts acknowledge", "POST", $"/api/alerts/{Any}/acknowledge", true, true, false, false),
            ("alert recipients", "PUT", $"/api/alerts/recipients/{Any}", true, false, false, false),
            ("devices list", "GET", "/api/devices", true, false, false, false),
            ("devices register", "POST", "/api/devices", true, false, false, false),
            ("devices revoke", "DELETE", "/api/devices/S-none", true, false, false, false),
            ("scan", "POST", "/api/scan", true, true, false, false),
            ("barcode link", "POST", $"/api/products/{Any}/barcodes", true, false, false, false),
            ("sync status", "GET", "/api/sync/status", true, false, false, false),
            ("sync conflicts", "GET", "/api/sync/conflicts", true, false, false, false),
            ("transfers read", "GET", "/api/transfers", true, true, true, true),
            ("transfer receive", "POST", $"/api/transfers/{Any}/receive", true, true, false, false),
            ("suppliers read", "GET", "/api/suppliers", true, true, true, true),
            ("supplier read", "GET", $"/api/suppliers/{Any}", true, true, true, true),
            ("suppliers create", "POST", "/api/suppliers", true, false, true, false),
            ("supplier update", "PUT", $"/api/suppliers/{Any}", true, false, true, false),
            ("supplier prices read", "GET", $"/api/suppliers/{Any}/products", true, false, true, false),
            ("supplier price set", "PUT", $"/api/suppliers/{Any}/products/{Any}", true, false, true, false),
            ("purchase orders read", "GET", "/api/purchase-orders", true, true, true, true),
            ("purchase order read", "GET", $"/api/purchase-orders/{Any}", true, true, true, true),
            ("purchase order pdf", "GET", $"/api/purchase-orders/{Any}/pdf", true, true, true, true),
            ("purchase orders create", "POST", "/api/purchase-orders", true, false, true, false),
            ("purchase order update", "PUT", $"/api/purchase-orders/{Any}", true, false, true, false),
            ("purchase order send", "POST", $"/api/purchase-orders/{Any}/send", true, false, true, false),
            ("purchase order cancel", "POST", $"/api/purchase-orders/{Any}/cancel", true, false, true, false),
            ("purchase order close", "POST", $"/api/purchase-orders/{Any}/close", true, false, false, false),
            ("purchase orders plan from alerts", "GET", "/api/purchase-orders/from-alerts", true, false, true, false),
            ("purchase orders from alerts", "POST", "/api/purchase-orders/from-alerts", true, false, true, false),
            ("purchase order receive", "POST", $"/api/purchase-orders/{Any}/receive", true, true, true, false),
            ("receiving variance report", "GET", "/api/reports/receiving-variance", true, true, true, true),
            ("lots read", "GET", "/api/lots", true, true, true, true),
            ("lot hold", "POST", "/api/lots/hold", true, false, false, false),
            ("lot release", "POST", "/api/lots/release", true, false, false, false),
            ("lot trace", "GET", $"/api/lots/trace?productId={Any}&lot=X", true, true, true, true),
            ("cycle counts read", "GET", "/api/cycle-counts", true, true, true, true),
            ("cycle count create", "POST", "/api/cycle-counts", true, true, false, false),
            ("cycle count submit", "POST", $"/api/cycle-counts/{Any}/submit", true, true, false, false),
            ("cycle count approve", "POST", $"/api/cycle-counts/{Any}/approve", true, false, false, false),
            ("cycle count variance", "GET", $"/api/cycle-counts/{Any}/variance", true, true, true, true),
            ("inventory accuracy report", "GET", "/api/reports/inventory-accuracy", true, true, true, true),
            ("count plans read", "GET", "/api/count-plans", true, true, true, true),
            ("count plan put", "PUT", $"/api/count-plans/{Any}", true, false, false, false),
            ("fefo exceptions report", "GET", "/api/reports/fefo-exceptions", true, true, true, true),
            ("expiry report", "GET", "/api/reports/expiry", true, true, true, true),
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

        if (allowed)
        {
            Assert.True(response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized),
                $"{role} should reach {group} ({method} {path}) but got {(int)response.StatusCode}");
        }
        else
        {
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden,
                $"{role} should be refused {group} ({method} {path}) but got {(int)response.StatusCode}");
        }
    }

    [Theory]
    [InlineData("GET", "/api/products")]
    [InlineData("GET", "/api/inventory")]
    [InlineData("POST", "/api/inventory/receive")]
    [InlineData("GET", "/api/users")]
    [InlineData("GET", "/api/stock-movements")]
    public async Task Endpoint_NoToken_401(string method, string path)
    {
        using var client = fixture.Edge.Anonymous();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Health_AndOpenApi_AreOpen()
    {
        using var client = fixture.Edge.Anonymous();

        var health = await client.GetAsync("/health");
        var openApi = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/api/inventory/receive", out _));
    }

    [Theory]
    [InlineData("staff")]
    [InlineData("purchasing")]
    [InlineData("viewer")]
    public async Task CostPrices_HiddenFromNonManagers(string role)
    {
        var manager = await fixture.ClientFor("manager");
        var location = await manager.CreateLocationAsync();
        var product = await manager.CreateProductAsync();
        await manager.ReceiveAsync(product, location, 2, new { unitCost = 7.5m });
        var client = await fixture.ClientFor(role);

        var productJson = await client.GetStringAsync($"/api/products/{product}");
        var listJson = await client.GetStringAsync($"/api/products?q={Uri.EscapeDataString("SKU")}");
        var movementsJson = await client.GetStringAsync($"/api/stock-movements?productId={product}");
        var managerMovements = await manager.GetStringAsync($"/api/stock-movements?productId={product}");

        Assert.DoesNotContain("costPrice", productJson, StringComparison.Ordinal);
        Assert.DoesNotContain("costPrice", listJson, StringComparison.Ordinal);
        Assert.DoesNotContain("unitCost", movementsJson, StringComparison.Ordinal);
        Assert.Contains("unitCost", managerMovements, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CostPrices_HiddenInStaffMovementAnswer()
    {
        var manager = await fixture.ClientFor("manager");
        var location = await manager.CreateLocationAsync();
        var product = await manager.CreateProductAsync();
        var staff = await fixture.ClientFor("staff");

        var response = await staff.PostAsJsonAsync("/api/inventory/receive", new { productId = product, locationId = location, quantity = 1 });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.DoesNotContain("unitCost", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
