using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Domain.Counting;
using Inventory.Edge.Features.Counting;
using Inventory.Edge.Features.Counting.Plans;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Edge.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Inventory.Edge.Tests.Counting;

/// <summary>
/// The plan's scheduler over a simulated year against a real box (real SQLite, real ABC classes from shipments): the
/// day is injected (CountScheduler.RunForDayAsync), each day's count is counted the next day (its lines posted, the
/// levels' last_counted_at set to the day it was made), as a counter would.
/// </summary>
public sealed class CountSchedulerTests : IAsyncLifetime
{
    // A box of its own: ABC classes are the whole box's, and no other test's shipments may move them.
    private readonly EdgeHost _edge = new() { SiteCode = "WH9" };

    public Task InitializeAsync() => _edge.InitializeAsync();

    public Task DisposeAsync() => _edge.DisposeAsync();

    [Fact]
    public async Task SimulatedYear_A12_B4_COnce_NoOverlap_DayMadeOnce_TodayListed()
    {
        using var admin = await _edge.ClientAsync();
        var location = await admin.CreateLocationAsync();
        // Consumption value: A ships 90 units, B 9, C 1 (same cost): 90 % / 9 % / 1 % → classes A, B, C; D never shipped → C.
        var a = await admin.CreateProductAsync("ABC-A");
        var b = await admin.CreateProductAsync("ABC-B");
        var c = await admin.CreateProductAsync("ABC-C");
        var d = await admin.CreateProductAsync("ABC-D");
        var stock = new (Guid Product, string Bin, string Class)[]
        {
            (a, "A-01", "A"), (a, "A-02", "A"), (a, "A-03", "A"), (a, "A-04", "A"),
            (b, "B-01", "B"), (b, "B-02", "B"), (b, "B-03", "B"),
            (c, "C-01", "C"), (c, "C-02", "C"), (d, "D-01", "C"),
        };
        foreach (var (product, bin, _) in stock)
        {
            await admin.ReceiveAsync(product, location, 200, new { bin });
        }

        foreach (var (product, quantity) in new[] { (a, 90), (b, 9), (c, 1) })
        {
            await admin.PostOkAsync("/api/inventory/ship", new { productId = product, locationId = location, quantity, bin = stock.First(s => s.Product == product).Bin });
        }

        var plan = await (await admin.PutAsJsonAsync($"/api/count-plans/{location}", new { frequencyDays = new Dictionary<string, int> { ["A"] = 30, ["B"] = 90, ["C"] = 365 } })).ReadJsonAsync();
        var start = DateOnly.Parse(plan.GetProperty("startedOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var scheduler = _edge.Services.GetRequiredService<CountScheduler>();
        var times = stock.ToDictionary(s => CountKeys.Of(s.Product, s.Bin, ""), _ => 0);
        var classOf = stock.ToDictionary(s => CountKeys.Of(s.Product, s.Bin, ""), s => s.Class);
        var madeOn = new Dictionary<Guid, DateOnly>();

        // Day one by hand: the count made today is listed with its progress, and a second run (a restart) makes nothing.
        var first = await scheduler.RunForDayAsync(start);
        var again = await scheduler.RunForDayAsync(start);
        Assert.Empty(again);
        var today = await admin.GetFromJsonAsync<JsonElement>("/api/count-plans/today");
        var listed = today.GetProperty("locations").EnumerateArray().Single(l => l.GetProperty("locationId").GetGuid() == location);
        if (first.Count > 0)
        {
            var count = Assert.Single(first);
            var shown = Assert.Single(listed.GetProperty("counts").EnumerateArray());
            Assert.Equal(count.Number, shown.GetProperty("number").GetString());
            Assert.Equal(0, shown.GetProperty("linesCounted").GetInt32());
            Assert.Equal(count.Lines.Count, shown.GetProperty("linesTotal").GetInt32());
            Assert.All(count.Lines, l => Assert.Equal(classOf[CountKeys.Of(l.ProductId, l.Bin, l.Lot)], l.AbcClass));
            Assert.True(count.Blind);
            var page = await admin.GetStringAsync("/counts/today");
            Assert.Contains(count.Number, page, StringComparison.Ordinal);
            Assert.Contains($"/counts/{count.Id}", page, StringComparison.Ordinal);
        }

        Record(first, start);
        for (var day = start.AddDays(1); day < start.AddDays(365); day = day.AddDays(1))
        {
            await CountYesterdaysAsync();
            Record(await scheduler.RunForDayAsync(day), day);
        }

        foreach (var (key, n) in times)
        {
            var (low, high) = classOf[key] switch { "A" => (11, 13), "B" => (3, 5), _ => (1, 1) };
            Assert.True(n >= low && n <= high, $"{key} (class {classOf[key]}) counted {n} times in a year, expected {low} to {high}.");
        }

        var last = start.AddDays(364);
        Assert.Empty(await scheduler.RunForDayAsync(last));
        var stored = await admin.GetFromJsonAsync<JsonElement>($"/api/count-plans/{location}");
        Assert.Equal(last.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), stored.GetProperty("scheduledThrough").GetString());

        void Record(IReadOnlyList<Inventory.Edge.Infrastructure.Data.Entities.CycleCount> made, DateOnly day)
        {
            Assert.True(made.Count <= 1, $"{made.Count} counts made on {day} at one location; the plan makes one a day.");
            foreach (var count in made)
            {
                Assert.Equal(CountScheduler.Source, count.Source);
                foreach (var line in count.Lines)
                {
                    times[CountKeys.Of(line.ProductId, line.Bin, line.Lot)]++;
                }

                madeOn[count.Id] = day;
            }
        }

        async Task CountYesterdaysAsync()
        {
            using var scope = _edge.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<EdgeDbContext>();
            var open = await db.CycleCounts.Include(x => x.Lines).Where(x => x.Status == CycleCountStatus.Open).ToListAsync();
            var openKeys = open.SelectMany(x => x.Lines).Select(l => CountKeys.Of(l.ProductId, l.Bin, l.Lot)).ToList();
            Assert.Equal(openKeys.Count, openKeys.Distinct().Count()); // never two open counts of the same stock
            foreach (var count in open)
            {
                var countedAt = new DateTimeOffset(madeOn[count.Id].ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
                foreach (var line in count.Lines)
                {
                    await db.StockLevels.Where(l => l.LocationId == line.LocationId && l.ProductId == line.ProductId && l.Bin == line.Bin && l.Lot == line.Lot)
                        .ExecuteUpdateAsync(s => s.SetProperty(l => l.LastCountedAt, countedAt));
                    line.Status = CountLineStatus.Posted;
                    line.Counted = line.Expected;
                }

                count.Status = CycleCountStatus.Completed;
            }

            await db.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task Service_RunsAtStart_ThenDailyAtScheduleAt_OnTheInjectedClock()
    {
        using var admin = await _edge.ClientAsync();
        var location = await admin.CreateLocationAsync();
        var product = await admin.CreateProductAsync();
        await admin.ReceiveAsync(product, location, 5, new { bin = "S-01" });
        // Every day of the week, every day due: each run of the service makes a count once the last is counted.
        var plan = await (await admin.PutAsJsonAsync($"/api/count-plans/{location}", new
        {
            frequencyDays = new Dictionary<string, int> { ["A"] = 1, ["B"] = 1, ["C"] = 1 },
            workingDays = new[] { "mon", "tue", "wed", "thu", "fri", "sat", "sun" },
        })).ReadJsonAsync();
        var start = DateOnly.Parse(plan.GetProperty("startedOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var clock = new ManualClock(new DateTimeOffset(start.ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero));
        using var service = new CountSchedulerService(
            _edge.Services.GetRequiredService<CountScheduler>(), Options.Create(new CountingOptions { ScheduleAt = TimeSpan.FromHours(5) }),
            clock, NullLogger<CountSchedulerService>.Instance);

        await service.StartAsync(CancellationToken.None);
        await EventuallyAsync(() => ScheduledThroughAsync(location), start, clock);
        await CompleteOpenCountsAsync(start);
        Assert.Equal(1, await PlanCountsAsync(location));

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (clock.Waiting == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The service never waited for its next run.");
            await Task.Delay(20);
        }

        clock.Advance(TimeSpan.FromHours(3)); // 04:00: not yet
        Assert.Equal(start, await ScheduledThroughAsync(location));
        clock.Advance(TimeSpan.FromHours(25)); // the next day, 05:00 passed
        await EventuallyAsync(() => ScheduledThroughAsync(location), start.AddDays(1), clock);
        Assert.Equal(2, await PlanCountsAsync(location));
        await service.StopAsync(CancellationToken.None);
    }

    private async Task<DateOnly?> ScheduledThroughAsync(Guid location)
    {
        using var scope = _edge.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EdgeDbContext>();
        return await db.CountPlans.Where(p => p.LocationId == location).Select(p => p.ScheduledThrough).SingleAsync();
    }

    private async Task<int> PlanCountsAsync(Guid location)
    {
        using var scope = _edge.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EdgeDbContext>();
        return await db.CycleCounts.CountAsync(c => c.LocationId == location && c.Source == CountScheduler.Source);
    }

    private async Task CompleteOpenCountsAsync(DateOnly day)
    {
        using var scope = _edge.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EdgeDbContext>();
        var countedAt = new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        foreach (var count in await db.CycleCounts.Include(x => x.Lines).Where(x => x.Status == CycleCountStatus.Open).ToListAsync())
        {
            foreach (var line in count.Lines)
            {
                await db.StockLevels.Where(l => l.LocationId == line.LocationId && l.ProductId == line.ProductId && l.Bin == line.Bin && l.Lot == line.Lot)
                    .ExecuteUpdateAsync(s => s.SetProperty(l => l.LastCountedAt, countedAt));
                line.Status = CountLineStatus.Posted;
            }

            count.Status = CycleCountStatus.Completed;
        }

        await db.SaveChangesAsync();
    }

    /// <summary>Waits (20 s at most) until the plan is scheduled through the day; the service's own work, on its own thread.</summary>
    private static async Task EventuallyAsync(Func<Task<DateOnly?>> probe, DateOnly day, ManualClock clock)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await probe() != day)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for the plan to be scheduled through {day} (clock {clock.GetUtcNow():O}).");
            await Task.Delay(50);
        }
    }
}
