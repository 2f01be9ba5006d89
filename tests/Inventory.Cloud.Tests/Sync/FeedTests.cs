using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Cloud.Features.Sync;
using Inventory.Cloud.Features.Sync.Projections;
using Inventory.Cloud.Tests.Infrastructure;
using Inventory.Sync;
using Microsoft.Extensions.DependencyInjection;

namespace Inventory.Cloud.Tests.Sync;

public sealed class FeedTests(CloudHost cloud) : IClassFixture<CloudHost>
{
    [Fact]
    public async Task Catalog_and_users_made_in_the_cloud_reach_every_site_with_the_password_hash()
    {
        using var site = new SiteClient(cloud, "F1", await cloud.AddSiteAsync("F1"));
        using var admin = await cloud.ClientAsync();
        var created = await admin.PostAsJsonAsync("/api/products", new { sku = "FEED-1", name = "Feed one", barcodes = new[] { "4006381333931" }, costPrice = 2.5m, unit = "each" });
        created.EnsureSuccessStatusCode();
        var productId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await admin.PostAsJsonAsync("/api/users", new { username = "feed-picker", password = "picker-password", role = "staff" })).EnsureSuccessStatusCode();

        var changes = await site.PullAllAsync();

        var product = SyncJson.Read<ProductRecord>(changes.Single(c => c.Kind == ChangeKinds.Product && c.Id == productId).Data);
        Assert.Equal(("FEED-1", 2.5m), (product.Sku, product.CostPrice));
        Assert.Equal("4006381333931", Assert.Single(product.Barcodes).Code);
        var user = SyncJson.Read<UserRecord>(changes.Single(c => c.Kind == ChangeKinds.User && SyncJson.Read<UserRecord>(c.Data).Username == "feed-picker").Data);
        Assert.True(Inventory.Web.Auth.PasswordHasher.Verify("picker-password", user.PasswordHash));
        Assert.Contains(changes, c => c.Kind == ChangeKinds.User && SyncJson.Read<UserRecord>(c.Data).Username == "admin");
    }

    [Fact]
    public async Task A_site_sees_other_sites_locations_and_levels_but_not_its_own_changes_back()
    {
        using var a = new SiteClient(cloud, "G1", await cloud.AddSiteAsync("G1"));
        using var b = new SiteClient(cloud, "G2", await cloud.AddSiteAsync("G2"));
        var location = Guid.CreateVersion7();
        var product = Guid.CreateVersion7();
        await a.PushOkAsync(Batches.Of("G1", 0, [Batches.Receive(1, product, location, 12)], [Batches.Location(1, "G1", location, "G1-MAIN")]));

        var seenByB = await b.PullAllAsync();
        var seenByA = await a.PullAllAsync();

        Assert.Contains(seenByB, c => c.Kind == ChangeKinds.Location && c.Id == location);
        var level = SyncJson.Read<LevelSummaryRecord>(seenByB.Single(c => c.Kind == ChangeKinds.LevelSummary && c.Id == product).Data);
        Assert.Equal((12L, "G1", location), (level.Quantity, level.SiteCode, level.LocationId));
        Assert.DoesNotContain(seenByA, c => c.Id == location || c.Id == product);
    }

    [Fact]
    public async Task While_a_site_works_off_a_backlog_others_see_its_levels_once_it_is_done()
    {
        using var a = new SiteClient(cloud, "J1", await cloud.AddSiteAsync("J1"));
        using var b = new SiteClient(cloud, "J2", await cloud.AddSiteAsync("J2"));
        var location = Guid.CreateVersion7();
        var (first, second, third) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        await a.PushOkAsync(Batches.Of("J1", 0, [Batches.Receive(1, first, location, 1)], [Batches.Location(1, "J1", location, "J1-MAIN")]));

        await a.PushOkAsync(Batches.Of("J1", 1, [Batches.Receive(2, second, location, 2)]) with { PendingAfterThis = 1 });
        var midway = await b.PullAllAsync();
        await a.PushOkAsync(Batches.Of("J1", 2, [Batches.Receive(3, third, location, 3)]));
        var lastPush = await b.PullAllAsync();
        // The catch-up runs after the last push's commit, off its path: wait for it, briefly.
        var done = lastPush;
        var waited = Stopwatch.StartNew();
        while (!done.Any(c => c.Kind == ChangeKinds.LevelSummary && c.Id == second) && waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(50);
            done = await b.PullAllAsync();
        }

        Assert.Contains(midway, c => c.Kind == ChangeKinds.LevelSummary && c.Id == first);
        Assert.DoesNotContain(midway, c => c.Kind == ChangeKinds.LevelSummary && c.Id == second);
        Assert.Contains(lastPush, c => c.Kind == ChangeKinds.LevelSummary && c.Id == third);
        var caughtUp = SyncJson.Read<LevelSummaryRecord>(done.Single(c => c.Kind == ChangeKinds.LevelSummary && c.Id == second).Data);
        Assert.Equal((2L, "J1", location), (caughtUp.Quantity, caughtUp.SiteCode, caughtUp.LocationId));
    }

    [Fact]
    public async Task A_box_that_stops_mid_backlog_is_caught_up_for_the_others_by_the_publisher()
    {
        using var a = new SiteClient(cloud, "J3", await cloud.AddSiteAsync("J3"));
        using var b = new SiteClient(cloud, "J4", await cloud.AddSiteAsync("J4"));
        var location = Guid.CreateVersion7();
        var (first, second) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await a.PushOkAsync(Batches.Of("J3", 0, [Batches.Receive(1, first, location, 1)], [Batches.Location(1, "J3", location, "J3-MAIN")]));
        await a.PushOkAsync(Batches.Of("J3", 1, [Batches.Receive(2, second, location, 5), Batches.Receive(3, second, location, 2)]) with { PendingAfterThis = 900 });
        var before = await b.PullAllAsync();

        // What the sweep does once the interval has passed without the box's last push.
        var publisher = cloud.Services.GetRequiredService<LevelSummaryPublisher>();
        var pairs = await publisher.PublishAsync("J3", CancellationToken.None);
        var again = await publisher.PublishAsync("J3", CancellationToken.None);
        var after = await b.PullAllAsync();

        Assert.DoesNotContain(before, c => c.Kind == ChangeKinds.LevelSummary && c.Id == second);
        Assert.Equal(1, pairs);
        Assert.Null(again);
        var level = SyncJson.Read<LevelSummaryRecord>(after.Single(c => c.Kind == ChangeKinds.LevelSummary && c.Id == second).Data);
        Assert.Equal((7L, "J3"), (level.Quantity, level.SiteCode));
    }

    [Fact]
    public async Task A_waiting_pull_wakes_as_soon_as_there_is_news()
    {
        using var site = new SiteClient(cloud, "H1", await cloud.AddSiteAsync("H1"));
        var cursor = (await site.PullAsync(0)).Next;
        while ((await site.PullAsync(cursor)) is { Changes.Count: > 0 } page)
        {
            cursor = page.Next;
        }

        var clock = Stopwatch.StartNew();
        var waiting = site.PullAsync(cursor, wait: 20);
        await Task.Delay(300);
        using var admin = await cloud.ClientAsync();
        (await admin.PostAsJsonAsync("/api/categories", new { name = "Woken" })).EnsureSuccessStatusCode();
        var page2 = await waiting;

        Assert.Contains(page2.Changes, c => c.Kind == ChangeKinds.Category);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"woke after {clock.Elapsed}");
    }

    [Fact]
    public async Task The_same_product_edited_at_two_sites_has_one_winner_and_one_conflict_entry()
    {
        using var a = new SiteClient(cloud, "K1", await cloud.AddSiteAsync("K1"));
        using var b = new SiteClient(cloud, "K2", await cloud.AddSiteAsync("K2"));
        using var admin = await cloud.ClientAsync();
        var created = await admin.PostAsJsonAsync("/api/products", new { sku = "RACE-1", name = "Original", unit = "each" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var original = (await a.PullAllAsync()).Single(c => c.Id == id);

        // Both made from the same version while offline; B's stamp is later.
        var fromA = Batches.Product(1, "K1", id, "RACE-1", "Edited at K1", original.Hlc);
        var fromB = Batches.Product(1, "K2", id, "RACE-1", "Edited at K2", original.Hlc);
        await b.PushOkAsync(Batches.Of("K2", 0, [], [fromB]));
        var ackA = await a.PushOkAsync(Batches.Of("K1", 0, [], [fromA]));
        await a.PushOkAsync(Batches.Of("K1", 0, [], [fromA]));

        Assert.Equal(1, ackA.Conflicts);
        var product = await admin.GetFromJsonAsync<JsonElement>($"/api/products/{id}");
        Assert.Equal("Edited at K2", product.GetProperty("name").GetString());
        var conflicts = await admin.GetFromJsonAsync<JsonElement>($"/api/sync/conflicts?entityId={id}");
        var conflict = Assert.Single(conflicts.GetProperty("items").EnumerateArray());
        Assert.Equal("K1", conflict.GetProperty("loserSite").GetString());
        Assert.Equal(fromB.Hlc, conflict.GetProperty("winnerHlc").GetString());
        var seenByA = (await a.PullAllAsync()).Single(c => c.Id == id);
        Assert.Equal(fromB.Hlc, seenByA.Hlc);
    }
}
