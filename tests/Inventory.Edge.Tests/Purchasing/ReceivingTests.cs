using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Edge.Tests.Infrastructure;

namespace Inventory.Edge.Tests.Purchasing;

/// <summary>POST /api/purchase-orders/{id}/receive against a real edge on a real SQLite file.</summary>
public sealed class ReceivingTests(EdgeHost edge) : IClassFixture<EdgeHost>
{
    private static async Task<int> ReceiptMovementsAsync(HttpClient client, Guid product)
    {
        var body = await client.GetFromJsonAsync<JsonElement>($"/api/stock-movements?productId={product}&type=receive");
        return body.GetProperty("items").GetArrayLength();
    }

    private static JsonElement LineOf(JsonElement receipt, Guid lineId) =>
        receipt.GetProperty("purchaseOrder").GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("id").GetGuid() == lineId);

    [Fact]
    public async Task Receive_TwentyReceiptsUpToTwoPercentOver_PassThenOneMoreUnitRefusedWithNothingRecorded()
    {
        using var manager = await edge.ClientAsync();
        var supplier = await edge.SupplierAsync(2m);
        var order = await edge.OrderAsync(manager, supplier, (10_000m, 1.5m));
        var line = order.Lines[0];

        for (var i = 0; i < 20; i++)
        {
            var ok = await manager.ReceiveAsync(order, Guid.CreateVersion7(), PurchasingTestData.Line(line, 510));
            Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        }

        var over = await manager.ReceiveAsync(order, Guid.CreateVersion7(), PurchasingTestData.Line(line, 1));

        Assert.Equal(HttpStatusCode.Conflict, over.StatusCode);
        var problem = await over.JsonAsync();
        Assert.Equal(10_000m, problem.GetProperty("ordered").GetDecimal());
        Assert.Equal(10_200m, problem.GetProperty("received").GetDecimal());
        Assert.Equal(0m, problem.GetProperty("remaining").GetDecimal());
        Assert.Contains("Line 1", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(10_200, await manager.QuantityAsync(line.ProductId, order.LocationId));
        Assert.Equal(20, await ReceiptMovementsAsync(manager, line.ProductId));
        var view = await manager.GetFromJsonAsync<JsonElement>($"/api/stock-movements?productId={line.ProductId}&type=receive");
        Assert.All(view.GetProperty("items").EnumerateArray(), m =>
        {
            Assert.Equal("purchase_order", m.GetProperty("referenceType").GetString());
            Assert.Equal($"{order.Id}/{line.Id}", m.GetProperty("referenceId").GetString());
        });
    }

    [Fact]
    public async Task Receive_TwoLinesOfTenGetTwelveAndEight_OneOverOneShortPoStaysPartial()
    {
        using var manager = await edge.ClientAsync();
        var supplier = await edge.SupplierAsync(20m);
        var order = await edge.OrderAsync(manager, supplier, (10m, 2m), (10m, 3m));

        var response = await manager.ReceiveAsync(order, Guid.CreateVersion7(),
            PurchasingTestData.Line(order.Lines[0], 12), PurchasingTestData.Line(order.Lines[1], 8));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var receipt = await response.JsonAsync();
        Assert.Equal("partial", receipt.GetProperty("purchaseOrder").GetProperty("status").GetString());
        Assert.Equal(2m, LineOf(receipt, order.Lines[0].Id).GetProperty("variance").GetDecimal());
        Assert.Equal(-2m, LineOf(receipt, order.Lines[1].Id).GetProperty("variance").GetDecimal());
        Assert.Equal(2, receipt.GetProperty("movements").GetArrayLength());

        var report = await manager.GetFromJsonAsync<JsonElement>($"/api/reports/receiving-variance?supplierId={supplier}");
        var items = report.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        Assert.Equal(2m, items.Single(i => i.GetProperty("lineNumber").GetInt32() == 1).GetProperty("difference").GetDecimal());
        Assert.Equal(4m, items.Single(i => i.GetProperty("lineNumber").GetInt32() == 1).GetProperty("value").GetDecimal());
        Assert.Equal(-6m, items.Single(i => i.GetProperty("lineNumber").GetInt32() == 2).GetProperty("value").GetDecimal());
        var csv = await manager.GetStringAsync($"/api/reports/receiving-variance?supplierId={supplier}&format=csv");
        Assert.Contains(order.Number, csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Receive_ChainedFiveThreeOne_NineOnHand()
    {
        using var manager = await edge.ClientAsync();
        var order = await edge.OrderAsync(manager, await edge.SupplierAsync(0m), (10m, 4m));
        var line = order.Lines[0];

        foreach (var quantity in new[] { 5, 3, 1 })
        {
            var r = await manager.ReceiveAsync(order, Guid.CreateVersion7(), PurchasingTestData.Line(line, quantity, lot: "L" + quantity, expiry: "2031-01-31", bin: "A-1"));
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        }

        Assert.Equal(9, await manager.QuantityAsync(line.ProductId, order.LocationId));
        var movements = await manager.GetFromJsonAsync<JsonElement>($"/api/stock-movements?productId={line.ProductId}&type=receive");
        Assert.Contains(movements.GetProperty("items").EnumerateArray(), m => m.GetProperty("lot").GetString() == "L3" && m.GetProperty("bin").GetString() == "A-1"
            && m.GetProperty("expiry").GetString() == "2031-01-31");
    }

    [Fact]
    public async Task Receive_FractionOverZeroTolerance_409_FractionWithin_400()
    {
        using var manager = await edge.ClientAsync();
        var order = await edge.OrderAsync(manager, await edge.SupplierAsync(0m), (100m, 1m));
        var line = order.Lines[0];

        var over = await manager.ReceiveAsync(order, Guid.CreateVersion7(), PurchasingTestData.Line(line, 100.002m));
        var fraction = await manager.ReceiveAsync(order, Guid.CreateVersion7(), PurchasingTestData.Line(line, 50.5m));

        Assert.Equal(HttpStatusCode.Conflict, over.StatusCode);
        Assert.Equal(100m, (await over.JsonAsync()).GetProperty("remaining").GetDecimal());
        Assert.Equal(HttpStatusCode.BadRequest, fraction.StatusCode);
        Assert.Equal(0, await manager.QuantityAsync(line.ProductId, order.LocationId));
    }

    [Fact]
    public async Task Receive_BadInput_RefusedAndNothingRecorded()
    {
        using var manager = await edge.ClientAsync();
        var supplier = await edge.SupplierAsync(0m);
        var order = await edge.OrderAsync(manager, supplier, (10m, 1m));
        var other = await edge.OrderAsync(manager, supplier, (10m, 1m));
        var line = order.Lines[0];

        var otherLine = await manager.ReceiveAsync(order, Guid.CreateVersion7(), PurchasingTestData.Line(line, 1), PurchasingTestData.Line(other.Lines[0], 1));
        var unknownLine = await manager.ReceiveAsync(order, Guid.CreateVersion7(), new { lineId = Guid.NewGuid(), quantity = 1 });
        var unknownOrder = await manager.PostAsJsonAsync($"/api/purchase-orders/{Guid.NewGuid()}/receive",
            new { id = Guid.CreateVersion7(), lines = new[] { new { lineId = line.Id, quantity = 1 } } });
        var zero = await manager.ReceiveAsync(order, Guid.CreateVersion7(), PurchasingTestData.Line(line, 0));
        var negative = await manager.ReceiveAsync(order, Guid.CreateVersion7(), PurchasingTestData.Line(line, -2));
        var noId = await manager.PostAsJsonAsync($"/api/purchase-orders/{order.Id}/receive", new { lines = new[] { new { lineId = line.Id, quantity = 1 } } });
        var noLines = await manager.PostAsJsonAsync($"/api/purchase-orders/{order.Id}/receive", new { id = Guid.CreateVersion7() });

        Assert.Equal(HttpStatusCode.BadRequest, otherLine.StatusCode);
        Assert.Contains(other.Number, (await otherLine.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknownLine.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownOrder.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, zero.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noId.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noLines.StatusCode);
        Assert.Equal(0, await manager.QuantityAsync(line.ProductId, order.LocationId));
        Assert.Equal(0, await manager.QuantityAsync(other.Lines[0].ProductId, other.LocationId));
    }

    [Fact]
    public async Task Receive_SameReceiptIdTwice_RecordedOnceSameAnswer()
    {
        using var manager = await edge.ClientAsync();
        var order = await edge.OrderAsync(manager, await edge.SupplierAsync(0m), (10m, 1m));
        var line = order.Lines[0];
        var receiptId = Guid.CreateVersion7();

        var first = await (await manager.ReceiveAsync(order, receiptId, PurchasingTestData.Line(line, 10))).JsonAsync();
        var replay = await manager.ReceiveAsync(order, receiptId, PurchasingTestData.Line(line, 10));
        var reused = await manager.ReceiveAsync(order, receiptId, PurchasingTestData.Line(line, 3));

        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        var second = await replay.JsonAsync();
        Assert.Equal(first.GetProperty("movements")[0].GetProperty("id").GetGuid(), second.GetProperty("movements")[0].GetProperty("id").GetGuid());
        Assert.Equal("received", second.GetProperty("purchaseOrder").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);
        Assert.Equal(10, await manager.QuantityAsync(line.ProductId, order.LocationId));
        Assert.Equal(1, await ReceiptMovementsAsync(manager, line.ProductId));
    }

    [Fact]
    public async Task Receive_SixteenConcurrentClients_NeverTogetherPastTheTolerance()
    {
        using var manager = await edge.ClientAsync();
        var order = await edge.OrderAsync(manager, await edge.SupplierAsync(0m), (100m, 1m));
        var line = order.Lines[0];
        using var staff = await edge.ClientForRoleAsync("staff");
        // Sixteen connections of one staff member's handhelds (sign-ins are throttled; the receipts are not).
        var clients = Enumerable.Range(0, 16).Select(_ =>
        {
            var client = edge.Anonymous();
            client.DefaultRequestHeaders.Authorization = staff.DefaultRequestHeaders.Authorization;
            return client;
        }).ToArray();
        try
        {
            // 16 × 8 receipts of 1 against a line of 100: exactly 100 pass, whatever the interleaving.
            var answers = await Task.WhenAll(clients.Select(async client =>
            {
                var codes = new List<HttpStatusCode>();
                for (var i = 0; i < 8; i++)
                {
                    using var r = await client.ReceiveAsync(order, Guid.CreateVersion7(), PurchasingTestData.Line(line, 1));
                    codes.Add(r.StatusCode);
                }

                return codes;
            }));

            var all = answers.SelectMany(a => a).ToList();
            Assert.Equal(100, all.Count(c => c == HttpStatusCode.Created));
            Assert.Equal(28, all.Count(c => c == HttpStatusCode.Conflict));
            Assert.Equal(100, await manager.QuantityAsync(line.ProductId, order.LocationId));
        }
        finally
        {
            foreach (var c in clients)
            {
                c.Dispose();
            }
        }
    }

    [Fact]
    public async Task Receive_UnitCostFromPoLine_MovesFifoValuation()
    {
        using var manager = await edge.ClientAsync();
        var order = await edge.OrderAsync(manager, await edge.SupplierAsync(0m), (4m, 7.25m));
        var line = order.Lines[0];
        using var staff = await edge.ClientForRoleAsync("staff");

        var response = await staff.ReceiveAsync(order, Guid.CreateVersion7(), PurchasingTestData.Line(line, 4));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var valuation = await manager.GetFromJsonAsync<JsonElement>($"/api/reports/stock-valuation?method=fifo&locationId={order.LocationId}");
        var item = valuation.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("productId").GetGuid() == line.ProductId);
        Assert.Equal(29.00m, item.GetProperty("value").GetDecimal());
        var movements = await manager.GetFromJsonAsync<JsonElement>($"/api/stock-movements?productId={line.ProductId}&type=receive");
        Assert.Equal(7.25m, movements.GetProperty("items")[0].GetProperty("unitCost").GetDecimal());
    }

    [Fact]
    public async Task Receive_StaffAnswerAndVarianceReport_CarryNoPrices_PurchasingSeesThem()
    {
        using var manager = await edge.ClientAsync();
        var supplier = await edge.SupplierAsync(0m);
        var order = await edge.OrderAsync(manager, supplier, (5m, 3.5m), (5m, 1.25m));
        using var staff = await edge.ClientForRoleAsync("staff");
        using var purchasing = await edge.ClientForRoleAsync("purchasing");

        var staffAnswer = await (await staff.ReceiveAsync(order, Guid.CreateVersion7(), PurchasingTestData.Line(order.Lines[0], 2))).Content.ReadAsStringAsync();
        var buyerAnswer = await (await purchasing.ReceiveAsync(order, Guid.CreateVersion7(), PurchasingTestData.Line(order.Lines[1], 2))).Content.ReadAsStringAsync();
        var staffReport = await staff.GetStringAsync($"/api/reports/receiving-variance?supplierId={supplier}");
        var staffCsv = await staff.GetStringAsync($"/api/reports/receiving-variance?supplierId={supplier}&format=csv");

        foreach (var text in new[] { staffAnswer, staffReport })
        {
            Assert.DoesNotContain("unitPrice", text, StringComparison.Ordinal);
            Assert.DoesNotContain("unitCost", text, StringComparison.Ordinal);
            Assert.DoesNotContain("value", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("amount", text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain("Unit price", staffCsv, StringComparison.Ordinal);
        Assert.Contains("\"unitPrice\":1.25", buyerAnswer, StringComparison.Ordinal);
        Assert.Contains("\"unitCost\":1.25", buyerAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Receive_CancelledHereAfterAReceipt_409AndTheReceiptStays()
    {
        using var manager = await edge.ClientAsync();
        var order = await edge.OrderAsync(manager, await edge.SupplierAsync(0m), (10m, 1m));
        var line = order.Lines[0];
        Assert.Equal(HttpStatusCode.Created, (await manager.ReceiveAsync(order, Guid.CreateVersion7(), PurchasingTestData.Line(line, 4))).StatusCode);

        await edge.CancelAsync(order.Id);
        var refused = await manager.ReceiveAsync(order, Guid.CreateVersion7(), PurchasingTestData.Line(line, 1));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("cancelled", (await refused.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(4, await manager.QuantityAsync(line.ProductId, order.LocationId));
    }
}
