namespace Inventory.Domain.Ledger;

/// <summary>The kinds of line in the stock ledger. Stored by name, so values may be reordered freely.</summary>
public enum MovementType
{
    Receive,
    Ship,
    TransferOut,
    TransferIn,
    Adjust,
    Return,
    Count,
    Reserve,
    Release,
}

public static class MovementTypes
{
    private static readonly Dictionary<string, MovementType> ByWireName = Enum.GetValues<MovementType>()
        .ToDictionary(ToWireName, t => t, StringComparer.OrdinalIgnoreCase);

    /// <summary>snake_case, as the HTTP contract and the database spell it ("transfer_out").</summary>
    public static string ToWireName(this MovementType type) => type switch
    {
        MovementType.TransferOut => "transfer_out",
        MovementType.TransferIn => "transfer_in",
        _ => type.ToString().ToLowerInvariant(),
    };

    public static bool TryParse(string? value, out MovementType type)
    {
        type = default;
        return value is not null && ByWireName.TryGetValue(value, out type);
    }
}
