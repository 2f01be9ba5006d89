using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Cloud.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace Inventory.Cloud.Tests.Realtime;

public sealed class CloudHubTests(CloudHost cloud) : IClassFixture<CloudHost>
{
    [Fact]
    public async Task A_dashboard_sees_levels_change_as_a_site_syncs_and_the_site_list_says_how_fresh()
    {
        using var site = new SiteClient(cloud, "LIVE1", await cloud.AddSiteAsync("LIVE1"));
        var token = await TokenAsync();
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(cloud.BaseAddress, "/hubs/inventory"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        var changed = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        var synced = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<JsonElement>("levelChanged", m => changed.TrySetResult(m));
        hub.On<JsonElement>("siteSynced", m => synced.TrySetResult(m));
        await hub.StartAsync();
        var location = Guid.CreateVersion7();
        var product = Guid.CreateVersion7();

        await site.PushOkAsync(Batches.Of("LIVE1", 0, [Batches.Receive(1, product, location, 7)], [Batches.Location(1, "LIVE1", location, "LIVE-1")])
            with { PendingAfterThis = 3 });

        var level = await changed.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(("LIVE1", product, 7L), (level.GetProperty("siteCode").GetString(), level.GetProperty("productId").GetGuid(),
            level.GetProperty("quantity").GetInt64()));
        Assert.Equal(1, (await synced.Task.WaitAsync(TimeSpan.FromSeconds(60))).GetProperty("movementsApplied").GetInt32());
        using var admin = await cloud.ClientAsync();
        var sites = await admin.GetFromJsonAsync<JsonElement>("/api/sites");
        var live = sites.EnumerateArray().Single(s => s.GetProperty("code").GetString() == "LIVE1");
        Assert.Equal(3, live.GetProperty("pending").GetInt64());
        Assert.True(live.GetProperty("lagSeconds").GetDouble() is >= 0 and < 30);
        Assert.True(live.GetProperty("lastContactAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-1));
        var overview = await admin.GetFromJsonAsync<JsonElement>("/api/sites/overview");
        var summary = overview.EnumerateArray().Single(s => s.GetProperty("code").GetString() == "LIVE1");
        Assert.Equal((7L, 1L, 0L, 0L), (summary.GetProperty("units").GetInt64(), summary.GetProperty("levels").GetInt64(),
            summary.GetProperty("low").GetInt64(), summary.GetProperty("out").GetInt64()));
        Assert.Equal(3, summary.GetProperty("pending").GetInt64());
    }

    [Fact]
    public async Task The_hub_refuses_anyone_not_signed_in()
    {
        await using var hub = new HubConnectionBuilder().WithUrl(new Uri(cloud.BaseAddress, "/hubs/inventory")).Build();

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => hub.StartAsync());
    }

    private async Task<string> TokenAsync()
    {
        using var anonymous = cloud.Anonymous();
        var response = await anonymous.PostAsJsonAsync("/api/auth/token", new { username = "admin", password = CloudHost.AdminPassword });
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }
}
