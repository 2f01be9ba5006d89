using System.Globalization;
using System.Text.Json;
using Inventory.Domain.Accounts;
using Inventory.Domain.Lots;
using Inventory.Edge.Features.Auth;
using Inventory.Edge.Infrastructure.Data;
using Inventory.Web.Auth;
using Inventory.Sync;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Inventory.Edge.Features.Sync;

public sealed record ApplyResult(int Applied, int Ignored, int Failed);

/// <summary>
/// Applies changes pulled from the cloud, a page per transaction together with the new pull cursor, so a crash
/// re-pulls the page rather than skipping or half-applying it. Master data follows "the later HLC stamp wins";
/// transfers only move forward; other sites' stock is a summary. Plain SQL, so nothing here passes the outbox
/// interceptor: what came from the cloud is not sent back to it. Each change has its own savepoint: one change
/// the box cannot take is logged and skipped instead of blocking the feed for ever.
/// </summary>
public sealed partial class ChangeApplier(
    EdgeDatabase database, HybridLogicalClock clock, UserSessions sessions, IOptions<EdgeOptions> options,
    TimeProvider time, ILogger<ChangeApplier> logger)
{
    private readonly string _site = options.Value.Site.Code;

    /// <summary>Applies a page and moves the pull cursor to <see cref="ChangePage.Next"/>, in one transaction.</summary>
    public Task<ApplyResult> ApplyPageAsync(ChangePage page, CancellationToken cancellationToken) =>
        ApplyCoreAsync(page.Changes, page.Next, cancellationToken);

    /// <summary>Applies changes without touching the pull cursor.</summary>
    public Task<ApplyResult> ApplyAsync(IReadOnlyList<ChangeRecord> changes, CancellationToken cancellationToken) =>
        ApplyCoreAsync(changes, null, cancellationToken);

    private async Task<ApplyResult> ApplyCoreAsync(IReadOnlyList<ChangeRecord> changes, long? cursor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var touchedUsers = new List<Guid>();
        int applied = 0, ignored = 0, failed = 0;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            // IMMEDIATE: take the write lock up front rather than fail half-way on an upgrade from read to write.
            await using var transaction = connection.BeginTransaction(deferred: false);
            foreach (var change in changes)
            {
                clock.Observe(change.Hlc);
                transaction.Save("change");
                try
                {
                    if (Apply(transaction, change, touchedUsers, now))
                    {
                        applied++;
                    }
                    else
                    {
                        ignored++;
                    }

                    transaction.Release("change");
                }
                catch (Exception ex) when (ex is JsonException or FormatException or SqliteException { SqliteErrorCode: 19 })
                {
                    transaction.Rollback("change");
                    transaction.Release("change");
                    failed++;
                    LogChangeFailed(logger, ex, change.Kind, change.Id, change.Seq);
                }
            }

            if (cursor is { } next)
            {
                transaction.Execute("""
                    UPDATE sync_state SET pull_cursor = $next, last_pull_at = $now,
                        last_error = CASE WHEN last_error LIKE 'pull:%' THEN NULL ELSE last_error END
                    WHERE id = 1
                    """, ("$next", next), ("$now", now.ToUnixTimeMilliseconds()));
            }

            await transaction.CommitAsync(cancellationToken);
        }

        // After the commit: a cache refilled before it could have read the old row again.
        foreach (var id in touchedUsers)
        {
            sessions.Forget(id);
        }

        return new ApplyResult(applied, ignored, failed);
    }

    private bool Apply(SqliteTransaction tx, ChangeRecord change, List<Guid> touchedUsers, DateTimeOffset now) => change.Kind switch
    {
        ChangeKinds.Product => ApplyProduct(tx, change, SyncJson.Read<ProductRecord>(change.Data), now),
        ChangeKinds.Category => ApplyCategory(tx, change, SyncJson.Read<CategoryRecord>(change.Data), now),
        ChangeKinds.Location => ApplyLocation(tx, change, SyncJson.Read<LocationRecord>(change.Data), now),
        ChangeKinds.Bin => ApplyBin(tx, change, SyncJson.Read<BinRecord>(change.Data), now),
        ChangeKinds.User => ApplyUser(tx, change, SyncJson.Read<UserRecord>(change.Data), touchedUsers, now),
        ChangeKinds.LevelSummary => ApplyLevel(tx, SyncJson.Read<LevelSummaryRecord>(change.Data)),
        ChangeKinds.Transfer => ApplyTransfer(tx, change, SyncJson.Read<TransferRecord>(change.Data)),
        ChangeKinds.Supplier => ApplySupplier(tx, change, SyncJson.Read<SupplierRecord>(change.Data), now),
        ChangeKinds.SupplierProduct => ApplySupplierProduct(tx, change, SyncJson.Read<SupplierProductRecord>(change.Data), now),
        ChangeKinds.PurchaseOrder => ApplyPurchaseOrder(tx, change, SyncJson.Read<PurchaseOrderRecord>(change.Data)),
        ChangeKinds.Lot => ApplyLot(tx, change, SyncJson.Read<LotRecord>(change.Data)),
        // A kind a newer cloud sends that this build does not know: skipped, the feed goes on.
        _ => false,
    };

    /// <summary>True when the row is absent or older than the change; a stale or repeated change is ignored.</summary>
    private static bool IsNewer(SqliteTransaction tx, string table, Guid id, string hlc)
    {
        var local = tx.Scalar($"SELECT hlc FROM {table} WHERE id = $id", ("$id", Key(id)));
        return local is null || HybridLogicalClock.IsLater(hlc, local as string);
    }

    private bool ApplyProduct(SqliteTransaction tx, ChangeRecord change, ProductRecord r, DateTimeOffset now)
    {
        if (!IsNewer(tx, "products", r.Id, change.Hlc))
        {
            return false;
        }

        // The catalog's rules hold here too: a product no API of this box would take stays out of the catalog
        // (the box keeps the version it had) and waits in the conflict log for a manager.
        if (ProductRecordRules.Check(r) is { Count: > 0 } errors)
        {
            Refuse(tx, change, "products", ProductRecordRules.Describe(errors), now);
            LogProductRefused(logger, r.Id, r.Sku, change.Seq);
            return false;
        }

        // A record from a release before lot settings carries none: the product keeps the ones it has.
        var lots = r.Lots ?? ProductLotSettings.Default;

        // The cloud's catalog wins a clash with a product born here under the same SKU or barcode.
        if (tx.Scalar("SELECT id FROM products WHERE sku = $sku AND id <> $id", ("$sku", r.Sku), ("$id", Key(r.Id))) is string other)
        {
            var renamed = Unique(tx, "products", "sku", $"{r.Sku}~{_site}");
            tx.Execute("UPDATE products SET sku = $sku, version = version + 1, updated_at = $now WHERE id = $id",
                ("$sku", renamed), ("$now", now.ToUnixTimeMilliseconds()), ("$id", other));
            LogRenamed(logger, "product", r.Sku, renamed);
        }

        foreach (var code in r.Barcodes.Select(b => b.Code))
        {
            if (tx.Execute("DELETE FROM product_barcodes WHERE code = $code AND product_id <> $id", ("$code", code), ("$id", Key(r.Id))) > 0)
            {
                LogBarcodeMoved(logger, code, r.Sku);
            }
        }

        tx.Execute("""
            INSERT INTO products (id, sku, name, description, category_id, parent_id, attributes, cost_price, selling_price,
                reorder_point, reorder_quantity, max_level, unit, weight, image_url, is_active, version, created_at, updated_at, hlc,
                lot_tracked, shelf_life_days, expiry_alert_days, sell_expired)
            VALUES ($id, $sku, $name, $description, $category, $parent, $attributes, $cost, $price, $reorderPoint, $reorderQuantity,
                $maxLevel, $unit, $weight, $image, $active, 1, $created, $updated, $hlc, $lotTracked, $shelfLife, $alertDays, $sellExpired)
            ON CONFLICT (id) DO UPDATE SET sku = excluded.sku, name = excluded.name, description = excluded.description,
                category_id = excluded.category_id, parent_id = excluded.parent_id, attributes = excluded.attributes,
                cost_price = excluded.cost_price, selling_price = excluded.selling_price, reorder_point = excluded.reorder_point,
                reorder_quantity = excluded.reorder_quantity, max_level = excluded.max_level, unit = excluded.unit,
                weight = excluded.weight, image_url = excluded.image_url, is_active = excluded.is_active,
                version = products.version + 1, updated_at = excluded.updated_at, hlc = excluded.hlc,
                lot_tracked = iif($keepLots, products.lot_tracked, excluded.lot_tracked),
                shelf_life_days = iif($keepLots, products.shelf_life_days, excluded.shelf_life_days),
                expiry_alert_days = iif($keepLots, products.expiry_alert_days, excluded.expiry_alert_days),
                sell_expired = iif($keepLots, products.sell_expired, excluded.sell_expired)
            """,
            ("$id", Key(r.Id)), ("$sku", r.Sku), ("$name", r.Name), ("$description", r.Description),
            ("$category", ExistingOrNull(tx, "categories", r.CategoryId)),
            ("$parent", r.ParentId == r.Id ? null : ExistingOrNull(tx, "products", r.ParentId)),
            ("$attributes", r.Attributes), ("$cost", Number(r.CostPrice)), ("$price", Number(r.SellingPrice)),
            ("$reorderPoint", r.ReorderPoint), ("$reorderQuantity", r.ReorderQuantity), ("$maxLevel", r.MaxLevel), ("$unit", r.Unit),
            ("$weight", Number(r.Weight)), ("$image", r.ImageUrl), ("$active", r.IsActive),
            ("$created", r.CreatedAt.ToUnixTimeMilliseconds()), ("$updated", r.UpdatedAt.ToUnixTimeMilliseconds()), ("$hlc", change.Hlc),
            ("$lotTracked", lots.LotTracked), ("$shelfLife", lots.ShelfLifeDays), ("$alertDays", lots.ExpiryAlertDays),
            ("$sellExpired", lots.SellExpired), ("$keepLots", r.Lots is null));

        // Barcodes are a set that travels with the product: replaced whole.
        tx.Execute("DELETE FROM product_barcodes WHERE product_id = $id", ("$id", Key(r.Id)));
        foreach (var b in r.Barcodes.DistinctBy(b => b.Code, StringComparer.Ordinal))
        {
            tx.Execute("INSERT INTO product_barcodes (code, product_id, kind, pack_quantity) VALUES ($code, $id, $kind, $pack)",
                ("$code", b.Code), ("$id", Key(r.Id)), ("$kind", b.Kind), ("$pack", Math.Max(1, b.PackQuantity)));
        }

        return true;
    }

    private bool ApplyCategory(SqliteTransaction tx, ChangeRecord change, CategoryRecord r, DateTimeOffset now)
    {
        if (!IsNewer(tx, "categories", r.Id, change.Hlc))
        {
            return false;
        }

        if (tx.Scalar("SELECT id FROM categories WHERE name = $name AND id <> $id", ("$name", r.Name), ("$id", Key(r.Id))) is string other)
        {
            var renamed = Unique(tx, "categories", "name", $"{r.Name}~{_site}");
            tx.Execute("UPDATE categories SET name = $name WHERE id = $id", ("$name", renamed), ("$id", other));
            LogRenamed(logger, "category", r.Name, renamed);
        }

        tx.Execute("""
            INSERT INTO categories (id, name, parent_id, created_at, hlc) VALUES ($id, $name, $parent, $now, $hlc)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, parent_id = excluded.parent_id, hlc = excluded.hlc
            """,
            ("$id", Key(r.Id)), ("$name", r.Name), ("$parent", r.ParentId == r.Id ? null : ExistingOrNull(tx, "categories", r.ParentId)),
            ("$now", now.ToUnixTimeMilliseconds()), ("$hlc", change.Hlc));
        return true;
    }

    private bool ApplyLocation(SqliteTransaction tx, ChangeRecord change, LocationRecord r, DateTimeOffset now)
    {
        if (!IsNewer(tx, "locations", r.Id, change.Hlc))
        {
            return false;
        }

        if (tx.Scalar("SELECT id FROM locations WHERE site_code = $site AND code = $code AND id <> $id",
                ("$site", r.SiteCode), ("$code", r.Code), ("$id", Key(r.Id))) is string other)
        {
            var renamed = Unique(tx, "locations", "code", $"{r.Code}~");
            tx.Execute("UPDATE locations SET code = $code, version = version + 1 WHERE id = $id", ("$code", renamed), ("$id", other));
            LogRenamed(logger, "location", r.Code, renamed);
        }

        var ms = now.ToUnixTimeMilliseconds();
        tx.Execute("""
            INSERT INTO locations (id, code, name, type, address, is_active, capacity, allow_negative, site_code, version, created_at, updated_at, hlc)
            VALUES ($id, $code, $name, $type, $address, $active, $capacity, $negative, $site, 1, $now, $now, $hlc)
            ON CONFLICT (id) DO UPDATE SET code = excluded.code, name = excluded.name, type = excluded.type, address = excluded.address,
                is_active = excluded.is_active, capacity = excluded.capacity, allow_negative = excluded.allow_negative,
                site_code = excluded.site_code, version = locations.version + 1, updated_at = excluded.updated_at, hlc = excluded.hlc
            """,
            ("$id", Key(r.Id)), ("$code", r.Code), ("$name", r.Name), ("$type", r.Type), ("$address", r.Address), ("$active", r.IsActive),
            ("$capacity", r.Capacity), ("$negative", r.AllowNegative), ("$site", r.SiteCode), ("$now", ms), ("$hlc", change.Hlc));
        return true;
    }

    private bool ApplyBin(SqliteTransaction tx, ChangeRecord change, BinRecord r, DateTimeOffset now)
    {
        if (!IsNewer(tx, "bins", r.Id, change.Hlc))
        {
            return false;
        }

        if (!tx.Exists("SELECT 1 FROM locations WHERE id = $id", ("$id", Key(r.LocationId)))
            || tx.Exists("SELECT 1 FROM bins WHERE location_id = $location AND code = $code AND id <> $id",
                ("$location", Key(r.LocationId)), ("$code", r.Code), ("$id", Key(r.Id))))
        {
            LogBinSkipped(logger, r.Id, r.Code);
            return false;
        }

        tx.Execute("""
            INSERT INTO bins (id, location_id, code, description, is_active, created_at, hlc)
            VALUES ($id, $location, $code, $description, $active, $now, $hlc)
            ON CONFLICT (id) DO UPDATE SET location_id = excluded.location_id, code = excluded.code,
                description = excluded.description, is_active = excluded.is_active, hlc = excluded.hlc
            """,
            ("$id", Key(r.Id)), ("$location", Key(r.LocationId)), ("$code", r.Code), ("$description", r.Description),
            ("$active", r.IsActive), ("$now", now.ToUnixTimeMilliseconds()), ("$hlc", change.Hlc));
        return true;
    }

    private bool ApplyUser(SqliteTransaction tx, ChangeRecord change, UserRecord r, List<Guid> touchedUsers, DateTimeOffset now)
    {
        if (!Roles.TryParse(r.Role, out _))
        {
            throw new FormatException($"Unknown role '{r.Role}'.");
        }

        if (!IsNewer(tx, "users", r.Id, change.Hlc))
        {
            return false;
        }

        var ms = now.ToUnixTimeMilliseconds();
        // Users are the cloud's. A local account under the same name (each box's own bootstrap "admin", say)
        // steps aside, renamed and disabled, so the name signs in as the cloud's user everywhere.
        if (tx.Scalar("SELECT id FROM users WHERE username = $name AND id <> $id", ("$name", r.Username), ("$id", Key(r.Id))) is string other)
        {
            var renamed = Unique(tx, "users", "username", $"{r.Username}~{_site}");
            tx.Execute("""
                UPDATE users SET username = $name, is_active = 0, security_stamp = $stamp, updated_at = $now WHERE id = $id
                """, ("$name", renamed), ("$stamp", PasswordHasher.NewSecurityStamp()), ("$now", ms), ("$id", other));
            touchedUsers.Add(Guid.Parse(other));
            LogUserDisplaced(logger, r.Username, renamed);
        }

        tx.Execute("""
            INSERT INTO users (id, username, password_hash, role, is_active, failed_logins, security_stamp, created_at, updated_at, hlc)
            VALUES ($id, $name, $hash, $role, $active, 0, $stamp, $now, $now, $hlc)
            ON CONFLICT (id) DO UPDATE SET username = excluded.username, password_hash = excluded.password_hash, role = excluded.role,
                is_active = excluded.is_active, security_stamp = excluded.security_stamp, updated_at = excluded.updated_at, hlc = excluded.hlc
            """,
            ("$id", Key(r.Id)), ("$name", r.Username), ("$hash", r.PasswordHash), ("$role", r.Role), ("$active", r.IsActive),
            ("$stamp", r.SecurityStamp), ("$now", ms), ("$hlc", change.Hlc));
        touchedUsers.Add(r.Id);
        return true;
    }

    private bool ApplyLevel(SqliteTransaction tx, LevelSummaryRecord r)
    {
        // This site's own stock is the ledger's, never a summary's.
        if (r.SiteCode == _site)
        {
            return false;
        }

        return tx.Execute("""
            INSERT INTO remote_levels (product_id, location_id, site_code, quantity, reserved, as_of)
            VALUES ($product, $location, $site, $quantity, $reserved, $asOf)
            ON CONFLICT (product_id, location_id) DO UPDATE SET site_code = excluded.site_code, quantity = excluded.quantity,
                reserved = excluded.reserved, as_of = excluded.as_of
            WHERE excluded.as_of >= remote_levels.as_of
            """,
            ("$product", Key(r.ProductId)), ("$location", Key(r.LocationId)), ("$site", r.SiteCode), ("$quantity", r.Quantity),
            ("$reserved", r.Reserved), ("$asOf", r.AsOf.ToUnixTimeMilliseconds())) > 0;
    }

    private bool ApplyTransfer(SqliteTransaction tx, ChangeRecord change, TransferRecord r)
    {
        if (r.FromSite != _site && r.ToSite != _site)
        {
            return false;
        }

        var local = tx.Scalar("SELECT status FROM transfers WHERE id = $id", ("$id", Key(r.Id))) as string;
        // State only moves forward: a received copy replaces one in transit, never the reverse.
        if (local is not null && !(local == TransferStatuses.InTransit && r.Status == TransferStatuses.Received))
        {
            return false;
        }

        tx.Execute("""
            INSERT INTO transfers (id, product_id, from_location_id, to_location_id, from_site, to_site, quantity_shipped,
                quantity_received, status, ship_movement_id, receive_movement_id, lot, shipped_at, received_at, hlc)
            VALUES ($id, $product, $from, $to, $fromSite, $toSite, $shipped, $received, $status, $ship, $receive, $lot, $shippedAt, $receivedAt, $hlc)
            ON CONFLICT (id) DO UPDATE SET quantity_received = excluded.quantity_received, status = excluded.status,
                receive_movement_id = excluded.receive_movement_id, received_at = excluded.received_at, hlc = excluded.hlc
            """,
            ("$id", Key(r.Id)), ("$product", Key(r.ProductId)), ("$from", Key(r.FromLocationId)), ("$to", Key(r.ToLocationId)),
            ("$fromSite", r.FromSite), ("$toSite", r.ToSite), ("$shipped", r.QuantityShipped), ("$received", r.QuantityReceived),
            ("$status", r.Status), ("$ship", Key(r.ShipMovementId)), ("$receive", r.ReceiveMovementId is { } m ? Key(m) : null),
            ("$lot", r.Lot), ("$shippedAt", r.ShippedAt.ToUnixTimeMilliseconds()), ("$receivedAt", r.ReceivedAt?.ToUnixTimeMilliseconds()),
            ("$hlc", change.Hlc));
        return true;
    }

    /// <summary>Logs a change the box will not store, once per version, beside the stamp of the version it kept.</summary>
    private static void Refuse(SqliteTransaction tx, ChangeRecord change, string table, string reason, DateTimeOffset now) =>
        tx.Execute($"""
            INSERT INTO sync_conflicts (kind, entity_id, hlc, kept_hlc, reason, data, detected_at)
            VALUES ($kind, $id, $hlc, (SELECT hlc FROM {table} WHERE id = $id), $reason, $data, $now)
            ON CONFLICT (entity_id, hlc) DO NOTHING
            """,
            ("$kind", change.Kind), ("$id", Key(change.Id)), ("$hlc", change.Hlc), ("$reason", reason),
            ("$data", change.Data.GetRawText()), ("$now", now.ToUnixTimeMilliseconds()));

    /// <summary>A reference the box does not hold (yet) is dropped rather than break the foreign key; the next edit brings it.</summary>
    private static string? ExistingOrNull(SqliteTransaction tx, string table, Guid? id) =>
        id is { } value && tx.Exists($"SELECT 1 FROM {table} WHERE id = $id", ("$id", Key(value))) ? Key(value) : null;

    private static string Unique(SqliteTransaction tx, string table, string column, string wanted)
    {
        var candidate = wanted;
        for (var n = 2; tx.Exists($"SELECT 1 FROM {table} WHERE {column} = $value", ("$value", candidate)); n++)
        {
            candidate = wanted + n.ToString(CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    private static string Key(Guid id) => id.ToString("D");

    private static string? Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A pulled {Kind} change {Id} (feed seq {Seq}) could not be applied and was skipped")]
    private static partial void LogChangeFailed(ILogger logger, Exception exception, string kind, Guid id, long seq);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "A pulled product {Id} ({Sku}, feed seq {Seq}) breaks the catalog's rules; kept out of the catalog and logged as a sync conflict")]
    private static partial void LogProductRefused(ILogger logger, Guid id, string sku, long seq);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The cloud's {What} '{Name}' took the name of a local one, renamed '{Renamed}'")]
    private static partial void LogRenamed(ILogger logger, string what, string name, string renamed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Barcode {Code} moved to the cloud's product {Sku}")]
    private static partial void LogBarcodeMoved(ILogger logger, string code, string sku);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A pulled bin {Id} ({Code}) names an unknown location or a code taken there; skipped")]
    private static partial void LogBinSkipped(ILogger logger, Guid id, string code);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The cloud's user '{Username}' replaces the local account of that name, which is renamed '{Renamed}' and disabled")]
    private static partial void LogUserDisplaced(ILogger logger, string username, string renamed);
}
