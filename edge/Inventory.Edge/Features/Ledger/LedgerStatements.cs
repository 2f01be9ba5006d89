using Microsoft.Data.Sqlite;

namespace Inventory.Edge.Features.Ledger;

/// <summary>
/// The writer's prepared statements on its one connection. Plain SQL, not EF: this is the hot path, and
/// a prepared insert costs microseconds where a tracked SaveChanges costs tens of them.
/// </summary>
internal sealed class LedgerStatements : IDisposable
{
    public LedgerStatements(SqliteConnection connection)
    {
        FindIdempotency = Prepare(connection,
            "SELECT request_hash, status_code, response FROM idempotency_keys WHERE key = $key", "$key");
        InsertIdempotency = Prepare(connection,
            "INSERT INTO idempotency_keys (key, request_hash, status_code, response, created_at) VALUES ($key, $hash, $status, $response, $at)",
            "$key", "$hash", "$status", "$response", "$at");
        FindProduct = Prepare(connection, """
            SELECT p.is_active, p.sku, coalesce(s.reorder_point, p.reorder_point), coalesce(s.max_level, p.max_level),
                   p.lot_tracked, p.shelf_life_days, p.expiry_alert_days, p.sell_expired
            FROM products p LEFT JOIN location_product_settings s ON s.product_id = p.id AND s.location_id = $location
            WHERE p.id = $product
            """, "$product", "$location");
        FindLocation = Prepare(connection,
            "SELECT is_active, allow_negative, site_code, code FROM locations WHERE id = $location", "$location");
        FindSlots = Prepare(connection, """
            SELECT bin, lot, expiry, quantity, reserved FROM stock_levels
            WHERE product_id = $product AND location_id = $location
            """, "$product", "$location");
        UpsertLevel = Prepare(connection, """
            INSERT INTO stock_levels (product_id, location_id, bin, lot, expiry, quantity, reserved, version, last_counted_at, updated_at)
            VALUES ($product, $location, $bin, $lot, $expiry, $quantity, $reserved, 1, $counted, $at)
            ON CONFLICT (product_id, location_id, bin, lot) DO UPDATE SET
                quantity = excluded.quantity,
                reserved = excluded.reserved,
                expiry = coalesce(stock_levels.expiry, excluded.expiry),
                version = stock_levels.version + 1,
                last_counted_at = coalesce(excluded.last_counted_at, stock_levels.last_counted_at),
                updated_at = excluded.updated_at
            """, "$product", "$location", "$bin", "$lot", "$expiry", "$quantity", "$reserved", "$counted", "$at");
        InsertMovement = Prepare(connection, """
            INSERT INTO stock_movements (id, type, product_id, location_id, bin, lot, expiry, quantity, reserved_delta,
                unit_cost, reason, note, reference_type, reference_id, user_id, device_id, occurred_at, recorded_at)
            VALUES ($id, $type, $product, $location, $bin, $lot, $expiry, $quantity, $reserved, $cost, $reason, $note,
                $refType, $refId, $user, $device, $occurred, $recorded)
            RETURNING seq
            """, "$id", "$type", "$product", "$location", "$bin", "$lot", "$expiry", "$quantity", "$reserved", "$cost",
            "$reason", "$note", "$refType", "$refId", "$user", "$device", "$occurred", "$recorded");
        MovementExists = Prepare(connection, "SELECT 1 FROM stock_movements WHERE id = $id", "$id");
        // FEFO: the held lots of a product, asked on every ship, reserve and transfer (the partial index ix_lots_held).
        FindHeldLots = Prepare(connection,
            "SELECT code FROM lots WHERE product_id = $product AND status = 'hold'", "$product");
        // Receipts: a lot met for the first time gets its master-data row (and outbox row) in the writer's transaction.
        FindLot = Prepare(connection,
            "SELECT expiry FROM lots WHERE product_id = $product AND code = $code", "$product", "$code");
        InsertLot = Prepare(connection, """
            INSERT INTO lots (id, product_id, code, expiry, supplier_id, purchase_order_id, status, updated_at, hlc)
            VALUES ($id, $product, $code, $expiry, $supplier, $po, 'available', $at, $hlc)
            """, "$id", "$product", "$code", "$expiry", "$supplier", "$po", "$at", "$hlc");
        FindOrderSupplier = Prepare(connection, "SELECT supplier_id FROM purchase_orders WHERE id = $id", "$id");
        // Transfers between sites and their outbox rows: prepared with the rest, used only by those commands.
        FindTransfer = Prepare(connection, """
            SELECT product_id, from_location_id, to_location_id, from_site, to_site, quantity_shipped, status, ship_movement_id,
                   lot, shipped_at, hlc
            FROM transfers WHERE id = $id
            """, "$id");
        InsertTransfer = Prepare(connection, """
            INSERT INTO transfers (id, product_id, from_location_id, to_location_id, from_site, to_site, quantity_shipped, status,
                ship_movement_id, lot, shipped_at, hlc)
            VALUES ($id, $product, $from, $to, $fromSite, $toSite, $quantity, 'in_transit', $movement, $lot, $at, $hlc)
            """, "$id", "$product", "$from", "$to", "$fromSite", "$toSite", "$quantity", "$movement", "$lot", "$at", "$hlc");
        ReceiveTransfer = Prepare(connection, """
            UPDATE transfers SET status = 'received', quantity_received = $quantity, receive_movement_id = $movement,
                received_at = $at, hlc = $hlc
            WHERE id = $id AND status = 'in_transit'
            """, "$id", "$quantity", "$movement", "$at", "$hlc");
        InsertOutbox = Prepare(connection,
            "INSERT INTO sync_outbox (kind, entity_id, hlc, base_hlc, data, recorded_at) VALUES ($kind, $entity, $hlc, $base, $data, $at)",
            "$kind", "$entity", "$hlc", "$base", "$data", "$at");
    }

