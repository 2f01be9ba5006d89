using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inventory.Edge.Tests.Infrastructure;
using Inventory.Sync;

namespace Inventory.Edge.Tests.Sync;

public sealed class CrossSiteTransferTests(EdgeHost edge) : IClassFixture<EdgeHost>
{
    [Fact]
    public async Task Ledger_MovementAtAnotherSitesLocation_IsRefusedAndChangesNothing()
    {
        using var client = await edge.ClientAsync();
        var product = await client.CreateProductAsync();
        var remote = await edge.PullOtherSiteLocationAsync("WH2");
        var movementsBefore = await edge.ScalarAsync("SELECT count(*) FROM stock_movements");

        var receive = await client.PostAsJsonAsync("/api/inventory/receive", new { productId = product, locationId = remote, quantity = 5, unitCost = 1m });
        var adjust = await client.PostAsJsonAsync("/api/inventory/adjust", new { productId = product, locationId = remote, quantity = 5, reason = "found" });
        var edit = await client.PutAsJsonAsync($"/api/locations/{remote}", new { code = "X1", name = "Mine now", type = "store", version = 1 });

        Assert.Equal(HttpStatusCode.BadRequest, receive.StatusCode);
        Assert.Contains("WH2", (await receive.ReadJsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, adjust.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
        Assert.Equal(movementsBefore, await edge.ScalarAsync("SELECT count(*) FROM stock_movements"));
        Assert.Equal(0L, await edge.ScalarAsync("SELECT count(*) FROM stock_levels WHERE location_id = $l", ("$l", remote.ToString("D"))));
    }

    [Fact]
    public async Task Transfer_ToAnotherSite_RecordsTransferOutAndATransferInTransit()
    {
        using var client = await edge.ClientAsync();
        var product = await client.CreateProductAsync();
        var source = await client.CreateLocationAsync();
        var remote = await edge.PullOtherSiteLocationAsync("WH2");
        await client.ReceiveAsync(product, source, 10, new { lot = "B-1" });

        var body = await client.PostOkAsync("/api/inventory/transfer", new { productId = product, fromLocationId = source, toLocationId = remote, quantity = 4 });

        var transfer = body.GetProperty("transfer");
        var transferId = transfer.GetProperty("id").GetGuid();
        Assert.Equal("in_transit", transfer.GetProperty("status").GetString());
        Assert.Equal(("WH1", "WH2", 4L, "B-1"), (transfer.GetProperty("fromSite").GetString(), transfer.GetProperty("toSite").GetString(),
            transfer.GetProperty("quantityShipped").GetInt64(), transfer.GetProperty("lot").GetString()));
        var movement = Assert.Single(body.GetProperty("movements").EnumerateArray());
        Assert.Equal(("transfer_out", -4L, "transfer", transferId.ToString()), (movement.GetProperty("type").GetString(),
            movement.GetProperty("quantity").GetInt64(), movement.GetProperty("referenceType").GetString(), movement.GetProperty("referenceId").GetString()));
        Assert.Equal(6, await client.QuantityAsync(product, source));
        Assert.Equal(0L, await edge.ScalarAsync("SELECT count(*) FROM stock_levels WHERE location_id = $l", ("$l", remote.ToString("D"))));

        var outbox = Assert.Single(await edge.OutboxAsync(transferId));
        Assert.Equal(ChangeKinds.Transfer, outbox.Kind);
        var list = await client.GetFromJsonAsync<JsonElement>("/api/transfers?status=in_transit");
        var listed = list.GetProperty("items").EnumerateArray().Single(t => t.GetProperty("id").GetGuid() == transferId);
        Assert.Equal("outgoing", listed.GetProperty("direction").GetString());
    }

    [Fact]
    public async Task Transfer_ToAnotherSite_Short_Is409AndOpensNothing()
    {
        using var client = await edge.ClientAsync();
        var product = await client.CreateProductAsync();
        var source = await client.CreateLocationAsync();
        var remote = await edge.PullOtherSiteLocationAsync("WH2");
        var transfersBefore = await edge.ScalarAsync("SELECT count(*) FROM transfers");

        var response = await client.PostAsJsonAsync("/api/inventory/transfer", new { productId = product, fromLocationId = source, toLocationId = remote, quantity = 1 });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(transfersBefore, await edge.ScalarAsync("SELECT count(*) FROM transfers"));
    }

    [Fact]
    public async Task Receive_PulledIncomingTransfer_RecordsTransferInWithVariance_SecondReceive409()
    {
        using var client = await edge.ClientAsync();
        var product = await client.CreateProductAsync();
        var destination = await client.CreateLocationAsync();
        var origin = await edge.PullOtherSiteLocationAsync("WH2");
        var incoming = new TransferRecord(
            Guid.CreateVersion7(), product, origin, destination, "WH2", "WH1", 10, null, TransferStatuses.InTransit,
            Guid.CreateVersion7(), null, "LOT-9", DateTimeOffset.UtcNow.AddHours(-3), null);
        await edge.ApplyAsync(SyncTestData.Change(ChangeKinds.Transfer, incoming.Id, incoming));

        var listed = (await client.GetFromJsonAsync<JsonElement>("/api/transfers?status=in_transit")).GetProperty("items")
            .EnumerateArray().Single(t => t.GetProperty("id").GetGuid() == incoming.Id);
        var movementId = Guid.CreateVersion7();
        var body = await client.PostOkAsync($"/api/transfers/{incoming.Id}/receive", new { quantity = 9, bin = "IN-1", id = movementId });
        var replay = await client.PostOkAsync($"/api/transfers/{incoming.Id}/receive", new { quantity = 9, bin = "IN-1", id = movementId });
        var second = await client.PostAsJsonAsync($"/api/transfers/{incoming.Id}/receive", new { quantity = 1 });

        Assert.Equal("incoming", listed.GetProperty("direction").GetString());
        var transfer = body.GetProperty("transfer");
        Assert.Equal(("received", 9L, -1L), (transfer.GetProperty("status").GetString(), transfer.GetProperty("quantityReceived").GetInt64(),
            transfer.GetProperty("variance").GetInt64()));
        Assert.Equal(movementId, transfer.GetProperty("receiveMovementId").GetGuid());
        var movement = Assert.Single(body.GetProperty("movements").EnumerateArray());
        Assert.Equal(("transfer_in", 9L, "LOT-9", "IN-1"), (movement.GetProperty("type").GetString(), movement.GetProperty("quantity").GetInt64(),
            movement.GetProperty("lot").GetString(), movement.GetProperty("bin").GetString()));
        Assert.Equal(movementId, replay.GetProperty("movements")[0].GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(9, await client.QuantityAsync(product, destination));
        var rows = await edge.OutboxAsync(incoming.Id);
        Assert.Equal(TransferStatuses.Received, SyncJson.Read<TransferRecord>(JsonDocument.Parse(Assert.Single(rows).Data).RootElement).Status);

        // A late copy still in transit does not reopen it: state only moves forward.
        var stale = await edge.ApplyAsync(SyncTestData.Change(ChangeKinds.Transfer, incoming.Id, incoming, SyncTestData.Later(TimeSpan.FromHours(1))));
        Assert.Equal(1, stale.Ignored);
        Assert.Equal("received", await edge.ScalarAsync("SELECT status FROM transfers WHERE id = $id", ("$id", incoming.Id.ToString("D"))));
    }

    [Fact]
    public async Task Receive_TransferForAnotherSite_400_Unknown_404()
    {
        using var client = await edge.ClientAsync();
        var product = await client.CreateProductAsync();
        var a = await edge.PullOtherSiteLocationAsync("WH2");
        var b = await edge.PullOtherSiteLocationAsync("WH3");
        var elsewhere = new TransferRecord(Guid.CreateVersion7(), product, a, b, "WH2", "WH3", 5, null, TransferStatuses.InTransit,
            Guid.CreateVersion7(), null, "", DateTimeOffset.UtcNow, null);
        var own = await client.CreateLocationAsync();
        var toUs = elsewhere with { Id = Guid.CreateVersion7(), ToLocationId = own, ToSite = "WH1" };
        await edge.ApplyAsync(SyncTestData.Change(ChangeKinds.Transfer, elsewhere.Id, elsewhere), SyncTestData.Change(ChangeKinds.Transfer, toUs.Id, toUs));

        var unknown = await client.PostAsJsonAsync($"/api/transfers/{elsewhere.Id}/receive", new { quantity = 5 });
        var staff = await edge.ClientForRoleAsync("staff");
        var byStaff = await staff.PostAsJsonAsync($"/api/transfers/{toUs.Id}/receive", new { quantity = 5 });
        var viewer = await edge.ClientForRoleAsync("viewer");
        var byViewer = await viewer.PostAsJsonAsync($"/api/transfers/{toUs.Id}/receive", new { quantity = 5 });

        // A transfer between two other sites is not stored here at all.
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Created, byStaff.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byViewer.StatusCode);
    }
}
