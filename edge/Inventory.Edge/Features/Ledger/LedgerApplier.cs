using System.Globalization;
using System.Text.Json;
using Inventory.Domain.Ledger;
using Inventory.Domain.Lots;
using Inventory.Sync;
using Microsoft.Data.Sqlite;

namespace Inventory.Edge.Features.Ledger;

/// <summary>
/// Applies one command inside the writer's open transaction. Throws <see cref="LedgerRefusal"/> to refuse;
/// the writer then rolls back to the command's savepoint, so a refusal leaves nothing behind.
/// </summary>
internal sealed partial class LedgerApplier(
    LedgerStatements sql, string siteCode, JsonSerializerOptions json, LedgerObservers? observers = null,
    HybridLogicalClock? clock = null)
{
    private sealed record ProductInfo(bool Active, string Sku, int? ReorderPoint, int? MaxLevel, ProductLotSettings Lots);

    private sealed record LocationInfo(bool Active, bool AllowNegative, string Site, string Code);

    /// <summary>The rows of one (product, location) as this command has left them so far.</summary>
    private sealed class Stock(ProductInfo product, LocationInfo location, List<LevelSlot> slots)
    {
        public ProductInfo Product { get; } = product;
        public LocationInfo Location { get; } = location;
        public List<LevelSlot> Slots { get; } = slots;
    }

    public LedgerOutcome Apply(LedgerCommand command, DateTimeOffset now, SqliteTransaction? transaction = null)
    {
        if (command.IdempotencyKey is { } key && FindReplay(key, command.RequestHash) is { } replay)
        {
            return replay;
        }

        // After the replay check (a replayed request gets its first answer even once the rule would now refuse it),
        // before the first write: the feature's rule and the write see the same state.
        if (command.Precondition is { } precondition)
        {
            var refusal = precondition.Check(transaction ?? throw new InvalidOperationException("A precondition needs the writer's transaction."), command);
            if (refusal is not null)
            {
                throw new LedgerRefusal(refusal.Kind, refusal.Message);
            }
        }

        var stocks = new Dictionary<(Guid, Guid), Stock>();
        var movements = new List<MovementView>();
        (TransferRecord Record, string? Hlc)? receiving = command.ReceiveTransferId is { } receiveId ? OpenTransfer(receiveId) : null;
        TransferRecord? transfer = null;
        foreach (var original in command.Lines)
        {
            var line = original;
            var remote = command.TransferTo is { } to && line.Type == MovementType.TransferOut ? RemoteDestination(to.LocationId) : null;
            if (remote is not null)
            {
                line = line with { ReferenceType = "transfer", ReferenceId = remote.TransferId.ToString() };
            }

            var stock = Load(stocks, line.ProductId, line.LocationId, line.Mode);
            var picks = ApplyLine(stock, line, line.MovementId, command, now, movements);
            if (remote is not null)
            {
                // The other site records the transfer_in when the stock arrives; here the transfer opens in transit.
                transfer = Ship(remote, line, picks, now);
            }
            else if (command.TransferTo is { } target && line.Type == MovementType.TransferOut)
            {
                var destination = Load(stocks, line.ProductId, target.LocationId, LineMode.Add);
                foreach (var (slot, quantity) in picks)
                {
                    var inbound = line with
                    {
                        Type = MovementType.TransferIn,
                        Mode = LineMode.Add,
                        LocationId = target.LocationId,
                        Quantity = quantity,
                        Bin = target.Bin ?? "",
                        Lot = slot.Lot,
                        Expiry = slot.Expiry,
                    };
                    ApplyLine(destination, inbound, Guid.CreateVersion7(), command, now, movements);
                }
            }
        }

        if (receiving is not null)
        {
            transfer = Close(receiving.Value, movements, now);
        }

        var result = new MovementResult(movements, [.. stocks.Select(kv => LevelOf(kv.Key.Item1, kv.Key.Item2, kv.Value))], transfer);
        ObserveLevels(stocks, now);
        if (command.IdempotencyKey is { } newKey)
        {
            var insert = sql.InsertIdempotency;
            insert.Set("$key", newKey);
            insert.Set("$hash", command.RequestHash);
            insert.Set("$status", StatusCodes.Status201Created);
            insert.Set("$response", JsonSerializer.Serialize(result, json));
            insert.Set("$at", now.ToUnixTimeMilliseconds());
            insert.ExecuteNonQuery();
        }

        return new LedgerOutcome(LedgerOutcomeKind.Committed, result);
    }

    /// <summary>
    /// The observers' hook (reorder alerts): each level this command touched, as the command leaves it. Inside
    /// the transaction, so what an observer writes commits with the movement that caused it, or not at all.
    /// </summary>
    private void ObserveLevels(Dictionary<(Guid, Guid), Stock> stocks, DateTimeOffset now)
    {
        if (observers is null)
        {
            return;
        }

        foreach (var ((productId, locationId), stock) in stocks)
        {
            var available = stock.Slots.Sum(s => s.Quantity - s.Reserved);
            observers.Observe(new ChangedLevel(productId, locationId, stock.Product.Sku, stock.Location.Code, available, stock.Product.ReorderPoint, now));
        }
    }

    private LedgerOutcome? FindReplay(string key, string requestHash)
    {
        var find = sql.FindIdempotency;
        find.Set("$key", key);
        using var reader = find.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        if (reader.GetString(0) != requestHash)
        {
            return new LedgerOutcome(LedgerOutcomeKind.KeyReused,
                Message: "This id or Idempotency-Key was already used for a different request.");
        }

        var result = JsonSerializer.Deserialize<MovementResult>(reader.GetString(2), json);
        return new LedgerOutcome(LedgerOutcomeKind.Replayed, result);
    }

    private Stock Load(Dictionary<(Guid, Guid), Stock> stocks, Guid productId, Guid locationId, LineMode mode)
    {
        if (stocks.TryGetValue((productId, locationId), out var known))
        {
            return known;
        }

        var product = ReadProduct(productId, locationId) ?? throw LedgerRefusal.NotFound($"No product with id {productId}.");
        var location = ReadLocation(locationId) ?? throw LedgerRefusal.NotFound($"No location with id {locationId}.");
        if (!location.Active)
        {
            throw LedgerRefusal.Invalid($"Location {location.Code} is deactivated.");
        }

        if (location.Site != siteCode)
        {
            throw LedgerRefusal.Invalid($"Location {location.Code} belongs to site {location.Site}; only its own site records its stock.");
        }

        if (!product.Active && mode is LineMode.Add)
        {
            throw LedgerRefusal.Invalid($"Product {product.Sku} is deactivated; it cannot be received.");
        }

        var stock = new Stock(product, location, ReadSlots(productId, locationId));
        stocks[(productId, locationId)] = stock;
        return stock;
    }

    private List<(LevelSlot Slot, long Quantity)> ApplyLine(
        Stock stock, LedgerLine line, Guid movementId, LedgerCommand command, DateTimeOffset now, List<MovementView> movements)
    {
        var picks = new List<(LevelSlot, long)>();
        switch (line.Mode)
        {
            case LineMode.Add:
            {
                line = line.Type == MovementType.Receive ? PrepareReceipt(stock, line, command) : line;
                var slot = FindOrCreate(stock, line.Bin ?? "", line.Lot ?? "", line.Expiry);
                Change(stock, slot, line.Quantity, 0, line, movementId, command, now, movements, counted: false);
                picks.Add((slot, line.Quantity));
                if (line.Type == MovementType.Receive)
                {
                    EnsureLotRow(line, now);
                }

                break;
            }

            case LineMode.SetCounted:
            {
                var slot = CountTarget(stock, line);
                var delta = line.Quantity - slot.Quantity;
                // A count is the truth about what is on the shelf; reservations beyond it cannot be honoured.
                var reservedDelta = Math.Min(0, line.Quantity - slot.Reserved);
                Change(stock, slot, delta, reservedDelta, line, movementId, command, now, movements, counted: true);
                break;
            }

            case LineMode.AddCounted:
                ApplyCountVariance(stock, line, movementId, command, now, movements);
                break;

            default:
            {
                var fromReserved = line.Mode == LineMode.Release || line.FromReserved;
                var rules = FollowsFefo(line) ? RulesFor(line.ProductId, now, stock.Product.Lots.SellExpired) : null;
                if (rules is not null && line.Lot is not null && CheckNamedLot(stock, line, rules, fromReserved) is { } overrideReason)
                {
                    line = WithOverrideRecorded(line, overrideReason);
                }

                var candidates = stock.Slots.Where(s =>
                    (line.Bin is null || s.Bin == line.Bin) && (line.Lot is null || s.Lot == line.Lot)).ToList();
                // Without a named lot, held and expired rows are never allocated; a named one was checked above.
                Func<LevelSlot, bool>? excluded = rules is null || line.Lot is not null ? null : s => !rules.IsAllocatable(s);
                var allocation = Allocation.FirstExpiryFirst(candidates, line.Quantity, fromReserved, excluded);
                if (allocation is null)
                {
                    var allocatable = excluded is null ? candidates : [.. candidates.Where(s => !excluded(s))];
                    if (line.Mode == LineMode.Take && !fromReserved && stock.Location.AllowNegative)
                    {
                        allocation = AllocateIntoNegative(stock, allocatable, line);
                    }
                    else
                    {
                        throw LedgerRefusal.Short(Shortage(stock, allocatable, line, fromReserved) + Blocked(candidates, allocatable));
                    }
                }

                foreach (var (slot, quantity) in allocation)
                {
                    var (quantityDelta, reservedDelta) = line.Mode switch
                    {
                        LineMode.Reserve => (0L, quantity),
                        LineMode.Release => (0L, -quantity),
                        _ => (-quantity, fromReserved ? -quantity : 0L),
                    };
                    Change(stock, slot, quantityDelta, reservedDelta, line,
                        picks.Count == 0 ? movementId : Guid.CreateVersion7(), command, now, movements, counted: false);
                    picks.Add((slot, quantity));
                }

                break;
            }
        }

        return picks;
    }

    private static List<(LevelSlot, long)> AllocateIntoNegative(Stock stock, List<LevelSlot> candidates, LedgerLine line)
    {
        var picks = new List<(LevelSlot, long)>();
        var remaining = line.Quantity;
        foreach (var slot in candidates.Where(s => s.Available > 0))
        {
            var take = Math.Min(remaining, slot.Available);
            picks.Add((slot, take));
            remaining -= take;
        }

        if (remaining > 0)
        {
            // The shortfall lands on the named (or the plain) row, merged with what was already taken from it.
            var target = FindOrCreate(stock, line.Bin ?? "", line.Lot ?? "", null);
            var index = picks.FindIndex(p => ReferenceEquals(p.Item1, target));
            if (index >= 0)
            {
                picks[index] = (target, picks[index].Item2 + remaining);
            }
            else
            {
                picks.Add((target, remaining));
            }
        }

        return picks;
    }

    private static string Shortage(Stock stock, List<LevelSlot> candidates, LedgerLine line, bool fromReserved)
    {
        var have = candidates.Sum(s => fromReserved ? s.Reserved : s.Available);
        var where = stock.Location.Code + (line.Bin is null ? "" : $" bin {line.Bin}") + (line.Lot is null ? "" : $" lot {line.Lot}");
        return line.Mode switch
        {
            LineMode.Release => $"Only {have} reserved for {stock.Product.Sku} at {where}.",
            LineMode.Reserve => $"Only {have} of {stock.Product.Sku} free to reserve at {where}.",
            _ when fromReserved => $"Only {have} reserved for {stock.Product.Sku} at {where}.",
            _ => $"Not enough stock: {have} of {stock.Product.Sku} available at {where}, {line.Quantity} asked.",
        };
    }

    private static LevelSlot CountTarget(Stock stock, LedgerLine line)
    {
        if (line.Bin is not null || line.Lot is not null)
        {
            return FindOrCreate(stock, line.Bin ?? "", line.Lot ?? "", line.Expiry);
        }

        var held = stock.Slots.Where(s => s.Quantity != 0 || s.Reserved != 0).ToList();
        return held.Count switch
        {
            0 => FindOrCreate(stock, "", "", null),
            1 => held[0],
            _ => throw LedgerRefusal.Invalid(
                $"{stock.Product.Sku} is held in {held.Count} bins or lots at {stock.Location.Code}; count each bin or lot."),
        };
    }

    private static LevelSlot FindOrCreate(Stock stock, string bin, string lot, DateOnly? expiry)
    {
        var existing = stock.Slots.FirstOrDefault(s => s.Bin == bin && s.Lot == lot);
        if (existing is not null)
        {
            if (expiry is { } e && existing.Expiry is { } known && known != e)
            {
                throw LedgerRefusal.Invalid($"Lot {lot} already has expiry {known:yyyy-MM-dd}, not {e:yyyy-MM-dd}.");
            }

            return existing;
        }

        var fresh = new LevelSlot(bin, lot, expiry, 0, 0);
        stock.Slots.Add(fresh);
        return fresh;
    }

    private void Change(
        Stock stock, LevelSlot slot, long quantityDelta, long reservedDelta, LedgerLine line, Guid movementId,
        LedgerCommand command, DateTimeOffset now, List<MovementView> movements, bool counted)
    {
        var before = new LevelState(slot.Quantity, slot.Reserved);
        // Counts bypass the "not below zero" rule: they state what is there, they do not take anything.
        var change = before.Apply(quantityDelta, reservedDelta, stock.Location.AllowNegative || counted);
        if (!change.Ok)
        {
            throw LedgerRefusal.Short(change.Error switch
            {
                LedgerError.ReservationExceedsOnHand => $"Cannot reserve more than is on hand of {stock.Product.Sku} at {stock.Location.Code}.",
                LedgerError.ReleaseExceedsReserved => $"Cannot release more than is reserved of {stock.Product.Sku} at {stock.Location.Code}.",
                _ => $"Not enough stock of {stock.Product.Sku} at {stock.Location.Code}.",
            });
        }

        var updated = slot with { Quantity = change.State.Quantity, Reserved = change.State.Reserved, Expiry = slot.Expiry ?? line.Expiry };
        stock.Slots[stock.Slots.IndexOf(slot)] = updated;

        var ms = now.ToUnixTimeMilliseconds();
        var upsert = sql.UpsertLevel;
        upsert.Set("$product", SqliteValues.Of(line.ProductId));
        upsert.Set("$location", SqliteValues.Of(line.LocationId));
        upsert.Set("$bin", slot.Bin);
        upsert.Set("$lot", slot.Lot);
        upsert.Set("$expiry", SqliteValues.OrNull(updated.Expiry));
        upsert.Set("$quantity", updated.Quantity);
        upsert.Set("$reserved", updated.Reserved);
        upsert.Set("$counted", counted ? ms : DBNull.Value);
        upsert.Set("$at", ms);
        upsert.ExecuteNonQuery();

        var insert = sql.InsertMovement;
        insert.Set("$id", SqliteValues.Of(movementId));
        insert.Set("$type", line.Type.ToWireName());
        insert.Set("$product", SqliteValues.Of(line.ProductId));
        insert.Set("$location", SqliteValues.Of(line.LocationId));
        insert.Set("$bin", slot.Bin);
        insert.Set("$lot", slot.Lot);
        insert.Set("$expiry", SqliteValues.OrNull(updated.Expiry));
        insert.Set("$quantity", quantityDelta);
        insert.Set("$reserved", reservedDelta);
        insert.Set("$cost", SqliteValues.OrNull(line.UnitCost));
        insert.Set("$reason", SqliteValues.OrNull(line.Reason));
        insert.Set("$note", SqliteValues.OrNull(line.Note));
        insert.Set("$refType", SqliteValues.OrNull(line.ReferenceType));
        insert.Set("$refId", SqliteValues.OrNull(line.ReferenceId));
        insert.Set("$user", SqliteValues.OrNull(command.UserId));
        insert.Set("$device", SqliteValues.OrNull(command.DeviceId));
        insert.Set("$occurred", command.OccurredAt.ToUnixTimeMilliseconds());
        insert.Set("$recorded", ms);
        long seq;
        try
        {
            seq = Convert.ToInt64(insert.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 19 && IsExistingMovement(movementId))
        {
            throw LedgerRefusal.KeyReused($"A movement with id {movementId} is already recorded.");
        }

        movements.Add(new MovementView(
            movementId, seq, line.Type.ToWireName(), line.ProductId, line.LocationId,
            NullIfEmpty(slot.Bin), NullIfEmpty(slot.Lot), updated.Expiry, quantityDelta, reservedDelta, line.UnitCost,
            line.Reason, line.Note, line.ReferenceType, line.ReferenceId, command.UserId, command.DeviceId,
            DateTimeOffset.FromUnixTimeMilliseconds(command.OccurredAt.ToUnixTimeMilliseconds()),
            DateTimeOffset.FromUnixTimeMilliseconds(ms)));
    }

    private bool IsExistingMovement(Guid id)
    {
        sql.MovementExists.Set("$id", SqliteValues.Of(id));
        return sql.MovementExists.ExecuteScalar() is not null;
    }

    private static LevelView LevelOf(Guid productId, Guid locationId, Stock stock)
    {
        var quantity = stock.Slots.Sum(s => s.Quantity);
        var reserved = stock.Slots.Sum(s => s.Reserved);
        var status = StockStatuses.Of(quantity, quantity - reserved, stock.Product.ReorderPoint, stock.Product.MaxLevel);
        return new LevelView(productId, locationId, quantity, reserved, quantity - reserved, status.ToWireName());
    }

    private ProductInfo? ReadProduct(Guid productId, Guid locationId)
    {
        var find = sql.FindProduct;
        find.Set("$product", SqliteValues.Of(productId));
        find.Set("$location", SqliteValues.Of(locationId));
        using var reader = find.ExecuteReader();
        return reader.Read()
            ? new ProductInfo(reader.GetBoolean(0), reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetInt32(3),
                new ProductLotSettings(reader.GetBoolean(4), reader.IsDBNull(5) ? null : reader.GetInt32(5), reader.GetInt32(6), reader.GetBoolean(7)))
            : null;
    }

    private LocationInfo? ReadLocation(Guid locationId)
    {
        var find = sql.FindLocation;
        find.Set("$location", SqliteValues.Of(locationId));
        using var reader = find.ExecuteReader();
        return reader.Read()
            ? new LocationInfo(reader.GetBoolean(0), reader.GetBoolean(1), reader.GetString(2), reader.GetString(3))
            : null;
    }

    private List<LevelSlot> ReadSlots(Guid productId, Guid locationId)
    {
        var find = sql.FindSlots;
        find.Set("$product", SqliteValues.Of(productId));
        find.Set("$location", SqliteValues.Of(locationId));
        using var reader = find.ExecuteReader();
        var slots = new List<LevelSlot>();
        while (reader.Read())
        {
            slots.Add(new LevelSlot(
                reader.GetString(0), reader.GetString(1),
                InventoryQueries.ReadDate(reader, 2),
                reader.GetInt64(3), reader.GetInt64(4)));
        }

        return slots;
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}

/// <summary>A command the ledger will not take; the writer turns it into the outcome and rolls the command back.</summary>
internal sealed class LedgerRefusal(LedgerOutcomeKind kind, string message) : Exception(message)
{
    public LedgerOutcomeKind Kind { get; } = kind;

    public static LedgerRefusal Short(string message) => new(LedgerOutcomeKind.Refused, message);

    public static LedgerRefusal NotFound(string message) => new(LedgerOutcomeKind.NotFound, message);

    public static LedgerRefusal Invalid(string message) => new(LedgerOutcomeKind.Invalid, message);

    public static LedgerRefusal KeyReused(string message) => new(LedgerOutcomeKind.KeyReused, message);

    public static LedgerRefusal Conflict(string message) => new(LedgerOutcomeKind.Conflict, message);
}
