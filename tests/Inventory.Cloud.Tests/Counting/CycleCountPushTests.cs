using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Cloud.Tests.Infrastructure;
using Inventory.Cloud.Tests.Purchasing;
using Inventory.Domain.Counting;
using Inventory.Sync;

namespace Inventory.Cloud.Tests.Counting;

/// <summary>
/// A site's cycle counts reach the cloud through the real push endpoint (kind cycle_count, edge to cloud only) and its
/// accuracy report across sites; a count at another site's location and a bad record are refused whole.
/// </summary>
public sealed class CycleCountPushTests(CloudHost cloud) : IClassFixture<CloudHost>
{
    private static readonly DateTimeOffset CountedAt = new(2026, 11, 3, 10, 0, 0, TimeSpan.Zero);

    private static CycleCountLineRecord Line(string cls, long expected, long? counted, string status, bool? within) =>
        new(Guid.CreateVersion7(), Guid.CreateVersion7(), "B1", "", cls, expected, 2.5m, counted, null, counted is null ? null : CountedAt,
            null, null, status, CountDecision.Variance, within, null, null, null, false);

    private static CycleCountRecord Count(string site, Guid location, string status, params CycleCountLineRecord[] lines) =>
        new(Guid.CreateVersion7(), $"CC-{site}-{Random.Shared.Next(1, 999_999):D6}", location, site, "manual", null, null, [], true, status,
            lines, null, CountedAt.AddDays(-1), status == CycleCountStatus.Open ? null : CountedAt, null, CountedAt);

    private static ChangeRecord Change(long seq, string site, CycleCountRecord count, string? hlc = null) =>
        new(seq, ChangeKinds.CycleCount, count.Id, hlc ?? Batches.Stamp(site), null, SyncJson.ToElement(count));

    private static async Task<JsonElement> ReportAsync(HttpClient client, string site) =>
        await client.GetFromJsonAsync<JsonElement>(
            $"/api/reports/inventory-accuracy?from=2026-11-01T00:00:00Z&to=2026-11-30T00:00:00Z&siteCode={site}");

    [Fact]
    public async Task A_pushed_count_reaches_the_accuracy_report_later_stamp_wins_and_no_box_gets_it_back()
    {
        var (site, location) = await PurchasingSetup.SiteAsync(cloud);
        using var _ = site;
        var submitted = Count(site.Site, location, CycleCountStatus.NeedsApproval,
            Line("A", 100, 95, CountLineStatus.Posted, false), Line("A", 100, 105, CountLineStatus.NeedsApproval, false));
        var blind = Count(site.Site, location, CycleCountStatus.Open, Line("A", 7391, null, CountLineStatus.Pending, null));

        await site.PushOkAsync(Batches.Of(site.Site, 0, [], [Change(2, site.Site, submitted), Change(3, site.Site, blind)]));
        using var admin = await cloud.ClientAsync();
        var first = await ReportAsync(admin, site.Site);

        Assert.Equal((2L, 0L, 0m), (first.GetProperty("linesCounted").GetInt64(), first.GetProperty("linesWithinTolerance").GetInt64(),
            first.GetProperty("accuracy").GetDecimal()));
        var bySite = Assert.Single(first.GetProperty("bySite").EnumerateArray());
        Assert.Equal(site.Site, bySite.GetProperty("siteCode").GetString());
        Assert.Equal(0m, bySite.GetProperty("accuracy").GetDecimal());
        Assert.NotEqual(JsonValueKind.Null, bySite.GetProperty("lastCountAt").ValueKind);
        Assert.NotEqual(JsonValueKind.Null, bySite.GetProperty("lastPushAt").ValueKind);
        Assert.Equal((2L, 0L), (first.GetProperty("byClass")[0].GetProperty("linesCounted").GetInt64(),
            first.GetProperty("byClass")[0].GetProperty("linesWithinTolerance").GetInt64()));

        // A later version (a B line found right) wins; the older one pushed after it changes nothing.
        var older = Batches.Stamp(site.Site);
        var newer = Batches.Stamp(site.Site);
        var grown = submitted with { Status = CycleCountStatus.Completed, Lines = [.. submitted.Lines, Line("B", 10, 10, CountLineStatus.Posted, true)] };
        await site.PushOkAsync(Batches.Of(site.Site, 0, [], [Change(4, site.Site, grown, newer)]));
        await site.PushOkAsync(Batches.Of(site.Site, 0, [], [Change(5, site.Site, submitted, older)]));
        var after = await ReportAsync(admin, site.Site);
        var page = await admin.GetStringAsync("/counts/accuracy");

        Assert.Equal((3L, 1L), (after.GetProperty("linesCounted").GetInt64(), after.GetProperty("linesWithinTolerance").GetInt64()));
        Assert.DoesNotContain("7391", after.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("7391", page, StringComparison.Ordinal);
        Assert.Contains($"data-site=\"{site.Site}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain(await site.PullAllAsync(), c => c.Kind == ChangeKinds.CycleCount);
    }

    [Fact]
    public async Task A_count_at_another_sites_location_is_refused_and_nothing_is_stored()
    {
        var (owner, theirs) = await PurchasingSetup.SiteAsync(cloud);
        var (intruder, _) = await PurchasingSetup.SiteAsync(cloud);
        using var o = owner;
        using var i = intruder;

        var response = await intruder.PushAsync(Batches.Of(intruder.Site, 0, [],
            [Change(2, intruder.Site, Count(intruder.Site, theirs, CycleCountStatus.Completed, Line("A", 10, 10, CountLineStatus.Posted, true)))]));
        var claimed = await intruder.PushAsync(Batches.Of(intruder.Site, 0, [],
            [Change(2, intruder.Site, Count(owner.Site, theirs, CycleCountStatus.Completed, Line("A", 10, 10, CountLineStatus.Posted, true)))]));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains($"belongs to site {owner.Site}", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, claimed.StatusCode);
        using var admin = await cloud.ClientAsync();
        Assert.Equal(0, (await ReportAsync(admin, intruder.Site)).GetProperty("linesCounted").GetInt64());
        Assert.Equal(0, (await ReportAsync(admin, owner.Site)).GetProperty("linesCounted").GetInt64());
    }

    public static TheoryData<string> BadCounts => ["negative counted", "unknown status", "unknown line status", "foreign number", "counted line without figure"];

    [Theory]
    [MemberData(nameof(BadCounts))]
    public async Task A_bad_count_refuses_the_batch(string problem)
    {
        var (site, location) = await PurchasingSetup.SiteAsync(cloud);
        using var _ = site;
        var good = Count(site.Site, location, CycleCountStatus.Completed, Line("A", 10, 10, CountLineStatus.Posted, true));
        var bad = problem switch
        {
            "negative counted" => good with { Lines = [good.Lines[0] with { Counted = -1 }] },
            "unknown status" => good with { Status = "done" },
            "unknown line status" => good with { Lines = [good.Lines[0] with { Status = "ok" }] },
            "foreign number" => good with { Number = "CC-OTHER-000001" },
            _ => good with { Lines = [good.Lines[0] with { Counted = null }] },
        };

        var response = await site.PushAsync(Batches.Of(site.Site, 0, [], [Change(2, site.Site, bad)]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var admin = await cloud.ClientAsync();
        Assert.Equal(0, (await ReportAsync(admin, site.Site)).GetProperty("linesCounted").GetInt64());
    }
}
