namespace Inventory.Domain;

/// <summary>Finds a value among the snake_case names the HTTP contract and the database use.</summary>
public static class WireNames
{
    public static int IndexOf(IReadOnlyList<string> names, string? value)
    {
        if (value is null)
        {
            return -1;
        }

        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], value, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
