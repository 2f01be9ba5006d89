using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Cloud.Features.Sync.Push;
using Inventory.Cloud.Tests.Infrastructure;
using Inventory.Sync;

namespace Inventory.Cloud.Tests.Sync;

public sealed class PushTests(CloudHost cloud) : IClassFixture<CloudHost>
{
    [Fact]
    public async Task A_pushed_batch_lands_once_however_often_it_is_sent()
    {
        using var site = new SiteClient(cloud, "P1", await cloud.AddSiteAsync("P1"));
        var location = Guid.CreateVersion7();
        var product = Guid.CreateVersion7();
        var batch = Batches.Of("P1", 0,
            [Batches.Receive(1, product, location, 10), Batches.Receive(2, product, location, 5)],
            [Batches.Location(1, "P1", location, "P1-MAIN")]);

        var first = await site.PushOkAsync(batch);
        var again = await site.PushOkAsync(batch);

        Assert.Equal((2, 0), (first.MovementsApplied, first.MovementsAlreadyKnown));
        Assert.Equal((0, 2), (again.MovementsApplied, again.MovementsAlreadyKnown));
        using var admin = await cloud.ClientAsync();
        var levels = await admin.GetFromJsonAsync<JsonElement>($"/api/inventory/{product}");
        var level = Assert.Single(levels.GetProperty("levels").EnumerateArray());
        Assert.Equal(15, level.GetProperty("quantity").GetInt64());
        Assert.Equal("P1", level.GetProperty("siteCode").GetString());
        var sites = await admin.GetFromJsonAsync<JsonElement>("/api/sites");
        var p1 = sites.EnumerateArray().Single(s => s.GetProperty("code").GetString() == "P1");
        Assert.Equal(2, p1.GetProperty("movementsCursor").GetInt64());
        Assert.NotEqual(JsonValueKind.Null, p1.GetProperty("lastPushAt").ValueKind);
    }

    [Fact]
    public async Task A_movement_at_another_sites_location_refuses_the_whole_batch()
    {
        using var owner = new SiteClient(cloud, "Q1", await cloud.AddSiteAsync("Q1"));
        using var intruder = new SiteClient(cloud, "Q2", await cloud.AddSiteAsync("Q2"));
        var theirs = Guid.CreateVersion7();
        var mine = Guid.CreateVersion7();
        var product = Guid.CreateVersion7();
        await owner.PushOkAsync(Batches.Of("Q1", 0, [], [Batches.Location(1, "Q1", theirs, "Q1-MAIN")]));

        var response = await intruder.PushAsync(Batches.Of("Q2", 0,
            [Batches.Receive(1, product, mine, 3), Batches.Receive(2, product, theirs, 7)],
            [Batches.Location(1, "Q2", mine, "Q2-MAIN")]));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("belongs to site Q1", await response.Content.ReadAsStringAsync());
        using var admin = await cloud.ClientAsync();
        var levels = await admin.GetAsync($"/api/inventory/{product}");
        Assert.Equal(HttpStatusCode.NotFound, levels.StatusCode);
        var locations = await admin.GetFromJsonAsync<JsonElement>("/api/locations?siteCode=Q2");
        Assert.Empty(locations.EnumerateArray());
    }

