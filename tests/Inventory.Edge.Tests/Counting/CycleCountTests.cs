using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Edge.Tests.Infrastructure;
using Inventory.Edge.Tests.Purchasing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inventory.Edge.Tests.Counting;

/// <summary>/api/cycle-counts against a real edge on a real SQLite file: blind counting, posting, tolerance and approval.</summary>
public sealed class CycleCountTests(EdgeHost edge) : IClassFixture<EdgeHost>
{
    // Six digits: no GUID in an answer holds it by chance, so its absence proves the expected quantity is withheld.
    private const int Secret = 987_654;

    private static async Task<string> TextAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return text;
    }

    private static void AssertHidden(string text)
    {
        Assert.DoesNotContain("expected", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\"variance\":", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Variance", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret.ToString(System.Globalization.CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
    }

    private async Task<(long Quantity, DateTimeOffset? CountedAt)> RowAsync(Guid product, Guid location)
    {
        using var scope = edge.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EdgeDbContext>();
        var row = await db.StockLevels.AsNoTracking().SingleAsync(l => l.ProductId == product && l.LocationId == location);
        return (row.Quantity, row.LastCountedAt);
    }

    private static async Task<List<JsonElement>> CountMovementsAsync(HttpClient client, Guid product)
    {
        var body = await client.GetFromJsonAsync<JsonElement>($"/api/stock-movements?productId={product}&type=count");
        return [.. body.GetProperty("items").EnumerateArray()];
    }

    [Fact]
    public async Task Blind_ExpectedAbsentFromJsonCsvPdfUntilSubmitted_ThenShown()
    {
        using var manager = await edge.ClientAsync();
        using var staff = await edge.ClientForRoleAsync("staff");
        var (location, products) = await CountingTestData.StockAsync(manager, ("Z-9", Secret), ("A-1", 3));

        var created = await CountingTestData.CreateAsync(staff, new { locationId = location });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var createdText = await created.Content.ReadAsStringAsync();
        AssertHidden(createdText);
        var count = JsonDocument.Parse(createdText).RootElement;
        Assert.Equal("open", count.GetProperty("status").GetString());
        Assert.True(count.GetProperty("blind").GetBoolean());
        Assert.Equal(["A-1", "Z-9"], count.Lines().Select(l => l.GetProperty("bin").GetString()));
        Assert.All(count.Lines(), l => Assert.False(l.TryGetProperty("expected", out _)));

        AssertHidden(await TextAsync(await staff.GetAsync($"/api/cycle-counts/{count.Id()}")));
        AssertHidden(await TextAsync(await staff.GetAsync($"/api/cycle-counts?locationId={location}")));
        var csv = await TextAsync(await staff.GetAsync($"/api/cycle-counts/{count.Id()}/sheet?format=csv"));
        AssertHidden(csv);
        Assert.True(csv.IndexOf("A-1", StringComparison.Ordinal) < csv.IndexOf("Z-9", StringComparison.Ordinal), "bin order");
        var pdf = await PurchaseOrderApiTests.PdfTextAsync(await (await staff.GetAsync($"/api/cycle-counts/{count.Id()}/sheet?format=pdf")).Content.ReadAsByteArrayAsync());
        Assert.Contains("Z-9", pdf, StringComparison.Ordinal);
        AssertHidden(pdf);
        var html = await TextAsync(await staff.GetAsync($"/counts/{count.Id()}"));
        Assert.Contains(count.GetProperty("number").GetString()!, html, StringComparison.Ordinal);
        AssertHidden(html);
        var counted = await CountingTestData.EnterAsync(staff, count.Id(), (count.LineOf(products[0]), Secret), (count.LineOf(products[1]), 3));
        Assert.Equal(HttpStatusCode.OK, counted.StatusCode);
        var countedText = await counted.Content.ReadAsStringAsync();
        Assert.DoesNotContain("expected", countedText, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\"variance\":", countedText, StringComparison.Ordinal);

        var submitted = await CountingTestData.SubmitAsync(staff, count.Id());

        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        var answer = await submitted.ReadJsonAsync();
        Assert.Equal("completed", answer.GetProperty("status").GetString());
        Assert.Contains(answer.Lines(), l => l.GetProperty("expected").GetInt64() == Secret && l.GetProperty("variance").GetInt64() == 0);
        var after = await staff.GetFromJsonAsync<JsonElement>($"/api/cycle-counts/{count.Id()}");
        Assert.Equal(Secret, after.Lines().Single(l => l.GetProperty("bin").GetString() == "Z-9").GetProperty("expected").GetInt64());
        Assert.Contains("Expected", await TextAsync(await staff.GetAsync($"/api/cycle-counts/{count.Id()}/sheet?format=csv")), StringComparison.Ordinal);
        var page = await TextAsync(await staff.GetAsync($"/counts/{count.Id()}"));
        Assert.Contains("Expected", page, StringComparison.Ordinal);
        Assert.Contains(Secret.ToString(System.Globalization.CultureInfo.InvariantCulture), page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShipOneDuringCountOfTenThatFindsTen_LeavesNineAndMarksCounted()
    {
        using var manager = await edge.ClientAsync();
        var (location, products) = await CountingTestData.StockAsync(manager, ("", 10));
        var count = await CountingTestData.CountOfAsync(manager, location);
        await manager.PostOkAsync("/api/inventory/ship", new { productId = products[0], locationId = location, quantity = 1 });

        Assert.Equal(HttpStatusCode.OK, (await CountingTestData.EnterAsync(manager, count.Id(), (count.LineOf(products[0]), 10))).StatusCode);
        var answer = await (await CountingTestData.SubmitAsync(manager, count.Id())).ReadJsonAsync();

        Assert.Equal("completed", answer.GetProperty("status").GetString());
        var (quantity, countedAt) = await RowAsync(products[0], location);
        Assert.Equal(9, quantity);
        Assert.NotNull(countedAt);
        var movement = Assert.Single(await CountMovementsAsync(manager, products[0]));
        Assert.Equal(0, movement.GetProperty("quantity").GetInt64());
        Assert.Equal("cycle_count", movement.GetProperty("referenceType").GetString());
        Assert.Equal($"{count.Id()}/{count.LineOf(products[0])}", movement.GetProperty("referenceId").GetString());
    }

    [Fact]
    public async Task TwoOpenCountsOfTheSameStock_SecondIs409UntilTheFirstIsCancelled()
    {
        using var manager = await edge.ClientAsync();
        var (location, _) = await CountingTestData.StockAsync(manager, ("B-1", 5));
        var first = await CountingTestData.CountOfAsync(manager, location);

        var second = await CountingTestData.CreateAsync(manager, new { locationId = location, bins = new[] { "B-1" } });

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains(first.GetProperty("number").GetString()!, (await second.ReadJsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await manager.PostOkAsync($"/api/cycle-counts/{first.Id()}/cancel", new { }, HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Created, (await CountingTestData.CreateAsync(manager, new { locationId = location })).StatusCode);
    }

    [Fact]
    public async Task BeyondTolerance_WaitsAndPostsNothing_StaffCannotApprove_ManagerApprovalPosts()
    {
        using var manager = await edge.ClientAsync();
        using var staff = await edge.ClientForRoleAsync("staff");
        var (location, products) = await CountingTestData.StockAsync(manager, ("", 100), ("", 50));
        var count = await CountingTestData.CountOfAsync(staff, location);
        await CountingTestData.EnterAsync(staff, count.Id(), (count.LineOf(products[0]), 90), (count.LineOf(products[1]), 50));

        var answer = await (await CountingTestData.SubmitAsync(staff, count.Id())).ReadJsonAsync();

        Assert.Equal("needs_approval", answer.GetProperty("status").GetString());
        Assert.Equal(100, (await RowAsync(products[0], location)).Quantity);
        Assert.Empty(await CountMovementsAsync(manager, products[0]));
        Assert.Single(await CountMovementsAsync(manager, products[1]));
        var waiting = await manager.GetFromJsonAsync<JsonElement>("/api/cycle-counts?status=needs_approval");
        Assert.Contains(waiting.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetGuid() == count.Id());
        var denied = await staff.PostAsJsonAsync($"/api/cycle-counts/{count.Id()}/approve", new { reason = "checked" });
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PostAsJsonAsync($"/api/cycle-counts/{count.Id()}/approve", new { reason = " " })).StatusCode);
        Assert.Equal(100, (await RowAsync(products[0], location)).Quantity);

        var approved = await manager.PostOkAsync($"/api/cycle-counts/{count.Id()}/approve",
            new { lines = new[] { new { lineId = count.LineOf(products[0]), reason = "Ten broken units binned", decision = "variance" } } }, HttpStatusCode.OK);

        Assert.Equal("completed", approved.GetProperty("status").GetString());
        Assert.Equal(90, (await RowAsync(products[0], location)).Quantity);
        var movement = Assert.Single(await CountMovementsAsync(manager, products[0]));
        Assert.Equal(-10, movement.GetProperty("quantity").GetInt64());
        Assert.Equal(HttpStatusCode.Conflict, (await manager.PostAsJsonAsync($"/api/cycle-counts/{count.Id()}/approve", new { reason = "again" })).StatusCode);
    }

    [Fact]
    public async Task Recount_BySameUserIs409_ByAnotherWithinTolerancePosts()
    {
        using var manager = await edge.ClientAsync();
        using var staff = await edge.ClientForRoleAsync("staff");
        var (location, products) = await CountingTestData.StockAsync(manager, ("", 100));
        var count = await CountingTestData.CountOfAsync(staff, location);
        var line = count.LineOf(products[0]);
        await CountingTestData.EnterAsync(staff, count.Id(), (line, 80));
        Assert.Equal("needs_approval", (await (await CountingTestData.SubmitAsync(staff, count.Id())).ReadJsonAsync()).GetProperty("status").GetString());

        var same = await staff.PostAsJsonAsync($"/api/cycle-counts/{count.Id()}/recount", new { lines = new[] { new { lineId = line, counted = 99 } } });
        Assert.Equal(HttpStatusCode.Conflict, same.StatusCode);
        Assert.Equal(100, (await RowAsync(products[0], location)).Quantity);

        var other = await manager.PostOkAsync($"/api/cycle-counts/{count.Id()}/recount", new { lines = new[] { new { lineId = line, counted = 99 } } }, HttpStatusCode.OK);

        Assert.Equal("completed", other.GetProperty("status").GetString());
        Assert.Equal(99, (await RowAsync(products[0], location)).Quantity);
        var view = await manager.GetFromJsonAsync<JsonElement>($"/api/cycle-counts/{count.Id()}");
        var viewLine = view.Lines().Single();
        Assert.Equal(80, viewLine.GetProperty("firstCounted").GetInt64());
        Assert.Equal(99, viewLine.GetProperty("counted").GetInt64());
        Assert.Equal(-1, viewLine.GetProperty("postedQuantity").GetInt64());
    }

    [Fact]
    public async Task BadInput_IsRefusedAndChangesNothing()
    {
        using var manager = await edge.ClientAsync();
        var (location, products) = await CountingTestData.StockAsync(manager, ("", 7), ("", 4));
        Assert.Equal(HttpStatusCode.BadRequest, (await CountingTestData.CreateAsync(manager, new { locationId = location, abcClass = "D" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await CountingTestData.CreateAsync(manager, new { locationId = location, bins = new[] { "" } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await CountingTestData.CreateAsync(manager, new { locationId = Guid.NewGuid() })).StatusCode);
        var count = await CountingTestData.CountOfAsync(manager, location);
        var (a, b) = (count.LineOf(products[0]), count.LineOf(products[1]));

        Assert.Equal(HttpStatusCode.BadRequest, (await CountingTestData.EnterAsync(manager, count.Id(), (a, -1))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await CountingTestData.EnterAsync(manager, count.Id(), (a, 1.5m))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await CountingTestData.EnterAsync(manager, count.Id(), (a, 7), (Guid.NewGuid(), 1))).StatusCode);
        var untouched = await manager.GetFromJsonAsync<JsonElement>($"/api/cycle-counts/{count.Id()}");
        Assert.Equal(0, untouched.GetProperty("linesCounted").GetInt32());
        await CountingTestData.EnterAsync(manager, count.Id(), (a, 7));
        Assert.Equal(HttpStatusCode.BadRequest, (await CountingTestData.SubmitAsync(manager, count.Id())).StatusCode);
        await CountingTestData.EnterAsync(manager, count.Id(), (b, 4));
        Assert.Equal(HttpStatusCode.OK, (await CountingTestData.SubmitAsync(manager, count.Id())).StatusCode);

        Assert.Equal(HttpStatusCode.Conflict, (await CountingTestData.SubmitAsync(manager, count.Id())).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await CountingTestData.EnterAsync(manager, count.Id(), (a, 6))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await manager.PostAsync($"/api/cycle-counts/{count.Id()}/cancel", null)).StatusCode);
        Assert.Equal(7, (await RowAsync(products[0], location)).Quantity);
        Assert.Single(await CountMovementsAsync(manager, products[0]));
    }

    [Fact]
    public async Task ItemFoundInABin_IsAddedWithExpectedZero_AndWaitsForApproval()
    {
        using var manager = await edge.ClientAsync();
        var (location, products) = await CountingTestData.StockAsync(manager, ("C-3", 2));
        var stray = await manager.CreateProductAsync();
        var count = await CountingTestData.CountOfAsync(manager, location, blind: false);
        Assert.Equal(2, count.Lines().Single().GetProperty("expected").GetInt64());

        var entered = await manager.PostOkAsync($"/api/cycle-counts/{count.Id()}/counts", new
        {
            lines = new object[] { new { lineId = count.LineOf(products[0]), counted = 2 }, new { productId = stray, bin = "C-3", counted = 4 } },
        }, HttpStatusCode.OK);
        var added = entered.Lines().Single(l => l.GetProperty("productId").GetGuid() == stray);
        Assert.True(added.GetProperty("added").GetBoolean());
        Assert.Equal(0, added.GetProperty("expected").GetInt64());

        var answer = await (await CountingTestData.SubmitAsync(manager, count.Id())).ReadJsonAsync();
        Assert.Equal("needs_approval", answer.GetProperty("status").GetString());
        await manager.PostOkAsync($"/api/cycle-counts/{count.Id()}/approve", new { reason = "Found on the shelf" }, HttpStatusCode.OK);
        Assert.Equal(4, (await RowAsync(stray, location)).Quantity);
    }

    [Fact]
    public async Task ShortfallAlreadyShipped_AdjustmentStopsAtZero()
    {
        using var manager = await edge.ClientAsync();
        var (location, products) = await CountingTestData.StockAsync(manager, ("", 5));
        var count = await CountingTestData.CountOfAsync(manager, location);
        await manager.PostOkAsync("/api/inventory/ship", new { productId = products[0], locationId = location, quantity = 5 });
        await CountingTestData.EnterAsync(manager, count.Id(), (count.LineOf(products[0]), 2));
        Assert.Equal("needs_approval", (await (await CountingTestData.SubmitAsync(manager, count.Id())).ReadJsonAsync()).GetProperty("status").GetString());

        await manager.PostOkAsync($"/api/cycle-counts/{count.Id()}/approve", new { reason = "Three went missing" }, HttpStatusCode.OK);

        var (quantity, countedAt) = await RowAsync(products[0], location);
        Assert.Equal(0, quantity);
        Assert.NotNull(countedAt);
        var line = (await manager.GetFromJsonAsync<JsonElement>($"/api/cycle-counts/{count.Id()}")).Lines().Single();
        Assert.Equal(-3, line.GetProperty("variance").GetInt64());
        Assert.Equal(0, line.GetProperty("postedQuantity").GetInt64());
    }
}
