using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Cloud.Tests.Infrastructure;
using Inventory.Domain.Ledger;
using Inventory.Sync;
using static Inventory.Cloud.Tests.Purchasing.PurchasingSetup;

namespace Inventory.Cloud.Tests.Purchasing;

/// <summary>Purchase orders between the cloud and their home site, spoken to the real cloud as a box would.</summary>
public sealed class PurchasingReplicationTests(CloudHost cloud) : IClassFixture<CloudHost>
{
    private static MovementRecord Receipt(long seq, Guid product, Guid location, long quantity, Guid po, Guid line) =>
        new(Guid.CreateVersion7(), seq, "receive", product, location, "", "", null, quantity, 0, 2m, null, null,
            DocumentReference.PurchaseOrder, DocumentReference.Line(po, line), null, null, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);

    private static ChangeRecord Change(long seq, string site, PurchaseOrderRecord po, string? baseHlc = null) =>
        new(seq, ChangeKinds.PurchaseOrder, po.Id, Batches.Stamp(site), baseHlc, SyncJson.ToElement(po));

    private static PurchaseOrderRecord SitePo(string site, Guid supplier, Guid location, Guid product, int number = 1) => new(
        Guid.CreateVersion7(), $"PO-{site}-{number:D6}", supplier, location, site, new DateOnly(2031, 1, 1), "made at the box", "EUR",
        [new PurchaseOrderLineRecord(Guid.CreateVersion7(), product, 12m, 4.5m, "SKU-AT-SUPPLIER")],
        null, null, null, null, null, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);

    [Fact]
    public async Task A_PO_pushed_by_its_site_lands_in_the_tables_and_a_cloud_PO_reaches_its_site_only()
    {
        using var admin = await cloud.ClientAsync();
        var supplier = await SupplierAsync(admin);
        var product = await Fleet.ProductAsync(admin, Unique("REP-"));
        var (home, location) = await SiteAsync(cloud);
        var (other, _) = await SiteAsync(cloud);
        using var h = home;
        using var o = other;

        var pushed = SitePo(home.Site, supplier, location, product);
        await home.PushOkAsync(Batches.Of(home.Site, 0, [], [Change(2, home.Site, pushed)]));
        var landed = await admin.GetFromJsonAsync<JsonElement>($"/api/purchase-orders/{pushed.Id}");
        Assert.Equal(pushed.Number, landed.GetProperty("number").GetString());
        Assert.Equal(home.Site, landed.GetProperty("siteCode").GetString());
        Assert.Equal(4.5m, Assert.Single(landed.GetProperty("lines").EnumerateArray()).GetProperty("unitPrice").GetDecimal());

        var made = (await PurchaseOrderAsync(admin, supplier, location, (product, 3m, 1m))).GetProperty("id").GetGuid();
        var homeFeed = await home.PullAllAsync();
        var otherFeed = await other.PullAllAsync();
        Assert.Contains(homeFeed, c => c.Kind == ChangeKinds.PurchaseOrder && c.Id == made);
        Assert.DoesNotContain(homeFeed, c => c.Id == pushed.Id); // its own version is not sent back
        Assert.DoesNotContain(otherFeed, c => c.Kind == ChangeKinds.PurchaseOrder);
        Assert.Contains(otherFeed, c => c.Kind == ChangeKinds.Supplier && c.Id == supplier);
    }

