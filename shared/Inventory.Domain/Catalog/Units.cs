namespace Inventory.Domain.Catalog;

/// <summary>The units a product is counted in; a product without one is counted in <see cref="Each"/>.</summary>
public static class Units
{
    public const string Each = "each";

    public static readonly IReadOnlyList<string> All = [Each, "case", "pallet", "box", "pack", "kg", "g", "l", "ml", "m"];

    public static bool IsKnown(string? unit) => unit is not null && All.Contains(unit, StringComparer.Ordinal);
}
