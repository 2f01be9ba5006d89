using System.Globalization;
using Inventory.Domain.Ledger;
using Inventory.Domain.Lots;

namespace Inventory.Edge.Features.Ledger;

/// <summary>
/// First expiry, first out, in the single writer: every ship, reserve and transfer out (the scan page's and MQTT
/// scanners' picks included) passes here, so no path can take a held, expired or later lot. Holds are read from the
/// `lots` table in the writer's own transaction, so a hold committed before the command is always seen.
/// </summary>
internal sealed partial class LedgerApplier
{
    /// <summary>Adjusts (scrap, reason expired or recalled), counts and releases may touch any lot; sales and moves may not.</summary>
    private static bool FollowsFefo(LedgerLine line) =>
        line.Mode is LineMode.Take or LineMode.Reserve
        && line.Type is MovementType.Ship or MovementType.TransferOut or MovementType.Reserve;

    private LotRules RulesFor(Guid productId, DateTimeOffset now, bool sellExpired)
    {
        var find = sql.FindHeldLots;
        find.Set("$product", SqliteValues.Of(productId));
        var held = new HashSet<string>(StringComparer.Ordinal);
        using (var reader = find.ExecuteReader())
        {
            while (reader.Read())
            {
                held.Add(reader.GetString(0));
            }
        }

        return new LotRules(held, DateOnly.FromDateTime(now.UtcDateTime), sellExpired);
    }

    /// <summary>
    /// Refuses a named lot that is held, expired, or not the first to expire here; returns the manager's override reason
    /// when (and only when) the override was what let a later lot go, so only real exceptions are recorded.
    /// </summary>
    private static string? CheckNamedLot(Stock stock, LedgerLine line, LotRules rules, bool fromReserved)
    {
        var lot = line.Lot!;
        var expiry = stock.Slots.FirstOrDefault(s => s.Lot == lot && s.Expiry is not null)?.Expiry;
        if (rules.Refusal(lot, expiry) is { } refusal)
        {
            // A manager may still move a held or expired lot to another location (a quarantine), never sell it.
            if (line.Type == MovementType.TransferOut && line.MayMoveUnsellableLots)
            {
                return null;
            }

            throw LedgerRefusal.Conflict(refusal);
        }

        // Shipping what was reserved takes what the reservation chose; the order was checked when it was reserved.
        if (fromReserved || rules.EarlierThan(stock.Slots, lot, expiry) is not { } first)
        {
            return null;
        }

        return line.FefoOverride ?? throw LedgerRefusal.Conflict(LotRules.TakeFirst(lot, first, stock.Location.Code));
    }

    /// <summary>The override goes on the movement: reason fefo_override, the manager's words in the note (before any note of the request).</summary>
    private static LedgerLine WithOverrideRecorded(LedgerLine line, string reason) => line with
    {
        Reason = LotRules.OverrideReason,
        Note = line.Note is null ? reason : reason + " | " + line.Note,
    };

    /// <summary>Says how much stock a shortage left out because its lot is held or expired, so the clerk knows why.</summary>
    private static string Blocked(List<LevelSlot> candidates, List<LevelSlot> allocatable)
    {
        var blocked = candidates.Sum(s => Math.Max(0, s.Available)) - allocatable.Sum(s => Math.Max(0, s.Available));
        return blocked > 0 ? string.Create(CultureInfo.InvariantCulture, $" {blocked} more are in held or expired lots.") : "";
    }
}
