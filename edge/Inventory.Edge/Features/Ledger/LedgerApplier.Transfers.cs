using System.Globalization;
using System.Text.Json;
using Inventory.Domain.Ledger;
using Inventory.Sync;

namespace Inventory.Edge.Features.Ledger;

/// <summary>
/// Transfers to and from other sites, inside the movement's own transaction: the transfer row and its outbox
/// row commit with the transfer_out (or transfer_in) movement or not at all. Only transfer commands reach here,
/// so the rest of the ledger pays nothing for it.
/// </summary>
internal sealed partial class LedgerApplier
{
    private sealed record RemoteTarget(Guid TransferId, Guid LocationId, string Site);

    /// <summary>The destination when it belongs to another site; null when it is one of ours (an ordinary transfer).</summary>
    private RemoteTarget? RemoteDestination(Guid locationId)
    {
        var location = ReadLocation(locationId) ?? throw LedgerRefusal.NotFound($"No location with id {locationId}.");
        if (location.Site == siteCode)
        {
            return null;
        }

        if (!location.Active)
        {
            throw LedgerRefusal.Invalid($"Location {location.Code} of site {location.Site} is deactivated.");
        }

        return new RemoteTarget(Guid.CreateVersion7(), locationId, location.Site);
    }

    private TransferRecord Ship(RemoteTarget remote, LedgerLine line, List<(LevelSlot Slot, long Quantity)> picks, DateTimeOffset now)
    {
        // One lot travels as that lot; stock taken from several lots arrives without one.
        var lots = picks.Select(p => p.Slot.Lot).Distinct(StringComparer.Ordinal).ToList();
        var transfer = new TransferRecord(
            remote.TransferId, line.ProductId, line.LocationId, remote.LocationId, siteCode, remote.Site, line.Quantity, null,
            TransferStatuses.InTransit, line.MovementId, null, lots.Count == 1 ? lots[0] : "",
            DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds()), null);
        var hlc = Clock.Next();
        var insert = sql.InsertTransfer;
        insert.Set("$id", SqliteValues.Of(transfer.Id));
        insert.Set("$product", SqliteValues.Of(transfer.ProductId));
        insert.Set("$from", SqliteValues.Of(transfer.FromLocationId));
        insert.Set("$to", SqliteValues.Of(transfer.ToLocationId));
        insert.Set("$fromSite", transfer.FromSite);
        insert.Set("$toSite", transfer.ToSite);
        insert.Set("$quantity", transfer.QuantityShipped);
        insert.Set("$movement", SqliteValues.Of(transfer.ShipMovementId));
        insert.Set("$lot", transfer.Lot);
        insert.Set("$at", now.ToUnixTimeMilliseconds());
        insert.Set("$hlc", hlc);
        insert.ExecuteNonQuery();
        WriteOutbox(ChangeKinds.Transfer, transfer.Id, JsonSerializer.Serialize(transfer, SyncJson.Default.TransferRecord), hlc, null, now);
        return transfer;
    }

    /// <summary>The transfer a receive closes, checked before its movement is recorded.</summary>
    private (TransferRecord Record, string? Hlc) OpenTransfer(Guid id)
    {
        var find = sql.FindTransfer;
        find.Set("$id", SqliteValues.Of(id));
        using var r = find.ExecuteReader();
        if (!r.Read())
        {
            throw LedgerRefusal.NotFound($"No transfer with id {id}.");
        }

        var record = new TransferRecord(
            id, Guid.Parse(r.GetString(0)), Guid.Parse(r.GetString(1)), Guid.Parse(r.GetString(2)), r.GetString(3), r.GetString(4),
            r.GetInt64(5), null, r.GetString(6), Guid.Parse(r.GetString(7)), null, r.GetString(8),
            DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(9)), null);
        if (record.ToSite != siteCode)
        {
            throw LedgerRefusal.Invalid($"Transfer {id} goes to site {record.ToSite}; only that site receives it.");
        }

        if (record.Status != TransferStatuses.InTransit)
        {
            throw LedgerRefusal.Conflict($"Transfer {id} was already received.");
        }

        return (record, r.IsDBNull(10) ? null : r.GetString(10));
    }

    private TransferRecord Close((TransferRecord Record, string? Hlc) open, List<MovementView> movements, DateTimeOffset now)
    {
        var received = movements.Sum(m => m.Quantity);
        var closed = open.Record with
        {
            Status = TransferStatuses.Received,
            QuantityReceived = received,
            ReceiveMovementId = movements[0].Id,
            ReceivedAt = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds()),
        };
        var hlc = Clock.Next();
        var update = sql.ReceiveTransfer;
        update.Set("$id", SqliteValues.Of(closed.Id));
        update.Set("$quantity", received);
        update.Set("$movement", SqliteValues.Of(closed.ReceiveMovementId.Value));
        update.Set("$at", now.ToUnixTimeMilliseconds());
        update.Set("$hlc", hlc);
        if (update.ExecuteNonQuery() != 1)
        {
            throw LedgerRefusal.Conflict($"Transfer {closed.Id} was already received.");
        }

        WriteOutbox(ChangeKinds.Transfer, closed.Id, JsonSerializer.Serialize(closed, SyncJson.Default.TransferRecord), hlc, open.Hlc, now);
        return closed;
    }

    /// <summary>A sync outbox row written by the writer itself, in its own transaction (transfers, lots met on receipt).</summary>
    private void WriteOutbox(string kind, Guid entityId, string data, string hlc, string? baseHlc, DateTimeOffset now)
    {
        var insert = sql.InsertOutbox;
        insert.Set("$kind", kind);
        insert.Set("$entity", SqliteValues.Of(entityId));
        insert.Set("$hlc", hlc);
        insert.Set("$base", SqliteValues.OrNull(baseHlc));
        insert.Set("$data", data);
        insert.Set("$at", now.ToUnixTimeMilliseconds());
        insert.ExecuteNonQuery();
    }

    private HybridLogicalClock Clock => clock ?? throw new InvalidOperationException(
        string.Create(CultureInfo.InvariantCulture, $"Transfers between sites need the sync clock (site {siteCode})."));
}