    [Fact]
    public async Task A_site_cannot_claim_another_sites_location_or_push_in_its_name()
    {
        using var owner = new SiteClient(cloud, "R1", await cloud.AddSiteAsync("R1"));
        var r2Credential = await cloud.AddSiteAsync("R2");
        var location = Guid.CreateVersion7();
        await owner.PushOkAsync(Batches.Of("R1", 0, [], [Batches.Location(1, "R1", location, "R1-MAIN")]));

        using var r2 = new SiteClient(cloud, "R2", r2Credential);
        var claim = await r2.PushAsync(Batches.Of("R2", 0, [], [Batches.Location(1, "R2", location, "STOLEN")]));
        Assert.Equal(HttpStatusCode.Forbidden, claim.StatusCode);

        // R2's credential presented as R1's, and a batch that says it is from another site.
        using var wrongCredential = new SiteClient(cloud, "R1", r2Credential);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrongCredential.PushAsync(Batches.Of("R1", 0, []))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await r2.PushAsync(Batches.Of("R1", 0, []))).StatusCode);
    }

    [Fact]
    public async Task A_known_id_with_other_content_is_quarantined_not_applied()
    {
        using var site = new SiteClient(cloud, "S1", await cloud.AddSiteAsync("S1"));
        var location = Guid.CreateVersion7();
        var product = Guid.CreateVersion7();
        var movement = Batches.Receive(1, product, location, 10);
        await site.PushOkAsync(Batches.Of("S1", 0, [movement], [Batches.Location(1, "S1", location, "S1-MAIN")]));

        var ack = await site.PushOkAsync(Batches.Of("S1", 1, [movement with { Seq = 2, Quantity = 99 }]));

        Assert.Equal(movement.Id, Assert.Single(ack.Quarantined));
        Assert.Equal(0, ack.MovementsApplied);
        using var admin = await cloud.ClientAsync();
        var levels = await admin.GetFromJsonAsync<JsonElement>($"/api/inventory/{product}");
        Assert.Equal(10, levels.GetProperty("total").GetInt64());
        var quarantine = await admin.GetFromJsonAsync<JsonElement>("/api/sync/quarantine");
        Assert.Contains(quarantine.GetProperty("items").EnumerateArray(), q => q.GetProperty("movementId").GetGuid() == movement.Id);
    }

    [Fact]
    public async Task A_batch_partly_known_applies_only_its_new_movements()
    {
        using var site = new SiteClient(cloud, "S2", await cloud.AddSiteAsync("S2"));
        var location = Guid.CreateVersion7();
        var product = Guid.CreateVersion7();
        var first = Batches.Receive(1, product, location, 10);
        await site.PushOkAsync(Batches.Of("S2", 0, [first], [Batches.Location(1, "S2", location, "S2-MAIN")]));

        // The answer to the first push was lost and the box has recorded more since: it sends from its old cursor.
        var ack = await site.PushOkAsync(Batches.Of("S2", 0, [first, Batches.Receive(2, product, location, 4), Batches.Receive(3, product, location, -3)]));

        Assert.Equal((2, 1, 0), (ack.MovementsApplied, ack.MovementsAlreadyKnown, ack.Quarantined.Count));
        using var admin = await cloud.ClientAsync();
        var levels = await admin.GetFromJsonAsync<JsonElement>($"/api/inventory/{product}");
        Assert.Equal(11, levels.GetProperty("total").GetInt64());
        var ledger = await admin.GetFromJsonAsync<JsonElement>($"/api/stock-movements?productId={product}");
        Assert.Equal(3, ledger.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Two_sites_pushing_the_same_movement_id_at_once_apply_it_once_and_quarantine_the_other()
    {
        using var a = new SiteClient(cloud, "S3", await cloud.AddSiteAsync("S3"));
        using var b = new SiteClient(cloud, "S4", await cloud.AddSiteAsync("S4"));
        var (atA, atB) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await a.PushOkAsync(Batches.Of("S3", 0, [], [Batches.Location(1, "S3", atA, "S3-MAIN")]));
        await b.PushOkAsync(Batches.Of("S4", 0, [], [Batches.Location(1, "S4", atB, "S4-MAIN")]));
        var product = Guid.CreateVersion7();

        for (var round = 1; round <= 10; round++)
        {
            var id = Guid.CreateVersion7();
            var filler = Enumerable.Range(0, 300).Select(i => Batches.Receive(round * 1000 + i, product, atA, 1)).ToList();
            var fromA = Batches.Receive(round * 1000 + 500, product, atA, 1) with { Id = id };
            var fromB = Batches.Receive(round, product, atB, 1) with { Id = id };
            var pushes = await Task.WhenAll(
                a.PushOkAsync(Batches.Of("S3", round * 1000 - 1, [.. filler, fromA])),
                b.PushOkAsync(Batches.Of("S4", round - 1, [fromB])));

            var quarantined = pushes.Sum(p => p.Quarantined.Count);
            var applied = pushes[0].MovementsApplied + pushes[1].MovementsApplied;
            Assert.Equal((1, 301), (quarantined, applied));
        }

        using var admin = await cloud.ClientAsync();
        var levels = await admin.GetFromJsonAsync<JsonElement>($"/api/inventory/{product}");
        Assert.Equal(3010, levels.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Bad_batches_get_a_clear_error_and_change_nothing()
    {
        using var site = new SiteClient(cloud, "T1", await cloud.AddSiteAsync("T1"));
        var location = Guid.CreateVersion7();
        var product = Guid.CreateVersion7();
        var good = Batches.Receive(1, product, location, 1);
        var changes = new[] { Batches.Location(1, "T1", location, "T1-MAIN") };

        var badType = await site.PushAsync(Batches.Of("T1", 0, [good, Batches.Receive(2, product, location, 1) with { Type = "teleport" }], changes));
        var outside = await site.PushAsync(Batches.Of("T1", 0, [good with { Seq = 7 }], changes) with { MovementsUpTo = 5 });
        var twice = await site.PushAsync(Batches.Of("T1", 0, [good, good with { Seq = 2 }], changes));
        var notJson = await site.PushAsync(Batches.Of("T1", 0, [good], changes), gzip: false);

        Assert.Equal(HttpStatusCode.BadRequest, badType.StatusCode);
        Assert.Contains("unknown type", await badType.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Contains("in the batch twice", await twice.Content.ReadAsStringAsync());
        Assert.True(notJson.IsSuccessStatusCode, "an uncompressed batch is accepted as well");
        using var admin = await cloud.ClientAsync();
        var levels = await admin.GetFromJsonAsync<JsonElement>($"/api/inventory/{product}");
        Assert.Equal(1, levels.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task A_box_speaking_a_newer_protocol_is_told_to_upgrade_the_cloud()
    {
        var credential = await cloud.AddSiteAsync("U1");
        using var http = SiteClient.Create(cloud.BaseAddress, "U1", credential);
        http.DefaultRequestHeaders.Remove(SyncProtocol.VersionHeader);
        http.DefaultRequestHeaders.Add(SyncProtocol.VersionHeader, "99");

        var response = await http.GetAsync(SyncProtocol.ChangesPath);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Upgrade the cloud", await response.Content.ReadAsStringAsync());
        http.DefaultRequestHeaders.Remove(SyncProtocol.VersionHeader);
        Assert.True((await http.GetAsync(SyncProtocol.ChangesPath)).IsSuccessStatusCode, "no header means protocol 1");
    }

    [Fact]
    public async Task A_compressed_body_that_inflates_past_the_limit_is_refused()
    {
        var credential = await cloud.AddSiteAsync("W1");
        using var http = SiteClient.Create(cloud.BaseAddress, "W1", credential);
        var buffer = new MemoryStream();
        await using (var zip = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < SyncProtocol.MaxPushBytes / zeros.Length + 8; i++)
            {
                await zip.WriteAsync(zeros);
            }
        }

        using var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentEncoding.Add("gzip");
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var response = await http.PostAsync(SyncProtocol.PushPath, content);

        Assert.True(buffer.Length < 1024 * 1024, "the bomb itself is small");
        Assert.True(response.StatusCode is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.BadRequest, $"{(int)response.StatusCode}");
    }

    [Fact]
    public async Task A_revoked_credential_stops_at_once()
    {
        var credential = await cloud.AddSiteAsync("V1");
        using var site = new SiteClient(cloud, "V1", credential);
        Assert.Empty((await site.PullAsync(long.MaxValue - 1)).Changes);
        using var admin = await cloud.ClientAsync();
        (await admin.DeleteAsync("/api/sites/V1/credential")).EnsureSuccessStatusCode();

        var response = await site.PushAsync(Batches.Of("V1", 0, []));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