    public SqliteCommand FindIdempotency { get; }
    public SqliteCommand InsertIdempotency { get; }
    public SqliteCommand FindProduct { get; }
    public SqliteCommand FindLocation { get; }
    public SqliteCommand FindSlots { get; }
    public SqliteCommand UpsertLevel { get; }
    public SqliteCommand InsertMovement { get; }
    public SqliteCommand MovementExists { get; }
    public SqliteCommand FindHeldLots { get; }
    public SqliteCommand FindLot { get; }
    public SqliteCommand InsertLot { get; }
    public SqliteCommand FindOrderSupplier { get; }
    public SqliteCommand FindTransfer { get; }
    public SqliteCommand InsertTransfer { get; }
    public SqliteCommand ReceiveTransfer { get; }
    public SqliteCommand InsertOutbox { get; }

    private IEnumerable<SqliteCommand> All =>
    [
        FindIdempotency, InsertIdempotency, FindProduct, FindLocation, FindSlots, UpsertLevel, InsertMovement, MovementExists,
        FindHeldLots, FindLot, InsertLot, FindOrderSupplier, FindTransfer, InsertTransfer, ReceiveTransfer, InsertOutbox,
    ];

    public void Enlist(SqliteTransaction? transaction)
    {
        foreach (var command in All)
        {
            command.Transaction = transaction;
        }
    }

    public void Dispose()
    {
        foreach (var command in All)
        {
            command.Dispose();
        }
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
        }

        command.Prepare();
        return command;
    }
}

internal static class SqliteValues
{
    public static string Of(Guid id) => id.ToString("D");

    public static object OrNull(string? value) => value is null ? DBNull.Value : value;

    public static object OrNull(Guid? value) => value is { } g ? Of(g) : DBNull.Value;

    public static object OrNull(DateOnly? value) => value is { } d ? d.ToString("yyyy-MM-dd") : DBNull.Value;

    public static object OrNull(decimal? value) => value is { } d ? d.ToString(System.Globalization.CultureInfo.InvariantCulture) : DBNull.Value;

    public static void Set(this SqliteCommand command, string name, object value) => command.Parameters[name].Value = value;
}