    [Fact]
    public async Task A_PO_for_another_sites_location_or_in_another_sites_name_is_refused()
    {
        using var admin = await cloud.ClientAsync();
        var supplier = await SupplierAsync(admin);
        var product = await Fleet.ProductAsync(admin, Unique("FOR-"));
        var (owner, theirs) = await SiteAsync(cloud);
        var (intruder, _) = await SiteAsync(cloud);
        using var a = owner;
        using var b = intruder;

        var atTheirs = SitePo(intruder.Site, supplier, theirs, product);
        var forbidden = await intruder.PushAsync(Batches.Of(intruder.Site, 0, [], [Change(2, intruder.Site, atTheirs)]));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        var inTheirName = SitePo(owner.Site, supplier, theirs, product);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await intruder.PushAsync(Batches.Of(intruder.Site, 0, [], [Change(2, intruder.Site, inTheirName)]))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/purchase-orders/{atTheirs.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/purchase-orders/{inTheirName.Id}")).StatusCode);
    }

    [Fact]
    public async Task Receipts_pushed_against_PO_lines_make_it_partial_then_received()
    {
        using var admin = await cloud.ClientAsync();
        var supplier = await SupplierAsync(admin);
        var product = await Fleet.ProductAsync(admin, Unique("RCV-"));
        var (site, location) = await SiteAsync(cloud);
        using var _ = site;
        var po = await PurchaseOrderAsync(admin, supplier, location, (product, 10m, 2m), (product, 10m, 2m));
        var id = po.GetProperty("id").GetGuid();
        var lines = po.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("id").GetGuid()).ToArray();
        await admin.PostAsync($"/api/purchase-orders/{id}/send", null);

        await site.PushOkAsync(Batches.Of(site.Site, 0, [Receipt(1, product, location, 12, id, lines[0]), Receipt(2, product, location, 8, id, lines[1])]));
        var partial = await admin.GetFromJsonAsync<JsonElement>($"/api/purchase-orders/{id}");
        Assert.Equal("partial", partial.GetProperty("status").GetString());
        Assert.Equal([12m, 8m], partial.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("received").GetDecimal()));
        Assert.Equal([2m, -2m], partial.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("variance").GetDecimal()));
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/purchase-orders/{id}/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PutAsJsonAsync($"/api/purchase-orders/{id}", new
        {
            supplierId = supplier, locationId = location, lines = new[] { new { productId = product, quantity = 1m, unitPrice = 1m } },
        })).StatusCode);

        await site.PushOkAsync(Batches.Of(site.Site, 2, [Receipt(3, product, location, 2, id, lines[1])]));
        var received = await admin.GetFromJsonAsync<JsonElement>($"/api/purchase-orders/{id}");
        Assert.Equal("received", received.GetProperty("status").GetString());
        Assert.False(received.GetProperty("needsAttention").GetBoolean());
        Assert.Equal(id, Assert.Single((await admin.GetFromJsonAsync<JsonElement>($"/api/purchase-orders?status=received&supplierId={supplier}"))
            .GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task A_cancel_in_the_cloud_that_meets_a_receipt_at_the_box_ends_received_and_flagged()
    {
        using var admin = await cloud.ClientAsync();
        var supplier = await SupplierAsync(admin);
        var product = await Fleet.ProductAsync(admin, Unique("RACE-"));
        var (site, location) = await SiteAsync(cloud);
        using var _ = site;
        var po = await PurchaseOrderAsync(admin, supplier, location, (product, 5m, 1m), (product, 5m, 1m));
        var id = po.GetProperty("id").GetGuid();
        var lines = po.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("id").GetGuid()).ToArray();
        await admin.PostAsync($"/api/purchase-orders/{id}/send", null);
        var cancelled = await admin.PostAsync($"/api/purchase-orders/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);

        // The box received against its copy while offline, before it heard of the cancel.
        await site.PushOkAsync(Batches.Of(site.Site, 0, [Receipt(1, product, location, 5, id, lines[0])]));
        var partial = await admin.GetFromJsonAsync<JsonElement>($"/api/purchase-orders/{id}");
        Assert.Equal("partial", partial.GetProperty("status").GetString());
        Assert.True(partial.GetProperty("needsAttention").GetBoolean());

        await site.PushOkAsync(Batches.Of(site.Site, 1, [Receipt(2, product, location, 5, id, lines[1])]));
        var received = await admin.GetFromJsonAsync<JsonElement>($"/api/purchase-orders/{id}");
        Assert.Equal("received", received.GetProperty("status").GetString());
        Assert.True(received.GetProperty("needsAttention").GetBoolean());
    }

    [Fact]
    public async Task A_box_edit_made_before_it_heard_of_the_cancel_keeps_the_cancel_and_the_box_gets_it_back()
    {
        using var admin = await cloud.ClientAsync();
        var supplier = await SupplierAsync(admin);
        var product = await Fleet.ProductAsync(admin, Unique("MERGE-"));
        var (site, location) = await SiteAsync(cloud);
        using var _ = site;
        var id = (await PurchaseOrderAsync(admin, supplier, location, (product, 5m, 1m))).GetProperty("id").GetGuid();
        var first = Assert.Single(await site.PullAllAsync(), c => c.Id == id);
        await admin.PostAsync($"/api/purchase-orders/{id}/cancel", null);

        // The box edits the version it had (notes), later by the clock than the cloud's cancel.
        var edited = SyncJson.Read<PurchaseOrderRecord>(first.Data) with { Notes = "call before delivery" };
        var later = HybridLogicalClock.Format(DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeMilliseconds(), 0, site.Site);
        var ack = await site.PushOkAsync(Batches.Of(site.Site, 0, [], [Change(2, site.Site, edited, first.Hlc) with { Hlc = later }]));

        Assert.Equal(1, ack.Conflicts);
        var po = await admin.GetFromJsonAsync<JsonElement>($"/api/purchase-orders/{id}");
        Assert.Equal("call before delivery", po.GetProperty("notes").GetString());
        Assert.Equal("cancelled", po.GetProperty("status").GetString());
        var back = SyncJson.Read<PurchaseOrderRecord>(Assert.Single(await site.PullAllAsync(), c => c.Id == id).Data);
        Assert.Equal("call before delivery", back.Notes);
        Assert.NotNull(back.CancelledAt);
    }
}
