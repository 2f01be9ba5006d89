using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Edge.Features.Alerts;
using Inventory.Edge.Features.Realtime;
using Inventory.Edge.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using netDumbster.smtp;

namespace Inventory.Edge.Tests.Alerts;

/// <summary>
/// Alerts against the real writer, and their mail against a real SMTP server (netDumbster, in process) on
/// a port that is closed at first: mail queued while it is down is retried and delivered once it is up.
/// </summary>
public sealed class ReorderAlertTests(ReorderAlertTests.Fixture fixture) : IClassFixture<ReorderAlertTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public int SmtpPort { get; } = FreePort();

        public EdgeHost Edge { get; }

        public Fixture()
        {
            Edge = new EdgeHost();
            Edge.Settings["Inventory:Smtp:Host"] = "127.0.0.1";
            Edge.Settings["Inventory:Smtp:Port"] = SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Edge.Settings["Inventory:Smtp:UseTls"] = "false";
            Edge.Settings["Inventory:Smtp:From"] = "inventory@wh1.example";
            Edge.Settings["Inventory:Alerts:Recipients"] = "ops@example.com";
            Edge.Settings["Inventory:Alerts:MailPollInterval"] = "00:00:00.100";
            Edge.Settings["Inventory:Alerts:RetryBaseDelay"] = "00:00:00.200";
            Edge.Settings["Inventory:Alerts:RetryMaxDelay"] = "00:00:00.500";
        }

        public Task InitializeAsync() => Edge.InitializeAsync();

        public Task DisposeAsync() => Edge.DisposeAsync();

        // Closed at first, bound by the SMTP server later: reserved, so nothing else takes it in between.
        private static int FreePort() => FreePorts.Take();
    }

    private EdgeHost Edge => fixture.Edge;

    private static async Task<List<JsonElement>> AlertsAsync(HttpClient client, Guid product, string? status = null)
    {
        var page = await client.GetFromJsonAsync<JsonElement>("/api/alerts?limit=500" + (status is null ? "" : "&status=" + status));
        return [.. page.GetProperty("items").EnumerateArray().Where(a => a.GetProperty("productId").GetGuid() == product)];
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, string what, double seconds = 20)
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
    public async Task Movements_FallToReorderPointAndRecover_OneAlertOpensThenCloses()
    {
        using var admin = await Edge.ClientAsync();
        var location = await admin.CreateLocationAsync();
        var product = await admin.CreateProductAsync(reorderPoint: 5);
        var events = System.Threading.Channels.Channel.CreateUnbounded<AlertChanged>();
        var token = admin.DefaultRequestHeaders.Authorization!.Parameter;
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(Edge.BaseAddress, InventoryHub.Path), o => o.AccessTokenProvider = () => Task.FromResult(token))
            .Build();
        hub.On<AlertChanged>(InventoryHub.AlertMethod, a => events.Writer.TryWrite(a));
        await hub.StartReadyAsync();
        await admin.ReceiveAsync(product, location, 10);
        Assert.Empty(await AlertsAsync(admin, product));

        await admin.PostOkAsync("/api/inventory/ship", new { productId = product, locationId = location, quantity = 5 });
        await admin.PostOkAsync("/api/inventory/ship", new { productId = product, locationId = location, quantity = 2 });
        await admin.PostOkAsync("/api/inventory/reserve", new { productId = product, locationId = location, quantity = 1 });

        var open = Assert.Single(await AlertsAsync(admin, product, "open"));
        Assert.Equal(5, open.GetProperty("availableAtOpen").GetInt64());
        Assert.Equal(5, open.GetProperty("reorderPoint").GetInt32());

        await admin.ReceiveAsync(product, location, 10);

        Assert.Empty(await AlertsAsync(admin, product, "open"));
        var closed = Assert.Single(await AlertsAsync(admin, product, "closed"));
        Assert.Equal(open.GetProperty("id").GetGuid(), closed.GetProperty("id").GetGuid());
        Assert.Equal(12, closed.GetProperty("availableAtClose").GetInt64());

        // Low again: a new alert, not the old one reopened.
        await admin.PostOkAsync("/api/inventory/ship", new { productId = product, locationId = location, quantity = 10 });
        Assert.Equal(2, (await AlertsAsync(admin, product)).Count);
        Assert.Single(await AlertsAsync(admin, product, "open"));

        // What a screen on /hubs/inventory sees: open, closed, open for this product, each after its commit.
        var seen = new List<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (seen.Count < 3)
        {
            var change = await events.Reader.ReadAsync(timeout.Token);
            if (change.ProductId == product)
            {
                seen.Add(change.Status);
            }
        }

        Assert.Equal(["open", "closed", "open"], seen);
    }

    [Fact]
    public async Task Movement_RefusedForShortStock_OpensNoAlert()
    {
        using var admin = await Edge.ClientAsync();
        var location = await admin.CreateLocationAsync();
        var product = await admin.CreateProductAsync(reorderPoint: 5);
        await admin.ReceiveAsync(product, location, 10);

        await admin.PostOkAsync("/api/inventory/ship", new { productId = product, locationId = location, quantity = 11 }, HttpStatusCode.Conflict);

        Assert.Empty(await AlertsAsync(admin, product));
    }

    [Fact]
    public async Task Acknowledge_ByRole_StaffMayViewerMayNot()
    {
        using var admin = await Edge.ClientAsync();
        var location = await admin.CreateLocationAsync();
        var product = await admin.CreateProductAsync(reorderPoint: 5);
        await admin.ReceiveAsync(product, location, 3);
        var alert = Assert.Single(await AlertsAsync(admin, product, "open")).GetProperty("id").GetGuid();
        using var viewer = await Edge.ClientForRoleAsync("viewer");
        using var staff = await Edge.ClientForRoleAsync("staff");

        Assert.Single(await AlertsAsync(viewer, product, "open"));
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync($"/api/alerts/{alert}/acknowledge", null)).StatusCode);
        var acknowledged = await staff.PostOkAsync($"/api/alerts/{alert}/acknowledge", new { }, HttpStatusCode.OK);

        Assert.NotEqual(JsonValueKind.Undefined, acknowledged.GetProperty("acknowledgedAt").ValueKind);
        Assert.Equal("open", acknowledged.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await staff.PostAsync($"/api/alerts/{Guid.NewGuid()}/acknowledge", null)).StatusCode);
    }

    [Fact]
    public async Task Mail_ServerDownThenUp_RetriedAndDeliveredOnce()
    {
        using var admin = await Edge.ClientAsync();
        var location = await admin.CreateLocationAsync();
        await admin.PutAsJsonAsync($"/api/alerts/recipients/{location}", new { recipients = "buyer@example.com" });
        var sku = "MAIL-" + Guid.NewGuid().ToString("N")[..8];
        var product = await admin.CreateProductAsync(sku, reorderPoint: 5);
        await admin.ReceiveAsync(product, location, 4);
        await admin.PostOkAsync("/api/inventory/ship", new { productId = product, locationId = location, quantity = 1 });

        // The server is down: the mail stays pending and its attempts grow.
        var pending = await EventuallyAsync(async () =>
        {
            var alert = (await AlertsAsync(admin, product, "open")).SingleOrDefault();
            return alert.ValueKind != JsonValueKind.Undefined && alert.GetProperty("mail").GetProperty("attempts").GetInt32() >= 2
                ? alert.GetProperty("mail").GetProperty("status").GetString() : null;
        }, "failed attempts");
        Assert.Equal("pending", pending);

        using var server = SimpleSmtpServer.Start(fixture.SmtpPort);
        var mail = await EventuallyAsync(() => Task.FromResult(
            server.ReceivedEmail.FirstOrDefault(m => m.Headers["Subject"]?.Contains(sku, StringComparison.Ordinal) == true)), "the mail");
        await EventuallyAsync(async () =>
            (await AlertsAsync(admin, product, "open")).Single().GetProperty("mail").GetProperty("status").GetString() == "sent" ? "sent" : null,
            "sent status");

        var to = mail.ToAddresses.Select(a => a.Address).ToList();
        Assert.Contains("ops@example.com", to);
        Assert.Contains("buyer@example.com", to);
        Assert.Contains(sku, mail.MessageParts[0].BodyData, StringComparison.Ordinal);
        Assert.Single(server.ReceivedEmail, m => m.Headers["Subject"]?.Contains(sku, StringComparison.Ordinal) == true);
    }
}
