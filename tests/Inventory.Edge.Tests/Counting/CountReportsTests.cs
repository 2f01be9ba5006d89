using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Domain.Counting;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Edge.Infrastructure.Data.Entities;
using Inventory.Edge.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inventory.Edge.Tests.Counting;

/// <summary>
/// The box's count reports read cycle_counts and cycle_count_lines as the count API leaves them; the rows are written
/// here directly so these tests stand on their own: inventory accuracy (never netting errors, each line judged on its
/// first figure) and a submitted count's variance (value only for cost viewers, nothing revealed while open).
/// </summary>
public sealed class CountReportsTests(EdgeHost edge) : IClassFixture<EdgeHost>
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset NextTuesday = new(2026, 11, 10, 9, 0, 0, TimeSpan.Zero);

    private sealed record LineSpec(
        Guid Product, string Class, long Expected, long? Counted, string Status, bool? Within, DateTimeOffset? At, Guid? By,
        long? FirstCounted = null, Guid? FirstBy = null, decimal? UnitCost = null);

    private async Task<Guid> CountAsync(Guid location, string status, bool blind, params LineSpec[] lines)
    {
        using var scope = edge.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EdgeDbContext>();
        var count = new CycleCount
        {
            Id = Guid.CreateVersion7(), Number = "CC-T-" + Guid.NewGuid().ToString("N")[..10], LocationId = location, Source = "manual",
            Blind = blind, Status = status, CreatedAt = Monday.AddDays(-1), UpdatedAt = Monday,
            SubmittedAt = status == CycleCountStatus.Open ? null : Monday,
        };
        var bin = 0;
        foreach (var l in lines)
        {
            count.Lines.Add(new CycleCountLine
            {
                Id = Guid.CreateVersion7(), CountId = count.Id, LocationId = location, ProductId = l.Product, Bin = $"B{++bin:D2}", AbcClass = l.Class,
                Expected = l.Expected, Counted = l.Counted, CountedAt = l.At, CountedBy = l.By, FirstCounted = l.FirstCounted,
                FirstCountedBy = l.FirstBy, Status = l.Status, WithinTolerance = l.Within, UnitCost = l.UnitCost,
            });
        }

        db.CycleCounts.Add(count);
        await db.SaveChangesAsync();
        return count.Id;
    }

    private async Task<(Guid Admin, Guid Staff, string StaffName, HttpClient StaffClient)> UsersAsync()
    {
        var staffClient = await edge.ClientForRoleAsync("staff");
        using var scope = edge.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EdgeDbContext>();
        var admin = await db.Users.SingleAsync(u => u.Username == "admin");
        var staff = await db.Users.Where(u => u.Role == "staff").OrderByDescending(u => u.CreatedAt).FirstAsync();
        return (admin.Id, staff.Id, staff.Username, staffClient);
    }

    private static Dictionary<string, (long Counted, long Within, decimal? Accuracy)> Groups(JsonElement report, string name) =>
        report.GetProperty(name).EnumerateArray().ToDictionary(
            g => g.GetProperty("key").GetString()!,
            g => (g.GetProperty("linesCounted").GetInt64(), g.GetProperty("linesWithinTolerance").GetInt64(),
                g.TryGetProperty("accuracy", out var a) && a.ValueKind == JsonValueKind.Number ? a.GetDecimal() : (decimal?)null));

    [Fact]
    public async Task Accuracy_NeverNetsErrors_JudgesTheFirstFigure_AndBreaksDownByLocationClassCounterAndWeek()
    {
        using var manager = await edge.ClientAsync();
        var code = "IRA" + Guid.NewGuid().ToString("N")[..5].ToUpperInvariant();
        var location = await manager.CreateLocationAsync(code);
        var products = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            products.Add(await manager.CreateProductAsync());
        }

        var (admin, staff, staffName, staffClient) = await UsersAsync();
        using var _ = staffClient;
        // Two class-A lines 5 % off either way: their total matches, their records do not.
        await CountAsync(location, CycleCountStatus.NeedsApproval, blind: true,
            new LineSpec(products[0], "A", 100, 95, CountLineStatus.Posted, false, Monday, admin),
            new LineSpec(products[1], "A", 100, 105, CountLineStatus.NeedsApproval, false, Monday.AddHours(1), admin));
        // Next week: a B line right, and a C line whose recount landed within tolerance but whose first figure (10 of 20) did not.
        await CountAsync(location, CycleCountStatus.Completed, blind: true,
            new LineSpec(products[2], "B", 10, 10, CountLineStatus.Posted, true, NextTuesday, staff),
            new LineSpec(products[3], "C", 20, 20, CountLineStatus.Posted, true, NextTuesday, admin, FirstCounted: 10, FirstBy: staff));
        // Not submitted: counted on an open count, and pending; neither is in the report.
        await CountAsync(location, CycleCountStatus.Open, blind: true,
            new LineSpec(products[4], "A", 50, 1, CountLineStatus.Counted, null, NextTuesday, staff),
            new LineSpec(products[5], "A", 50, null, CountLineStatus.Pending, null, null, null));

        var all = await manager.GetFromJsonAsync<JsonElement>(
            $"/api/reports/inventory-accuracy?from=2026-11-01T00:00:00Z&to=2026-11-30T00:00:00Z&locationId={location}");
        var firstWeek = await manager.GetFromJsonAsync<JsonElement>(
            $"/api/reports/inventory-accuracy?from=2026-11-01T00:00:00Z&to=2026-11-08T00:00:00Z&locationId={location}");
        var byDay = await manager.GetFromJsonAsync<JsonElement>(
            $"/api/reports/inventory-accuracy?from=2026-11-01T00:00:00Z&to=2026-11-30T00:00:00Z&locationId={location}&groupBy=day");

        Assert.Equal((2L, 0L, 0m), (firstWeek.GetProperty("linesCounted").GetInt64(), firstWeek.GetProperty("linesWithinTolerance").GetInt64(),
            firstWeek.GetProperty("accuracy").GetDecimal()));
        Assert.Equal((4L, 1L, 0.25m), (all.GetProperty("linesCounted").GetInt64(), all.GetProperty("linesWithinTolerance").GetInt64(),
            all.GetProperty("accuracy").GetDecimal()));
        Assert.Equal((4L, 1L, 0.25m), Groups(all, "byLocation")[code]);
        var byClass = Groups(all, "byClass");
        Assert.Equal(["A", "B", "C"], byClass.Keys);
        Assert.Equal((2L, 0L, 0m), byClass["A"]);
        Assert.Equal((1L, 1L, 1m), byClass["B"]);
        Assert.Equal((1L, 0L, 0m), byClass["C"]);
        var byCounter = Groups(all, "byCounter");
        Assert.Equal((2L, 0L, 0m), byCounter["admin"]);
        Assert.Equal((2L, 1L, 0.5m), byCounter[staffName]);
        Assert.Equal("week", all.GetProperty("groupBy").GetString());
        var weeks = Groups(all, "overTime");
        Assert.Equal(["2026-11-02", "2026-11-09"], weeks.Keys);
        Assert.Equal((2L, 0L, 0m), weeks["2026-11-02"]);
        Assert.Equal((2L, 1L, 0.5m), weeks["2026-11-09"]);
        Assert.Equal(["2026-11-02", "2026-11-10"], Groups(byDay, "overTime").Keys);
    }

    [Fact]
    public async Task Accuracy_AsCsvPdfAndPage_AndBadInputIsAProblem()
    {
        using var manager = await edge.ClientAsync();
        var code = "IRP" + Guid.NewGuid().ToString("N")[..5].ToUpperInvariant();
        var location = await manager.CreateLocationAsync(code);
        var product = await manager.CreateProductAsync();
        var now = DateTimeOffset.UtcNow;
        await CountAsync(location, CycleCountStatus.Completed, blind: false,
            new LineSpec(product, "B", 40, 40, CountLineStatus.Posted, true, now.AddDays(-3), null));
        using var viewer = await edge.ClientForRoleAsync("viewer");

        var csv = await viewer.GetStringAsync($"/api/reports/inventory-accuracy?locationId={location}&format=csv");
        using var pdf = await viewer.GetAsync($"/api/reports/inventory-accuracy?locationId={location}&format=pdf");
        using var page = await viewer.GetAsync($"/counts/accuracy?locationId={location}");
        var html = await page.Content.ReadAsStringAsync();
        var bad = await Task.WhenAll(
            manager.GetAsync("/api/reports/inventory-accuracy?groupBy=month"),
            manager.GetAsync("/api/reports/inventory-accuracy?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z"),
            manager.GetAsync("/api/reports/inventory-accuracy?format=xml"));

        Assert.Contains("Lines counted", csv, StringComparison.Ordinal);
        Assert.Contains($"Location,{code},1,1,100.00", csv, StringComparison.Ordinal);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("id=\"accuracy-chart\"", html, StringComparison.Ordinal);
        Assert.Contains("<polyline", html, StringComparison.Ordinal);
        Assert.Contains("100.00 %", html, StringComparison.Ordinal);
        Assert.All(bad, r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        var csvLink = System.Text.RegularExpressions.Regex.Match(html, "id=\"accuracy-csv\" href=\"([^\"]+)\"").Groups[1].Value;
        using var linked = await viewer.GetAsync(WebUtility.HtmlDecode(csvLink));
        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        Assert.Contains($"Location,{code},1,1,100.00", await linked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Variance_ShowsExpectedCountedAndValue_ValueOnlyForCostViewers_AndNothingWhileOpen()
    {
        using var manager = await edge.ClientAsync();
        var location = await manager.CreateLocationAsync();
        var product = await manager.CreateProductAsync();
        var other = await manager.CreateProductAsync();
        var submitted = await CountAsync(location, CycleCountStatus.NeedsApproval, blind: true,
            new LineSpec(product, "A", 100, 95, CountLineStatus.NeedsApproval, false, Monday, null, UnitCost: 2.5m),
            new LineSpec(other, "C", 8, 9, CountLineStatus.Posted, false, Monday, null, UnitCost: 1m));
        var open = await CountAsync(location, CycleCountStatus.Open, blind: true,
            new LineSpec(other, "A", 7391, null, CountLineStatus.Pending, null, null, null, UnitCost: 3m));
        using var staff = await edge.ClientForRoleAsync("staff");

        var managerView = await manager.GetFromJsonAsync<JsonElement>($"/api/cycle-counts/{submitted}/variance");
        var staffView = await staff.GetFromJsonAsync<JsonElement>($"/api/cycle-counts/{submitted}/variance");
        var managerCsv = await manager.GetStringAsync($"/api/cycle-counts/{submitted}/variance?format=csv");
        var staffCsv = await staff.GetStringAsync($"/api/cycle-counts/{submitted}/variance?format=csv");
        using var pdf = await staff.GetAsync($"/api/cycle-counts/{submitted}/variance?format=pdf");
        using var openAnswer = await manager.GetAsync($"/api/cycle-counts/{open}/variance");
        using var openCsv = await manager.GetAsync($"/api/cycle-counts/{open}/variance?format=csv");
        using var unknown = await manager.GetAsync($"/api/cycle-counts/{Guid.NewGuid()}/variance");

        var lines = managerView.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal([100L, 8L], lines.Select(l => l.GetProperty("expected").GetInt64()));
        Assert.Equal([95L, 9L], lines.Select(l => l.GetProperty("counted").GetInt64()));
        Assert.Equal([-5L, 1L], lines.Select(l => l.GetProperty("variance").GetInt64()));
        Assert.Equal([-12.5m, 1m], lines.Select(l => l.GetProperty("value").GetDecimal()));
        Assert.Equal((-4L, 6L), (managerView.GetProperty("netVariance").GetInt64(), managerView.GetProperty("absoluteVariance").GetInt64()));
        Assert.Equal((-11.5m, 13.5m), (managerView.GetProperty("netValue").GetDecimal(), managerView.GetProperty("absoluteValue").GetDecimal()));

        Assert.Equal([-5L, 1L], staffView.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("variance").GetInt64()));
        Assert.All(staffView.GetProperty("lines").EnumerateArray(), l =>
        {
            Assert.False(l.TryGetProperty("value", out _));
            Assert.False(l.TryGetProperty("unitCost", out _));
        });
        Assert.False(staffView.TryGetProperty("netValue", out _));
        Assert.Contains("Value", managerCsv, StringComparison.Ordinal);
        Assert.DoesNotContain("Value", staffCsv, StringComparison.Ordinal);
        Assert.DoesNotContain("cost", staffCsv, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);

        Assert.Equal(HttpStatusCode.Conflict, openAnswer.StatusCode);
        Assert.DoesNotContain("7391", await openAnswer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, openCsv.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
