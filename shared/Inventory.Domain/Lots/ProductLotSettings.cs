namespace Inventory.Domain.Lots;

/// <summary>
/// How a product's lots are handled, company-wide (it travels with the product record):
/// <see cref="LotTracked"/> makes every receipt name a lot; <see cref="ShelfLifeDays"/> dates a receipt that brings
/// no expiry (receipt date + shelf life); <see cref="ExpiryAlertDays"/> is how many days before expiry an alert opens;
/// <see cref="SellExpired"/> lets expired stock be allocated (held stock never is); it still leaves in expiry order.
/// </summary>
public sealed record ProductLotSettings(bool LotTracked, int? ShelfLifeDays, int ExpiryAlertDays, bool SellExpired)
{
    public const int DefaultExpiryAlertDays = 30;
    public const int MaxShelfLifeDays = 36_500;
    public const int MaxExpiryAlertDays = 3_650;

    /// <summary>What a product has until someone sets otherwise (and what an older replica's record means).</summary>
    public static ProductLotSettings Default { get; } = new(false, null, DefaultExpiryAlertDays, false);

    /// <summary>The expiry a receipt gets: its own when it names one, else receipt day + shelf life, else none.</summary>
    public DateOnly? ExpiryFor(DateOnly? given, DateOnly receivedOn) =>
        given ?? (ShelfLifeDays is { } days ? receivedOn.AddDays(days) : null);

    /// <summary>Why a receipt may not be recorded as asked; null when it may.</summary>
    public string? ReceiptRefusal(string? lot, string sku) =>
        LotTracked && string.IsNullOrWhiteSpace(lot) ? $"{sku} is lot-tracked: a receipt names its lot." : null;

    /// <summary>The first day a lot with this expiry is inside the alert window.</summary>
    public DateOnly AlertFrom(DateOnly expiry) => expiry.AddDays(-ExpiryAlertDays);

    /// <summary>These settings with a request's lot fields laid over them: an absent field keeps its value, shelf life 0 clears it.</summary>
    public ProductLotSettings With(bool? lotTracked, int? shelfLifeDays, int? expiryAlertDays, bool? sellExpired) => new(
        lotTracked ?? LotTracked,
        shelfLifeDays is null ? ShelfLifeDays : shelfLifeDays == 0 ? null : shelfLifeDays,
        expiryAlertDays ?? ExpiryAlertDays,
        sellExpired ?? SellExpired);
}
