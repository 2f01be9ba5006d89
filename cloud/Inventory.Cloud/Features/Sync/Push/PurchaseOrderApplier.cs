using System.Text.Json;
using Inventory.Cloud.Features.Sync.Feed;
using Inventory.Sync;
using Npgsql;

namespace Inventory.Cloud.Features.Sync.Push;

/// <summary>
/// Applies a purchase order a site pushed. The site must be the PO's home (its location's site). Header and lines
/// follow the later-HLC rule like a product (the loser in the conflict log), but the PO's events (sent, cancelled,
/// closed) happen once and are never undone: a version that lacks an event the other replica recorded gets it
/// back, written as the cloud's merge, so the home box learns of a cancel that its own later edit did not carry.
/// The feed row's audience is the home site, so no other site receives it.
/// </summary>
internal static class PurchaseOrderApplier
{
    public static async Task<int> ApplyAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, string site, ChangeRecord change, FeedVersion? current,
        HybridLogicalClock clock, DateTimeOffset now, CancellationToken ct)
    {
        var incoming = SyncJson.Read<PurchaseOrderRecord>(change.Data);
        await CheckOwnedAsync(c, tx, site, incoming, ct);
        if (current is not null && change.Hlc == current.Hlc)
        {
            return 0; // The same version again (a retried push).
        }

        var known = current is null ? null : SyncJson.Read<PurchaseOrderRecord>(JsonDocument.Parse(current.Data).RootElement);
        if (known is not null && known.SiteCode != site)
        {
            throw SyncRefusedException.Forbidden($"Purchase order {known.Number} belongs to site {known.SiteCode}, not {site}.");
        }

        var plain = current is null || change.BaseHlc == current.Hlc;
        var incomingWins = plain || HybridLogicalClock.IsLater(change.Hlc, current!.Hlc);
        var conflicts = 0;
        if (!plain)
        {
            conflicts += await MasterDataApplier.LogConflictAsync(c, tx, change,
                winner: incomingWins ? (change.Hlc, site) : (current!.Hlc, current.OriginSite),
                loser: incomingWins ? (current!.Hlc, current.OriginSite, current.Data) : (change.Hlc, site, change.Data.GetRawText()), now, ct);
        }

        var winner = incomingWins ? incoming : known!;
        var merged = known is null ? incoming : WithEventsOf(winner, incomingWins ? known : incoming);
        if (incomingWins && SameEvents(merged, incoming))
        {
            await TypedTables.WriteAsync(c, tx, change.Kind, change.Data, change.Hlc, site, now, ct);
            await FeedWriter.UpsertAsync(c, tx, change.Kind, change.Id, change.Hlc, change.BaseHlc, change.Data.GetRawText(),
                originSite: site, audience: site, now, ct);
        }
        else if (incomingWins || !SameEvents(merged, known!))
        {
            // A merge neither replica holds: a new version of the cloud's, which the home site pulls back.
            var element = SyncJson.ToElement(merged);
            var hlc = clock.Next();
            await TypedTables.WriteAsync(c, tx, change.Kind, element, hlc, origin: null, now, ct);
            await FeedWriter.UpsertAsync(c, tx, change.Kind, change.Id, hlc, change.Hlc, element.GetRawText(), originSite: null, audience: site, now, ct);
        }

        return conflicts;
    }

    /// <summary>The winner's header and lines with every event either version recorded (the earliest time of each).</summary>
    public static PurchaseOrderRecord WithEventsOf(PurchaseOrderRecord winner, PurchaseOrderRecord other) => winner with
    {
        SentAt = Earliest(winner.SentAt, other.SentAt),
        CancelledAt = Earliest(winner.CancelledAt, other.CancelledAt),
        ClosedAt = Earliest(winner.ClosedAt, other.ClosedAt),
        CloseReason = winner.CloseReason ?? other.CloseReason,
    };

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;

    private static bool SameEvents(PurchaseOrderRecord a, PurchaseOrderRecord b) =>
        a.SentAt == b.SentAt && a.CancelledAt == b.CancelledAt && a.ClosedAt == b.ClosedAt && a.CloseReason == b.CloseReason;

    /// <summary>The receiving location is this site's (sent before or in this batch); the number is no other PO's.</summary>
    private static async Task CheckOwnedAsync(NpgsqlConnection c, NpgsqlTransaction tx, string site, PurchaseOrderRecord po, CancellationToken ct)
    {
        await using (var command = new NpgsqlCommand("SELECT site_code FROM locations WHERE id = $1", c, tx))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = po.LocationId });
            var owner = await command.ExecuteScalarAsync(ct) as string;
            if (owner is null)
            {
                throw SyncRefusedException.Forbidden($"Purchase order {po.Number} at location {po.LocationId}, which site {site} has not sent: send the location first.");
            }

            if (owner != site)
            {
                throw SyncRefusedException.Forbidden($"Purchase order {po.Number} at location {po.LocationId}, which belongs to site {owner}, not {site}.");
            }
        }

        await using var taken = new NpgsqlCommand("SELECT 1 FROM purchase_orders WHERE number = $1 AND id <> $2", c, tx);
        taken.Parameters.Add(new NpgsqlParameter { Value = po.Number });
        taken.Parameters.Add(new NpgsqlParameter { Value = po.Id });
        if (await taken.ExecuteScalarAsync(ct) is not null)
        {
            throw SyncRefusedException.BadBatch($"Purchase order number {po.Number} belongs to another purchase order.");
        }
    }
}
