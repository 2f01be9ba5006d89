using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Edge.Features.Alerts;
using Inventory.Edge.Features.Realtime;
using Inventory.Edge.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using netDumbster.smtp;

namespace Inventory.Edge.Tests.Alerts;

/// <summary>
/// Expiry alerts against the real box on a fake clock: the scanner runs at start and daily at
/// Inventory:Alerts:ExpiryScanAt, so advancing the clock a day runs it; tests also call a scan directly. Mail goes
/// to a real SMTP server (netDumbster, in process). Dates are relative to the fake clock's today (UTC).
/// </summary>
public sealed class ExpiryAlertTests(ExpiryAlertTests.Fixture fixture) : IClassFixture<ExpiryAlertTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

        public SimpleSmtpServer Smtp { get; }

        public EdgeHost Edge { get; }

        public Fixture()
        {
            var port = FreePorts.Take();
            Smtp = SimpleSmtpServer.Start(port);
            Edge = new EdgeHost { Configure = b => b.Services.AddSingleton<TimeProvider>(Time) };
            Edge.Settings["Inventory:Smtp:Host"] = "127.0.0.1";
            Edge.Settings["Inventory:Smtp:Port"] = port.ToString(CultureInfo.InvariantCulture);
            Edge.Settings["Inventory:Smtp:UseTls"] = "false";
            Edge.Settings["Inventory:Smtp:From"] = "inventory@wh1.example";
            Edge.Settings["Inventory:Alerts:Recipients"] = "ops@example.com";
            Edge.Settings["Inventory:Alerts:ExpiryScanAt"] = "06:00";
        }

        public Task InitializeAsync() => Edge.InitializeAsync();

        public async Task DisposeAsync()
        {
            await Edge.DisposeAsync();
            Smtp.Dispose();
        }
    }

    private EdgeHost Edge => fixture.Edge;

    private DateOnly Today => DateOnly.FromDateTime(fixture.Time.GetUtcNow().UtcDateTime);

    private string Day(int offset) => Today.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<int> ScanAsync() => Edge.Services.GetRequiredService<ExpiryAlertScanner>().ScanAsync(CancellationToken.None);

    internal static async Task<List<JsonElement>> ExpiryAlertsAsync(HttpClient client, Guid product, string? status = null)
    {
        var page = await client.GetFromJsonAsync<JsonElement>("/api/alerts?type=expiry&limit=500" + (status is null ? "" : "&status=" + status));
        return [.. page.GetProperty("items").EnumerateArray().Where(a => a.GetProperty("productId").GetGuid() == product)];
    }

    internal static async Task<Guid> ProductAsync(HttpClient client, string sku, int expiryAlertDays = 30)
    {
        var body = await client.PostOkAsync("/api/products", new
        {
            sku, name = "Perishable", costPrice = 2.5m, sellingPrice = 5m, unit = "each", lotTracked = true, expiryAlertDays,
        });
        return body.GetProperty("id").GetGuid();
    }

    internal static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, string what, double seconds = 20)
        where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for " + what);
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task LotInsideWindow_ManyMovementsAndScans_OneAlertOneMailLive()
    {
        using var admin = await Edge.ClientAsync();
        var location = await admin.CreateLocationAsync();
        var sku = "EXP-" + Guid.NewGuid().ToString("N")[..8];
        var product = await ProductAsync(admin, sku);
        var events = System.Threading.Channels.Channel.CreateUnbounded<AlertChanged>();
        var token = admin.DefaultRequestHeaders.Authorization!.Parameter;
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(Edge.BaseAddress, InventoryHub.Path), o => o.AccessTokenProvider = () => Task.FromResult(token))
            .Build();
        hub.On<AlertChanged>(InventoryHub.AlertMethod, a => events.Writer.TryWrite(a));
        await hub.StartReadyAsync();

        await admin.ReceiveAsync(product, location, 10, new { lot = "L1", expiry = Day(10), bin = "A" });
        await admin.ReceiveAsync(product, location, 5, new { lot = "L1", expiry = Day(10), bin = "B" });
        await admin.PostOkAsync("/api/inventory/ship", new { productId = product, locationId = location, quantity = 2, lot = "L1" });
        Assert.Empty(await ExpiryAlertsAsync(admin, product)); // movements never open one

        Assert.True(await ScanAsync() >= 1);
        await admin.PostOkAsync("/api/inventory/ship", new { productId = product, locationId = location, quantity = 1, lot = "L1" });
        await ScanAsync();
        await ScanAsync();

        var alert = Assert.Single(await ExpiryAlertsAsync(admin, product));
        Assert.Equal("open", alert.GetProperty("status").GetString());
        Assert.Equal("window", alert.GetProperty("kind").GetString());
        Assert.Equal("L1", alert.GetProperty("lot").GetString());
        Assert.Equal(Day(10), alert.GetProperty("expiry").GetString());
        Assert.Equal(10, alert.GetProperty("daysLeft").GetInt32());
        Assert.Equal(13, alert.GetProperty("quantityAtOpen").GetInt64());
        Assert.Equal(sku, alert.GetProperty("sku").GetString());

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        AlertChanged live;
        do
        {
            live = await events.Reader.ReadAsync(timeout.Token);
        }
        while (live.ProductId != product);
        Assert.Equal(("expiry", "open", "L1", "window"), (live.Type, live.Status, live.Lot, live.Kind));
        Assert.Equal(alert.GetProperty("id").GetGuid(), live.AlertId);

        var mail = await EventuallyAsync(() => Task.FromResult(
            fixture.Smtp.ReceivedEmail.FirstOrDefault(m => m.Headers["Subject"]?.Contains(sku, StringComparison.Ordinal) == true)), "the mail");
        await EventuallyAsync(async () =>
            (await ExpiryAlertsAsync(admin, product)).Single().GetProperty("mail").GetProperty("status").GetString() == "sent" ? "sent" : null,
            "sent status");
        await ScanAsync();
        Assert.Contains("ops@example.com", mail.ToAddresses.Select(a => a.Address));
        Assert.Contains("L1", mail.MessageParts[0].BodyData, StringComparison.Ordinal);
        Assert.Single(fixture.Smtp.ReceivedEmail, m => m.Headers["Subject"]?.Contains(sku, StringComparison.Ordinal) == true);
        Assert.Single(await ExpiryAlertsAsync(admin, product));
    }

    [Fact]
    public async Task LotOutsideWindow_RaisesNone()
    {
        using var admin = await Edge.ClientAsync();
        var location = await admin.CreateLocationAsync();
        var product = await ProductAsync(admin, "EXP-" + Guid.NewGuid().ToString("N")[..8], expiryAlertDays: 5);
        await admin.ReceiveAsync(product, location, 4, new { lot = "FAR", expiry = Day(6) });

        await ScanAsync();

        Assert.Empty(await ExpiryAlertsAsync(admin, product));
    }

    [Fact]
    public async Task StockGone_ClosesTheAlert()
    {
        using var admin = await Edge.ClientAsync();
        var location = await admin.CreateLocationAsync();
        var product = await ProductAsync(admin, "EXP-" + Guid.NewGuid().ToString("N")[..8]);
        await admin.ReceiveAsync(product, location, 3, new { lot = "GONE", expiry = Day(2) });
        await ScanAsync();
        Assert.Single(await ExpiryAlertsAsync(admin, product, "open"));

        await admin.PostOkAsync("/api/inventory/ship", new { productId = product, locationId = location, quantity = 3, lot = "GONE" });
        await ScanAsync();

        Assert.Empty(await ExpiryAlertsAsync(admin, product, "open"));
        var closed = Assert.Single(await ExpiryAlertsAsync(admin, product, "closed"));
        Assert.NotEqual(JsonValueKind.Null, closed.GetProperty("closedAt").ValueKind);
    }

    [Fact]
    public async Task AlertsApi_TypeSelectsTheList_BadTypeIs400_AcknowledgeWorks()
    {
        using var admin = await Edge.ClientAsync();
        var location = await admin.CreateLocationAsync();
        var product = await ProductAsync(admin, "EXP-" + Guid.NewGuid().ToString("N")[..8]);
        await admin.ReceiveAsync(product, location, 2, new { lot = "ACK", expiry = Day(3) });
        await ScanAsync();
        var id = Assert.Single(await ExpiryAlertsAsync(admin, product)).GetProperty("id").GetGuid();

        var same = await admin.GetFromJsonAsync<JsonElement>("/api/alerts/expiry?status=open&limit=500");
        Assert.Contains(same.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetGuid() == id);
        var reorder = await admin.GetFromJsonAsync<JsonElement>("/api/alerts?limit=500");
        Assert.DoesNotContain(reorder.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetGuid() == id);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/alerts?type=lots")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/alerts?type=expiry&kind=soon")).StatusCode);

        using var viewer = await Edge.ClientForRoleAsync("viewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync($"/api/alerts/{id}/acknowledge", null)).StatusCode);
        var acknowledged = await admin.PostOkAsync($"/api/alerts/{id}/acknowledge", new { }, HttpStatusCode.OK);
        Assert.Equal("ACK", acknowledged.GetProperty("lot").GetString());
        Assert.NotEqual(JsonValueKind.Null, acknowledged.GetProperty("acknowledgedAt").ValueKind);
    }
}

