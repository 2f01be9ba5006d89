using Inventory.Cloud.Features.Sync.Conflicts;
using Inventory.Cloud.Features.Sync.Feed;
using Inventory.Sync;
using Npgsql;

namespace Inventory.Cloud.Features.Sync.Push;

/// <summary>
/// Applies master data that a site edited (products, categories, its locations and bins, transfers, suppliers and
/// their prices; purchase orders in <see cref="PurchaseOrderApplier"/>, cycle counts in <see cref="CycleCountApplier"/>) by the
/// hybrid-logical-clock rule: the later stamp wins. An edit whose base is the current version is a plain
/// update; one made from an older base raced another replica's edit, and the losing version is logged as a
/// conflict (once, however often it is pushed). Edges keep the later stamp too, so every replica ends with
/// the same winner.
/// </summary>
public static class MasterDataApplier
{
    public static async Task<int> ApplyAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, string site, IEnumerable<ChangeRecord> changes,
        HybridLogicalClock clock, DateTimeOffset now, CancellationToken ct)
    {
        var conflicts = 0;
        foreach (var change in changes)
        {
            clock.Observe(change.Hlc);
            if (change.Kind == ChangeKinds.CycleCount)
            {
                await CycleCountApplier.ApplyAsync(c, tx, site, change, ct);
                continue;
            }

            var data = change.Data.GetRawText();
            var current = await FeedWriter.CurrentAsync(c, tx, change.Kind, change.Id, ct);
            if (change.Kind == ChangeKinds.Location && current is not null && current.OriginSite != site)
            {
                throw SyncRefusedException.Forbidden($"Location {change.Id} belongs to site {current.OriginSite}.");
            }

            if (change.Kind == ChangeKinds.Transfer)
            {
                await ApplyTransferAsync(c, tx, site, change, current, now, ct);
                continue;
            }

            if (change.Kind == ChangeKinds.PurchaseOrder)
            {
                conflicts += await PurchaseOrderApplier.ApplyAsync(c, tx, site, change, current, clock, now, ct);
                continue;
            }

            if (change.Kind == ChangeKinds.Product && ProductRecordRules.Check(SyncJson.Read<ProductRecord>(change.Data)).Count > 0)
            {
                // A product the catalog's rules refuse stays out of the catalog and the feed: the version kept (if
                // any) is the winner, the refused one waits in the conflict log for a manager.
                conflicts += await LogConflictAsync(c, tx, change, winner: (current?.Hlc ?? "", current?.OriginSite),
                    loser: (change.Hlc, site, data), now, ct);
                continue;
            }

            if (current is null || change.BaseHlc == current.Hlc)
            {
                conflicts += await WriteAsync(c, tx, site, change, data, audience: null, clock, now, ct);
            }
            else if (change.Hlc == current.Hlc)
            {
                // The same version again (a retried push): nothing to do.
            }
            else
            {
                var incomingWins = HybridLogicalClock.IsLater(change.Hlc, current.Hlc);
                conflicts += await LogConflictAsync(c, tx, change,
                    winner: incomingWins ? (change.Hlc, site) : (current.Hlc, current.OriginSite),
                    loser: incomingWins ? (current.Hlc, current.OriginSite, current.Data) : (change.Hlc, site, data), now, ct);
                if (incomingWins)
                {
                    conflicts += await WriteAsync(c, tx, site, change, data, audience: null, clock, now, ct);
                }
            }
        }

        return conflicts;
    }

    /// <summary>A transfer only moves forward: a received copy replaces one in transit, never the reverse.</summary>
    private static async Task ApplyTransferAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, string site, ChangeRecord change, FeedVersion? current, DateTimeOffset now, CancellationToken ct)
    {
        var incoming = SyncJson.Read<TransferRecord>(change.Data);
        if (current is not null)
        {
            var known = SyncJson.Read<TransferRecord>(System.Text.Json.JsonDocument.Parse(current.Data).RootElement);
            if (known.Status == TransferStatuses.Received || incoming.Status == known.Status)
            {
                return;
            }
        }

        var otherSite = incoming.FromSite == site ? incoming.ToSite : incoming.FromSite;
        await WriteAsync(c, tx, site, change, change.Data.GetRawText(), otherSite, clock: null, now, ct);
    }

    /// <summary>Writes the version; a product whose SKU or barcode is taken is kept as <see cref="CatalogClashes"/> says (one conflict).</summary>
    private static async Task<int> WriteAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, string site, ChangeRecord change, string data, string? audience,
        HybridLogicalClock? clock, DateTimeOffset now, CancellationToken ct)
    {
        if (clock is not null && change.Kind == ChangeKinds.Product
            && await CatalogClashes.ResolveAsync(c, tx, site, SyncJson.Read<ProductRecord>(change.Data), ct) is { } kept)
        {
            var element = SyncJson.ToElement(kept);
            var hlc = clock.Next();
            await TypedTables.WriteAsync(c, tx, change.Kind, element, hlc, site, now, ct);
            // No origin: the site that made the product gets the cloud's version back like every other site.
            await FeedWriter.UpsertAsync(c, tx, change.Kind, change.Id, hlc, change.Hlc, element.GetRawText(), originSite: null, audience, now, ct);
            return await LogConflictAsync(c, tx, change, winner: (hlc, null), loser: (change.Hlc, site, data), now, ct);
        }

        await TypedTables.WriteAsync(c, tx, change.Kind, change.Data, change.Hlc, site, now, ct);
        await FeedWriter.UpsertAsync(c, tx, change.Kind, change.Id, change.Hlc, change.BaseHlc, data, site, audience, now, ct);
        return 0;
    }

    internal static async Task<int> LogConflictAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, ChangeRecord change, (string Hlc, string? Site) winner,
        (string Hlc, string? Site, string Data) loser, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO sync_conflicts (kind, entity_id, winner_hlc, winner_site, loser_hlc, loser_site, loser_data, detected_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8) ON CONFLICT (entity_id, loser_hlc) DO NOTHING
            """, c, tx);
        command.Parameters.Add(new NpgsqlParameter { Value = change.Kind });
        command.Parameters.Add(new NpgsqlParameter { Value = change.Id });
        command.Parameters.Add(new NpgsqlParameter { Value = winner.Hlc });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)winner.Site ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = loser.Hlc });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)loser.Site ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = loser.Data });
        command.Parameters.Add(new NpgsqlParameter { Value = now.ToUniversalTime() });
        return await command.ExecuteNonQueryAsync(ct);
    }
}
