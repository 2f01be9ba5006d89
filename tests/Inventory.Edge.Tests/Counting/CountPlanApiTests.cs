using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Edge.Tests.Infrastructure;

namespace Inventory.Edge.Tests.Counting;

/// <summary>/api/count-plans: defaults for every part left out, validation, who may change a plan, extra rules.</summary>
public sealed class CountPlanApiTests(EdgeHost edge) : IClassFixture<EdgeHost>
{
    [Fact]
    public async Task Put_OnlyFrequencies_RestDefaults_StartedOnKeptOnSecondPut()
    {
        using var admin = await edge.ClientAsync();
        var location = await admin.CreateLocationAsync();

        var put = await admin.PutAsJsonAsync($"/api/count-plans/{location}", new Dictionary<string, object>
        {
            ["frequencyDays"] = new Dictionary<string, int> { ["A"] = 20, ["B"] = 60, ["C"] = 180 },
        });
        var plan = await put.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(20, plan.GetProperty("frequencyDays").GetProperty("A").GetInt32());
        Assert.Equal(180, plan.GetProperty("frequencyDays").GetProperty("C").GetInt32());
        Assert.Equal(1m, plan.GetProperty("tolerancePercent").GetProperty("A").GetDecimal());
        Assert.Equal(3m, plan.GetProperty("tolerancePercent").GetProperty("B").GetDecimal());
        Assert.Equal(5m, plan.GetProperty("tolerancePercent").GetProperty("C").GetDecimal());
        Assert.False(plan.TryGetProperty("valueThreshold", out var threshold) && threshold.ValueKind != JsonValueKind.Null);
        Assert.Equal(["mon", "tue", "wed", "thu", "fri"], plan.GetProperty("workingDays").EnumerateArray().Select(d => d.GetString()));
        Assert.True(plan.GetProperty("enabled").GetBoolean());
        var started = plan.GetProperty("startedOn").GetString();
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), started);

        var again = await (await admin.PutAsJsonAsync($"/api/count-plans/{location}", new
        {
            tolerancePercent = new Dictionary<string, decimal> { ["A"] = 0.5m },
            valueThreshold = 100m,
            workingDays = new[] { "sat", "mon" },
            enabled = false,
        })).ReadJsonAsync();
        Assert.Equal(30, again.GetProperty("frequencyDays").GetProperty("A").GetInt32()); // a PUT is whole: left out = default
        Assert.Equal(0.5m, again.GetProperty("tolerancePercent").GetProperty("A").GetDecimal());
        Assert.Equal(100m, again.GetProperty("valueThreshold").GetDecimal());
        Assert.Equal(["mon", "sat"], again.GetProperty("workingDays").EnumerateArray().Select(d => d.GetString()));
        Assert.False(again.GetProperty("enabled").GetBoolean());
        Assert.Equal(started, again.GetProperty("startedOn").GetString());

        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/count-plans");
        Assert.Contains(listed.EnumerateArray(), p => p.GetProperty("locationId").GetGuid() == location);
        var got = await admin.GetFromJsonAsync<JsonElement>($"/api/count-plans/{location}");
        Assert.Equal(100m, got.GetProperty("valueThreshold").GetDecimal());
    }

    [Fact]
    public async Task Put_BadInput_400_ChangesNothing_UnknownLocation404_StaffRefused_ViewerReads()
    {
        using var admin = await edge.ClientAsync();
        using var staff = await edge.ClientForRoleAsync("staff");
        using var viewer = await edge.ClientForRoleAsync("viewer");
        var location = await admin.CreateLocationAsync();

        var zero = await admin.PutAsJsonAsync($"/api/count-plans/{location}", new { frequencyDays = new Dictionary<string, int> { ["A"] = 0 } });
        var tolerance = await admin.PutAsJsonAsync($"/api/count-plans/{location}", new { tolerancePercent = new Dictionary<string, decimal> { ["C"] = 101 } });
        var day = await admin.PutAsJsonAsync($"/api/count-plans/{location}", new { workingDays = new[] { "monday" } });
        var none = await admin.PutAsJsonAsync($"/api/count-plans/{location}", new { workingDays = Array.Empty<string>() });
        var threshold = await admin.PutAsJsonAsync($"/api/count-plans/{location}", new { valueThreshold = -1 });
        var unknown = await admin.PutAsJsonAsync($"/api/count-plans/{Guid.NewGuid()}", new { });
        var byStaff = await staff.PutAsJsonAsync($"/api/count-plans/{location}", new { });

        foreach (var response in new[] { zero, tolerance, day, none, threshold })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        Assert.True((await zero.ReadJsonAsync()).GetProperty("errors").TryGetProperty("frequencyDays", out _));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byStaff.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/count-plans/{location}")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/count-plans/{location}", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"/api/count-plans/{location}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/api/count-plans/today")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync($"/api/count-plans/{location}/rules", new { name = "x", frequencyDays = 7 })).StatusCode);
    }

    [Fact]
    public async Task Rules_AddListDelete_NeedPlan_Validated()
    {
        using var admin = await edge.ClientAsync();
        var location = await admin.CreateLocationAsync();

        var beforePlan = await admin.PostAsJsonAsync($"/api/count-plans/{location}/rules", new { name = "Fast", frequencyDays = 7 });
        await admin.PutAsJsonAsync($"/api/count-plans/{location}", new { });
        var badFrequency = await admin.PostAsJsonAsync($"/api/count-plans/{location}/rules", new { name = "Fast", frequencyDays = 0 });
        var noName = await admin.PostAsJsonAsync($"/api/count-plans/{location}/rules", new { frequencyDays = 7 });
        var badCategory = await admin.PostAsJsonAsync($"/api/count-plans/{location}/rules", new { name = "Cat", categoryId = Guid.NewGuid(), frequencyDays = 7 });
        var rule = await admin.PostOkAsync($"/api/count-plans/{location}/rules", new { name = "Cage", bins = new[] { "CAGE-1", "CAGE-2" }, frequencyDays = 7 });
        var plan = await admin.GetFromJsonAsync<JsonElement>($"/api/count-plans/{location}");
        var ruleId = rule.GetProperty("id").GetGuid();
        var deleted = await admin.DeleteAsync($"/api/count-plans/{location}/rules/{ruleId}");
        var deletedAgain = await admin.DeleteAsync($"/api/count-plans/{location}/rules/{ruleId}");
        var after = await admin.GetFromJsonAsync<JsonElement>($"/api/count-plans/{location}");

        Assert.Equal(HttpStatusCode.NotFound, beforePlan.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badFrequency.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noName.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badCategory.StatusCode);
        Assert.Equal(["CAGE-1", "CAGE-2"], rule.GetProperty("bins").EnumerateArray().Select(b => b.GetString()));
        var listed = Assert.Single(plan.GetProperty("rules").EnumerateArray());
        Assert.Equal(7, listed.GetProperty("frequencyDays").GetInt32());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, deletedAgain.StatusCode);
        Assert.Empty(after.GetProperty("rules").EnumerateArray());
    }

    [Fact]
    public async Task PlansPage_ManagerEdits_ViewerReads()
    {
        using var admin = await edge.ClientAsync();
        using var viewer = await edge.ClientForRoleAsync("viewer");
        var code = "PP" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var location = await admin.CreateLocationAsync(code);
        await admin.PutAsJsonAsync($"/api/count-plans/{location}", new { frequencyDays = new Dictionary<string, int> { ["A"] = 14 } });
        await admin.PostOkAsync($"/api/count-plans/{location}/rules", new { name = "Cage bins", bins = new[] { "CAGE-1" }, frequencyDays = 7 });

        var managerPage = await admin.GetStringAsync("/counts/plans");
        var viewerPage = await viewer.GetStringAsync("/counts/plans");

        Assert.Contains(code, managerPage, StringComparison.Ordinal);
        Assert.Contains("class=\"plan-form\"", managerPage, StringComparison.Ordinal);
        Assert.Contains("value=\"14\"", managerPage, StringComparison.Ordinal);
        Assert.Contains("Cage bins", managerPage, StringComparison.Ordinal);
        Assert.Contains(code, viewerPage, StringComparison.Ordinal);
        Assert.Contains("A 14 · B 90 · C 365", viewerPage, StringComparison.Ordinal);
        Assert.Contains("Cage bins", viewerPage, StringComparison.Ordinal);
        Assert.DoesNotContain("plan-form", viewerPage, StringComparison.Ordinal);
        Assert.DoesNotContain("data-remove-rule", viewerPage, StringComparison.Ordinal);
    }
}