/// <summary>
/// The daily scan on its own host: advancing the fake clock a day also moves sign-in tokens' issue time past the real
/// clock the token check uses, so no other test may share this host after the jump.
/// </summary>
public sealed class ExpiryAlertClockTests(ExpiryAlertTests.Fixture fixture) : IClassFixture<ExpiryAlertTests.Fixture>
{
    private EdgeHost Edge => fixture.Edge;

    private string Day(int offset) =>
        DateOnly.FromDateTime(fixture.Time.GetUtcNow().UtcDateTime).AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<int> ScanAsync() => Edge.Services.GetRequiredService<ExpiryAlertScanner>().ScanAsync(CancellationToken.None);

    [Fact]
    public async Task ClockPassesExpiry_DailyScanOpensTheExpiredAlert()
    {
        using var admin = await Edge.ClientAsync();
        var location = await admin.CreateLocationAsync();
        var product = await ExpiryAlertTests.ProductAsync(admin, "EXP-" + Guid.NewGuid().ToString("N")[..8]);
        var expiry = Day(0);
        await admin.ReceiveAsync(product, location, 7, new { lot = "TODAY", expiry });
        await ScanAsync();
        Assert.Equal("window", Assert.Single(await ExpiryAlertTests.ExpiryAlertsAsync(admin, product)).GetProperty("kind").GetString());

        // A day later the daily scan (its timer on the fake clock) finds the lot expired.
        fixture.Time.Advance(TimeSpan.FromDays(1));

        var expired = (await ExpiryAlertTests.EventuallyAsync(async () =>
        {
            var alerts = (await ExpiryAlertTests.ExpiryAlertsAsync(admin, product)).Where(a => a.GetProperty("kind").GetString() == "expired").ToList();
            return alerts.Count > 0 ? alerts : null;
        }, "the expired alert")).Single();
        Assert.Equal(expiry, expired.GetProperty("expiry").GetString());
        Assert.Equal(-1, expired.GetProperty("daysLeft").GetInt32());
        Assert.Equal(2, (await ExpiryAlertTests.ExpiryAlertsAsync(admin, product)).Count);
        await ScanAsync();
        Assert.Equal(2, (await ExpiryAlertTests.ExpiryAlertsAsync(admin, product)).Count);
    }
}
