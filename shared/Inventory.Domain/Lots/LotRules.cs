using System.Globalization;
using Inventory.Domain.Ledger;

namespace Inventory.Domain.Lots;

/// <summary>
/// First expiry, first out, as every outbound path applies it (ship, reserve, transfer, scan and MQTT picks): which
/// rows may be allocated at all, and which row should leave before a lot someone named. Built per product from the
/// lots held at this site and today's date, so a box offline for a week still refuses what was held or has expired.
/// <paramref name="sellExpired"/> is the product's setting (<see cref="ProductLotSettings.SellExpired"/>): expired lots
/// are then allocated like any other, still in expiry order (so first); held lots never are.
/// </summary>
public sealed class LotRules(IReadOnlySet<string> heldLots, DateOnly today, bool sellExpired = false)
{
    /// <summary>A movement's reason when a manager took a lot out of expiry order (the manager's words are its note).</summary>
    public const string OverrideReason = "fefo_override";

    public DateOnly Today { get; } = today;

    /// <summary>Stock without a lot code cannot be held: a hold names a lot.</summary>
    public bool IsHeld(string lot) => lot.Length > 0 && heldLots.Contains(lot);

    public bool IsExpired(DateOnly? expiry) => expiry is { } e && e < Today;

    /// <summary>Whether expired stock of this product may be allocated (the product's sell-expired setting).</summary>
    public bool SellsExpired { get; } = sellExpired;

    public bool IsAllocatable(LevelSlot slot) =>
        SellsExpired ? !IsHeld(slot.Lot) : LotStatus.IsAllocatable(IsHeld(slot.Lot) ? LotStatus.Hold : null, slot.Expiry, Today);

    /// <summary>Why a named lot may not leave as a sale, a reservation or a transfer; null when it may.</summary>
    public string? Refusal(string lot, DateOnly? expiry) =>
        IsHeld(lot) ? $"Lot {lot} is on hold."
        : IsExpired(expiry) && !SellsExpired ? string.Create(CultureInfo.InvariantCulture, $"Lot {lot} expired on {expiry:yyyy-MM-dd}.")
        : null;

    /// <summary>
    /// The row that should leave before the named lot: an allocatable row of another lot with available stock and an
    /// earlier expiry (a lot without expiry goes last, so any dated lot comes before it). Null when the named lot is
    /// the right one to take.
    /// </summary>
    public LevelSlot? EarlierThan(IEnumerable<LevelSlot> slots, string lot, DateOnly? expiry) =>
        slots
            .Where(s => s.Lot != lot && s.Available > 0 && s.Expiry is { } e && (expiry is null || e < expiry) && IsAllocatable(s))
            .OrderBy(s => s.Expiry)
            .ThenBy(s => s.Bin, StringComparer.Ordinal)
            .ThenBy(s => s.Lot, StringComparer.Ordinal)
            .FirstOrDefault();

    /// <summary>The message that refuses a later lot and says what to take instead (lot and bin).</summary>
    public static string TakeFirst(string namedLot, LevelSlot first, string locationCode) =>
        string.Create(CultureInfo.InvariantCulture,
            $"Lot {namedLot} is not the first to expire: take lot {first.Lot} (expires {first.Expiry:yyyy-MM-dd}) from {(first.Bin.Length == 0 ? locationCode + ", no bin" : "bin " + first.Bin)} first.");
}
