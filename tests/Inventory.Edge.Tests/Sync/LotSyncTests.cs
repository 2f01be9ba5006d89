using System.Text.Json;
using Inventory.Domain.Lots;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Edge.Infrastructure.Data.Entities;
using Inventory.Edge.Tests.Infrastructure;
using Inventory.Sync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inventory.Edge.Tests.Sync;

/// <summary>Lots written through EdgeDbContext reach the outbox; lots pulled from the cloud go through the real applier.</summary>
public sealed class LotSyncTests(EdgeHost edge) : IClassFixture<EdgeHost>
{
    private EdgeDbContext Db() => edge.Services.GetRequiredService<IDbContextFactory<EdgeDbContext>>().CreateDbContext();

    private static LotRecord Record(Guid product, string code, string status = LotStatus.Available, string? reason = null) => new(
        DeterministicIds.Lot(product, code), product, code, new DateOnly(2027, 3, 31), new DateOnly(2027, 3, 1), new DateOnly(2026, 12, 1),
        Guid.CreateVersion7(), null, status, reason, status == LotStatus.Hold ? DateTimeOffset.UtcNow : null, null, DateTimeOffset.UtcNow);

    private async Task<Lot?> StoredAsync(Guid product, string code)
    {
        await using var db = Db();
        return await db.Lots.AsNoTracking().SingleOrDefaultAsync(l => l.ProductId == product && l.Code == code);
    }

    [Fact]
    public async Task Lot_AddedThenHeld_WritesLotRecordsWithTheRowsHlc()
    {
        var product = Guid.CreateVersion7();
        var lot = new Lot
        {
            Id = DeterministicIds.Lot(product, "L-1"), ProductId = product, Code = "L-1", Expiry = new DateOnly(2027, 1, 31),
            UpdatedAt = DateTimeOffset.UtcNow,
        };
        await using (var db = Db())
        {
            db.Lots.Add(lot);
            await db.SaveChangesAsync();
        }

        await using (var db = Db())
        {
            var stored = await db.Lots.SingleAsync(l => l.Id == lot.Id);
            (stored.Status, stored.HoldReason, stored.HeldAt) = (LotStatus.Hold, "Supplier recall", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        var rows = await edge.OutboxAsync(lot.Id);
        Assert.Equal([ChangeKinds.Lot, ChangeKinds.Lot], rows.Select(r => r.Kind));
        Assert.Equal(rows[0].Hlc, rows[1].BaseHlc);
        Assert.Equal(rows[1].Hlc, await edge.ScalarAsync("SELECT hlc FROM lots WHERE id = $id", ("$id", lot.Id.ToString("D"))));
        var record = SyncJson.Read<LotRecord>(JsonDocument.Parse(rows[1].Data).RootElement);
        Assert.Equal((product, "L-1", new DateOnly(2027, 1, 31), LotStatus.Hold, "Supplier recall"),
            (record.ProductId, record.Lot, record.Expiry, record.Status, record.HoldReason));
        Assert.NotNull(record.HeldAt);
    }

    [Fact]
    public async Task PulledLot_IsStored_LaterWins_EarlierIgnored_NoOutboxRows()
    {
        var product = Guid.CreateVersion7();
        var lot = Record(product, "L-2");

        var first = await edge.ApplyAsync(SyncTestData.Change(ChangeKinds.Lot, lot.Id, lot, SyncTestData.Later(TimeSpan.FromSeconds(1))));
        var held = lot with { Status = LotStatus.Hold, HoldReason = "Recall 42", HeldAt = DateTimeOffset.UtcNow, HeldBy = Guid.CreateVersion7() };
        var later = await edge.ApplyAsync(SyncTestData.Change(ChangeKinds.Lot, lot.Id, held, SyncTestData.Later(TimeSpan.FromSeconds(2))));
        var stale = await edge.ApplyAsync(SyncTestData.Change(ChangeKinds.Lot, lot.Id, lot, SyncTestData.Earlier()));

        Assert.Equal((1, 1, 0, 1), (first.Applied, later.Applied, stale.Applied, stale.Ignored));
        var stored = await StoredAsync(product, "L-2");
        Assert.NotNull(stored);
        Assert.Equal((lot.Id, LotStatus.Hold, "Recall 42", held.HeldBy), (stored.Id, stored.Status, stored.HoldReason, stored.HeldBy));
        Assert.Equal((lot.Expiry, lot.BestBefore, lot.ManufacturedOn, lot.SupplierId), (stored.Expiry, stored.BestBefore, stored.ManufacturedOn, stored.SupplierId));
        Assert.Equal(held.HeldAt?.ToUnixTimeMilliseconds(), stored.HeldAt?.ToUnixTimeMilliseconds());
        Assert.Empty(await edge.OutboxAsync(lot.Id));

        // The pulled release: the later stamp again.
        var released = await edge.ApplyAsync(SyncTestData.Change(ChangeKinds.Lot, lot.Id,
            held with { Status = LotStatus.Available, HoldReason = null, HeldAt = null, HeldBy = null }, SyncTestData.Later(TimeSpan.FromSeconds(3))));
        Assert.Equal(1, released.Applied);
        Assert.Equal((LotStatus.Available, (string?)null), ((await StoredAsync(product, "L-2"))!.Status, (await StoredAsync(product, "L-2"))!.HoldReason));
    }

    [Fact]
    public async Task PulledLot_SameProductAndCodeUnderAnotherId_PulledIdReplacesTheLocalRow()
    {
        var product = Guid.CreateVersion7();
        var local = new Lot { Id = Guid.CreateVersion7(), ProductId = product, Code = "L-3", UpdatedAt = DateTimeOffset.UtcNow };
        await using (var db = Db())
        {
            db.Lots.Add(local);
            await db.SaveChangesAsync();
        }

        var pulled = Record(product, "L-3", LotStatus.Hold, "Quality stop");
        var result = await edge.ApplyAsync(SyncTestData.Change(ChangeKinds.Lot, pulled.Id, pulled));

        Assert.Equal(1, result.Applied);
        var stored = await StoredAsync(product, "L-3");
        Assert.NotNull(stored);
        Assert.Equal((pulled.Id, LotStatus.Hold, "Quality stop"), (stored.Id, stored.Status, stored.HoldReason));
        Assert.Null(await edge.ScalarAsync("SELECT id FROM lots WHERE id = $id", ("$id", local.Id.ToString("D"))));
    }

    [Fact]
    public async Task PulledLot_UnknownStatus_IsSkippedAndTheFeedGoesOn()
    {
        var product = Guid.CreateVersion7();
        var bad = Record(product, "L-4") with { Status = "expired" };
        var good = Record(product, "L-5");

        var result = await edge.ApplyAsync(
            SyncTestData.Change(ChangeKinds.Lot, bad.Id, bad), SyncTestData.Change(ChangeKinds.Lot, good.Id, good));

        Assert.Equal((1, 1), (result.Applied, result.Failed));
        Assert.Null(await StoredAsync(product, "L-4"));
        Assert.NotNull(await StoredAsync(product, "L-5"));
    }
}
